-- The customer-service call log (STAT-CALL) and the fault log (STAT-FAULT) (issue 19; docs/api-stat.md).
-- Both belong to a property (its provider recorded for scope). Times epoch ms UTC.

CREATE TABLE stat_call_log (
  id {{ID}},
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  caller_name TEXT NOT NULL DEFAULT '',
  caller_phone TEXT NOT NULL DEFAULT '',
  agent_name TEXT NOT NULL DEFAULT '',
  agent_phone TEXT NOT NULL DEFAULT '',
  call_time BIGINT NOT NULL,
  content TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_call_log_property ON stat_call_log(property_id, call_time);
CREATE INDEX idx_call_log_provider ON stat_call_log(provider_id, call_time);
CREATE INDEX idx_call_log_time ON stat_call_log(call_time);

-- A fault: reported by a driver (manual) or by a device (source device, once per fault episode: the
-- device's fault code while the record is not solved). state open → repairing → solved. The device and the
-- order are optional links (device_type car_pile | bike_device).
CREATE TABLE stat_fault (
  id {{ID}},
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  reporter_name TEXT NOT NULL DEFAULT '',
  reporter_phone TEXT NOT NULL DEFAULT '',
  repairer_name TEXT NOT NULL DEFAULT '',
  repairer_phone TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  solution TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'open',
  source TEXT NOT NULL DEFAULT 'manual',
  fault_code TEXT NOT NULL DEFAULT '',
  device_type TEXT,
  device_id BIGINT,
  order_no TEXT NOT NULL DEFAULT '',
  solved_at BIGINT,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_fault_property ON stat_fault(property_id, created_at);
CREATE INDEX idx_fault_provider ON stat_fault(provider_id, created_at);
CREATE INDEX idx_fault_created ON stat_fault(created_at);
CREATE INDEX idx_fault_device ON stat_fault(device_type, device_id, state);

INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (60401, 604, '查询', 'Query', 'F', '', '', 'stat:call:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (60402, 604, '新增', 'Add', 'F', '', '', 'stat:call:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (60403, 604, '修改', 'Edit', 'F', '', '', 'stat:call:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (60404, 604, '导出', 'Export', 'F', '', '', 'stat:call:export', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (60501, 605, '查询', 'Query', 'F', '', '', 'stat:fault:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (60502, 605, '新增', 'Add', 'F', '', '', 'stat:fault:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (60503, 605, '修改', 'Edit', 'F', '', '', 'stat:fault:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (60504, 605, '导出', 'Export', 'F', '', '', 'stat:fault:export', '', 4);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key IN ('provider_admin', 'property_admin') AND m.id IN (60401, 60402, 60403, 60404, 60501, 60502, 60503, 60504);
