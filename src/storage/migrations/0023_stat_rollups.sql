-- Roll-ups of the charging orders for the home dashboard and the station report (issue 19;
-- docs/api-stat.md "Roll-ups"). Derived data only: `zhichong stats rebuild` recomputes any range.
--
-- stat_station_day: per station and the station's local day (the day its orders were created and its fee
-- refunds were made): sessions (orders of every state), charging seconds, energy (0.0001 kWh), fees and
-- refunds in fen. The owner columns are the station's, for the data scope.
CREATE TABLE stat_station_day (
  id {{ID}},
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  sessions BIGINT NOT NULL DEFAULT 0,
  charge_seconds BIGINT NOT NULL DEFAULT 0,
  energy BIGINT NOT NULL DEFAULT 0,
  energy_fee BIGINT NOT NULL DEFAULT 0,
  service_fee BIGINT NOT NULL DEFAULT 0,
  occupancy_fee BIGINT NOT NULL DEFAULT 0,
  charged BIGINT NOT NULL DEFAULT 0,
  refunds BIGINT NOT NULL DEFAULT 0,
  refunded BIGINT NOT NULL DEFAULT 0,
  UNIQUE (station_id, station_type, day)  -- station first: a kind alone is no key to read a day range by
);
-- A date range of every station (the report of a system admin) is read from this index alone.
CREATE INDEX idx_stat_day_day ON stat_station_day(day, station_type, station_id, provider_id, property_id, sessions,
  charge_seconds, energy, energy_fee, service_fee, occupancy_fee, charged, refunds, refunded);
CREATE INDEX idx_stat_day_property ON stat_station_day(property_id, day);
CREATE INDEX idx_stat_day_provider ON stat_station_day(provider_id, day);

-- Per station: its sessions of all days (the dashboard's order counts read ≤ one row per station).
CREATE TABLE stat_station_total (
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  sessions BIGINT NOT NULL,
  PRIMARY KEY (station_type, station_id)
);

-- The ranking's session counts (orders with a user): per user and station, summed per property and over
-- everything so that a property's and the whole platform's top users are one index read.
CREATE TABLE stat_user_station (
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  sessions BIGINT NOT NULL,
  PRIMARY KEY (station_type, station_id, user_id)
);
CREATE INDEX idx_stat_user_station_user ON stat_user_station(user_id);
CREATE TABLE stat_user_property (
  property_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  car_sessions BIGINT NOT NULL,
  bike_sessions BIGINT NOT NULL,
  sessions BIGINT NOT NULL,
  PRIMARY KEY (property_id, user_id)
);
CREATE INDEX idx_stat_user_property_rank ON stat_user_property(property_id, sessions DESC, user_id);
CREATE INDEX idx_stat_user_property_provider ON stat_user_property(provider_id, user_id);
CREATE TABLE stat_user_total (
  user_id BIGINT PRIMARY KEY,
  car_sessions BIGINT NOT NULL,
  bike_sessions BIGINT NOT NULL,
  sessions BIGINT NOT NULL
);
CREATE INDEX idx_stat_user_total_rank ON stat_user_total(sessions DESC, user_id);

-- What changed since the roll-up job last ran: one row per written order or refund (its station, creation
-- time and, for orders, user — before and after), appended by triggers so that no order or payment code has
-- to know; the job takes the rows and recomputes those stations' days and those users' counts.
CREATE TABLE stat_dirty (
  id {{ID}},
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  at BIGINT NOT NULL,
  user_id BIGINT
);

-- @sqlite
CREATE TRIGGER stat_dirty_car_ins AFTER INSERT ON car_charge_order BEGIN
  INSERT INTO stat_dirty (station_type, station_id, at, user_id) VALUES ('car', NEW.station_id, NEW.created_at, NEW.user_id);
END;
CREATE TRIGGER stat_dirty_car_upd AFTER UPDATE OF station_id, created_at, user_id, energy, energy_fee, service_fee, charged, start_at, end_at ON car_charge_order BEGIN
  INSERT INTO stat_dirty (station_type, station_id, at, user_id) VALUES ('car', NEW.station_id, NEW.created_at, NEW.user_id);
  INSERT INTO stat_dirty (station_type, station_id, at, user_id) SELECT 'car', OLD.station_id, OLD.created_at, OLD.user_id
    WHERE OLD.station_id <> NEW.station_id OR OLD.created_at <> NEW.created_at OR OLD.user_id IS NOT NEW.user_id;
END;
CREATE TRIGGER stat_dirty_car_del AFTER DELETE ON car_charge_order BEGIN
  INSERT INTO stat_dirty (station_type, station_id, at, user_id) VALUES ('car', OLD.station_id, OLD.created_at, OLD.user_id);
END;
CREATE TRIGGER stat_dirty_bike_ins AFTER INSERT ON bike_charge_order BEGIN
  INSERT INTO stat_dirty (station_type, station_id, at, user_id) VALUES ('bike', NEW.station_id, NEW.created_at, NEW.user_id);
END;
CREATE TRIGGER stat_dirty_bike_upd AFTER UPDATE OF station_id, created_at, user_id, energy, energy_fee, service_fee, charged, duration_s ON bike_charge_order BEGIN
  INSERT INTO stat_dirty (station_type, station_id, at, user_id) VALUES ('bike', NEW.station_id, NEW.created_at, NEW.user_id);
  INSERT INTO stat_dirty (station_type, station_id, at, user_id) SELECT 'bike', OLD.station_id, OLD.created_at, OLD.user_id
    WHERE OLD.station_id <> NEW.station_id OR OLD.created_at <> NEW.created_at OR OLD.user_id IS NOT NEW.user_id;
END;
CREATE TRIGGER stat_dirty_bike_del AFTER DELETE ON bike_charge_order BEGIN
  INSERT INTO stat_dirty (station_type, station_id, at, user_id) VALUES ('bike', OLD.station_id, OLD.created_at, OLD.user_id);
END;
CREATE TRIGGER stat_dirty_refund_ins AFTER INSERT ON pay_refund BEGIN
  INSERT INTO stat_dirty (station_type, station_id, at) VALUES (NEW.station_type, NEW.station_id, NEW.created_at);
END;
CREATE TRIGGER stat_dirty_refund_upd AFTER UPDATE OF status, amount, refund_type, created_at ON pay_refund BEGIN
  INSERT INTO stat_dirty (station_type, station_id, at) VALUES (NEW.station_type, NEW.station_id, NEW.created_at);
END;
-- @postgres
CREATE FUNCTION stat_dirty_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO stat_dirty (station_type, station_id, at, user_id) VALUES (TG_ARGV[0], NEW.station_id, NEW.created_at, NEW.user_id);
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD.station_id <> NEW.station_id OR OLD.created_at <> NEW.created_at
      OR OLD.user_id IS DISTINCT FROM NEW.user_id)) THEN
    INSERT INTO stat_dirty (station_type, station_id, at, user_id) VALUES (TG_ARGV[0], OLD.station_id, OLD.created_at, OLD.user_id);
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION stat_dirty_refund() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_dirty (station_type, station_id, at) VALUES (NEW.station_type, NEW.station_id, NEW.created_at);
  RETURN NULL;
END $$;
CREATE TRIGGER stat_dirty_car_ins AFTER INSERT OR DELETE ON car_charge_order FOR EACH ROW EXECUTE FUNCTION stat_dirty_order('car');
CREATE TRIGGER stat_dirty_car_upd AFTER UPDATE OF station_id, created_at, user_id, energy, energy_fee, service_fee, charged, start_at, end_at ON car_charge_order FOR EACH ROW EXECUTE FUNCTION stat_dirty_order('car');
CREATE TRIGGER stat_dirty_bike_ins AFTER INSERT OR DELETE ON bike_charge_order FOR EACH ROW EXECUTE FUNCTION stat_dirty_order('bike');
CREATE TRIGGER stat_dirty_bike_upd AFTER UPDATE OF station_id, created_at, user_id, energy, energy_fee, service_fee, charged, duration_s ON bike_charge_order FOR EACH ROW EXECUTE FUNCTION stat_dirty_order('bike');
CREATE TRIGGER stat_dirty_refund AFTER INSERT OR UPDATE OF status, amount, refund_type, created_at ON pay_refund FOR EACH ROW EXECUTE FUNCTION stat_dirty_refund();
-- @all

-- Orders and refunds already there: the first run of the job rolls their days up, one mark per station and
-- quarter hour (every zone's midnight falls on a quarter hour, so a quarter is within one local day); the
-- users' counts are computed here at once.
INSERT INTO stat_dirty (station_type, station_id, at) SELECT DISTINCT 'car', station_id, created_at / 900000 * 900000 FROM car_charge_order;
INSERT INTO stat_dirty (station_type, station_id, at) SELECT DISTINCT 'bike', station_id, created_at / 900000 * 900000 FROM bike_charge_order;
INSERT INTO stat_dirty (station_type, station_id, at) SELECT DISTINCT station_type, station_id, created_at / 900000 * 900000 FROM pay_refund;
INSERT INTO stat_user_station (station_type, station_id, user_id, provider_id, property_id, sessions)
  SELECT 'car', o.station_id, o.user_id, MIN(s.provider_id), MIN(s.property_id), COUNT(*) FROM car_charge_order o
  JOIN car_station s ON s.id = o.station_id WHERE o.user_id IS NOT NULL GROUP BY o.station_id, o.user_id;
INSERT INTO stat_user_station (station_type, station_id, user_id, provider_id, property_id, sessions)
  SELECT 'bike', o.station_id, o.user_id, MIN(s.provider_id), MIN(s.property_id), COUNT(*) FROM bike_charge_order o
  JOIN bike_station s ON s.id = o.station_id WHERE o.user_id IS NOT NULL GROUP BY o.station_id, o.user_id;
INSERT INTO stat_user_property (property_id, user_id, provider_id, car_sessions, bike_sessions, sessions)
  SELECT property_id, user_id, MIN(provider_id), SUM(CASE WHEN station_type = 'car' THEN sessions ELSE 0 END),
  SUM(CASE WHEN station_type = 'bike' THEN sessions ELSE 0 END), SUM(sessions) FROM stat_user_station GROUP BY property_id, user_id;
INSERT INTO stat_user_total (user_id, car_sessions, bike_sessions, sessions)
  SELECT user_id, SUM(car_sessions), SUM(bike_sessions), SUM(sessions) FROM stat_user_property GROUP BY user_id;

INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (60201, 602, '导出', 'Export', 'F', '', '', 'stat:station:export', '', 1);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key IN ('provider_admin', 'property_admin') AND m.id = 60201;
