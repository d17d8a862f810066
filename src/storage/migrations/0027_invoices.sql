-- E-invoices (ORD-INV, APP-5 invoice; docs/invoices.md). One invoice covers one or several completed orders of
-- one station and one buyer; the seller and the lines are copied at request time (a later change of the
-- station's invoice configuration does not change a requested invoice). Money in fen, rates in 0.01 %.
-- status: issuing (开票中) | issued (已开票) | failed (开票失败) | voided (已作废).
-- invoice_no: the platform's number (发票编号, the provider's orderNo); serial_no: the provider's
-- invoiceSerialNum (流水号); invoice_number / invoice_code: 发票号码 / 发票代码 once issued.
CREATE TABLE invoice (
  id {{ID}},
  invoice_no TEXT NOT NULL UNIQUE,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  user_id BIGINT,
  source TEXT NOT NULL,
  applicant TEXT NOT NULL DEFAULT '',
  title_type TEXT NOT NULL,
  title TEXT NOT NULL,
  taxpayer_id TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  amount BIGINT NOT NULL,
  tax BIGINT NOT NULL,
  merchant_no TEXT NOT NULL DEFAULT '',
  invoice_line TEXT NOT NULL DEFAULT 'pc',
  seller TEXT NOT NULL,
  lines TEXT NOT NULL,
  remark TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'issuing',
  provider TEXT NOT NULL DEFAULT '',
  serial_no TEXT NOT NULL DEFAULT '',
  invoice_number TEXT NOT NULL DEFAULT '',
  invoice_code TEXT NOT NULL DEFAULT '',
  fail_reason TEXT NOT NULL DEFAULT '',
  red_number TEXT NOT NULL DEFAULT '',
  pdf_path TEXT NOT NULL DEFAULT '',
  pdf_size BIGINT NOT NULL DEFAULT 0,
  attempts BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  issued_at BIGINT,
  finished_at BIGINT,
  voided_at BIGINT,
  void_reason TEXT NOT NULL DEFAULT '',
  updated_at BIGINT,
  CHECK (amount > 0 AND tax >= 0)
);
CREATE INDEX idx_invoice_created ON invoice(created_at);
CREATE INDEX idx_invoice_station ON invoice(station_id, created_at);
CREATE INDEX idx_invoice_status ON invoice(status, created_at);
CREATE INDEX idx_invoice_user ON invoice(user_id, created_at);
CREATE INDEX idx_invoice_provider ON invoice(provider_id, created_at);
CREATE INDEX idx_invoice_property ON invoice(property_id, created_at);

-- The orders of an invoice. active = 1 while the invoice is not voided: an order has at most one active
-- invoice (the unique index is the guard against two requests at once).
CREATE TABLE invoice_order (
  invoice_id BIGINT NOT NULL,
  order_type TEXT NOT NULL,
  order_id BIGINT NOT NULL,
  order_no TEXT NOT NULL,
  amount BIGINT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (invoice_id, order_type, order_id)
);
CREATE UNIQUE INDEX uq_invoice_order_active ON invoice_order(order_type, order_id) WHERE active = 1;
CREATE INDEX idx_invoice_order_no ON invoice_order(order_no);

-- Buttons: the invoice page (405) and the orders' 开票 (car 401, e-bike 402).
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40501, 405, '查询', 'Query', 'F', '', '', 'order:invoice:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40502, 405, '下载PDF', 'Download PDF', 'F', '', '', 'order:invoice:download', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40503, 405, '重开', 'Re-issue', 'F', '', '', 'order:invoice:reissue', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40504, 405, '作废', 'Void', 'F', '', '', 'order:invoice:void', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40109, 401, '开票', 'Invoice', 'F', '', '', 'order:car:invoice', '', 9);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40209, 402, '开票', 'Invoice', 'F', '', '', 'order:bike:invoice', '', 9);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key IN ('provider_admin', 'property_admin') AND m.id IN (40501, 40502, 40503, 40504, 40109, 40209);
