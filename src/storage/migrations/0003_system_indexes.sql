-- Indexes for the owner (data-scope) columns and the foreign keys that the system-management lists
-- and rules query: depts/posts/roles by provider or property, posts by dept, users by post.
CREATE INDEX idx_provider_parent ON sys_provider(parent_id);
CREATE INDEX idx_dept_provider ON sys_dept(provider_id);
CREATE INDEX idx_dept_property ON sys_dept(property_id);
CREATE INDEX idx_post_dept ON sys_post(dept_id);
CREATE INDEX idx_post_provider ON sys_post(provider_id);
CREATE INDEX idx_post_property ON sys_post(property_id);
CREATE INDEX idx_role_provider ON sys_role(provider_id);
CREATE INDEX idx_role_property ON sys_role(property_id);
CREATE INDEX idx_user_post ON sys_user(post_id);
CREATE INDEX idx_user_created ON sys_user(created_at);
CREATE INDEX idx_login_log_user ON sys_login_log(user_name);
CREATE INDEX idx_oper_log_provider ON sys_oper_log(provider_id);
CREATE INDEX idx_oper_log_property ON sys_oper_log(property_id);
