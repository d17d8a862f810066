-- System management (SYS-*): tenants, accounts, roles, menus, departments, posts, sessions, logs.
-- status: 0 enabled, 1 disabled. Times: UTC epoch ms. *_by: user name of the actor.

CREATE TABLE sys_provider (
  id {{ID}},
  parent_id BIGINT REFERENCES sys_provider(id),
  name TEXT NOT NULL,
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL DEFAULT 0,
  audit_status INTEGER NOT NULL DEFAULT 0,
  audit_remark TEXT NOT NULL DEFAULT '',
  audit_by TEXT,
  audit_time BIGINT,
  user_id BIGINT,
  dept_id BIGINT,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);

CREATE TABLE sys_property (
  id {{ID}},
  provider_id BIGINT NOT NULL REFERENCES sys_provider(id),
  name TEXT NOT NULL,
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL DEFAULT '',
  province TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL DEFAULT 0,
  user_id BIGINT,
  dept_id BIGINT,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_property_provider ON sys_property(provider_id);

CREATE TABLE sys_dept (
  id {{ID}},
  parent_id BIGINT NOT NULL DEFAULT 0,
  ancestors TEXT NOT NULL DEFAULT '0',
  dept_name TEXT NOT NULL,
  order_num INTEGER NOT NULL DEFAULT 0,
  leader TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL DEFAULT 0,
  provider_id BIGINT,
  property_id BIGINT,
  collective_id BIGINT,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_dept_parent ON sys_dept(parent_id);

CREATE TABLE sys_post (
  id {{ID}},
  dept_id BIGINT NOT NULL REFERENCES sys_dept(id),
  post_code TEXT NOT NULL DEFAULT '',
  post_name TEXT NOT NULL,
  order_num INTEGER NOT NULL DEFAULT 0,
  status INTEGER NOT NULL DEFAULT 0,
  remark TEXT NOT NULL DEFAULT '',
  provider_id BIGINT,
  property_id BIGINT,
  collective_id BIGINT,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);

CREATE TABLE sys_user (
  id {{ID}},
  user_name TEXT NOT NULL UNIQUE,
  nick_name TEXT NOT NULL,
  user_type TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  dept_id BIGINT,
  post_id BIGINT,
  provider_id BIGINT,
  property_id BIGINT,
  collective_id BIGINT,
  status INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,
  login_ip TEXT NOT NULL DEFAULT '',
  login_date BIGINT,
  pwd_changed_at BIGINT,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);
CREATE INDEX idx_user_provider ON sys_user(provider_id);
CREATE INDEX idx_user_property ON sys_user(property_id);
CREATE INDEX idx_user_dept ON sys_user(dept_id);

CREATE TABLE sys_role (
  id {{ID}},
  role_name TEXT NOT NULL,
  role_key TEXT NOT NULL,
  role_type TEXT NOT NULL,
  provider_id BIGINT,
  property_id BIGINT,
  collective_id BIGINT,
  status INTEGER NOT NULL DEFAULT 0,
  built_in INTEGER NOT NULL DEFAULT 0,
  remark TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT
);

CREATE TABLE sys_menu (
  id BIGINT PRIMARY KEY,
  parent_id BIGINT NOT NULL DEFAULT 0,
  menu_name TEXT NOT NULL,
  menu_name_en TEXT NOT NULL DEFAULT '',
  menu_type TEXT NOT NULL,              -- M directory, C page, F button
  path TEXT NOT NULL DEFAULT '',
  component TEXT NOT NULL DEFAULT '',
  perms TEXT NOT NULL DEFAULT '',
  icon TEXT NOT NULL DEFAULT '',
  order_num INTEGER NOT NULL DEFAULT 0,
  visible INTEGER NOT NULL DEFAULT 0,
  status INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sys_role_menu (
  role_id BIGINT NOT NULL REFERENCES sys_role(id) ON DELETE CASCADE,
  menu_id BIGINT NOT NULL REFERENCES sys_menu(id),
  PRIMARY KEY (role_id, menu_id)
);

CREATE TABLE sys_user_role (
  user_id BIGINT NOT NULL REFERENCES sys_user(id) ON DELETE CASCADE,
  role_id BIGINT NOT NULL REFERENCES sys_role(id),
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX idx_user_role_role ON sys_user_role(role_id);

-- Generic user ↔ station binding: station_type 'car' or 'bike' (the station tables come later).
CREATE TABLE sys_user_station (
  user_id BIGINT NOT NULL REFERENCES sys_user(id) ON DELETE CASCADE,
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  PRIMARY KEY (user_id, station_type, station_id)
);

CREATE TABLE sys_session (
  id {{ID}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES sys_user(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  ip TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_session_user ON sys_session(user_id);

CREATE TABLE sys_login_log (
  id {{ID}},
  user_name TEXT NOT NULL,
  ipaddr TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL,
  msg TEXT NOT NULL DEFAULT '',
  login_time BIGINT NOT NULL,
  provider_id BIGINT,
  property_id BIGINT
);
CREATE INDEX idx_login_log_time ON sys_login_log(login_time);

CREATE TABLE sys_oper_log (
  id {{ID}},
  title TEXT NOT NULL,
  business_type INTEGER NOT NULL DEFAULT 0,
  method TEXT NOT NULL DEFAULT '',
  request_method TEXT NOT NULL DEFAULT '',
  oper_name TEXT NOT NULL DEFAULT '',
  oper_url TEXT NOT NULL DEFAULT '',
  oper_ip TEXT NOT NULL DEFAULT '',
  oper_param TEXT NOT NULL DEFAULT '',
  json_result TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL DEFAULT 0,
  error_msg TEXT NOT NULL DEFAULT '',
  oper_time BIGINT NOT NULL,
  cost_time BIGINT NOT NULL DEFAULT 0,
  provider_id BIGINT,
  property_id BIGINT
);
CREATE INDEX idx_oper_log_time ON sys_oper_log(oper_time);

-- Built-in roles: the super admin, and the templates given to approved providers / new properties.
INSERT INTO sys_role (role_name, role_key, role_type, built_in, remark, created_by, created_at)
VALUES ('超级管理员', 'admin', 'system', 1, '拥有全部权限', 'system', 0);
INSERT INTO sys_role (role_name, role_key, role_type, built_in, remark, created_by, created_at)
VALUES ('服务商管理员', 'provider_admin', 'provider', 1, '审核通过的服务商账号默认角色', 'system', 0);
INSERT INTO sys_role (role_name, role_key, role_type, built_in, remark, created_by, created_at)
VALUES ('物业管理员', 'property_admin', 'property', 1, '新建物业账号默认角色', 'system', 0);
