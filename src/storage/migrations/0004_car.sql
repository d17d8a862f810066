-- Car charging management (CAR-*, docs/api-car.md): stations, their invoice/payment configuration,
-- private-pile applications, areas, parking spots, cameras, piles, guns, tariffs and tariff versions.
-- Every row that belongs to a station carries provider_id, property_id and station_id so data scope
-- filters without joins. status: 0 enabled, 1 disabled. Times: UTC epoch ms. *_by: user name.
-- Codes: areas 'Q', spots 'P', cameras 'C' + the 6-digit id (set right after the insert, hence NULL
-- first); piles 14 digits (YKC pile code); guns pile code + 2-digit gun no.

CREATE TABLE car_station (
  id {{ID}},
  provider_id BIGINT NOT NULL REFERENCES sys_provider(id),
  property_id BIGINT NOT NULL REFERENCES sys_property(id),
  name TEXT NOT NULL,
  operation_type INTEGER NOT NULL DEFAULT 1,
  contact TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  intro TEXT NOT NULL DEFAULT '',
  hotline TEXT NOT NULL DEFAULT '',
  opening_hours TEXT NOT NULL DEFAULT '00:00-24:00',
  max_power BIGINT NOT NULL DEFAULT 0,
  capacity_load BIGINT NOT NULL DEFAULT 0,
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
CREATE INDEX idx_car_station_provider ON car_station(provider_id);
CREATE INDEX idx_car_station_property ON car_station(property_id);

CREATE TABLE car_station_history (
  id {{ID}},
  station_id BIGINT NOT NULL REFERENCES car_station(id),
  time BIGINT NOT NULL,
  user_name TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_car_station_history ON car_station_history(station_id);

CREATE TABLE car_station_invoice (
  station_id BIGINT PRIMARY KEY REFERENCES car_station(id),
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
  updated_at BIGINT
);

-- The payment settings as one JSON document (leshua / suixingpay / wechat); secrets inside it are
-- never returned by the API. pay_configured = at least one enabled method with its merchant id.
CREATE TABLE car_station_pay (
  station_id BIGINT PRIMARY KEY REFERENCES car_station(id),
  config TEXT NOT NULL,
  pay_configured INTEGER NOT NULL DEFAULT 0,
  updated_by TEXT,
  updated_at BIGINT
);

CREATE TABLE car_private_apply (
  id {{ID}},
  station_id BIGINT NOT NULL REFERENCES car_station(id),
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  plate TEXT NOT NULL DEFAULT '',
  community TEXT NOT NULL DEFAULT '',
  parking_spot TEXT NOT NULL DEFAULT '',
  remark TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL DEFAULT 0,
  handle_remark TEXT NOT NULL DEFAULT '',
  handled_by TEXT,
  handled_at BIGINT,
  ip TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_car_private_apply_station ON car_private_apply(station_id, phone, created_at);
CREATE INDEX idx_car_private_apply_property ON car_private_apply(property_id);

CREATE TABLE car_area (
  id {{ID}},
  station_id BIGINT NOT NULL REFERENCES car_station(id),
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  code TEXT UNIQUE,
  name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  power BIGINT NOT NULL DEFAULT 0,
  status INTEGER NOT NULL DEFAULT 0,
  is_default INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_car_area_station ON car_area(station_id);
CREATE INDEX idx_car_area_property ON car_area(property_id);

CREATE TABLE car_spot (
  id {{ID}},
  station_id BIGINT NOT NULL REFERENCES car_station(id),
  area_id BIGINT NOT NULL REFERENCES car_area(id),
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  code TEXT UNIQUE,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  lock_type INTEGER NOT NULL DEFAULT 0,
  lock_state TEXT NOT NULL DEFAULT 'unknown',
  status INTEGER NOT NULL DEFAULT 0,
  camera_id BIGINT,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT,
  UNIQUE (area_id, seq)
);
CREATE INDEX idx_car_spot_station ON car_spot(station_id);
CREATE INDEX idx_car_spot_property ON car_spot(property_id);

CREATE TABLE car_camera (
  id {{ID}},
  station_id BIGINT NOT NULL REFERENCES car_station(id),
  area_id BIGINT NOT NULL REFERENCES car_area(id),
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  code TEXT UNIQUE,
  factory_no TEXT NOT NULL UNIQUE,
  ip TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  sim TEXT NOT NULL DEFAULT '',
  left_spot_id BIGINT REFERENCES car_spot(id),
  right_spot_id BIGINT REFERENCES car_spot(id),
  online INTEGER NOT NULL DEFAULT 0,
  last_seen BIGINT,
  status INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_car_camera_station ON car_camera(station_id);
CREATE INDEX idx_car_camera_property ON car_camera(property_id);

CREATE TABLE car_pile (
  id {{ID}},
  station_id BIGINT NOT NULL REFERENCES car_station(id),
  area_id BIGINT NOT NULL REFERENCES car_area(id),
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  code TEXT UNIQUE,
  factory_no TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  model TEXT NOT NULL DEFAULT '',
  version TEXT NOT NULL DEFAULT '',
  gun_count INTEGER NOT NULL,
  sim TEXT NOT NULL DEFAULT '',
  operation_type INTEGER NOT NULL DEFAULT 1,
  occupancy_fee BIGINT NOT NULL DEFAULT 0,
  reservable INTEGER NOT NULL DEFAULT 0,
  output_current BIGINT NOT NULL DEFAULT 0,
  output_power BIGINT NOT NULL DEFAULT 0,
  output_voltage BIGINT NOT NULL DEFAULT 0,
  current_type TEXT NOT NULL DEFAULT 'DC',
  charging_type INTEGER NOT NULL DEFAULT 1,
  speed INTEGER NOT NULL DEFAULT 2,
  install_method INTEGER NOT NULL DEFAULT 1,
  protection_class TEXT NOT NULL DEFAULT 'IP54',
  comm_method INTEGER NOT NULL DEFAULT 1,
  protocol TEXT NOT NULL DEFAULT 'ykc',
  online INTEGER NOT NULL DEFAULT 0,
  last_seen BIGINT,
  status INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_car_pile_station ON car_pile(station_id);
CREATE INDEX idx_car_pile_area ON car_pile(area_id);
CREATE INDEX idx_car_pile_property ON car_pile(property_id);

CREATE TABLE car_gun (
  id {{ID}},
  pile_id BIGINT NOT NULL REFERENCES car_pile(id),
  station_id BIGINT NOT NULL REFERENCES car_station(id),
  area_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  gun_no INTEGER NOT NULL,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'offline',
  status INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT,
  UNIQUE (pile_id, gun_no)
);
CREATE INDEX idx_car_gun_station ON car_gun(station_id);
CREATE INDEX idx_car_gun_property ON car_gun(property_id);

-- One tariff per area; every create/edit appends a version (definition = JSON {mode, tiers, slots}).
CREATE TABLE car_tariff (
  id {{ID}},
  station_id BIGINT NOT NULL REFERENCES car_station(id),
  area_id BIGINT NOT NULL UNIQUE REFERENCES car_area(id),
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  mode TEXT NOT NULL,
  prepay_values TEXT NOT NULL DEFAULT '[]',
  status INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_car_tariff_station ON car_tariff(station_id);
CREATE INDEX idx_car_tariff_property ON car_tariff(property_id);

CREATE TABLE car_tariff_version (
  id {{ID}},
  tariff_id BIGINT NOT NULL REFERENCES car_tariff(id),
  seq INTEGER NOT NULL,
  effective_from BIGINT NOT NULL,
  mode TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  UNIQUE (tariff_id, seq)
);

-- Button permissions of the car pages (201–207) and their grants: provider admins get all of them,
-- property admins all but auditing stations.
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20101, 201, '查询', 'Query', 'F', '', '', 'car:station:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20102, 201, '新增', 'Add', 'F', '', '', 'car:station:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20103, 201, '修改', 'Edit', 'F', '', '', 'car:station:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20104, 201, '审核', 'Audit', 'F', '', '', 'car:station:audit', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20105, 201, '启用/禁用', 'Enable/Disable', 'F', '', '', 'car:station:status', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20106, 201, '发票配置', 'Invoice Config', 'F', '', '', 'car:station:invoice', '', 6);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20107, 201, '支付配置', 'Payment Config', 'F', '', '', 'car:station:pay', '', 7);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20108, 201, '私桩申请列表', 'Private Pile Applications', 'F', '', '', 'car:privateApply:list', '', 8);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20109, 201, '私桩申请处理', 'Handle Applications', 'F', '', '', 'car:privateApply:handle', '', 9);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20201, 202, '查询', 'Query', 'F', '', '', 'car:area:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20202, 202, '新增', 'Add', 'F', '', '', 'car:area:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20203, 202, '修改', 'Edit', 'F', '', '', 'car:area:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20204, 202, '启用/禁用', 'Enable/Disable', 'F', '', '', 'car:area:status', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20301, 203, '查询', 'Query', 'F', '', '', 'car:spot:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20302, 203, '新增', 'Add', 'F', '', '', 'car:spot:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20303, 203, '修改', 'Edit', 'F', '', '', 'car:spot:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20304, 203, '启用/禁用', 'Enable/Disable', 'F', '', '', 'car:spot:status', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20305, 203, '开锁/关锁', 'Open/Close Lock', 'F', '', '', 'car:spot:lock', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20401, 204, '查询', 'Query', 'F', '', '', 'car:camera:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20402, 204, '新增', 'Add', 'F', '', '', 'car:camera:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20403, 204, '修改', 'Edit', 'F', '', '', 'car:camera:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20404, 204, '启用/禁用', 'Enable/Disable', 'F', '', '', 'car:camera:status', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20405, 204, '设备指令', 'Device Commands', 'F', '', '', 'car:camera:command', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20501, 205, '查询', 'Query', 'F', '', '', 'car:pile:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20502, 205, '新增', 'Add', 'F', '', '', 'car:pile:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20503, 205, '修改', 'Edit', 'F', '', '', 'car:pile:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20504, 205, '启用/禁用', 'Enable/Disable', 'F', '', '', 'car:pile:status', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20505, 205, '设备指令', 'Device Commands', 'F', '', '', 'car:pile:command', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20506, 205, '查看二维码', 'View QR', 'F', '', '', 'car:pile:qr', '', 6);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20507, 205, '二维码导出', 'QR Export', 'F', '', '', 'car:pile:export', '', 7);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20601, 206, '查询', 'Query', 'F', '', '', 'car:gun:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20602, 206, '修改', 'Edit', 'F', '', '', 'car:gun:edit', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20603, 206, '启用/禁用', 'Enable/Disable', 'F', '', '', 'car:gun:status', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20604, 206, '查看二维码', 'View QR', 'F', '', '', 'car:gun:qr', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20605, 206, '二维码导出', 'QR Export', 'F', '', '', 'car:gun:export', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20701, 207, '查询', 'Query', 'F', '', '', 'car:tariff:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20702, 207, '新增', 'Add', 'F', '', '', 'car:tariff:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20703, 207, '修改', 'Edit', 'F', '', '', 'car:tariff:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20704, 207, '启用/禁用', 'Enable/Disable', 'F', '', '', 'car:tariff:status', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20705, 207, '计费测试', 'Billing Test', 'F', '', '', 'car:tariff:test', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (20706, 207, '预付值', 'Prepay Values', 'F', '', '', 'car:tariff:prepay', '', 6);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key = 'provider_admin' AND m.id IN (20101, 20102, 20103, 20104, 20105, 20106, 20107, 20108, 20109, 20201, 20202, 20203, 20204, 20301, 20302, 20303, 20304, 20305, 20401, 20402, 20403, 20404, 20405, 20501, 20502, 20503, 20504, 20505, 20506, 20507, 20601, 20602, 20603, 20604, 20605, 20701, 20702, 20703, 20704, 20705, 20706);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key = 'property_admin' AND m.id IN (20101, 20102, 20103, 20105, 20106, 20107, 20108, 20109, 20201, 20202, 20203, 20204, 20301, 20302, 20303, 20304, 20305, 20401, 20402, 20403, 20404, 20405, 20501, 20502, 20503, 20504, 20505, 20506, 20507, 20601, 20602, 20603, 20604, 20605, 20701, 20702, 20703, 20704, 20705, 20706);
