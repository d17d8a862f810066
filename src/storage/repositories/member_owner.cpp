#include "storage/repositories/member_owner.hpp"

namespace zc::db::member {

namespace json = boost::json;

// An operator sees an app user it added, one holding its card, or one who charged at its stations.
static std::string seen_by(const char* column) {
  const std::string c = column;
  return "(u." + c + " = ? OR EXISTS (SELECT 1 FROM member_card x WHERE x.user_id = u.id AND x." + c +
         " = ?) OR EXISTS (SELECT 1 FROM car_charge_order o WHERE o.user_id = u.id AND o." + c +
         " = ?) OR EXISTS (SELECT 1 FROM bike_charge_order o WHERE o.user_id = u.id AND o." + c + " = ?))";
}

static ScopeColumns scope_columns() {
  ScopeColumns s;
  s.provider = seen_by("provider_id");
  s.property = seen_by("property_id");
  s.collective = "EXISTS (SELECT 1 FROM member_card x WHERE x.user_id = u.id AND x.collective_id = ?)";
  return s;
}

static std::string select_list(Dialect d) {
  const char* agg = d == Dialect::sqlite ? "GROUP_CONCAT" : "STRING_AGG";
  return std::string(
             "u.id AS \"id\", u.phone AS \"phone\", u.nickname AS \"nickname\", u.real_name AS \"realName\", "
             "u.gender AS \"gender\", (SELECT ") +
         agg +
         "(p.plate, ',') FROM app_plate p WHERE p.user_id = u.id) AS \"plates\", u.verified AS \"verified\", "
         "u.verified_at AS \"verifiedAt\", u.verified_by AS \"verifiedBy\", u.status AS \"status\", u.remark "
         "AS "
         "\"remark\", CASE WHEN u.created_by = '' THEN 'app' ELSE 'operator' END AS \"source\", u.created_by "
         "AS "
         "\"createBy\", pv.name AS \"providerName\", pr.name AS \"propertyName\", u.created_at AS "
         "\"createTime\", "
         "u.last_login_at AS \"lastLoginTime\"";
}
static const char* kFrom =
    "app_user u LEFT JOIN sys_provider pv ON pv.id = u.provider_id LEFT JOIN sys_property pr ON pr.id = "
    "u.property_id";

Page OwnerRepo::list(const QueryParams& q, const DataScope& scope) {
  ListSpec s;
  s.select = select_list(c_.dialect());
  s.from = kFrom;
  s.filters = {
      {"phone", "u.phone", Match::contains, Kind::text},
      {"realName", "u.real_name", Match::contains, Kind::text},
      {"nickname", "u.nickname", Match::contains, Kind::text},
      {"plate", "EXISTS (SELECT 1 FROM app_plate p WHERE p.user_id = u.id AND p.plate LIKE '%' || ? || '%')",
       Match::custom, Kind::text},
      {"verified", "u.verified", Match::equal, Kind::integer},
      {"status", "u.status", Match::equal, Kind::integer},
      {"providerId", seen_by("provider_id"), Match::custom, Kind::integer},
      {"propertyId", seen_by("property_id"), Match::custom, Kind::integer},
      {"collectiveId", "EXISTS (SELECT 1 FROM member_card x WHERE x.user_id = u.id AND x.collective_id = ?)",
       Match::custom, Kind::integer},
      {"beginTime", "u.created_at", Match::at_least, Kind::integer},
      {"endTime", "u.created_at", Match::at_most, Kind::integer}};
  s.sortable = {{"id", "u.id"}, {"createTime", "u.created_at"}, {"lastLoginTime", "u.last_login_at"}};
  s.default_order = "u.id DESC";
  s.scope = scope_columns();
  return list_page(c_, s, q, scope);
}

std::optional<json::object> OwnerRepo::detail(int64_t id, const DataScope& scope) {
  Where w;
  w.add("u.id = ?", {id});
  add_scope(w, scope_columns(), scope);
  Result r = c_.query("SELECT " + select_list(c_.dialect()) + " FROM " + kFrom + w.sql(), w.params);
  if (r.empty()) return std::nullopt;
  return r.row_json(0);
}

std::optional<OwnerRec> OwnerRepo::find(int64_t id, const DataScope& scope) {
  Where w;
  w.add("u.id = ?", {id});
  add_scope(w, scope_columns(), scope);
  Result r = c_.query("SELECT u.id, u.status, u.verified, u.phone FROM app_user u" + w.sql(), w.params);
  if (r.empty()) return std::nullopt;
  return OwnerRec{r.i64(0, 0), r.i64(0, 1), r.i64(0, 2), r.str(0, 3)};
}

std::optional<OwnerRec> OwnerRepo::find_by_phone(const std::string& phone) {
  Result r = c_.query("SELECT id, status, verified, phone FROM app_user WHERE phone = ?", {phone});
  if (r.empty()) return std::nullopt;
  return OwnerRec{r.i64(0, 0), r.i64(0, 1), r.i64(0, 2), r.str(0, 3)};
}

int64_t OwnerRepo::insert(const std::string& phone, const OwnerFields& f, std::optional<int64_t> provider_id,
                          std::optional<int64_t> property_id, const std::string& by, int64_t now) {
  return c_.insert(
      "INSERT INTO app_user (phone, nickname, status, created_at, real_name, gender, remark, created_by, "
      "provider_id, property_id) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?)",
      {phone, f.nickname, now, f.real_name, f.gender, f.remark, by, opt(provider_id), opt(property_id)});
}

void OwnerRepo::update(int64_t id, const OwnerFields& f, int64_t now) {
  c_.execute(
      "UPDATE app_user SET nickname = ?, real_name = ?, gender = ?, remark = ?, updated_at = ? WHERE id = ?",
      {f.nickname, f.real_name, f.gender, f.remark, now, id});
}

void OwnerRepo::update_names(int64_t id, const std::string& nickname, const std::string& real_name,
                             int64_t now) {
  c_.execute("UPDATE app_user SET nickname = ?, real_name = ?, updated_at = ? WHERE id = ?",
             {nickname, real_name, now, id});
}

void OwnerRepo::replace_plates(int64_t id, const std::vector<std::string>& plates, int64_t now) {
  c_.execute("DELETE FROM app_plate WHERE user_id = ?", {id});
  for (const std::string& p : plates)
    c_.execute("INSERT INTO app_plate (user_id, plate, created_at) VALUES (?, ?, ?)", {id, p, now});
}

void OwnerRepo::set_verified(int64_t id, int64_t verified, const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE app_user SET verified = ?, verified_at = ?, verified_by = ?, updated_at = ? WHERE id = ?",
      {verified, verified ? Value(now) : null(), verified ? by : std::string(), now, id});
}

void OwnerRepo::set_status(int64_t id, int64_t status, int64_t now) {
  c_.execute("UPDATE app_user SET status = ?, updated_at = ? WHERE id = ?", {status, now, id});
}

}  // namespace zc::db::member
