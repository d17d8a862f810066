-- Device gateway (issue 5, docs/ocpp.md): the online/offline log (STAT-ONLINE), the charging
-- transactions the devices report (OCPP StartTransaction/StopTransaction; the orders module settles
-- them later) and the per-device connection passwords (OCPP security profile 1, Basic auth).
-- device_kind: car_pile | bike_device | …; rows carry the owner ids so data scope filters without joins.

CREATE TABLE device_online_log (
  id {{ID}},
  device_kind TEXT NOT NULL,
  device_id BIGINT NOT NULL,
  device_name TEXT NOT NULL DEFAULT '',
  device_code TEXT NOT NULL DEFAULT '',
  device_sn TEXT NOT NULL DEFAULT '',
  protocol TEXT NOT NULL DEFAULT '',
  state INTEGER NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  remote_ip TEXT NOT NULL DEFAULT '',
  time BIGINT NOT NULL,
  provider_id BIGINT,
  property_id BIGINT,
  car_station_id BIGINT,
  bike_station_id BIGINT
);
CREATE INDEX idx_device_online_log_time ON device_online_log(time);
CREATE INDEX idx_device_online_log_device ON device_online_log(device_kind, device_id);
CREATE INDEX idx_device_online_log_provider ON device_online_log(provider_id);
CREATE INDEX idx_device_online_log_property ON device_online_log(property_id);

-- meter_start / meter_stop in 0.0001 kWh; times UTC epoch ms (start_time/stop_time as the device
-- reported them); meter_last = the latest energy register seen in MeterValues (written coalesced).
-- status: active | stopped. A retried StartTransaction (same device, connector and
-- timestamp) maps to the same row (idempotency).
CREATE TABLE charging_transaction (
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
  UNIQUE (device_kind, device_id, connector_id, start_time)
);
CREATE INDEX idx_charging_transaction_device ON charging_transaction(device_kind, device_id, status);

-- password_hash: hex BLAKE2b-256 of (salt || password), salt hex; passwords are 16–40 random
-- characters (OCPP AuthorizationKey), so a fast keyed hash is enough and reconnect storms stay cheap.
CREATE TABLE device_secret (
  device_kind TEXT NOT NULL,
  device_id BIGINT NOT NULL,
  salt TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (device_kind, device_id)
);
