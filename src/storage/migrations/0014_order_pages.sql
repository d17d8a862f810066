-- Admin order pages (ORD-CAR 401, ORD-BIKE 402; docs/api-order.md): their buttons and grants, and the
-- index the admin refund needs to keep an order's refunded figure in step with its refunds.

-- Buttons of the car (401) and e-bike (402) order pages; provider and property admins get all of them.
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40101, 401, '查询', 'Query', 'F', '', '', 'order:car:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40102, 401, '结束订单', 'End', 'F', '', '', 'order:car:end', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40103, 401, '退费', 'Refund', 'F', '', '', 'order:car:refund', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40104, 401, '导出', 'Export', 'F', '', '', 'order:car:export', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40201, 402, '查询', 'Query', 'F', '', '', 'order:bike:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40202, 402, '结束订单', 'End', 'F', '', '', 'order:bike:end', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40203, 402, '退费', 'Refund', 'F', '', '', 'order:bike:refund', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (40204, 402, '导出', 'Export', 'F', '', '', 'order:bike:export', '', 4);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key = 'provider_admin' AND m.id IN (40101, 40102, 40103, 40104, 40201, 40202, 40203, 40204);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key = 'property_admin' AND m.id IN (40101, 40102, 40103, 40104, 40201, 40202, 40203, 40204);

-- A refund row changes → the order paid by that pay order gets its refunded figure recomputed in the
-- same transaction (PaymentRepo::sync_order_refunded): found by pay_order_id.
CREATE INDEX idx_car_order_pay ON car_charge_order(pay_order_id);
CREATE INDEX idx_bike_order_pay ON bike_charge_order(pay_order_id);
