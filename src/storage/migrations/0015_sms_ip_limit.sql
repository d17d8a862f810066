-- Driver sign-in codes per client address (sms.ip_hourly_limit): the count of the last hour's codes from
-- one address must not scan the table.
CREATE INDEX idx_app_sms_code_ip ON app_sms_code(ip, created_at);
