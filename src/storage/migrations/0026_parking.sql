-- Parking rules, ground locks, reservations and occupancy fees (issue 17; CAR-SPOT, ORD-RSV, APP-6;
-- docs/parking.md). Times UTC epoch ms, money in fen.

-- One lock state per spot, whichever controls the lock (a camera side or a YKC pile gun): lock_state
-- open (lowered) | closed (raised) | moving | unknown; car_present NULL = not reported.
ALTER TABLE car_spot ADD COLUMN car_present INTEGER;
ALTER TABLE car_spot ADD COLUMN lock_battery INTEGER;
ALTER TABLE car_spot ADD COLUMN lock_alarm TEXT NOT NULL DEFAULT '';
ALTER TABLE car_spot ADD COLUMN lock_updated_at BIGINT;
-- The gun that charges the car parked in the spot (charging time there is not occupancy time; the gun's
-- pile carries the occupancy fee settings). A spot whose lock is a pile gun's lock uses that gun by default.
ALTER TABLE car_spot ADD COLUMN gun_id BIGINT;

-- 占位收费 of a pile: occupancy_fee is the price of one period (fen), charged after the free minutes, at
-- most occupancy_cap (fen, 0 = no cap) per stay.
ALTER TABLE car_pile ADD COLUMN occupancy_free_min INTEGER NOT NULL DEFAULT 0;
ALTER TABLE car_pile ADD COLUMN occupancy_period_min INTEGER NOT NULL DEFAULT 60;
ALTER TABLE car_pile ADD COLUMN occupancy_cap BIGINT NOT NULL DEFAULT 0;

-- The occupancy fee of a stay joins the charging order of that stay (paid as its own pay order).
ALTER TABLE car_charge_order ADD COLUMN occupancy_fee BIGINT NOT NULL DEFAULT 0;

-- Reservations (ORD-RSV). state: reserved | occupying | completed | cancelled | timed_out.
-- At most one active (reserved, occupying) reservation per driver and per spot.
CREATE TABLE parking_reservation (
  id {{ID}},
  reservation_no TEXT NOT NULL UNIQUE,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  station_id BIGINT NOT NULL,
  area_id BIGINT NOT NULL,
  spot_id BIGINT NOT NULL,
  pile_id BIGINT,
  user_id BIGINT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  plates TEXT NOT NULL DEFAULT '',
  plate TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'reserved',
  end_reason TEXT NOT NULL DEFAULT '',
  ended_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  arrived_at BIGINT,
  left_at BIGINT,
  ended_at BIGINT,
  lock_opened_at BIGINT,
  lock_closed_at BIGINT,
  updated_at BIGINT
);
CREATE UNIQUE INDEX uq_rsv_active_user ON parking_reservation(user_id) WHERE state IN ('reserved', 'occupying');
CREATE UNIQUE INDEX uq_rsv_active_spot ON parking_reservation(spot_id) WHERE state IN ('reserved', 'occupying');
CREATE INDEX idx_rsv_created ON parking_reservation(created_at);
CREATE INDEX idx_rsv_station ON parking_reservation(station_id, created_at);
CREATE INDEX idx_rsv_state ON parking_reservation(state, expires_at);
CREATE INDEX idx_rsv_property ON parking_reservation(property_id, created_at);
CREATE INDEX idx_rsv_provider ON parking_reservation(provider_id, created_at);

-- A car's stay in a spot whose time counts (reserved and green plates; whitelisted plates have none).
-- state parked | ended. occupancy_s = stay − charging on the spot's gun; fee by the pile's settings.
-- pay_status: none (no fee) | unpaid | paid; the fee is paid as a pay order of order_type occupancy.
CREATE TABLE parking_occupancy (
  id {{ID}},
  order_no TEXT NOT NULL UNIQUE,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  station_id BIGINT NOT NULL,
  spot_id BIGINT NOT NULL,
  pile_id BIGINT,
  gun_id BIGINT,
  reservation_id BIGINT,
  user_id BIGINT,
  phone TEXT NOT NULL DEFAULT '',
  plate TEXT NOT NULL DEFAULT '',
  rule TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'parked',
  entered_at BIGINT NOT NULL,
  left_at BIGINT,
  charge_s BIGINT NOT NULL DEFAULT 0,
  occupancy_s BIGINT NOT NULL DEFAULT 0,
  fee BIGINT NOT NULL DEFAULT 0,
  billing_detail TEXT NOT NULL DEFAULT '',
  charge_order_id BIGINT,
  pay_order_id BIGINT,
  pay_status TEXT NOT NULL DEFAULT 'none',
  created_at BIGINT NOT NULL,
  updated_at BIGINT
);
CREATE UNIQUE INDEX uq_occupancy_parked_spot ON parking_occupancy(spot_id) WHERE state = 'parked';
CREATE INDEX idx_occupancy_user ON parking_occupancy(user_id, created_at);
CREATE INDEX idx_occupancy_reservation ON parking_occupancy(reservation_id);
CREATE INDEX idx_occupancy_station ON parking_occupancy(station_id, created_at);

INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40401, 404, '查询', 'Query', 'F', '', '', 'order:reservation:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40402, 404, '结束', 'End', 'F', '', '', 'order:reservation:end', '', 2);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key IN ('provider_admin', 'property_admin') AND m.id IN (40401, 40402);
