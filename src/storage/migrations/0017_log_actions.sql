-- Login log and operation log actions (issue 15 "Logs and account pages"; docs/api-system.md "Logs"):
-- export both logs, clear both logs, unlock an account locked by failed sign-ins.
--
-- Buttons of 登录日志 (707) and 操作日志 (708). Provider and property admins see their own scope's logs:
-- they get export and unlock (both limited to their data scope by the server). Clearing removes every
-- row of the platform and is for system users only: no built-in provider/property role gets 清空, and
-- the server answers 403 to a provider or property account even when a role grants it.
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (70701, 707, '导出', 'Export', 'F', '', '', 'monitor:logininfor:export', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (70702, 707, '清空', 'Clear', 'F', '', '', 'monitor:logininfor:remove', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (70703, 707, '账户解锁', 'Unlock', 'F', '', '', 'monitor:logininfor:unlock', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (70802, 708, '导出', 'Export', 'F', '', '', 'monitor:operlog:export', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (70803, 708, '清空', 'Clear', 'F', '', '', 'monitor:operlog:remove', '', 3);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key = 'provider_admin' AND m.id IN (70701, 70703, 70802);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key = 'property_admin' AND m.id IN (70701, 70703, 70802);
