#include "storage/repositories/car_tariff.hpp"

#include "storage/repositories/car_common.hpp"

namespace zc::db::car {

namespace json = boost::json;

static ListSpec tariff_spec() {
  ListSpec s;
  s.select = "t.id AS \"id\", " + owner_select("t") + ", " + station::child_place_select("t") +
             ", t.name AS \"name\", t.mode AS \"mode\", "
             "t.status AS \"status\", t.prepay_values AS \"prepayJson\", st.timezone AS \"timezone\", " +
             audit_select("t");
  s.from = station::child_from(station::StationType::car, "car_tariff", "t");
  s.filters = station::tariff_filters("t");
  s.sortable = {{"id", "t.id"},
                {"name", "t.name"},
                {"status", "t.status"},
                {"createTime", "t.created_at"},
                {"updateTime", "t.updated_at"}};
  s.default_order = "t.id DESC";
  s.scope = child_scope("t");
  return s;
}

static const station::ListDef kTariffList{tariff_spec, "t.id"};

TariffRepo::TariffRepo(Connection& c) : ChildRows(c, station::StationType::car, "car_tariff", kTariffList) {}

std::optional<TariffRec> TariffRepo::find(int64_t id) {
  Result r = c_.query(
      "SELECT id, station_id, area_id, name, mode, prepay_values, status FROM car_tariff WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return TariffRec{r.i64(0, 0), r.i64(0, 1), r.i64(0, 2), r.str(0, 3), r.str(0, 4), r.str(0, 5), r.i64(0, 6)};
}

std::optional<int64_t> TariffRepo::of_area(int64_t area_id) {
  return c_.scalar("SELECT id FROM car_tariff WHERE area_id = ?", {area_id});
}

int64_t TariffRepo::insert(const Owned& o, int64_t area_id, const std::string& name, const std::string& mode,
                           const std::string& prepay_json, const std::string& by, int64_t now) {
  return c_.insert(
      "INSERT INTO car_tariff (station_id, area_id, provider_id, property_id, name, mode, prepay_values, "
      "status, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
      {o.station_id, area_id, o.provider_id, o.property_id, name, mode, prepay_json, by, now});
}

void TariffRepo::update(int64_t id, const std::string& name, const std::string& mode, const std::string& by,
                        int64_t now) {
  c_.execute("UPDATE car_tariff SET name = ?, mode = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {name, mode, by, now, id});
}

void TariffRepo::set_prepay(int64_t id, const std::string& prepay_json, const std::string& by, int64_t now) {
  c_.execute("UPDATE car_tariff SET prepay_values = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {prepay_json, by, now, id});
}

std::vector<VersionRec> TariffRepo::versions(int64_t tariff_id) {
  Result r = c_.query(
      "SELECT id, tariff_id, seq, effective_from, mode, definition, created_by, created_at FROM "
      "car_tariff_version "
      "WHERE tariff_id = ? ORDER BY seq",
      {tariff_id});
  std::vector<VersionRec> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.i64(i, 0), r.i64(i, 1), r.i64(i, 2), r.i64(i, 3), r.str(i, 4), r.str(i, 5), r.str(i, 6),
                   r.i64(i, 7)});
  return out;
}

static std::string id_list(const std::vector<int64_t>& ids, Params& params) {
  std::string out = "(";
  for (size_t i = 0; i < ids.size(); ++i) {
    out += i ? ", ?" : "?";
    params.emplace_back(ids[i]);
  }
  return out + ")";
}

std::vector<TariffRec> TariffRepo::of_areas(const std::vector<int64_t>& area_ids) {
  if (area_ids.empty()) return {};
  Params p;
  Result r = c_.query(
      "SELECT id, station_id, area_id, name, mode, prepay_values, status FROM car_tariff WHERE area_id IN " +
          id_list(area_ids, p),
      p);
  std::vector<TariffRec> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back(
        {r.i64(i, 0), r.i64(i, 1), r.i64(i, 2), r.str(i, 3), r.str(i, 4), r.str(i, 5), r.i64(i, 6)});
  return out;
}

std::vector<VersionRec> TariffRepo::versions_of(const std::vector<int64_t>& tariff_ids) {
  if (tariff_ids.empty()) return {};
  Params p;
  Result r = c_.query(
      "SELECT id, tariff_id, seq, effective_from, mode, definition, created_by, created_at FROM "
      "car_tariff_version WHERE tariff_id IN " +
          id_list(tariff_ids, p) + " ORDER BY tariff_id, seq",
      p);
  std::vector<VersionRec> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.i64(i, 0), r.i64(i, 1), r.i64(i, 2), r.i64(i, 3), r.str(i, 4), r.str(i, 5), r.str(i, 6),
                   r.i64(i, 7)});
  return out;
}

int64_t TariffRepo::add_version(int64_t tariff_id, int64_t effective_from, const std::string& mode,
                                const std::string& definition, const std::string& by, int64_t now) {
  int64_t seq =
      c_.scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM car_tariff_version WHERE tariff_id = ?", {tariff_id})
          .value_or(1);
  return c_.insert(
      "INSERT INTO car_tariff_version (tariff_id, seq, effective_from, mode, definition, created_by, "
      "created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {tariff_id, seq, effective_from, mode, definition, by, now});
}

std::vector<VisibilityRow> visibility_rows(Connection& c, std::optional<int64_t> station_id) {
  std::string sql =
      "SELECT s.id, s.name, s.address, a.id, a.name, e.id, e.code, e.name, e.status, g.id, g.code, g.gun_no, "
      "g.state, g.status FROM car_station s JOIN sys_provider pv ON pv.id = s.provider_id "
      "JOIN sys_property pr ON pr.id = s.property_id "
      "LEFT JOIN car_area a ON a.station_id = s.id AND a.status = 0 "
      "LEFT JOIN car_pile e ON e.area_id = a.id LEFT JOIN car_gun g ON g.pile_id = e.id "
      "WHERE s.audit_status = 1 AND s.status = 0 AND pv.status = 0 AND pr.status = 0";
  Params p;
  if (station_id) {
    sql += " AND s.id = ?";
    p.emplace_back(*station_id);
  }
  sql += " ORDER BY s.id, a.id, e.id, g.gun_no";
  Result r = c.query(sql, p);
  std::vector<VisibilityRow> out;
  out.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) {
    VisibilityRow v;
    v.station_id = r.i64(i, 0);
    v.station_name = r.str(i, 1);
    v.station_address = r.str(i, 2);
    v.area_id = r.i64(i, 3);
    v.area_name = r.str(i, 4);
    v.pile_id = r.i64(i, 5);
    v.pile_code = r.str(i, 6);
    v.pile_name = r.str(i, 7);
    v.pile_status = r.i64(i, 8);
    v.gun_id = r.i64(i, 9);
    v.gun_code = r.str(i, 10);
    v.gun_no = r.i64(i, 11);
    v.gun_state = r.str(i, 12);
    v.gun_status = r.i64(i, 13);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace zc::db::car
