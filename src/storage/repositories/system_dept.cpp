#include "storage/repositories/system_dept.hpp"

namespace zc::db::sys {

static Value id_or_null(int64_t v) {
  return v ? Value(v) : null();
}

// ---- departments -------------------------------------------------------------------------------

// The columns of DeptRow.
static const char* kDeptSelect =
    "d.id, d.parent_id, d.ancestors, d.dept_name, d.order_num, d.leader, d.phone, d.email, d.status, "
    "d.provider_id, d.property_id, d.collective_id, pd.dept_name, d.created_by, d.created_at, d.updated_by, "
    "d.updated_at";
static const char* kDeptFrom = "sys_dept d LEFT JOIN sys_dept pd ON pd.id = d.parent_id";

static ScopeColumns dept_scope() {
  ScopeColumns s;
  s.provider = "d.provider_id";
  s.property = "d.property_id";
  s.collective = "d.collective_id";
  return s;
}

std::vector<DeptRow> DeptRepo::list(const QueryParams& q, const DataScope& scope) {
  ListSpec s;
  s.select = kDeptSelect;
  s.from = kDeptFrom;
  s.filters = {
      {"deptName", "d.dept_name", Match::contains, Kind::text},
      {"status", "d.status", Match::equal, Kind::integer},
      {"providerId", "d.provider_id", Match::equal, Kind::integer},
      {"propertyId", "d.property_id", Match::equal, Kind::integer},
      {"collectiveId", "d.collective_id", Match::equal, Kind::integer},
      {"parentId", "d.parent_id", Match::equal, Kind::integer},
  };
  s.sortable = {{"id", "d.id"},
                {"orderNum", "d.order_num"},
                {"deptName", "d.dept_name"},
                {"createTime", "d.created_at"}};
  s.default_order = "d.parent_id, d.order_num, d.id";
  s.scope = dept_scope();
  return list_all_of<DeptRow>(c_, s, q, scope);
}

std::optional<DeptRow> DeptRepo::detail(int64_t id, const DataScope& scope) {
  Where w;
  w.add("d.id = ?", {id});
  add_scope(w, dept_scope(), scope);
  return read_first<DeptRow>(
      c_.query(std::string("SELECT ") + kDeptSelect + " FROM " + kDeptFrom + w.sql(), w.params));
}

std::optional<DeptRec> DeptRepo::find(int64_t id) {
  Result r = c_.query(
      "SELECT id, parent_id, ancestors, dept_name, status, provider_id, property_id, collective_id FROM "
      "sys_dept "
      "WHERE id = ?",
      {id});
  if (r.empty()) return std::nullopt;
  DeptRec d;
  d.id = r.i64(0, 0);
  d.parent_id = r.i64(0, 1);
  d.ancestors = r.str(0, 2);
  d.dept_name = r.str(0, 3);
  d.status = r.i64(0, 4);
  d.provider_id = r.i64(0, 5);
  d.property_id = r.i64(0, 6);
  d.collective_id = r.i64(0, 7);
  return d;
}

std::vector<DeptNode> DeptRepo::tree_rows(std::optional<int64_t> provider_id,
                                          std::optional<int64_t> property_id,
                                          std::optional<int64_t> collective_id, const DataScope& scope) {
  Where w;
  if (property_id) {
    w.add("d.property_id = ?", {*property_id});
  } else if (provider_id) {
    w.add("d.provider_id = ? AND d.property_id IS NULL AND d.collective_id IS NULL", {*provider_id});
  } else if (collective_id) {
    w.add("d.collective_id = ?", {*collective_id});
  }
  add_scope(w, dept_scope(), scope);
  return read_rows<DeptNode>(c_.query("SELECT d.id, d.parent_id, d.dept_name, d.status FROM sys_dept d" +
                                          w.sql() + " ORDER BY d.parent_id, d.order_num, d.id",
                                      w.params));
}

int64_t DeptRepo::insert(const DeptFields& f, const std::string& by, int64_t now) {
  return c_.insert(
      "INSERT INTO sys_dept (parent_id, ancestors, dept_name, order_num, leader, phone, email, status, "
      "provider_id, property_id, collective_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?)",
      {f.parent_id, f.ancestors, f.dept_name, f.order_num, f.leader, f.phone, f.email, f.status,
       id_or_null(f.provider_id), id_or_null(f.property_id), id_or_null(f.collective_id), by, now});
}

void DeptRepo::update(int64_t id, const DeptFields& f, const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE sys_dept SET parent_id = ?, ancestors = ?, dept_name = ?, order_num = ?, leader = ?, phone = "
      "?, "
      "email = ?, status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
      {f.parent_id, f.ancestors, f.dept_name, f.order_num, f.leader, f.phone, f.email, f.status, by, now,
       id});
}

std::vector<std::pair<int64_t, std::string>> DeptRepo::descendants(const std::string& prefix) {
  std::string like;
  for (char ch : prefix) {
    if (ch == '%' || ch == '_' || ch == '\\') like += '\\';
    like += ch;
  }
  like += ",%";
  Result r =
      c_.query("SELECT id, ancestors FROM sys_dept WHERE ancestors = ? OR ancestors LIKE ? ESCAPE '\\'",
               {prefix, like});
  std::vector<std::pair<int64_t, std::string>> out;
  for (size_t i = 0; i < r.size(); ++i) out.emplace_back(r.i64(i, 0), r.str(i, 1));
  return out;
}

void DeptRepo::set_ancestors(int64_t id, const std::string& ancestors) {
  c_.execute("UPDATE sys_dept SET ancestors = ? WHERE id = ?", {ancestors, id});
}

bool DeptRepo::has_children(int64_t id) {
  return c_.scalar("SELECT id FROM sys_dept WHERE parent_id = ? LIMIT 1", {id}).has_value();
}
bool DeptRepo::has_users(int64_t id) {
  return c_.scalar("SELECT id FROM sys_user WHERE dept_id = ? LIMIT 1", {id}).has_value();
}
bool DeptRepo::has_posts(int64_t id) {
  return c_.scalar("SELECT id FROM sys_post WHERE dept_id = ? LIMIT 1", {id}).has_value();
}
bool DeptRepo::is_owner_top_dept(int64_t id) {
  return c_
      .scalar(
          "SELECT id FROM sys_provider WHERE dept_id = ? UNION ALL SELECT id FROM sys_property WHERE dept_id "
          "= ?",
          {id, id})
      .has_value();
}
void DeptRepo::remove(int64_t id) {
  c_.execute("DELETE FROM sys_dept WHERE id = ?", {id});
}

// ---- posts --------------------------------------------------------------------------------------

// The columns of PostRow.
static const char* kPostSelect =
    "po.id, po.dept_id, d.dept_name, po.post_code, po.post_name, po.order_num, po.status, po.remark, "
    "po.provider_id, po.property_id, po.collective_id, po.created_by, po.created_at, po.updated_by, "
    "po.updated_at";
static const char* kPostFrom = "sys_post po LEFT JOIN sys_dept d ON d.id = po.dept_id";

static ScopeColumns post_scope() {
  ScopeColumns s;
  s.provider = "po.provider_id";
  s.property = "po.property_id";
  s.collective = "po.collective_id";
  return s;
}

RowsPage<PostRow> PostRepo::list(const QueryParams& q, const DataScope& scope) {
  ListSpec s;
  s.select = kPostSelect;
  s.from = kPostFrom;
  s.filters = {
      {"deptId", "po.dept_id", Match::equal, Kind::integer},
      {"postName", "po.post_name", Match::contains, Kind::text},
      {"postCode", "po.post_code", Match::contains, Kind::text},
      {"status", "po.status", Match::equal, Kind::integer},
      {"providerId", "po.provider_id", Match::equal, Kind::integer},
      {"propertyId", "po.property_id", Match::equal, Kind::integer},
      {"beginTime", "po.created_at", Match::at_least, Kind::integer},
      {"endTime", "po.created_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"id", "po.id"},
                {"orderNum", "po.order_num"},
                {"postName", "po.post_name"},
                {"postCode", "po.post_code"},
                {"status", "po.status"},
                {"createTime", "po.created_at"}};
  s.default_order = "po.order_num, po.id";
  s.scope = post_scope();
  return list_page_of<PostRow>(c_, s, q, scope);
}

std::optional<PostRow> PostRepo::detail(int64_t id, const DataScope& scope) {
  Where w;
  w.add("po.id = ?", {id});
  add_scope(w, post_scope(), scope);
  return read_first<PostRow>(
      c_.query(std::string("SELECT ") + kPostSelect + " FROM " + kPostFrom + w.sql(), w.params));
}

std::optional<PostRec> PostRepo::find(int64_t id) {
  Result r = c_.query(
      "SELECT id, dept_id, status, provider_id, property_id, collective_id FROM sys_post WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  PostRec p;
  p.id = r.i64(0, 0);
  p.dept_id = r.i64(0, 1);
  p.status = r.i64(0, 2);
  p.provider_id = r.i64(0, 3);
  p.property_id = r.i64(0, 4);
  p.collective_id = r.i64(0, 5);
  return p;
}

std::vector<PostOption> PostRepo::options(const QueryParams& q, const DataScope& scope) {
  ListSpec s;
  s.select = "po.id, po.post_name, po.post_name, po.post_code, po.dept_id";
  s.from = "sys_post po";
  s.where = "po.status = 0";
  s.filters = {
      {"deptId", "po.dept_id", Match::equal, Kind::integer},
      {"providerId", "po.provider_id", Match::equal, Kind::integer},
      {"propertyId", "po.property_id", Match::equal, Kind::integer},
  };
  s.default_order = "po.order_num, po.id";
  s.scope = post_scope();
  return list_all_of<PostOption>(c_, s, q, scope);
}

int64_t PostRepo::insert(const PostFields& f, const std::string& by, int64_t now) {
  return c_.insert(
      "INSERT INTO sys_post (dept_id, post_code, post_name, order_num, status, remark, provider_id, "
      "property_id, "
      "collective_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {f.dept_id, f.post_code, f.post_name, f.order_num, f.status, f.remark, id_or_null(f.provider_id),
       id_or_null(f.property_id), id_or_null(f.collective_id), by, now});
}

void PostRepo::update(int64_t id, const PostFields& f, const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE sys_post SET dept_id = ?, post_code = ?, post_name = ?, order_num = ?, status = ?, remark = ?, "
      "updated_by = ?, updated_at = ? WHERE id = ?",
      {f.dept_id, f.post_code, f.post_name, f.order_num, f.status, f.remark, by, now, id});
}

bool PostRepo::held(int64_t id) {
  return c_.scalar("SELECT id FROM sys_user WHERE post_id = ? LIMIT 1", {id}).has_value();
}

void PostRepo::remove(int64_t id) {
  c_.execute("DELETE FROM sys_post WHERE id = ?", {id});
}

}  // namespace zc::db::sys
