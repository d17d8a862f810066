-- YKC (云快充) piles (issue 6, docs/ykc.md): what a pile reports at login (0x01), its CRC byte order and
-- the billing model it holds; the YKC fields of the charging transactions (device serial, bill).
-- ykc_pile: one row per car pile that has logged in over YKC (written at login and on model answers).
--   pile_type 'DC' | 'AC'; protocol_version e.g. '1.6'; network sim|lan|wan|other (raw value kept in
--   network_code); crc_order low_first | high_first (the order of the pile's last valid frame);
--   model_no the billing model number the pile holds (0x06 consistent, 0x57 success, or sent in 0x0A), 0 = none;
--   model_result how it got it / the last push: accepted | sent | rejected | '' (none yet).
CREATE TABLE ykc_pile (
  pile_id BIGINT PRIMARY KEY REFERENCES car_pile(id),
  pile_type TEXT NOT NULL DEFAULT '',
  gun_count INTEGER NOT NULL DEFAULT 0,
  protocol_version TEXT NOT NULL DEFAULT '',
  firmware TEXT NOT NULL DEFAULT '',
  sim TEXT NOT NULL DEFAULT '',
  network TEXT NOT NULL DEFAULT '',
  network_code INTEGER NOT NULL DEFAULT 0,
  carrier INTEGER NOT NULL DEFAULT 0,
  crc_order TEXT NOT NULL DEFAULT 'low_first',
  model_no INTEGER NOT NULL DEFAULT 0,
  model_result TEXT NOT NULL DEFAULT '',
  model_time BIGINT,
  login_time BIGINT NOT NULL,
  remote_ip TEXT NOT NULL DEFAULT ''
);

-- Device-issued transaction serial (YKC 交易流水号, 32 digits) and the device's bill (0x3B):
-- energy 0.0001 kWh, amount 0.0001 yuan, tiers JSON [{tier, unitPrice, energy, amount}], start_method
-- app|card|vin|offline_card|ocpp, stop_code the device's raw stop reason, abnormal 1 when the session was
-- flagged (YKC: two idle reports during a session), flags the why.
ALTER TABLE charging_transaction ADD COLUMN device_serial TEXT;
ALTER TABLE charging_transaction ADD COLUMN start_method TEXT NOT NULL DEFAULT '';
ALTER TABLE charging_transaction ADD COLUMN vin TEXT NOT NULL DEFAULT '';
ALTER TABLE charging_transaction ADD COLUMN card TEXT NOT NULL DEFAULT '';
ALTER TABLE charging_transaction ADD COLUMN energy BIGINT;
ALTER TABLE charging_transaction ADD COLUMN amount BIGINT;
ALTER TABLE charging_transaction ADD COLUMN tiers TEXT NOT NULL DEFAULT '[]';
ALTER TABLE charging_transaction ADD COLUMN stop_code INTEGER;
ALTER TABLE charging_transaction ADD COLUMN abnormal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE charging_transaction ADD COLUMN flags TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX idx_charging_transaction_serial ON charging_transaction(device_kind, device_id, device_serial);

-- Ground locks on YKC piles (0x61–0x63): a parking spot's lock can be the lock of a pile's gun.
-- lock_pile_id/lock_gun_no set → lock commands for the spot go to that pile (0x62), and the pile's 0x61
-- reports update lock_state.
ALTER TABLE car_spot ADD COLUMN lock_pile_id BIGINT;
ALTER TABLE car_spot ADD COLUMN lock_gun_no INTEGER;
