#include "storage/repositories/member_product.hpp"

#include <boost/json/parse.hpp>

#include "storage/repositories/member_collective.hpp"

namespace zc::db::member {

namespace json = boost::json;

static const char* kSelect =
    "cp.id AS \"id\", cp.name AS \"name\", cp.product_type AS \"productType\", cp.issue_type AS "
    "\"issueType\", cp.price AS \"price\", cp.face_value AS \"faceValue\", cp.bonus_tiers AS \"bonusTiers\", "
    "cp.status AS \"status\", cp.remark AS \"remark\", cp.provider_id AS \"providerId\", pv.name AS "
    "\"providerName\", cp.property_id AS \"propertyId\", pr.name AS \"propertyName\", "
    "(SELECT COUNT(*) FROM member_card mc WHERE mc.product_id = cp.id) AS \"cardCount\", "
    "cp.created_by AS \"createBy\", cp.created_at AS \"createTime\", cp.updated_by AS \"updateBy\", "
    "cp.updated_at AS \"updateTime\"";
static const char* kFrom =
    "card_product cp LEFT JOIN sys_provider pv ON pv.id = cp.provider_id LEFT JOIN sys_property pr ON pr.id "
    "= "
    "cp.property_id";

// The names of the product's stations of one type, for the list (one text cell). SQLite names the
// aggregate GROUP_CONCAT, PostgreSQL STRING_AGG.
static std::string station_names(Dialect d, const char* table, const char* type) {
  const char* agg = d == Dialect::sqlite ? "GROUP_CONCAT" : "STRING_AGG";
  return std::string("(SELECT ") + agg + "(s.name, '、') FROM card_product_station ps JOIN " + table +
         " s ON s.id = ps.station_id WHERE ps.product_id = cp.id AND ps.station_type = '" + type + "')";
}

static ScopeColumns scope_columns() {
  return property_owned("cp", "cp.property_id IN (SELECT property_id FROM collective_account WHERE id = ?)");
}

// The tiers are stored as JSON text; the API returns them as an array.
static void tiers_to_array(json::object& row) {
  auto it = row.find("bonusTiers");
  if (it == row.end() || !it->value().is_string()) return;
  std::error_code ec;
  json::value v = json::parse(std::string(it->value().as_string()), ec);
  it->value() = ec || !v.is_array() ? json::value(json::array()) : v;
}

Page ProductRepo::list(const QueryParams& q, const DataScope& scope) {
  ListSpec s;
  s.select = std::string(kSelect) + ", " + station_names(c_.dialect(), "car_station", "car") +
             " AS \"carStationNames\", " + station_names(c_.dialect(), "bike_station", "bike") +
             " AS \"bikeStationNames\"";
  s.from = kFrom;
  s.filters = {{"name", "cp.name", Match::contains, Kind::text},
               {"productType", "cp.product_type", Match::equal, Kind::text},
               {"issueType", "cp.issue_type", Match::equal, Kind::text},
               {"status", "cp.status", Match::equal, Kind::integer},
               {"providerId", "cp.provider_id", Match::equal, Kind::integer},
               {"propertyId", "cp.property_id", Match::equal, Kind::integer}};
  s.sortable = {{"id", "cp.id"}, {"name", "cp.name"}, {"createTime", "cp.created_at"}};
  s.default_order = "cp.id DESC";
  s.scope = scope_columns();
  Page page = list_page(c_, s, q, scope);
  for (auto& row : page.rows) tiers_to_array(row.as_object());
  return page;
}

std::optional<json::object> ProductRepo::detail(int64_t id, const DataScope& scope) {
  Where w;
  w.add("cp.id = ?", {id});
  add_scope(w, scope_columns(), scope);
  Result r = c_.query(std::string("SELECT ") + kSelect + " FROM " + kFrom + w.sql(), w.params);
  if (r.empty()) return std::nullopt;
  json::object row = r.row_json(0);
  tiers_to_array(row);
  for (auto [type, table] : {std::pair{"car", "car_station"}, std::pair{"bike", "bike_station"}}) {
    Result st = c_.query(
        std::string("SELECT s.id AS \"id\", s.name AS \"name\" FROM card_product_station ps JOIN ") + table +
            " s ON s.id = ps.station_id WHERE ps.product_id = ? AND ps.station_type = ? "
            "ORDER BY s.id",
        {id, std::string(type)});
    json::array ids;
    for (size_t i = 0; i < st.size(); ++i) ids.push_back(st.i64(i, 0));
    row[std::string(type) + "StationIds"] = std::move(ids);
    row[std::string(type) + "Stations"] = st.to_json();
  }
  return row;
}

std::optional<ProductRec> ProductRepo::find(int64_t id, const DataScope& scope) {
  Where w;
  w.add("cp.id = ?", {id});
  add_scope(w, scope_columns(), scope);
  Result r = c_.query(
      "SELECT cp.id, cp.provider_id, cp.property_id, cp.status, cp.price, cp.face_value, cp.name, "
      "cp.product_type, cp.issue_type, cp.bonus_tiers FROM card_product cp" +
          w.sql(),
      w.params);
  if (r.empty()) return std::nullopt;
  return ProductRec{r.i64(0, 0), r.i64(0, 1), r.i64(0, 2), r.i64(0, 3), r.i64(0, 4),
                    r.i64(0, 5), r.str(0, 6), r.str(0, 7), r.str(0, 8), r.str(0, 9)};
}

json::array ProductRepo::options(std::optional<std::string> issue_type, std::optional<int64_t> property_id,
                                 const DataScope& scope) {
  Where w;
  w.add("cp.status = 0");
  if (issue_type) w.add("cp.issue_type = ?", {*issue_type});
  if (property_id) w.add("cp.property_id = ?", {*property_id});
  add_scope(w, scope_columns(), scope);
  return c_
      .query(
          "SELECT cp.id AS \"id\", cp.name AS \"name\", cp.product_type AS \"productType\", cp.issue_type AS "
          "\"issueType\", cp.price AS \"price\", cp.face_value AS \"faceValue\", cp.bonus_tiers AS "
          "\"bonusTiers\", cp.property_id AS \"propertyId\" FROM card_product cp" +
              w.sql() + " ORDER BY cp.id DESC",
          w.params)
      .to_json();
}

void ProductRepo::write_stations(int64_t id, const ProductFields& f) {
  c_.execute("DELETE FROM card_product_station WHERE product_id = ?", {id});
  for (auto [type, ids] : {std::pair{"car", &f.car_station_ids}, std::pair{"bike", &f.bike_station_ids}})
    for (int64_t sid : *ids)
      c_.execute("INSERT INTO card_product_station (product_id, station_type, station_id) VALUES (?, ?, ?)",
                 {id, std::string(type), sid});
}

int64_t ProductRepo::insert(int64_t provider_id, int64_t property_id, const ProductFields& f,
                            const std::string& by, int64_t now) {
  int64_t id = c_.insert(
      "INSERT INTO card_product (name, product_type, issue_type, price, face_value, bonus_tiers, status, "
      "remark, "
      "provider_id, property_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
      {f.name, f.product_type, f.issue_type, f.price, f.face_value, f.bonus_tiers, f.remark, provider_id,
       property_id, by, now});
  write_stations(id, f);
  return id;
}

void ProductRepo::update(int64_t id, const ProductFields& f, const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE card_product SET name = ?, product_type = ?, issue_type = ?, price = ?, face_value = ?, "
      "bonus_tiers = ?, remark = ?, updated_by = ?, updated_at = ? WHERE id = ?",
      {f.name, f.product_type, f.issue_type, f.price, f.face_value, f.bonus_tiers, f.remark, by, now, id});
  write_stations(id, f);
}

void ProductRepo::set_status(int64_t id, int64_t status, const std::string& by, int64_t now) {
  c_.execute("UPDATE card_product SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {status, by, now, id});
}

std::vector<int64_t> ProductRepo::foreign_stations(const std::string& station_type,
                                                   const std::vector<int64_t>& ids, int64_t property_id) {
  const std::string table = station_type == "car" ? "car_station" : "bike_station";
  std::vector<int64_t> out;
  for (int64_t id : ids)
    if (!c_.scalar("SELECT id FROM " + table + " WHERE id = ? AND property_id = ?", {id, property_id}))
      out.push_back(id);
  return out;
}

bool ProductRepo::binds_station(int64_t product_id, const std::string& station_type, int64_t station_id) {
  return c_
      .scalar(
          "SELECT 1 FROM card_product_station WHERE product_id = ? AND station_type = ? AND station_id = ?",
          {product_id, station_type, station_id})
      .has_value();
}

}  // namespace zc::db::member
