#include "storage/repositories/bike_tariff.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "storage/repositories/station_common.hpp"

namespace zc::db::bike {

namespace json = boost::json;
using namespace db::station;

json::array bands_json(const std::vector<tariff::PowerBand>& bands) {
  json::array a;
  for (const auto& b : tariff::sorted_bands(bands)) {
    json::object o;
    o["minW"] = b.min_w;
    if (b.max_w)
      o["maxW"] = *b.max_w;
    else
      o["maxW"] = nullptr;
    o["unitPrice"] = b.unit_price;
    a.push_back(std::move(o));
  }
  return a;
}

json::array prepay_json(const std::vector<money::Fen>& values) {
  json::array a;
  for (auto v : values) a.push_back(v);
  return a;
}

static json::array parse_array(const std::string& s) {
  boost::system::error_code ec;
  auto v = json::parse(s, ec);
  if (ec || !v.is_array()) return {};
  return v.as_array();
}

static int64_t int_of(const json::object& o, const char* k) {
  auto it = o.find(k);
  return it != o.end() && it->value().is_int64() ? it->value().as_int64() : 0;
}

static std::vector<tariff::PowerBand> parse_bands(const std::string& s) {
  std::vector<tariff::PowerBand> out;
  for (const auto& v : parse_array(s)) {
    if (!v.is_object()) continue;
    const auto& o = v.as_object();
    tariff::PowerBand b;
    b.min_w = static_cast<int32_t>(int_of(o, "minW"));
    if (auto it = o.find("maxW"); it != o.end() && it->value().is_int64())
      b.max_w = static_cast<int32_t>(it->value().as_int64());
    b.unit_price = int_of(o, "unitPrice");
    out.push_back(b);
  }
  return out;
}

static std::vector<money::Fen> parse_prepay(const std::string& s) {
  std::vector<money::Fen> out;
  for (const auto& v : parse_array(s))
    if (v.is_int64()) out.push_back(v.as_int64());
  return out;
}

static ListSpec tariff_spec() {
  ListSpec s;
  s.select = "t.id AS \"id\", " + owner_select("t") + ", " + child_place_select("t") +
             ", t.name AS \"name\", t.mode AS \"mode\", t.max_duration_min AS "
             "\"maxDurationMinutes\", t.auto_stop_amount AS \"autoStopAmount\", t.free_minutes AS "
             "\"freeMinutes\", t.unit_minutes AS \"unitMinutes\", t.unit_price AS \"unitPrice\", t.bands AS "
             "\"bands\", t.energy_price AS \"energyPrice\", t.service_price AS \"servicePrice\", "
             "t.reference_power_w AS \"referencePowerW\", t.prepay_values AS \"prepayValues\", t.status AS "
             "\"status\", " +
             audit_select("t");
  s.from = child_from(StationType::bike, "bike_tariff", "t");
  s.filters = tariff_filters("t");
  s.sortable = {{"id", "t.id"},
                {"name", "t.name"},
                {"mode", "t.mode"},
                {"status", "t.status"},
                {"createTime", "t.created_at"}};
  s.default_order = "t.id DESC";
  s.scope = child_scope(StationType::bike, "t");
  return s;
}

// The JSON text columns as arrays.
static void tariff_row(json::object& o) {
  for (const char* k : {"bands", "prepayValues"}) {
    auto it = o.find(k);
    if (it != o.end() && it->value().is_string())
      it->value() = parse_array(std::string(it->value().as_string()));
  }
}

static const ListDef kTariffList{tariff_spec, "t.id", tariff_row};

TariffRepo::TariffRepo(Connection& c) : ChildRows(c, StationType::bike, "bike_tariff", kTariffList) {}

static constexpr const char* kTariffColumns =
    "SELECT id, station_id, area_id, status, name, mode, max_duration_min, auto_stop_amount, free_minutes, "
    "unit_minutes, unit_price, bands, energy_price, service_price, reference_power_w, prepay_values FROM "
    "bike_tariff t ";

static TariffRec tariff_rec(const Result& r, size_t i) {
  TariffRec t;
  t.id = r.i64(i, 0);
  t.station_id = r.i64(i, 1);
  t.area_id = r.i64(i, 2);
  t.status = r.i64(i, 3);
  t.name = r.str(i, 4);
  t.def.mode = tariff::parse_bike_mode(r.str(i, 5)).value_or(tariff::BikeMode::A);
  t.def.max_duration_min = static_cast<int32_t>(r.i64(i, 6));
  t.def.auto_stop_amount = r.i64(i, 7);
  t.def.free_minutes = static_cast<int32_t>(r.i64(i, 8));
  t.def.unit_minutes = static_cast<int32_t>(r.i64(i, 9));
  t.def.unit_price = r.i64(i, 10);
  t.def.bands = parse_bands(r.str(i, 11));
  t.def.energy_price = r.i64(i, 12);
  t.def.service_price = r.i64(i, 13);
  t.def.reference_power_w = static_cast<int32_t>(r.i64(i, 14));
  t.def.prepay_values = parse_prepay(r.str(i, 15));
  return t;
}

std::optional<TariffRec> TariffRepo::find(int64_t id) {
  Result r = c_.query(std::string(kTariffColumns) + "WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return tariff_rec(r, 0);
}

std::vector<TariffRec> TariffRepo::enabled_of_areas(const std::vector<int64_t>& area_ids) {
  if (area_ids.empty()) return {};
  std::string sql = std::string(kTariffColumns) + "WHERE t.status = 0 AND t.area_id IN (";
  Params params;
  for (size_t i = 0; i < area_ids.size(); ++i) {
    sql += i ? ", ?" : "?";
    params.emplace_back(area_ids[i]);
  }
  // the newest enabled one of each area (as the e-bike orders choose it)
  sql +=
      ") AND NOT EXISTS (SELECT 1 FROM bike_tariff n WHERE n.area_id = t.area_id AND n.status = 0 AND "
      "n.id > t.id) ORDER BY t.area_id";
  Result r = c_.query(sql, params);
  std::vector<TariffRec> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(tariff_rec(r, i));
  return out;
}

static Params def_params(const tariff::BikeTariff& t) {
  return {std::string(1, tariff::bike_mode_code(t.mode)),
          int64_t{t.max_duration_min},
          t.auto_stop_amount,
          int64_t{t.free_minutes},
          int64_t{t.unit_minutes},
          t.unit_price,
          json::serialize(bands_json(t.bands)),
          t.energy_price,
          t.service_price,
          int64_t{t.reference_power_w},
          json::serialize(prepay_json(t.prepay_values))};
}

std::optional<int64_t> TariffRepo::in_force_of_area(int64_t area_id) {
  auto found = enabled_of_areas({area_id});  // one rule for one area and for a page of them
  if (found.empty()) return std::nullopt;
  return found.front().id;
}

int64_t TariffRepo::insert(const Owned& o, int64_t area_id, const std::string& name,
                           const tariff::BikeTariff& t, const std::string& by, int64_t now) {
  Params p = {o.station_id, area_id, o.provider_id, o.property_id, name};
  for (auto& v : def_params(t)) p.push_back(std::move(v));
  p.emplace_back(by);
  p.emplace_back(now);
  return c_.insert(
      "INSERT INTO bike_tariff (station_id, area_id, provider_id, property_id, name, mode, max_duration_min, "
      "auto_stop_amount, free_minutes, unit_minutes, unit_price, bands, energy_price, service_price, "
      "reference_power_w, prepay_values, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, "
      "?, ?, ?, ?, ?, ?, 0, ?, ?)",
      p);
}

void TariffRepo::update(int64_t id, const std::string& name, const tariff::BikeTariff& t,
                        const std::string& by, int64_t now) {
  Params p = {name};
  for (auto& v : def_params(t)) p.push_back(std::move(v));
  p.emplace_back(by);
  p.emplace_back(now);
  p.emplace_back(id);
  c_.execute(
      "UPDATE bike_tariff SET name = ?, mode = ?, max_duration_min = ?, auto_stop_amount = ?, free_minutes = "
      "?, "
      "unit_minutes = ?, unit_price = ?, bands = ?, energy_price = ?, service_price = ?, reference_power_w = "
      "?, "
      "prepay_values = ?, updated_by = ?, updated_at = ? WHERE id = ?",
      p);
}

void TariffRepo::set_prepay(int64_t id, const std::vector<money::Fen>& values, const std::string& by,
                            int64_t now) {
  c_.execute("UPDATE bike_tariff SET prepay_values = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {json::serialize(prepay_json(values)), by, now, id});
}

void TariffRepo::move_to_area(int64_t id, int64_t area_id) {
  c_.execute("UPDATE bike_tariff SET area_id = ? WHERE id = ?", {area_id, id});
}

void TariffRepo::remove(int64_t id) {
  c_.execute("DELETE FROM bike_tariff WHERE id = ?", {id});
}

}  // namespace zc::db::bike
