#include "storage/repositories/member_collective.hpp"

namespace zc::db::member {

namespace json = boost::json;

ScopeColumns property_owned(const std::string& alias, const std::string& collective_condition) {
  ScopeColumns s;
  s.provider = alias + ".provider_id";
  s.property = alias + ".property_id";
  s.collective = collective_condition;
  return s;
}

static const char* kSelect =
    "ca.id AS \"id\", ca.name AS \"name\", ca.email AS \"email\", ca.contact AS \"contact\", ca.phone AS "
    "\"phone\", ca.address AS \"address\", ca.remark AS \"remark\", ca.balance AS \"balance\", ca.status AS "
    "\"status\", ca.locked AS \"locked\", ca.provider_id AS \"providerId\", pv.name AS \"providerName\", "
    "ca.property_id AS \"propertyId\", pr.name AS \"propertyName\", (SELECT COUNT(*) FROM member_card mc "
    "WHERE "
    "mc.collective_id = ca.id) AS \"cardCount\", ca.created_by AS \"createBy\", ca.created_at AS "
    "\"createTime\", ca.updated_by AS \"updateBy\", ca.updated_at AS \"updateTime\"";
static const char* kFrom =
    "collective_account ca LEFT JOIN sys_provider pv ON pv.id = ca.provider_id LEFT JOIN sys_property pr ON "
    "pr.id = ca.property_id";

static ScopeColumns scope_columns() {
  return property_owned("ca", "ca.id");
}

Page CollectiveRepo::list(const QueryParams& q, const DataScope& scope) {
  ListSpec s;
  s.select = kSelect;
  s.from = kFrom;
  s.filters = {{"name", "ca.name", Match::contains, Kind::text},
               {"phone", "ca.phone", Match::contains, Kind::text},
               {"status", "ca.status", Match::equal, Kind::integer},
               {"locked", "ca.locked", Match::equal, Kind::integer},
               {"providerId", "ca.provider_id", Match::equal, Kind::integer},
               {"propertyId", "ca.property_id", Match::equal, Kind::integer}};
  s.sortable = {
      {"id", "ca.id"}, {"name", "ca.name"}, {"balance", "ca.balance"}, {"createTime", "ca.created_at"}};
  s.default_order = "ca.id DESC";
  s.scope = scope_columns();
  return list_page(c_, s, q, scope);
}

std::optional<json::object> CollectiveRepo::detail(int64_t id, const DataScope& scope) {
  Where w;
  w.add("ca.id = ?", {id});
  add_scope(w, scope_columns(), scope);
  Result r = c_.query(std::string("SELECT ") + kSelect + " FROM " + kFrom + w.sql(), w.params);
  if (r.empty()) return std::nullopt;
  return r.row_json(0);
}

std::optional<CollectiveRec> CollectiveRepo::find(int64_t id, const DataScope& scope) {
  Where w;
  w.add("ca.id = ?", {id});
  add_scope(w, scope_columns(), scope);
  Result r = c_.query(
      "SELECT ca.id, ca.provider_id, ca.property_id, ca.balance, ca.status, ca.locked, ca.name FROM "
      "collective_account ca" +
          w.sql(),
      w.params);
  if (r.empty()) return std::nullopt;
  return CollectiveRec{r.i64(0, 0), r.i64(0, 1), r.i64(0, 2), r.i64(0, 3),
                       r.i64(0, 4), r.i64(0, 5), r.str(0, 6)};
}

json::array CollectiveRepo::options(std::optional<int64_t> property_id, const DataScope& scope) {
  Where w;
  w.add("ca.status = 0 AND ca.locked = 0");
  if (property_id) w.add("ca.property_id = ?", {*property_id});
  add_scope(w, scope_columns(), scope);
  return c_
      .query(
          "SELECT ca.id AS \"id\", ca.name AS \"name\", ca.balance AS \"balance\", ca.property_id AS "
          "\"propertyId\" FROM collective_account ca" +
              w.sql() + " ORDER BY ca.id DESC",
          w.params)
      .to_json();
}

int64_t CollectiveRepo::insert(int64_t provider_id, int64_t property_id, const CollectiveFields& f,
                               const std::string& by, int64_t now) {
  return c_.insert(
      "INSERT INTO collective_account (name, email, contact, phone, address, remark, balance, status, "
      "locked, "
      "provider_id, property_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)",
      {f.name, f.email, f.contact, f.phone, f.address, f.remark, provider_id, property_id, by, now});
}

void CollectiveRepo::update(int64_t id, const CollectiveFields& f, const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE collective_account SET name = ?, email = ?, contact = ?, phone = ?, address = ?, remark = ?, "
      "updated_by = ?, updated_at = ? WHERE id = ?",
      {f.name, f.email, f.contact, f.phone, f.address, f.remark, by, now, id});
}

void CollectiveRepo::set_flag(int64_t id, const char* column, int64_t value, const std::string& by,
                              int64_t now) {
  const std::string col = column == std::string("locked") ? "locked" : "status";  // never caller text in SQL
  c_.execute("UPDATE collective_account SET " + col + " = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {value, by, now, id});
}

std::optional<int64_t> CollectiveRepo::add_balance(int64_t id, int64_t delta, int64_t now) {
  if (c_.execute(
          "UPDATE collective_account SET balance = balance + ?, updated_at = ? WHERE id = ? AND balance "
          "+ ? >= 0",
          {delta, now, id, delta}) == 0)
    return std::nullopt;
  return c_.scalar("SELECT balance FROM collective_account WHERE id = ?", {id});
}

}  // namespace zc::db::member
