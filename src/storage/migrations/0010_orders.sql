-- Orders and money (issue 7; ORD-CAR, ORD-BIKE, ORD-PAY, ORD-REF; docs/payment.md, docs/api-order.md).
-- Amounts paid/charged/refunded in fen (0.01 yuan); energy in 0.0001 kWh; times UTC epoch ms.
-- Every row that belongs to a station carries provider_id, property_id and station_id (scope without joins).
-- States are the names of domain/order/*_order_state.hpp; statuses are lower-case words (below).

-- Car charging orders (ORD-CAR). state: starting | charging | stopping | completed | abnormal | suspended.
-- device_txn_no: the device's transaction reference (YKC 交易流水号, OCPP transactionId) — unique per pile,
-- so a retransmitted transaction record finds its order and is applied once.
CREATE TABLE car_charge_order (
  id {{ID}},
  order_no TEXT NOT NULL UNIQUE,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  station_id BIGINT NOT NULL,
  area_id BIGINT,
  pile_id BIGINT NOT NULL,
  pile_code TEXT NOT NULL DEFAULT '',
  gun_id BIGINT NOT NULL,
  gun_code TEXT NOT NULL DEFAULT '',
  user_id BIGINT,
  phone TEXT NOT NULL DEFAULT '',
  plate TEXT NOT NULL DEFAULT '',
  card_no TEXT NOT NULL DEFAULT '',
  reservation_no TEXT NOT NULL DEFAULT '',
  start_method TEXT NOT NULL DEFAULT 'app',
  state TEXT NOT NULL DEFAULT 'starting',
  end_reason TEXT NOT NULL DEFAULT '',
  tariff_version_id BIGINT,
  pay_order_id BIGINT,
  prepaid BIGINT NOT NULL DEFAULT 0,
  energy BIGINT NOT NULL DEFAULT 0,
  energy_fee BIGINT NOT NULL DEFAULT 0,
  service_fee BIGINT NOT NULL DEFAULT 0,
  charged BIGINT NOT NULL DEFAULT 0,
  refunded BIGINT NOT NULL DEFAULT 0,
  power_w BIGINT NOT NULL DEFAULT 0,
  device_txn_no TEXT,
  billing_detail TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  start_at BIGINT,
  end_at BIGINT,
  last_report_at BIGINT,
  device_lost_at BIGINT,
  updated_at BIGINT,
  CHECK (prepaid >= 0 AND charged >= 0 AND refunded >= 0 AND charged <= prepaid)
);
CREATE UNIQUE INDEX uq_car_order_device_txn ON car_charge_order(pile_id, device_txn_no) WHERE device_txn_no IS NOT NULL;
-- The list's filters (default: last 7 days, newest first): each leading column a filter, then the time.
CREATE INDEX idx_car_order_created ON car_charge_order(created_at);
CREATE INDEX idx_car_order_station ON car_charge_order(station_id, created_at);
CREATE INDEX idx_car_order_state ON car_charge_order(state, created_at);
CREATE INDEX idx_car_order_phone ON car_charge_order(phone, created_at);
CREATE INDEX idx_car_order_property ON car_charge_order(property_id, created_at);
CREATE INDEX idx_car_order_provider ON car_charge_order(provider_id, created_at);
CREATE INDEX idx_car_order_gun ON car_charge_order(gun_id, created_at);

-- E-bike charging orders (ORD-BIKE). state: charging | finished | suspended | abnormal.
CREATE TABLE bike_charge_order (
  id {{ID}},
  order_no TEXT NOT NULL UNIQUE,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  station_id BIGINT NOT NULL,
  area_id BIGINT,
  device_id BIGINT NOT NULL,
  device_code TEXT NOT NULL DEFAULT '',
  socket_id BIGINT NOT NULL,
  socket_no INTEGER NOT NULL DEFAULT 0,
  user_id BIGINT,
  phone TEXT NOT NULL DEFAULT '',
  card_no TEXT NOT NULL DEFAULT '',
  start_method TEXT NOT NULL DEFAULT 'app',
  state TEXT NOT NULL DEFAULT 'charging',
  end_reason TEXT NOT NULL DEFAULT '',
  tariff_id BIGINT,
  pay_order_id BIGINT,
  prepaid BIGINT NOT NULL DEFAULT 0,
  prepaid_duration_s BIGINT NOT NULL DEFAULT 0,
  duration_s BIGINT NOT NULL DEFAULT 0,
  energy BIGINT NOT NULL DEFAULT 0,
  energy_fee BIGINT NOT NULL DEFAULT 0,
  service_fee BIGINT NOT NULL DEFAULT 0,
  charged BIGINT NOT NULL DEFAULT 0,
  refunded BIGINT NOT NULL DEFAULT 0,
  power_w BIGINT NOT NULL DEFAULT 0,
  device_txn_no TEXT,
  split_status TEXT NOT NULL DEFAULT '',
  billing_detail TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  start_at BIGINT,
  end_at BIGINT,
  last_report_at BIGINT,
  device_lost_at BIGINT,
  updated_at BIGINT,
  CHECK (prepaid >= 0 AND charged >= 0 AND refunded >= 0 AND charged <= prepaid)
);
CREATE UNIQUE INDEX uq_bike_order_device_txn ON bike_charge_order(device_id, device_txn_no) WHERE device_txn_no IS NOT NULL;
CREATE INDEX idx_bike_order_created ON bike_charge_order(created_at);
CREATE INDEX idx_bike_order_station ON bike_charge_order(station_id, created_at);
CREATE INDEX idx_bike_order_state ON bike_charge_order(state, created_at);
CREATE INDEX idx_bike_order_phone ON bike_charge_order(phone, created_at);
CREATE INDEX idx_bike_order_property ON bike_charge_order(property_id, created_at);
CREATE INDEX idx_bike_order_provider ON bike_charge_order(provider_id, created_at);
CREATE INDEX idx_bike_order_socket ON bike_charge_order(socket_id, created_at);

-- Payment orders (ORD-PAY): one per payment the app starts. status: unpaid | paid | failed | closed.
-- order_type car | bike (the charging order it pays for: charge_order_id, set when that order exists).
-- pay_type: the station's payment method (wechat | leshua | suixingpay); provider: the gateway
-- implementation that served it (sandbox, …). Money columns mirror the ledger (reconciliation checks it):
--   paid_amount = captured + refunded_amount + refund_pending + held      (held = what is still held)
-- The CHECK is the database-level guard that concurrent refunds can never exceed what was paid.
CREATE TABLE pay_order (
  id {{ID}},
  pay_no TEXT NOT NULL UNIQUE,
  order_type TEXT NOT NULL,
  charge_order_id BIGINT,
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  user_id BIGINT,
  phone TEXT NOT NULL DEFAULT '',
  pay_type TEXT NOT NULL,
  provider TEXT NOT NULL,
  merchant_no TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  amount BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'unpaid',
  paid_amount BIGINT NOT NULL DEFAULT 0,
  captured BIGINT NOT NULL DEFAULT 0,
  refunded_amount BIGINT NOT NULL DEFAULT 0,
  refund_pending BIGINT NOT NULL DEFAULT 0,
  gateway_prepay_id TEXT NOT NULL DEFAULT '',
  gateway_txn_no TEXT NOT NULL DEFAULT '',
  notify_body TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  paid_at BIGINT,
  closed_at BIGINT,
  updated_at BIGINT,
  CHECK (amount > 0),
  CHECK (captured >= 0 AND refunded_amount >= 0 AND refund_pending >= 0),
  CHECK (captured + refunded_amount + refund_pending <= paid_amount)
);
CREATE INDEX idx_pay_order_created ON pay_order(created_at);
CREATE INDEX idx_pay_order_station ON pay_order(station_id, created_at);
CREATE INDEX idx_pay_order_status ON pay_order(status, created_at);
CREATE INDEX idx_pay_order_phone ON pay_order(phone, created_at);
CREATE INDEX idx_pay_order_property ON pay_order(property_id, created_at);
CREATE INDEX idx_pay_order_provider ON pay_order(provider_id, created_at);
CREATE INDEX idx_pay_order_paid ON pay_order(paid_at);
CREATE INDEX idx_pay_order_charge ON pay_order(order_type, charge_order_id);

-- Refunds (ORD-REF). refund_type: prepay_return (unused prepayment, automatic at settlement) |
-- fee_refund (an operator refunds charging fees). status: pending | succeeded | failed.
-- source: the ledger account the money leaves (held for prepay returns, revenue for fee refunds).
CREATE TABLE pay_refund (
  id {{ID}},
  refund_no TEXT NOT NULL UNIQUE,
  pay_order_id BIGINT NOT NULL REFERENCES pay_order(id),
  pay_no TEXT NOT NULL,
  order_type TEXT NOT NULL,
  charge_order_id BIGINT,
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  refund_type TEXT NOT NULL,
  source TEXT NOT NULL,
  amount BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  reason TEXT NOT NULL DEFAULT '',
  operator TEXT NOT NULL DEFAULT '',
  gateway_refund_no TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  notify_body TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  refunded_at BIGINT,
  updated_at BIGINT,
  CHECK (amount > 0)
);
CREATE INDEX idx_pay_refund_created ON pay_refund(created_at);
CREATE INDEX idx_pay_refund_station ON pay_refund(station_id, created_at);
CREATE INDEX idx_pay_refund_status ON pay_refund(status, created_at);
CREATE INDEX idx_pay_refund_phone ON pay_refund(phone, created_at);
CREATE INDEX idx_pay_refund_property ON pay_refund(property_id, created_at);
CREATE INDEX idx_pay_refund_provider ON pay_refund(provider_id, created_at);
CREATE INDEX idx_pay_refund_pay_order ON pay_refund(pay_order_id);

-- The one ledger of money movements, double entry: a movement (txn_no) is two or more rows whose
-- signed amounts sum to 0. Accounts (per pay order):
--   payer      the driver's money outside the platform (payment −, refund +)
--   held       prepayment held for the order
--   refunding  refund requested, not yet confirmed by the gateway
--   revenue    charged (captured) for charging
-- later: split:<account> (profit sharing), card:<no> (stored-value cards).
-- kind: payment | capture | refund_request | refund | refund_failed. txn_no is derived from the business
-- key (pay:<pay_no>, refund:<refund_no>, …): UNIQUE (txn_no, account) makes every movement apply once.
CREATE TABLE ledger_entry (
  id {{ID}},
  txn_no TEXT NOT NULL,
  kind TEXT NOT NULL,
  account TEXT NOT NULL,
  amount BIGINT NOT NULL,
  pay_order_id BIGINT NOT NULL,
  refund_id BIGINT,
  order_type TEXT NOT NULL,
  charge_order_id BIGINT,
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (txn_no, account)
);
CREATE INDEX idx_ledger_pay_order ON ledger_entry(pay_order_id);
CREATE INDEX idx_ledger_created ON ledger_entry(created_at);

-- The built-in sandbox payment gateway's own books (integrations/payment/sandbox_gateway.*): what a
-- real gateway keeps on its side. status: pending | paid | declined | closed.
CREATE TABLE sandbox_gateway_order (
  id {{ID}},
  prepay_id TEXT NOT NULL UNIQUE,
  merchant_no TEXT NOT NULL,
  out_trade_no TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  amount BIGINT NOT NULL,
  refunded BIGINT NOT NULL DEFAULT 0,
  notify_url TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  transaction_id TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  paid_at BIGINT,
  UNIQUE (merchant_no, out_trade_no),
  CHECK (refunded >= 0 AND refunded <= amount)
);

-- status: processing | succeeded. due_at: when the sandbox completes it (refunds are asynchronous).
CREATE TABLE sandbox_gateway_refund (
  id {{ID}},
  refund_id TEXT NOT NULL UNIQUE,
  merchant_no TEXT NOT NULL,
  out_trade_no TEXT NOT NULL,
  out_refund_no TEXT NOT NULL,
  amount BIGINT NOT NULL,
  notify_url TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'processing',
  created_at BIGINT NOT NULL,
  due_at BIGINT NOT NULL,
  succeeded_at BIGINT,
  UNIQUE (merchant_no, out_refund_no)
);
CREATE INDEX idx_sandbox_refund_due ON sandbox_gateway_refund(status, due_at);

-- The sandbox's notification outbox: POSTed (signed when sent) until the platform acknowledges.
CREATE TABLE sandbox_notification (
  id {{ID}},
  merchant_no TEXT NOT NULL,
  url TEXT NOT NULL,
  body TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  delivered_at BIGINT,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX idx_sandbox_notification_due ON sandbox_notification(delivered_at, next_attempt_at);

-- Buttons of the payment (403) and refund (406) pages; provider and property admins get query/export,
-- the reconciliation check is for system administrators.
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40301, 403, '查询', 'Query', 'F', '', '', 'order:payment:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40302, 403, '导出', 'Export', 'F', '', '', 'order:payment:export', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40303, 403, '对账检查', 'Reconciliation', 'F', '', '', 'order:payment:reconcile', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40601, 406, '查询', 'Query', 'F', '', '', 'order:refund:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40602, 406, '导出', 'Export', 'F', '', '', 'order:refund:export', '', 2);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key = 'provider_admin' AND m.id IN (40301, 40302, 40601, 40602);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key = 'property_admin' AND m.id IN (40301, 40302, 40601, 40602);
