-- Online users (issue 22, as RuoYi's 在线用户; docs/api-system.md "Online users"): the signed-in sessions of
-- the accounts in the caller's scope, and forcing one out. The sessions are sys_session's live rows.
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (709, 700, '在线用户', 'Online Users', 'C', 'online', 'monitor/online/index', 'monitor:online:list', '', 9);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (70901, 709, '强退', 'Force logout', 'F', '', '', 'monitor:online:forceLogout', '', 1);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key IN ('provider_admin', 'property_admin') AND m.id IN (709, 70901);
