-- Profit sharing (分账, STAT-SPLIT; docs/splits.md). A pay order captured at a station whose payment
-- configuration has splitting on gets one split_order; its receivers are split_receiver rows (the
-- station's accounts and ratios at that time, amount = floor(fee × ratio)). status:
--   pending     created or waiting for its next automatic attempt (next_attempt_at)
--   processing  accepted by the gateway (gateway_out_no = split_no-<sends>: a new number per send, since
--               a gateway keeps a failed split's number), the result not known yet
--   succeeded   the receivers have their money (returned counts what came back since)
--   failed      the automatic attempts ran out: an operator re-splits it (分账)
--   returned    everything came back (revoked, or refunded to the driver)
-- pay_order.split_amount is what left the main merchant's revenue for splits (receivable, sent or being
-- returned): the ledger accounts split_pending, split:<account>, split_returning (reconciliation checks it).
ALTER TABLE pay_order ADD COLUMN split_amount BIGINT NOT NULL DEFAULT 0;
-- The car orders get the column the e-bike orders have had since 0010 ('' = no split, else the split's status).
ALTER TABLE car_charge_order ADD COLUMN split_status TEXT NOT NULL DEFAULT '';

CREATE TABLE split_order (
  id {{ID}},
  split_no TEXT NOT NULL UNIQUE,
  pay_order_id BIGINT NOT NULL UNIQUE REFERENCES pay_order(id),
  pay_no TEXT NOT NULL,
  order_type TEXT NOT NULL,
  charge_order_id BIGINT,
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  merchant_no TEXT NOT NULL,
  fee BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  returned BIGINT NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  sends INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT,
  gateway_out_no TEXT NOT NULL DEFAULT '',
  gateway_order_id TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  operator TEXT NOT NULL DEFAULT 'system',
  created_at BIGINT NOT NULL,
  finished_at BIGINT,
  updated_at BIGINT,
  CHECK (amount > 0 AND amount <= fee AND returned >= 0 AND returned <= amount)
);
CREATE INDEX idx_split_order_created ON split_order(created_at);
CREATE INDEX idx_split_order_status ON split_order(status, next_attempt_at);
CREATE INDEX idx_split_order_station ON split_order(station_id, created_at);

-- type merchant | personal (WeChat MERCHANT_ID | PERSONAL_OPENID); ratio in 0.01 %.
CREATE TABLE split_receiver (
  id {{ID}},
  split_id BIGINT NOT NULL REFERENCES split_order(id),
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  account TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  ratio BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  returned BIGINT NOT NULL DEFAULT 0,
  CHECK (amount > 0 AND returned >= 0 AND returned <= amount)
);
CREATE INDEX idx_split_receiver_split ON split_receiver(split_id);
CREATE INDEX idx_split_receiver_account ON split_receiver(account);

-- Returns (回退) of one receiver's money: reason revoke (an operator) | refund (a refund to the driver).
-- status processing | succeeded | failed.
CREATE TABLE split_return (
  id {{ID}},
  return_no TEXT NOT NULL UNIQUE,
  split_id BIGINT NOT NULL REFERENCES split_order(id),
  receiver_id BIGINT NOT NULL REFERENCES split_receiver(id),
  account TEXT NOT NULL,
  amount BIGINT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'processing',
  gateway_return_id TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  operator TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  finished_at BIGINT,
  CHECK (amount > 0)
);
CREATE INDEX idx_split_return_split ON split_return(split_id);
CREATE INDEX idx_split_return_status ON split_return(status);

-- The sandbox gateway's side of profit sharing (kind split | return). outcome is decided when the request
-- is accepted (payment.sandbox_split_failure_rate) and shown once due_at has passed (asynchronous result).
-- detail: the split's receivers "type account amount" one a line.
CREATE TABLE sandbox_profit_sharing (
  id {{ID}},
  kind TEXT NOT NULL,
  merchant_no TEXT NOT NULL,
  out_no TEXT NOT NULL,
  gateway_id TEXT NOT NULL,
  out_trade_no TEXT NOT NULL,
  out_order_no TEXT NOT NULL DEFAULT '',
  account TEXT NOT NULL DEFAULT '',
  amount BIGINT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  due_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (merchant_no, kind, out_no)
);
CREATE INDEX idx_sandbox_ps_trade ON sandbox_profit_sharing(merchant_no, out_trade_no);

-- Buttons: the orders' 分账 (manual re-split) and the split records' query, revoke and re-split.
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40108, 401, '分账', 'Split', 'F', '', '', 'order:car:split', '', 8);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40208, 402, '分账', 'Split', 'F', '', '', 'order:bike:split', '', 8);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (60101, 601, '查询', 'Query', 'F', '', '', 'stat:split:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (60102, 601, '撤销分账', 'Revoke', 'F', '', '', 'stat:split:revoke', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (60103, 601, '重新分账', 'Re-split', 'F', '', '', 'stat:split:resplit', '', 3);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key IN ('provider_admin', 'property_admin') AND m.id IN (40108, 40208, 60101, 60102, 60103);
