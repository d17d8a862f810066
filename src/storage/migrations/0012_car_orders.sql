-- Car charging orders end to end (issue 7; ORD-CAR, APP-4/5; docs/orders.md). Times UTC epoch ms,
-- energy 0.0001 kWh, money fen.

-- What a driver asked for when paying (POST /app/car/orders): the gun and the plate of the pay order.
-- The charging order is created from it once the payment is applied (PaymentService::on_paid).
CREATE TABLE car_prepay (
  pay_order_id BIGINT PRIMARY KEY REFERENCES pay_order(id),
  user_id BIGINT NOT NULL,
  gun_id BIGINT NOT NULL,
  plate TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);

-- The session as the car orders follow it:
--   gun_no        the connector number the pile knows the gun by (OCPP connectorId, YKC 枪号)
--   protocol      ocpp16 | ykc — settlement by meter (OCPP) or by the pile's tier record (YKC)
--   device_tx_id  the platform's charging_transaction id of the session (OCPP transactionId; YKC: the row
--                 of its 交易流水号) — live meter samples carry it
--   meter_start   meter reading at the start (0.0001 kWh)
--   stop_sent_at  when the stop command was sent (driver, auto stop at the prepayment, admin end)
ALTER TABLE car_charge_order ADD COLUMN gun_no INTEGER NOT NULL DEFAULT 0;
ALTER TABLE car_charge_order ADD COLUMN protocol TEXT NOT NULL DEFAULT '';
ALTER TABLE car_charge_order ADD COLUMN device_tx_id BIGINT;
ALTER TABLE car_charge_order ADD COLUMN meter_start BIGINT NOT NULL DEFAULT 0;
ALTER TABLE car_charge_order ADD COLUMN stop_sent_at BIGINT;
CREATE INDEX idx_car_order_user ON car_charge_order(user_id, created_at);
-- one charging order per pay order: a payment starts one session, whatever repeats
CREATE UNIQUE INDEX uq_car_order_pay ON car_charge_order(pay_order_id) WHERE pay_order_id IS NOT NULL;
