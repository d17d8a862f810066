-- Device transaction records (issue 13 items 1–3; docs/ykc.md "Transaction records", docs/ocpp.md,
-- docs/api-order.md "Device records").
--
-- 1. The only deduplication key of a device transaction is what identifies it on the wire: the YKC
--    交易流水号 (unique index idx_charging_transaction_serial, migration 0008) or the OCPP transactionId
--    (the row id). The unique key (device_kind, device_id, connector_id, start_time) of migration 0006 made
--    a second session of a gun starting in the same second — or two records whose invalid times fell back
--    to the receive time — fail to insert: the record was lost and the pile never got its 0x40. It goes;
--    a plain index keeps the OCPP StartTransaction retry lookup fast (connector + timestamp + idTag +
--    meterStart, TransactionRepo / DeviceRepo::start_transaction).
--    SQLite cannot drop a table constraint: the table is rebuilt with the same columns and ids.
-- @sqlite
CREATE TABLE charging_transaction_new (
  id {{ID}},
  device_kind TEXT NOT NULL,
  device_id BIGINT NOT NULL,
  connector_id INTEGER NOT NULL,
  id_tag TEXT NOT NULL,
  id_tag_status TEXT NOT NULL,
  reservation_id BIGINT,
  meter_start BIGINT NOT NULL,
  meter_stop BIGINT,
  meter_last BIGINT,
  meter_last_time BIGINT,
  start_time BIGINT NOT NULL,
  stop_time BIGINT,
  stop_reason TEXT NOT NULL DEFAULT '',
  stop_id_tag TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active',
  provider_id BIGINT,
  property_id BIGINT,
  station_id BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT,
  device_serial TEXT,
  start_method TEXT NOT NULL DEFAULT '',
  vin TEXT NOT NULL DEFAULT '',
  card TEXT NOT NULL DEFAULT '',
  energy BIGINT,
  amount BIGINT,
  tiers TEXT NOT NULL DEFAULT '[]',
  stop_code INTEGER,
  abnormal INTEGER NOT NULL DEFAULT 0,
  flags TEXT NOT NULL DEFAULT ''
);
INSERT INTO charging_transaction_new (id, device_kind, device_id, connector_id, id_tag, id_tag_status,
  reservation_id, meter_start, meter_stop, meter_last, meter_last_time, start_time, stop_time, stop_reason,
  stop_id_tag, status, provider_id, property_id, station_id, created_at, updated_at, device_serial,
  start_method, vin, card, energy, amount, tiers, stop_code, abnormal, flags)
SELECT id, device_kind, device_id, connector_id, id_tag, id_tag_status, reservation_id, meter_start,
  meter_stop, meter_last, meter_last_time, start_time, stop_time, stop_reason, stop_id_tag, status,
  provider_id, property_id, station_id, created_at, updated_at, device_serial, start_method, vin, card,
  energy, amount, tiers, stop_code, abnormal, flags FROM charging_transaction;
DROP TABLE charging_transaction;
ALTER TABLE charging_transaction_new RENAME TO charging_transaction;
CREATE INDEX idx_charging_transaction_device ON charging_transaction(device_kind, device_id, status);
CREATE UNIQUE INDEX idx_charging_transaction_serial ON charging_transaction(device_kind, device_id, device_serial);
-- @postgres
DO $$
DECLARE n text;
BEGIN
  FOR n IN SELECT conname FROM pg_constraint
           WHERE conrelid = 'charging_transaction'::regclass AND contype = 'u' LOOP
    EXECUTE 'ALTER TABLE charging_transaction DROP CONSTRAINT ' || quote_ident(n);
  END LOOP;
END $$;
-- @all
CREATE INDEX idx_charging_transaction_start ON charging_transaction(device_kind, device_id, connector_id, start_time);

-- 2./3. Flags and reconciliation. abnormal = 1 + flags (reasons joined by '; ') mark a record for review:
--    a session flagged while it ran (two idle 0x13), a record naming another pile or a gun the pile does
--    not have (answered 0x40 0x01), a meter stop below the meter start, an OCPP StopTransaction for a
--    transaction the platform never issued (kept as device_serial 'ocpp-tx:<id>').
--    reconcile: open | reviewed — an operator's review of a record (PUT /order/record/{id}/review), with
--    the note, who and when. A record's platform order is found by the order's device_txn_no (car: the
--    serial or the transaction id; e-bike: the transaction id): an order that takes the record's reference
--    (the card feature) attaches it, and the record leaves the "without order" list.
ALTER TABLE charging_transaction ADD COLUMN reconcile TEXT NOT NULL DEFAULT 'open';
ALTER TABLE charging_transaction ADD COLUMN reconcile_note TEXT NOT NULL DEFAULT '';
ALTER TABLE charging_transaction ADD COLUMN reconciled_by TEXT NOT NULL DEFAULT '';
ALTER TABLE charging_transaction ADD COLUMN reconciled_at BIGINT;
-- The list (GET /order/record/list): newest first, by scope and station.
CREATE INDEX idx_charging_transaction_time ON charging_transaction(start_time);
CREATE INDEX idx_charging_transaction_station ON charging_transaction(station_id, start_time);
CREATE INDEX idx_charging_transaction_property ON charging_transaction(property_id, start_time);
CREATE INDEX idx_charging_transaction_provider ON charging_transaction(provider_id, start_time);

-- The page 订单管理 › 设备交易记录 (407) and its buttons; provider and property admins get them.
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (407, 400, '设备交易记录', 'Device Records', 'C', 'record', 'order/record/index', 'order:record:list', 'list', 7);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40701, 407, '查询', 'Query', 'F', '', '', 'order:record:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40702, 407, '核对', 'Review', 'F', '', '', 'order:record:review', '', 2);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key = 'provider_admin' AND m.id IN (407, 40701, 40702);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key = 'property_admin' AND m.id IN (407, 40701, 40702);
