#include "storage/repositories/system_user.hpp"

#include <map>

namespace zc::db::sys {

static Value id_or_null(int64_t v) {
  return v ? Value(v) : null();
}

static std::string placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

// ---- users --------------------------------------------------------------------------------------

// The columns of UserRow.
static const char* kUserSelect =
    "u.id, u.user_name, u.nick_name, u.phone, u.email, u.user_type, u.provider_id, p.name, u.property_id, "
    "pr.name, u.collective_id, u.dept_id, d.dept_name, u.post_id, po.post_name, u.status, u.login_ip, "
    "u.login_date, u.created_by, u.created_at, u.updated_by, u.updated_at";
static const char* kUserFrom =
    "sys_user u LEFT JOIN sys_provider p ON p.id = u.provider_id LEFT JOIN sys_property pr ON pr.id = "
    "u.property_id "
    "LEFT JOIN sys_dept d ON d.id = u.dept_id LEFT JOIN sys_post po ON po.id = u.post_id";

static ScopeColumns user_scope() {
  ScopeColumns s;
  s.provider = "u.provider_id";
  s.property = "u.property_id";
  s.collective = "u.collective_id";
  return s;
}

std::vector<UserItem> UserRepo::with_roles(std::vector<UserRow> rows) {
  std::vector<UserItem> out;
  out.reserve(rows.size());
  if (rows.empty()) return out;
  Params ids;
  for (const auto& r : rows) ids.emplace_back(r.id);
  Result rr = c_.query(
      "SELECT ur.user_id, r.id, r.role_name FROM sys_user_role ur JOIN sys_role r ON r.id = ur.role_id "
      "WHERE ur.user_id IN (" +
          placeholders(ids.size()) + ") ORDER BY r.id",
      ids);
  std::map<int64_t, size_t> at;
  for (auto& r : rows) {
    at[r.id] = out.size();
    out.push_back({std::move(r), {}, {}});
  }
  for (size_t i = 0; i < rr.size(); ++i) {
    UserItem& u = out[at[rr.i64(i, 0)]];
    u.role_ids.push_back(rr.i64(i, 1));
    u.role_names.push_back(rr.str(i, 2));
  }
  return out;
}

RowsPage<UserItem> UserRepo::list(const QueryParams& q, const DataScope& scope,
                                  const std::vector<Filter>& extra, const std::string& fixed_where) {
  ListSpec s;
  s.select = kUserSelect;
  s.from = kUserFrom;
  s.where = fixed_where;
  s.filters = {
      {"providerId", "u.provider_id", Match::equal, Kind::integer},
      {"propertyId", "u.property_id", Match::equal, Kind::integer},
      {"collectiveId", "u.collective_id", Match::equal, Kind::integer},
      {"userName", "u.user_name", Match::contains, Kind::text},
      {"nickName", "u.nick_name", Match::contains, Kind::text},
      {"phone", "u.phone", Match::contains, Kind::text},
      {"userType", "u.user_type", Match::equal, Kind::text},
      {"roleId", "u.id IN (SELECT ur.user_id FROM sys_user_role ur WHERE ur.role_id = ?)", Match::custom,
       Kind::integer},
      {"status", "u.status", Match::equal, Kind::integer},
      {"deptId",
       "u.dept_id IN (SELECT sd.id FROM sys_dept sd WHERE sd.id = ? OR (',' || sd.ancestors || ',') LIKE "
       "('%,' || CAST(? AS TEXT) || ',%'))",
       Match::custom, Kind::integer},
      {"postId", "u.post_id", Match::equal, Kind::integer},
      {"beginTime", "u.created_at", Match::at_least, Kind::integer},
      {"endTime", "u.created_at", Match::at_most, Kind::integer},
  };
  for (const auto& f : extra) s.filters.push_back(f);
  s.sortable = {{"id", "u.id"},
                {"userName", "u.user_name"},
                {"nickName", "u.nick_name"},
                {"status", "u.status"},
                {"createTime", "u.created_at"},
                {"loginDate", "u.login_date"},
                {"userType", "u.user_type"}};
  s.default_order = "u.id DESC";
  s.scope = user_scope();
  RowsPage<UserRow> p = list_page_of<UserRow>(c_, s, q, scope);
  return {with_roles(std::move(p.rows)), p.total};
}

std::optional<UserDetail> UserRepo::detail(int64_t id, const DataScope& scope) {
  Where w;
  w.add("u.id = ?", {id});
  add_scope(w, user_scope(), scope);
  auto rows = read_rows<UserRow>(
      c_.query(std::string("SELECT ") + kUserSelect + " FROM " + kUserFrom + w.sql(), w.params));
  if (rows.empty()) return std::nullopt;
  UserDetail d{with_roles(std::move(rows)).front(), {}};
  d.stations = read_rows<UserStation>(c_.query(
      "SELECT station_type, station_id FROM sys_user_station WHERE user_id = ? ORDER BY station_type, "
      "station_id",
      {id}));
  return d;
}

std::optional<UserRec> UserRepo::find(int64_t id) {
  Result r = c_.query(
      "SELECT id, user_name, user_type, provider_id, property_id, collective_id, dept_id, post_id, status, "
      "phone "
      "FROM sys_user WHERE id = ?",
      {id});
  if (r.empty()) return std::nullopt;
  UserRec u;
  u.id = r.i64(0, 0);
  u.user_name = r.str(0, 1);
  u.user_type = r.str(0, 2);
  u.provider_id = r.i64(0, 3);
  u.property_id = r.i64(0, 4);
  u.collective_id = r.i64(0, 5);
  u.dept_id = r.i64(0, 6);
  u.post_id = r.i64(0, 7);
  u.status = r.i64(0, 8);
  u.phone = r.str(0, 9);
  return u;
}

bool UserRepo::in_scope(int64_t id, const DataScope& scope) {
  Where w;
  w.add("u.id = ?", {id});
  add_scope(w, user_scope(), scope);
  return c_.scalar("SELECT u.id FROM sys_user u" + w.sql(), w.params).has_value();
}

bool UserRepo::login_phone_taken(const std::string& phone) {
  return c_
      .scalar(
          "SELECT 1 FROM sys_user WHERE user_name = ? OR phone = ? UNION ALL SELECT 1 FROM sys_provider "
          "WHERE phone = ? "
          "UNION ALL SELECT 1 FROM sys_property WHERE phone = ?",
          {phone, phone, phone, phone})
      .has_value();
}

bool UserRepo::account_exists(const std::string& phone) {
  return c_.scalar("SELECT id FROM sys_user WHERE user_name = ? OR phone = ?", {phone, phone}).has_value();
}

int64_t UserRepo::insert(const UserFields& f, const std::string& by, int64_t now) {
  return c_.insert(
      "INSERT INTO sys_user (user_name, nick_name, user_type, phone, email, password_hash, dept_id, post_id, "
      "provider_id, property_id, collective_id, status, pwd_changed_at, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
      {f.user_name, f.nick_name, f.user_type, f.phone, f.email, f.password_hash, id_or_null(f.dept_id),
       id_or_null(f.post_id), id_or_null(f.provider_id), id_or_null(f.property_id),
       id_or_null(f.collective_id), now, by, now});
}

void UserRepo::update_profile(int64_t id, const std::string& nick, const std::string& email, int64_t dept_id,
                              int64_t post_id, const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE sys_user SET nick_name = ?, email = ?, dept_id = ?, post_id = ?, updated_by = ?, updated_at = "
      "? "
      "WHERE id = ?",
      {nick, email, id_or_null(dept_id), id_or_null(post_id), by, now, id});
}

void UserRepo::set_password(int64_t id, const std::string& hash, const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE sys_user SET password_hash = ?, pwd_changed_at = ?, failed_logins = 0, locked_until = 0, "
      "updated_by = ?, updated_at = ? WHERE id = ?",
      {hash, now, by, now, id});
}

void UserRepo::set_status(int64_t id, int64_t status, const std::string& by, int64_t now) {
  c_.execute("UPDATE sys_user SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {status, by, now, id});
}

void UserRepo::remove(int64_t id) {
  c_.execute("DELETE FROM sys_user_role WHERE user_id = ?", {id});
  c_.execute("DELETE FROM sys_user_station WHERE user_id = ?", {id});
  c_.execute("DELETE FROM sys_session WHERE user_id = ?", {id});
  c_.execute("DELETE FROM sys_user WHERE id = ?", {id});
}

std::vector<int64_t> UserRepo::role_ids(int64_t user_id) {
  Result r = c_.query("SELECT role_id FROM sys_user_role WHERE user_id = ? ORDER BY role_id", {user_id});
  std::vector<int64_t> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.i64(i, 0));
  return out;
}

void UserRepo::set_roles(int64_t user_id, const std::vector<int64_t>& role_ids) {
  c_.execute("DELETE FROM sys_user_role WHERE user_id = ?", {user_id});
  for (int64_t r : role_ids) add_role(user_id, r);
}

void UserRepo::add_role(int64_t user_id, int64_t role_id) {
  if (c_.scalar("SELECT role_id FROM sys_user_role WHERE user_id = ? AND role_id = ?", {user_id, role_id}))
    return;
  c_.execute("INSERT INTO sys_user_role (user_id, role_id) VALUES (?, ?)", {user_id, role_id});
}

void UserRepo::remove_role(int64_t user_id, int64_t role_id) {
  c_.execute("DELETE FROM sys_user_role WHERE user_id = ? AND role_id = ?", {user_id, role_id});
}

bool UserRepo::holds_role_key(int64_t user_id, const std::string& role_key) {
  return c_
      .scalar(
          "SELECT r.id FROM sys_user_role ur JOIN sys_role r ON r.id = ur.role_id WHERE ur.user_id = ? AND "
          "r.role_key = ? AND r.built_in = 1",
          {user_id, role_key})
      .has_value();
}

void UserRepo::lock_admin_rule() {
  // SQLite serialises every write transaction already; PostgreSQL locks the admin role's row.
  if (c_.dialect() == Dialect::postgres)
    c_.query("SELECT id FROM sys_role WHERE role_key = 'admin' AND built_in = 1 FOR UPDATE");
}

int64_t UserRepo::enabled_super_admins() {
  return c_
      .scalar(
          "SELECT COUNT(DISTINCT u.id) FROM sys_user u JOIN sys_user_role ur ON ur.user_id = u.id JOIN "
          "sys_role r "
          "ON r.id = ur.role_id WHERE u.status = 0 AND r.status = 0 AND r.built_in = 1 AND r.role_key = "
          "'admin'")
      .value_or(0);
}

bool UserRepo::holds_permission(int64_t user_id, const std::string& perm) {
  return c_
      .scalar(
          "SELECT r.id FROM sys_user_role ur JOIN sys_role r ON r.id = ur.role_id WHERE ur.user_id = ? AND "
          "r.status = 0 AND ((r.built_in = 1 AND r.role_key = 'admin') OR EXISTS (SELECT 1 FROM "
          "sys_role_menu rm "
          "JOIN sys_menu m ON m.id = rm.menu_id WHERE rm.role_id = r.id AND m.status = 0 AND m.perms = ?)) "
          "LIMIT 1",
          {user_id, perm})
      .has_value();
}

void UserRepo::set_stations(int64_t user_id, const std::string& type, const std::vector<int64_t>& ids) {
  c_.execute("DELETE FROM sys_user_station WHERE user_id = ? AND station_type = ?", {user_id, type});
  for (int64_t id : ids)
    c_.execute("INSERT INTO sys_user_station (user_id, station_type, station_id) VALUES (?, ?, ?)",
               {user_id, type, id});
}

// ---- roles --------------------------------------------------------------------------------------

// The columns of RoleRow.
static const char* kRoleSelect =
    "r.id, r.role_name, r.role_key, r.role_type, r.provider_id, p.name, r.property_id, pr.name, "
    "r.collective_id, r.status, r.remark, (SELECT COUNT(*) FROM sys_user_role ur WHERE ur.role_id = r.id), "
    "r.built_in, r.created_by, r.created_at, r.updated_by, r.updated_at";
static const char* kRoleFrom =
    "sys_role r LEFT JOIN sys_provider p ON p.id = r.provider_id LEFT JOIN sys_property pr ON pr.id = "
    "r.property_id";

static ScopeColumns role_scope() {
  ScopeColumns s;
  s.provider = "r.provider_id";
  s.property = "r.property_id";
  s.collective = "r.collective_id";
  return s;
}

RowsPage<RoleRow> RoleRepo::list(const QueryParams& q, const DataScope& scope) {
  ListSpec s;
  s.select = kRoleSelect;
  s.from = kRoleFrom;
  s.filters = {
      {"providerId", "r.provider_id", Match::equal, Kind::integer},
      {"propertyId", "r.property_id", Match::equal, Kind::integer},
      {"collectiveId", "r.collective_id", Match::equal, Kind::integer},
      {"roleName", "r.role_name", Match::contains, Kind::text},
      {"roleKey", "r.role_key", Match::contains, Kind::text},
      {"status", "r.status", Match::equal, Kind::integer},
      {"roleType", "r.role_type", Match::equal, Kind::text},
      {"beginTime", "r.created_at", Match::at_least, Kind::integer},
      {"endTime", "r.created_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"id", "r.id"},
                {"roleName", "r.role_name"},
                {"roleKey", "r.role_key"},
                {"status", "r.status"},
                {"createTime", "r.created_at"}};
  s.default_order = "r.id";
  s.scope = role_scope();
  return list_page_of<RoleRow>(c_, s, q, scope);
}

std::optional<RoleDetail> RoleRepo::detail(int64_t id, const DataScope& scope) {
  Where w;
  w.add("r.id = ?", {id});
  add_scope(w, role_scope(), scope);
  auto role = read_first<RoleRow>(
      c_.query(std::string("SELECT ") + kRoleSelect + " FROM " + kRoleFrom + w.sql(), w.params));
  if (!role) return std::nullopt;
  RoleDetail d{std::move(*role), {}};
  Result m = c_.query("SELECT menu_id FROM sys_role_menu WHERE role_id = ? ORDER BY menu_id", {id});
  for (size_t i = 0; i < m.size(); ++i) d.menu_ids.push_back(m.i64(i, 0));
  return d;
}

static std::optional<RoleRec> role_from(const Result& r) {
  if (r.empty()) return std::nullopt;
  RoleRec x;
  x.id = r.i64(0, 0);
  x.role_name = r.str(0, 1);
  x.role_key = r.str(0, 2);
  x.role_type = r.str(0, 3);
  x.provider_id = r.i64(0, 4);
  x.property_id = r.i64(0, 5);
  x.collective_id = r.i64(0, 6);
  x.status = r.i64(0, 7);
  x.built_in = r.i64(0, 8) != 0;
  return x;
}

static const char* kRoleRec =
    "SELECT id, role_name, role_key, role_type, provider_id, property_id, collective_id, status, built_in "
    "FROM sys_role ";

std::optional<RoleRec> RoleRepo::find(int64_t id) {
  return role_from(c_.query(std::string(kRoleRec) + "WHERE id = ?", {id}));
}

std::optional<RoleRec> RoleRepo::find_by_key(const std::string& key) {
  return role_from(
      c_.query(std::string(kRoleRec) + "WHERE role_key = ? AND built_in = 1 ORDER BY id LIMIT 1", {key}));
}

bool RoleRepo::in_scope(int64_t id, const DataScope& scope) {
  Where w;
  w.add("r.id = ?", {id});
  add_scope(w, role_scope(), scope);
  return c_.scalar("SELECT r.id FROM sys_role r" + w.sql(), w.params).has_value();
}

std::vector<RoleOption> RoleRepo::options(const std::optional<std::string>& role_type,
                                          const std::optional<int64_t>& provider_id,
                                          const std::optional<int64_t>& property_id,
                                          const std::optional<int64_t>& collective_id, bool include_admin,
                                          const DataScope& scope) {
  Where w;
  w.add("r.status = 0");
  if (!include_admin) w.add("NOT (r.built_in = 1 AND r.role_key = 'admin')");
  if (role_type) w.add("r.role_type = ?", {*role_type});
  // The owner's own roles, or the built-in templates (which have no owner).
  Where own;
  if (property_id)
    own.add("r.property_id = ?", {*property_id});
  else if (provider_id)
    own.add("r.provider_id = ? AND r.property_id IS NULL AND r.collective_id IS NULL", {*provider_id});
  else if (collective_id)
    own.add("r.collective_id = ?", {*collective_id});
  add_scope(own, role_scope(), scope);
  std::string own_sql = own.conditions.empty() ? "1 = 1" : own.sql().substr(7);  // drop " WHERE "
  w.add("(r.built_in = 1 OR (" + own_sql + "))", own.params);
  return read_rows<RoleOption>(
      c_.query("SELECT r.id, r.role_name, r.role_name, r.role_key, r.role_type, r.built_in FROM sys_role r" +
                   w.sql() + " ORDER BY r.id",
               w.params));
}

int64_t RoleRepo::insert(const RoleFields& f, const std::string& by, int64_t now) {
  return c_.insert(
      "INSERT INTO sys_role (role_name, role_key, role_type, provider_id, property_id, collective_id, "
      "status, "
      "built_in, remark, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
      {f.role_name, f.role_key, f.role_type, id_or_null(f.provider_id), id_or_null(f.property_id),
       id_or_null(f.collective_id), f.status, f.remark, by, now});
}

void RoleRepo::update(int64_t id, const std::string& name, const std::string& remark, int64_t status,
                      const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE sys_role SET role_name = ?, remark = ?, status = ?, updated_by = ?, updated_at = ? WHERE id = "
      "?",
      {name, remark, status, by, now, id});
}

void RoleRepo::set_status(int64_t id, int64_t status, const std::string& by, int64_t now) {
  c_.execute("UPDATE sys_role SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {status, by, now, id});
}

void RoleRepo::set_menus(int64_t id, const std::vector<int64_t>& menu_ids) {
  c_.execute("DELETE FROM sys_role_menu WHERE role_id = ?", {id});
  for (int64_t m : menu_ids)
    c_.execute("INSERT INTO sys_role_menu (role_id, menu_id) VALUES (?, ?)", {id, m});
}

int64_t RoleRepo::user_count(int64_t id) {
  return c_.scalar("SELECT COUNT(*) FROM sys_user_role WHERE role_id = ?", {id}).value_or(0);
}

void RoleRepo::remove(int64_t id) {
  c_.execute("DELETE FROM sys_role_menu WHERE role_id = ?", {id});
  c_.execute("DELETE FROM sys_role WHERE id = ?", {id});
}

std::set<std::string> RoleRepo::perms(int64_t id) {
  Result r = c_.query(
      "SELECT DISTINCT m.perms FROM sys_role_menu rm JOIN sys_menu m ON m.id = rm.menu_id WHERE rm.role_id = "
      "? AND "
      "m.perms <> ''",
      {id});
  std::set<std::string> out;
  for (size_t i = 0; i < r.size(); ++i) out.insert(r.str(i, 0));
  return out;
}

std::vector<MenuRow> RoleRepo::all_menus() {
  Result r = c_.query("SELECT id, parent_id, perms FROM sys_menu WHERE status = 0");
  std::vector<MenuRow> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back({r.i64(i, 0), r.i64(i, 1), r.str(i, 2)});
  return out;
}

std::set<int64_t> RoleRepo::held_menus(int64_t user_id) {
  Result r = c_.query(
      "SELECT DISTINCT rm.menu_id FROM sys_user_role ur JOIN sys_role ro ON ro.id = ur.role_id AND ro.status "
      "= 0 "
      "JOIN sys_role_menu rm ON rm.role_id = ro.id WHERE ur.user_id = ?",
      {user_id});
  std::set<int64_t> out;
  for (size_t i = 0; i < r.size(); ++i) out.insert(r.i64(i, 0));
  return out;
}

std::vector<MenuNode> RoleRepo::menu_rows(const std::set<int64_t>* only) {
  auto rows = read_rows<MenuNode>(c_.query(
      "SELECT id, parent_id, menu_name, menu_name_en, perms, menu_type FROM sys_menu WHERE status = 0 "
      "ORDER BY parent_id, order_num, id"));
  if (only) std::erase_if(rows, [&](const MenuNode& m) { return !only->count(m.id); });
  return rows;
}

}  // namespace zc::db::sys
