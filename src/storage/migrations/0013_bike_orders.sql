-- E-bike charging orders (issue 7, ORD-BIKE; docs/orders.md "E-bike orders"). Additions to 0010's
-- bike_charge_order and what the app's start request remembers until the payment arrives.

-- A driver's start request (POST /app/bike/orders): the socket, device and tariff the pay order is for.
-- The charging order is created from it when the payment is applied (once: uq_bike_order_pay below).
CREATE TABLE bike_order_request (
  pay_order_id BIGINT PRIMARY KEY REFERENCES pay_order(id),
  socket_id BIGINT NOT NULL,
  device_id BIGINT NOT NULL,
  tariff_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);

-- meter_start: the device's register at StartTransaction (0.0001 kWh); energy = meter − meter_start.
-- stop_requested_at: the platform sent the stop command (auto stop, driver); the sweeper settles by the
-- last report when the device never answers with StopTransaction.
ALTER TABLE bike_charge_order ADD COLUMN meter_start BIGINT NOT NULL DEFAULT 0;
ALTER TABLE bike_charge_order ADD COLUMN stop_requested_at BIGINT;
CREATE UNIQUE INDEX uq_bike_order_pay ON bike_charge_order(pay_order_id) WHERE pay_order_id IS NOT NULL;
CREATE INDEX idx_bike_order_user ON bike_charge_order(user_id, created_at);
