-- The plate whitelist (MEM-WL, issue 16/17; docs/api-member.md): plates of a property that the parking
-- cameras of its bound car stations let in without counting occupancy time. A plate is listed once per
-- property. status 0 enabled, 1 disabled (disabled: a green plate still opens but occupancy is counted, a
-- blue plate is refused — the parking rules apply it).
CREATE TABLE plate_whitelist (
  id {{ID}},
  plate TEXT NOT NULL,
  remark TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL DEFAULT 0,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT,
  UNIQUE (property_id, plate)
);
CREATE INDEX idx_whitelist_plate ON plate_whitelist(plate);
CREATE INDEX idx_whitelist_provider ON plate_whitelist(provider_id);

-- The car stations a whitelisted plate is bound to.
CREATE TABLE plate_whitelist_station (
  whitelist_id BIGINT NOT NULL REFERENCES plate_whitelist(id) ON DELETE CASCADE,
  station_id BIGINT NOT NULL,
  PRIMARY KEY (whitelist_id, station_id)
);
CREATE INDEX idx_whitelist_station ON plate_whitelist_station(station_id);

INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50601, 506, '查询', 'Query', 'F', '', '', 'member:whitelist:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50602, 506, '新增', 'Add', 'F', '', '', 'member:whitelist:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50603, 506, '修改', 'Edit', 'F', '', '', 'member:whitelist:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50604, 506, '启用/禁用', 'Enable/disable', 'F', '', '', 'member:whitelist:status', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50605, 506, '删除', 'Delete', 'F', '', '', 'member:whitelist:remove', '', 5);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key IN ('provider_admin', 'property_admin') AND m.id IN (50601, 50602, 50603, 50604, 50605);
