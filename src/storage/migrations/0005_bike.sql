-- E-bike charging management (BIKE-*, docs/api-bike.md) and the station mechanisms shared by the car
-- and e-bike modules (one implementation keyed by station_type 'car' | 'bike'): change history, invoice
-- configuration and payment configuration of a station.
-- Every row that belongs to a station carries provider_id, property_id and station_id so data scope
-- filters without joins. status: 0 enabled, 1 disabled. Times: UTC epoch ms. *_by: user name.
-- Codes: areas 'Q' + the 6-digit id (set right after the insert); devices 12 digits (assigned
-- 6 + the 11-digit id unless given); sockets device code + 2-digit socket no.

CREATE TABLE station_history (
  id {{ID}},
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  time BIGINT NOT NULL,
  user_name TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_station_history ON station_history(station_type, station_id);

CREATE TABLE station_invoice_config (
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  merchant_no TEXT NOT NULL DEFAULT '',
  seller_address TEXT NOT NULL DEFAULT '',
  bank_account TEXT NOT NULL DEFAULT '',
  bank_name TEXT NOT NULL DEFAULT '',
  drawer TEXT NOT NULL DEFAULT '',
  company_name TEXT NOT NULL DEFAULT '',
  payee TEXT NOT NULL DEFAULT '',
  reviewer TEXT NOT NULL DEFAULT '',
  taxpayer_id TEXT NOT NULL DEFAULT '',
  electricity_tax_rate INTEGER NOT NULL DEFAULT 0,
  electricity_tax_code TEXT NOT NULL DEFAULT '',
  service_tax_rate INTEGER NOT NULL DEFAULT 0,
  service_tax_code TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  updated_by TEXT,
  updated_at BIGINT,
  PRIMARY KEY (station_type, station_id)
);

-- The payment settings as one JSON document (leshua / suixingpay / wechat); secrets inside it are
-- never returned by the API. pay_configured = at least one enabled method with its merchant id.
CREATE TABLE station_pay_config (
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  config TEXT NOT NULL,
  pay_configured INTEGER NOT NULL DEFAULT 0,
  updated_by TEXT,
  updated_at BIGINT,
  PRIMARY KEY (station_type, station_id)
);

CREATE TABLE bike_station (
  id {{ID}},
  provider_id BIGINT NOT NULL REFERENCES sys_provider(id),
  property_id BIGINT NOT NULL REFERENCES sys_property(id),
  name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  service_phone TEXT NOT NULL DEFAULT '',
  operation_type INTEGER NOT NULL DEFAULT 1,
  opening_hours TEXT NOT NULL DEFAULT '00:00-24:00',
  province TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  district TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  longitude BIGINT,
  latitude BIGINT,
  timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
  status INTEGER NOT NULL DEFAULT 0,
  audit_status INTEGER NOT NULL DEFAULT 0,
  audit_remark TEXT NOT NULL DEFAULT '',
  audit_by TEXT,
  audit_time BIGINT,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_bike_station_provider ON bike_station(provider_id);
CREATE INDEX idx_bike_station_property ON bike_station(property_id);

CREATE TABLE bike_area (
  id {{ID}},
  station_id BIGINT NOT NULL REFERENCES bike_station(id),
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  code TEXT UNIQUE,
  name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL DEFAULT 0,
  is_default INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_bike_area_station ON bike_area(station_id);
CREATE INDEX idx_bike_area_property ON bike_area(property_id);

CREATE TABLE bike_device (
  id {{ID}},
  station_id BIGINT NOT NULL REFERENCES bike_station(id),
  area_id BIGINT NOT NULL REFERENCES bike_area(id),
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  code TEXT UNIQUE,
  factory_no TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  device_type INTEGER NOT NULL DEFAULT 1,
  location TEXT NOT NULL DEFAULT '',
  rated_power BIGINT NOT NULL DEFAULT 0,
  rated_voltage BIGINT NOT NULL DEFAULT 0,
  rated_current BIGINT NOT NULL DEFAULT 0,
  current_upper_limit BIGINT NOT NULL DEFAULT 0,
  current_lower_limit BIGINT NOT NULL DEFAULT 0,
  socket_count INTEGER NOT NULL,
  production_date TEXT NOT NULL DEFAULT '',
  deployment_date TEXT NOT NULL DEFAULT '',
  protocol TEXT NOT NULL DEFAULT 'ocpp16',
  online INTEGER NOT NULL DEFAULT 0,
  last_seen BIGINT,
  status INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_bike_device_station ON bike_device(station_id);
CREATE INDEX idx_bike_device_area ON bike_device(area_id);
CREATE INDEX idx_bike_device_property ON bike_device(property_id);

CREATE TABLE bike_socket (
  id {{ID}},
  device_id BIGINT NOT NULL REFERENCES bike_device(id),
  station_id BIGINT NOT NULL REFERENCES bike_station(id),
  area_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  socket_no INTEGER NOT NULL,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'idle',
  status INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT,
  UNIQUE (device_id, socket_no)
);
CREATE INDEX idx_bike_socket_station ON bike_socket(station_id);
CREATE INDEX idx_bike_socket_area ON bike_socket(area_id);
CREATE INDEX idx_bike_socket_property ON bike_socket(property_id);

-- Several tariffs per area. Fields as the engine's BikeTariff (src/domain/tariff/bike_tariff.hpp);
-- bands and prepay values as JSON arrays.
CREATE TABLE bike_tariff (
  id {{ID}},
  station_id BIGINT NOT NULL REFERENCES bike_station(id),
  area_id BIGINT NOT NULL REFERENCES bike_area(id),
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  mode TEXT NOT NULL,
  max_duration_min INTEGER NOT NULL,
  auto_stop_amount BIGINT NOT NULL,
  free_minutes INTEGER NOT NULL DEFAULT 0,
  unit_minutes INTEGER NOT NULL DEFAULT 60,
  unit_price BIGINT NOT NULL DEFAULT 0,
  bands TEXT NOT NULL DEFAULT '[]',
  energy_price BIGINT NOT NULL DEFAULT 0,
  service_price BIGINT NOT NULL DEFAULT 0,
  reference_power_w INTEGER NOT NULL DEFAULT 500,
  prepay_values TEXT NOT NULL DEFAULT '[]',
  status INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_bike_tariff_station ON bike_tariff(station_id);
CREATE INDEX idx_bike_tariff_area ON bike_tariff(area_id);
CREATE INDEX idx_bike_tariff_property ON bike_tariff(property_id);

-- Button permissions of the e-bike pages (301–305) and their grants: provider admins get all of them,
-- property admins all but auditing stations.
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30101, 301, '查询', 'Query', 'F', '', '', 'bike:station:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30102, 301, '新增', 'Add', 'F', '', '', 'bike:station:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30103, 301, '修改', 'Edit', 'F', '', '', 'bike:station:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30104, 301, '审核', 'Audit', 'F', '', '', 'bike:station:audit', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30105, 301, '启用/禁用', 'Enable/Disable', 'F', '', '', 'bike:station:status', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30106, 301, '发票配置', 'Invoice Config', 'F', '', '', 'bike:station:invoice', '', 6);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30107, 301, '支付配置', 'Payment Config', 'F', '', '', 'bike:station:pay', '', 7);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30201, 302, '查询', 'Query', 'F', '', '', 'bike:area:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30202, 302, '新增', 'Add', 'F', '', '', 'bike:area:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30203, 302, '修改', 'Edit', 'F', '', '', 'bike:area:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30204, 302, '启用/禁用', 'Enable/Disable', 'F', '', '', 'bike:area:status', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30205, 302, '删除', 'Delete', 'F', '', '', 'bike:area:remove', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30301, 303, '查询', 'Query', 'F', '', '', 'bike:device:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30302, 303, '新增', 'Add', 'F', '', '', 'bike:device:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30303, 303, '修改', 'Edit', 'F', '', '', 'bike:device:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30304, 303, '启用/禁用', 'Enable/Disable', 'F', '', '', 'bike:device:status', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30305, 303, '删除', 'Delete', 'F', '', '', 'bike:device:remove', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30306, 303, '设备指令', 'Device Commands', 'F', '', '', 'bike:device:command', '', 6);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30307, 303, '查看二维码', 'View QR', 'F', '', '', 'bike:device:qr', '', 7);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30308, 303, '二维码导出', 'QR Export', 'F', '', '', 'bike:device:export', '', 8);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30401, 304, '查询', 'Query', 'F', '', '', 'bike:socket:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30402, 304, '修改', 'Edit', 'F', '', '', 'bike:socket:edit', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30403, 304, '启用/禁用', 'Enable/Disable', 'F', '', '', 'bike:socket:status', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30404, 304, '查看二维码', 'View QR', 'F', '', '', 'bike:socket:qr', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30405, 304, '二维码导出', 'QR Export', 'F', '', '', 'bike:socket:export', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30501, 305, '查询', 'Query', 'F', '', '', 'bike:tariff:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30502, 305, '新增', 'Add', 'F', '', '', 'bike:tariff:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30503, 305, '修改', 'Edit', 'F', '', '', 'bike:tariff:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30504, 305, '启用/禁用', 'Enable/Disable', 'F', '', '', 'bike:tariff:status', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30505, 305, '删除', 'Delete', 'F', '', '', 'bike:tariff:remove', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30506, 305, '计费测试', 'Billing Test', 'F', '', '', 'bike:tariff:test', '', 6);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (30507, 305, '预付值', 'Prepay Values', 'F', '', '', 'bike:tariff:prepay', '', 7);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key = 'provider_admin' AND m.id IN (30101, 30102, 30103, 30104, 30105, 30106, 30107, 30201, 30202, 30203, 30204, 30205, 30301, 30302, 30303, 30304, 30305, 30306, 30307, 30308, 30401, 30402, 30403, 30404, 30405, 30501, 30502, 30503, 30504, 30505, 30506, 30507);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key = 'property_admin' AND m.id IN (30101, 30102, 30103, 30105, 30106, 30107, 30201, 30202, 30203, 30204, 30205, 30301, 30302, 30303, 30304, 30305, 30306, 30307, 30308, 30401, 30402, 30403, 30404, 30405, 30501, 30502, 30503, 30504, 30505, 30506, 30507);
