#include "storage/repositories/auth_repository.hpp"

namespace zc::db {

static int64_t nz(int64_t v) {
  return v;
}
static Value id_or_null(int64_t v) {
  return v ? Value(v) : null();
}

std::optional<LoginUser> AuthRepository::find_login_user(Connection& c, const std::string& user_name) {
  auto r = c.query(
      "SELECT id, user_name, password_hash, status, failed_logins, locked_until, provider_id, property_id "
      "FROM sys_user WHERE user_name = ?",
      {user_name});
  if (r.empty()) return std::nullopt;
  LoginUser u;
  u.id = r.i64(0, 0);
  u.user_name = r.str(0, 1);
  u.password_hash = r.str(0, 2);
  u.status = static_cast<int>(r.i64(0, 3));
  u.failed_logins = static_cast<int>(r.i64(0, 4));
  u.locked_until = r.i64(0, 5);
  u.provider_id = r.i64(0, 6);
  u.property_id = r.i64(0, 7);
  return u;
}

void AuthRepository::record_failure(Connection& c, int64_t user_id, int failed, int64_t locked_until) {
  c.execute("UPDATE sys_user SET failed_logins = ?, locked_until = ? WHERE id = ?",
            {int64_t{failed}, locked_until, user_id});
}

void AuthRepository::record_success(Connection& c, int64_t user_id, const std::string& ip, int64_t at) {
  c.execute(
      "UPDATE sys_user SET failed_logins = 0, locked_until = 0, login_ip = ?, login_date = ? WHERE id = ?",
      {ip, at, user_id});
}

int64_t AuthRepository::create_session(Connection& c, const std::string& token_hash, int64_t user_id,
                                       int64_t at, int64_t expires_at, const std::string& ip,
                                       const std::string& ua) {
  return c.insert(
      "INSERT INTO sys_session (token_hash, user_id, created_at, expires_at, ip, user_agent) VALUES (?, ?, "
      "?, ?, ?, ?)",
      {token_hash, user_id, at, expires_at, ip, ua.substr(0, 500)});
}

std::optional<Principal> AuthRepository::load_session_principal(Connection& c, const std::string& token_hash,
                                                                int64_t now) {
  auto r = c.query(
      "SELECT s.id, s.expires_at, u.id, u.user_name, u.nick_name, u.user_type, u.phone, u.email, "
      "COALESCE(u.dept_id, 0), COALESCE(d.dept_name, ''), COALESCE(u.provider_id, 0), "
      "COALESCE(u.property_id, 0), "
      "COALESCE(u.collective_id, 0) "
      "FROM sys_session s JOIN sys_user u ON u.id = s.user_id LEFT JOIN sys_dept d ON d.id = u.dept_id "
      "WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.status = 0",
      {token_hash, now});
  if (r.empty()) return std::nullopt;
  Principal p;
  p.session_id = r.i64(0, 0);
  p.expires_at = r.i64(0, 1);
  p.user_id = r.i64(0, 2);
  p.user_name = r.str(0, 3);
  p.nick_name = r.str(0, 4);
  UserType t = UserType::system;
  parse_user_type(r.str(0, 5), t);
  p.phone = r.str(0, 6);
  p.email = r.str(0, 7);
  p.dept_id = r.i64(0, 8);
  p.dept_name = r.str(0, 9);
  p.scope.kind = t;
  p.scope.provider_id = r.i64(0, 10);
  p.scope.property_id = r.i64(0, 11);
  p.scope.collective_id = r.i64(0, 12);

  // Enabled roles only: a disabled role grants nothing.
  auto roles = c.query(
      "SELECT r.role_key, r.role_name FROM sys_user_role ur JOIN sys_role r ON r.id = ur.role_id "
      "WHERE ur.user_id = ? AND r.status = 0 ORDER BY r.id",
      {p.user_id});
  for (size_t i = 0; i < roles.size(); ++i) {
    p.role_keys.push_back(roles.str(i, 0));
    p.role_names.push_back(roles.str(i, 1));
    if (roles.str(i, 0) == "admin") p.super_admin = true;
  }
  auto perms = c.query(
      "SELECT DISTINCT m.perms FROM sys_user_role ur JOIN sys_role r ON r.id = ur.role_id "
      "JOIN sys_role_menu rm ON rm.role_id = r.id JOIN sys_menu m ON m.id = rm.menu_id "
      "WHERE ur.user_id = ? AND r.status = 0 AND m.status = 0 AND m.perms <> ''",
      {p.user_id});
  for (size_t i = 0; i < perms.size(); ++i) p.permissions.insert(perms.str(i, 0));

  auto stations =
      c.query("SELECT station_type, station_id FROM sys_user_station WHERE user_id = ?", {p.user_id});
  for (size_t i = 0; i < stations.size(); ++i) {
    if (stations.str(i, 0) == "car")
      p.scope.car_station_ids.push_back(stations.i64(i, 1));
    else
      p.scope.bike_station_ids.push_back(stations.i64(i, 1));
  }
  return p;
}

void AuthRepository::revoke_session(Connection& c, int64_t session_id, int64_t at) {
  c.execute("UPDATE sys_session SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", {at, session_id});
}

void AuthRepository::revoke_user_sessions(Connection& c, int64_t user_id, int64_t except, int64_t at) {
  c.execute("UPDATE sys_session SET revoked_at = ? WHERE user_id = ? AND id <> ? AND revoked_at IS NULL",
            {at, user_id, except});
}

std::vector<MenuRow> AuthRepository::menus_for(Connection& c, const Principal& p) {
  const std::string cols =
      "SELECT m.id, m.parent_id, m.menu_name, m.menu_name_en, m.menu_type, m.path, m.component, m.perms, "
      "m.icon, "
      "m.order_num FROM sys_menu m ";
  Result r =
      p.super_admin
          ? c.query(cols +
                    "WHERE m.status = 0 AND m.menu_type IN ('M','C') ORDER BY m.parent_id, m.order_num")
          : c.query(cols +
                        "WHERE m.status = 0 AND m.menu_type IN ('M','C') AND m.id IN ("
                        "SELECT rm.menu_id FROM sys_user_role ur JOIN sys_role r ON r.id = ur.role_id "
                        "JOIN sys_role_menu rm ON rm.role_id = r.id WHERE ur.user_id = ? AND r.status = 0) "
                        "ORDER BY m.parent_id, m.order_num",
                    {p.user_id});
  std::vector<MenuRow> out;
  out.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) {
    out.push_back(MenuRow{r.i64(i, 0), r.i64(i, 1), r.str(i, 2), r.str(i, 3), r.str(i, 4), r.str(i, 5),
                          r.str(i, 6), r.str(i, 7), r.str(i, 8), static_cast<int>(r.i64(i, 9))});
  }
  return out;
}

void AuthRepository::insert_login_log(Connection& c, const LoginLogEntry& e, int64_t at) {
  c.execute(
      "INSERT INTO sys_login_log (user_name, ipaddr, user_agent, status, msg, login_time, provider_id, "
      "property_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {e.user_name.substr(0, 100), e.ip, e.user_agent.substr(0, 500), int64_t{e.status}, e.msg, at,
       id_or_null(e.provider_id), id_or_null(e.property_id)});
}

void AuthRepository::insert_oper_log(Connection& c, const OperLog& e, int64_t at) {
  c.execute(
      "INSERT INTO sys_oper_log (title, business_type, method, request_method, oper_name, oper_url, oper_ip, "
      "oper_param, json_result, status, error_msg, oper_time, cost_time, provider_id, property_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.title, int64_t{e.business_type}, e.method, e.request_method, e.oper_name, e.url.substr(0, 500), e.ip,
       e.param.substr(0, 4000), e.result, int64_t{e.status}, e.error, at, nz(e.cost_ms),
       id_or_null(e.provider_id), id_or_null(e.property_id)});
}

std::optional<std::string> AuthRepository::password_hash(Connection& c, int64_t user_id) {
  auto r = c.query("SELECT password_hash FROM sys_user WHERE id = ?", {user_id});
  if (r.empty()) return std::nullopt;
  return r.str(0, 0);
}

void AuthRepository::update_password(Connection& c, int64_t user_id, const std::string& hash, int64_t at,
                                     const std::string& by) {
  c.execute(
      "UPDATE sys_user SET password_hash = ?, pwd_changed_at = ?, failed_logins = 0, locked_until = 0, "
      "updated_at = ?, updated_by = ? WHERE id = ?",
      {hash, at, at, by, user_id});
}

void AuthRepository::update_profile(Connection& c, int64_t user_id, const std::string& nick,
                                    const std::string& email, int64_t at) {
  c.execute("UPDATE sys_user SET nick_name = ?, email = ?, updated_at = ? WHERE id = ?",
            {nick, email, at, user_id});
}

int64_t AuthRepository::count_users(Connection& c) {
  return c.scalar("SELECT COUNT(*) FROM sys_user").value_or(0);
}

int64_t AuthRepository::create_system_admin(Connection& c, const std::string& user_name,
                                            const std::string& nick, const std::string& hash, int64_t at) {
  int64_t id = c.insert(
      "INSERT INTO sys_user (user_name, nick_name, user_type, password_hash, status, created_by, created_at) "
      "VALUES (?, ?, 'system', ?, 0, 'system', ?)",
      {user_name, nick, hash, at});
  c.execute(
      "INSERT INTO sys_user_role (user_id, role_id) SELECT ?, id FROM sys_role WHERE role_key = 'admin'",
      {id});
  return id;
}

std::optional<int64_t> AuthRepository::find_user_id(Connection& c, const std::string& user_name) {
  return c.scalar("SELECT id FROM sys_user WHERE user_name = ?", {user_name});
}

}  // namespace zc::db
