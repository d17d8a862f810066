-- Car stations keep their change history, invoice and payment configuration in the generic station
-- tables (0005: station_history, station_invoice_config, station_pay_config, station_type = 'car'),
-- like every station type. Copies the rows of the car-only tables, then drops them.

INSERT INTO station_history (station_type, station_id, time, user_name, action, detail)
SELECT 'car', station_id, time, user_name, action, detail FROM car_station_history ORDER BY id;

INSERT INTO station_invoice_config (station_type, station_id, merchant_no, seller_address, bank_account,
  bank_name, drawer, company_name, payee, reviewer, taxpayer_id, electricity_tax_rate,
  electricity_tax_code, service_tax_rate, service_tax_code, phone, updated_by, updated_at)
SELECT 'car', station_id, merchant_no, seller_address, bank_account, bank_name, drawer, company_name,
  payee, reviewer, taxpayer_id, electricity_tax_rate, electricity_tax_code, service_tax_rate,
  service_tax_code, phone, updated_by, updated_at
FROM car_station_invoice;

INSERT INTO station_pay_config (station_type, station_id, config, pay_configured, updated_by, updated_at)
SELECT 'car', station_id, config, pay_configured, updated_by, updated_at FROM car_station_pay;

DROP TABLE car_station_history;
DROP TABLE car_station_invoice;
DROP TABLE car_station_pay;
