#include "storage/repositories/system_provider.hpp"

namespace zc::db::sys {

// ---- providers ----------------------------------------------------------------------------------

// The columns of ProviderRow.
static const char* kProviderSelect =
    "p.id, p.name, p.contact, p.phone, p.email, CASE WHEN p.parent_id IS NULL THEN 1 ELSE 2 END, "
    "p.parent_id, pp.name, p.status, p.audit_status, p.audit_remark, p.audit_by, p.audit_time, p.user_id, "
    "u.user_name, p.dept_id, p.created_by, p.created_at, p.updated_by, p.updated_at";
static const char* kProviderFrom =
    "sys_provider p LEFT JOIN sys_provider pp ON pp.id = p.parent_id LEFT JOIN sys_user u ON u.id = "
    "p.user_id";

// A provider user sees its provider and its sub-merchants; a property user its property's provider.
static ScopeColumns provider_scope() {
  ScopeColumns s;
  s.provider = "(p.id = ? OR p.parent_id = ?)";
  s.property = "p.id IN (SELECT provider_id FROM sys_property WHERE id = ?)";
  return s;
}

static ListSpec provider_spec() {
  ListSpec s;
  s.select = kProviderSelect;
  s.from = kProviderFrom;
  s.filters = {
      {"name", "p.name", Match::contains, Kind::text},
      {"phone", "p.phone", Match::contains, Kind::text},
      {"merchantType", "(CASE WHEN p.parent_id IS NULL THEN 1 ELSE 2 END) = ?", Match::custom, Kind::integer},
      {"status", "p.status", Match::equal, Kind::integer},
      {"auditStatus", "p.audit_status", Match::equal, Kind::integer},
      {"parentId", "p.parent_id", Match::equal, Kind::integer},
      {"beginTime", "p.created_at", Match::at_least, Kind::integer},
      {"endTime", "p.created_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"id", "p.id"},
                {"name", "p.name"},
                {"status", "p.status"},
                {"auditStatus", "p.audit_status"},
                {"createTime", "p.created_at"},
                {"updateTime", "p.updated_at"}};
  s.default_order = "p.id DESC";
  s.scope = provider_scope();
  return s;
}

RowsPage<ProviderRow> ProviderRepo::list(const QueryParams& q, const DataScope& scope) {
  return list_page_of<ProviderRow>(c_, provider_spec(), q, scope);
}

std::optional<ProviderRow> ProviderRepo::detail(int64_t id, const DataScope& scope) {
  Where w;
  w.add("p.id = ?", {id});
  add_scope(w, provider_scope(), scope);
  return read_first<ProviderRow>(
      c_.query(std::string("SELECT ") + kProviderSelect + " FROM " + kProviderFrom + w.sql(), w.params));
}

bool ProviderRepo::in_scope(int64_t id, const DataScope& scope) {
  Where w;
  w.add("p.id = ?", {id});
  add_scope(w, provider_scope(), scope);
  return c_.scalar("SELECT p.id FROM sys_provider p" + w.sql(), w.params).has_value();
}

std::optional<ProviderRec> ProviderRepo::find(int64_t id) {
  Result r = c_.query(
      "SELECT id, parent_id, name, phone, email, status, audit_status, user_id, dept_id FROM sys_provider "
      "WHERE id = ?",
      {id});
  if (r.empty()) return std::nullopt;
  ProviderRec p;
  p.id = r.i64(0, 0);
  p.parent_id = r.i64(0, 1);
  p.name = r.str(0, 2);
  p.phone = r.str(0, 3);
  p.email = r.str(0, 4);
  p.status = r.i64(0, 5);
  p.audit_status = r.i64(0, 6);
  p.user_id = r.i64(0, 7);
  p.dept_id = r.i64(0, 8);
  return p;
}

std::vector<ProviderOption> ProviderRepo::options(const DataScope& scope) {
  Where w;
  w.add("p.audit_status = 1 AND p.status = 0");
  add_scope(w, provider_scope(), scope);
  return read_rows<ProviderOption>(c_.query(
      "SELECT p.id, p.name, p.parent_id FROM sys_provider p" + w.sql() + " ORDER BY p.id", w.params));
}

int64_t ProviderRepo::insert(const ProviderFields& f, const std::string& by, int64_t now) {
  return c_.insert(
      "INSERT INTO sys_provider (parent_id, name, contact, phone, email, status, audit_status, created_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?)",
      {f.parent_id ? Value(f.parent_id) : null(), f.name, f.contact, f.phone, f.email, by, now});
}

void ProviderRepo::update(int64_t id, const std::string& name, const std::string& contact,
                          const std::string& email, const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE sys_provider SET name = ?, contact = ?, email = ?, updated_by = ?, updated_at = ? WHERE id = ?",
      {name, contact, email, by, now, id});
}

void ProviderRepo::set_status(int64_t id, int64_t status, const std::string& by, int64_t now) {
  c_.execute("UPDATE sys_provider SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {status, by, now, id});
}

bool ProviderRepo::audit(int64_t id, int64_t audit_status, const std::string& remark, int64_t user_id,
                         int64_t dept_id, const std::string& by, int64_t now) {
  return c_.execute(
             "UPDATE sys_provider SET audit_status = ?, audit_remark = ?, audit_by = ?, audit_time = ?, "
             "user_id = ?, dept_id = ?, updated_by = ?, updated_at = ? WHERE id = ? AND audit_status = 0",
             {audit_status, remark, by, now, user_id ? Value(user_id) : null(),
              dept_id ? Value(dept_id) : null(), by, now, id}) > 0;
}

void ProviderRepo::clear_user(int64_t user_id) {
  c_.execute("UPDATE sys_provider SET user_id = NULL WHERE user_id = ?", {user_id});
}

// ---- properties ---------------------------------------------------------------------------------

// The columns of PropertyRow.
static const char* kPropertySelect =
    "pr.id, pr.provider_id, p.name, pr.name, pr.contact, pr.phone, pr.email, pr.province, pr.city, "
    "pr.address, pr.status, pr.user_id, u.user_name, pr.dept_id, pr.created_by, pr.created_at, "
    "pr.updated_by, pr.updated_at";
static const char* kPropertyFrom =
    "sys_property pr JOIN sys_provider p ON p.id = pr.provider_id LEFT JOIN sys_user u ON u.id = pr.user_id";

static ScopeColumns property_scope() {
  ScopeColumns s;
  s.provider = "pr.provider_id";
  s.property = "pr.id";
  return s;
}

RowsPage<PropertyRow> PropertyRepo::list(const QueryParams& q, const DataScope& scope) {
  ListSpec s;
  s.select = kPropertySelect;
  s.from = kPropertyFrom;
  s.filters = {
      {"providerId", "pr.provider_id", Match::equal, Kind::integer},
      {"name", "pr.name", Match::contains, Kind::text},
      {"phone", "pr.phone", Match::contains, Kind::text},
      {"status", "pr.status", Match::equal, Kind::integer},
      {"province", "pr.province", Match::contains, Kind::text},
      {"city", "pr.city", Match::contains, Kind::text},
      {"beginTime", "pr.created_at", Match::at_least, Kind::integer},
      {"endTime", "pr.created_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"id", "pr.id"},
                {"name", "pr.name"},
                {"status", "pr.status"},
                {"providerId", "pr.provider_id"},
                {"createTime", "pr.created_at"},
                {"updateTime", "pr.updated_at"}};
  s.default_order = "pr.id DESC";
  s.scope = property_scope();
  return list_page_of<PropertyRow>(c_, s, q, scope);
}

std::optional<PropertyRow> PropertyRepo::detail(int64_t id, const DataScope& scope) {
  Where w;
  w.add("pr.id = ?", {id});
  add_scope(w, property_scope(), scope);
  return read_first<PropertyRow>(
      c_.query(std::string("SELECT ") + kPropertySelect + " FROM " + kPropertyFrom + w.sql(), w.params));
}

std::optional<PropertyRec> PropertyRepo::find(int64_t id) {
  Result r = c_.query(
      "SELECT id, provider_id, name, phone, email, status, user_id, dept_id FROM sys_property WHERE id = ?",
      {id});
  if (r.empty()) return std::nullopt;
  PropertyRec p;
  p.id = r.i64(0, 0);
  p.provider_id = r.i64(0, 1);
  p.name = r.str(0, 2);
  p.phone = r.str(0, 3);
  p.email = r.str(0, 4);
  p.status = r.i64(0, 5);
  p.user_id = r.i64(0, 6);
  p.dept_id = r.i64(0, 7);
  return p;
}

std::vector<PropertyOption> PropertyRepo::options(std::optional<int64_t> provider_id,
                                                  const DataScope& scope) {
  Where w;
  w.add("pr.status = 0");
  if (provider_id) w.add("pr.provider_id = ?", {*provider_id});
  add_scope(w, property_scope(), scope);
  return read_rows<PropertyOption>(c_.query(
      "SELECT pr.id, pr.name, pr.provider_id FROM sys_property pr" + w.sql() + " ORDER BY pr.id", w.params));
}

int64_t PropertyRepo::insert(const PropertyFields& f, const std::string& by, int64_t now) {
  return c_.insert(
      "INSERT INTO sys_property (provider_id, name, contact, phone, email, province, city, address, status, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
      {f.provider_id, f.name, f.contact, f.phone, f.email, f.province, f.city, f.address, by, now});
}

void PropertyRepo::update(int64_t id, const PropertyFields& f, const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE sys_property SET name = ?, contact = ?, email = ?, province = ?, city = ?, address = ?, "
      "updated_by = ?, updated_at = ? WHERE id = ?",
      {f.name, f.contact, f.email, f.province, f.city, f.address, by, now, id});
}

void PropertyRepo::set_status(int64_t id, int64_t status, const std::string& by, int64_t now) {
  c_.execute("UPDATE sys_property SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {status, by, now, id});
}

void PropertyRepo::set_account(int64_t id, int64_t user_id, int64_t dept_id) {
  c_.execute("UPDATE sys_property SET user_id = ?, dept_id = ? WHERE id = ?", {user_id, dept_id, id});
}

void PropertyRepo::clear_user(int64_t user_id) {
  c_.execute("UPDATE sys_property SET user_id = NULL WHERE user_id = ?", {user_id});
}

}  // namespace zc::db::sys
