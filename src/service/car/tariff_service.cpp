#include "service/car/tariff_service.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "domain/tariff/car_billing.hpp"
#include "domain/tariff/ykc_billing_model.hpp"
#include "service/station/child_rows.hpp"
#include "service/station/device_support.hpp"
#include "storage/repositories/car_tariff.hpp"
#include "storage/repositories/tariff_in_force.hpp"

namespace zc::car {

namespace json = boost::json;
using db::Connection;
using namespace db::car;
using tariff::CarTariff;
using tariff::Tier;
using tariff::TierPrice;

static constexpr auto kCar = db::station::StationType::car;
static const std::string kNotFound = "计费规则不存在";

// ---- input → domain -----------------------------------------------------------------------------

// The domain's field names → the API's (tiers.peak.energy_price → tiers.peak.energyPrice, prepay[2] →
// prepayValues[2]).
static std::string api_message(std::string msg) {
  auto replace_all = [&](const std::string& from, const std::string& to) {
    for (size_t pos = 0; (pos = msg.find(from, pos)) != std::string::npos; pos += to.size())
      msg.replace(pos, from.size(), to);
  };
  replace_all(".energy_price", ".energyPrice");
  replace_all(".service_price", ".servicePrice");
  replace_all("prepay", "prepayValues");
  if (msg.rfind("unified.", 0) == 0) msg = "tiers.flat." + msg.substr(8);
  replace_all("；unified.", "；tiers.flat.");
  return msg;
}

void validate_prepay(const std::vector<int64_t>& values) {
  tariff::CarTariffInput in;
  in.mode = tariff::TariffMode::unified;
  in.prepay_fen = values;
  auto v = tariff::validate_car_tariff(in);
  if (!v.ok()) fail_bad_request(api_message(v.message()));
}

static int64_t price_field(const json::object& o, const std::string& path, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) fail_bad_request(path + "." + key + ": 不能为空");
  if (!it->value().is_int64()) fail_bad_request(path + "." + key + ": 应为整数（0.00001元/kWh）");
  return it->value().as_int64();
}

static tariff::CarTariffInput domain_input(const TariffInput& in, tariff::TariffMode& mode) {
  auto m = tariff::parse_mode(in.mode);
  if (!m) fail_bad_request("mode: 只能是unified（统一计价）或tou（峰平谷计价）");
  mode = *m;
  tariff::CarTariffInput d;
  d.mode = mode;
  if (!in.tiers.is_object()) fail_bad_request("tiers: 不能为空，应为对象");
  for (const auto& kv : in.tiers.as_object()) {
    std::string key(kv.key());
    std::string path = "tiers." + key;
    auto t = tariff::parse_tier(key);
    if (!t || key != tariff::tier_name(*t)) fail_bad_request(path + ": 只能是sharp、peak、flat或valley");
    if (kv.value().is_null()) continue;
    if (!kv.value().is_object()) fail_bad_request(path + ": 应为对象");
    const auto& o = kv.value().as_object();
    TierPrice price{price_field(o, path, "energyPrice"), price_field(o, path, "servicePrice")};
    d.tier_prices[static_cast<size_t>(tariff::index_of(*t))] = price;
  }
  if (mode == tariff::TariffMode::unified) {
    auto flat = d.tier_prices[static_cast<size_t>(tariff::index_of(Tier::flat))];
    if (!flat) fail_bad_request("tiers.flat: 统一计价须设置电费和服务费单价");
    d.unified = *flat;
    return d;
  }
  if (!in.periods.is_array()) fail_bad_request("periods: 分时计价须提供时段数组");
  const auto& arr = in.periods.as_array();
  if (arr.size() > 200) fail_bad_request("periods: 时段过多");
  for (size_t i = 0; i < arr.size(); ++i) {
    std::string path = "periods[" + std::to_string(i) + "]";
    if (!arr[i].is_object()) fail_bad_request(path + ": 应为对象");
    const auto& o = arr[i].as_object();
    auto s = [&](const char* k) {
      auto it = o.find(k);
      if (it == o.end() || !it->value().is_string()) fail_bad_request(path + "." + k + ": 应为字符串");
      return std::string(it->value().as_string());
    };
    d.periods.push_back({s("start"), s("end"), s("tier")});
  }
  return d;
}

static CarTariff validated(const TariffInput& in) {
  tariff::TariffMode mode{};
  auto d = domain_input(in, mode);
  auto v = tariff::validate_car_tariff(d);
  if (!v.ok()) fail_bad_request(api_message(v.message()));
  return *v.tariff;
}

// ---- stored definition ----------------------------------------------------------------------------

static std::string definition_json(const CarTariff& t) {
  json::object prices;
  for (Tier tier : tariff::kAllTiers) {
    const auto& p = t.prices[static_cast<size_t>(tariff::index_of(tier))];
    if (!p) continue;
    json::array a;
    a.push_back(p->energy);
    a.push_back(p->service);
    prices[tariff::tier_name(tier)] = std::move(a);
  }
  std::string slots;
  for (Tier tier : t.slots) slots += static_cast<char>('0' + tariff::index_of(tier));
  json::object o;
  o["prices"] = std::move(prices);
  o["slots"] = slots;
  return json::serialize(o);
}

static CarTariff parse_definition(const std::string& mode, const std::string& text) {
  CarTariff t;
  t.mode = tariff::parse_mode(mode).value_or(tariff::TariffMode::unified);
  auto v = json::parse(text);
  const auto& o = v.as_object();
  for (const auto& kv : o.at("prices").as_object()) {
    auto tier = tariff::parse_tier(kv.key());
    if (!tier) continue;
    const auto& a = kv.value().as_array();
    t.prices[static_cast<size_t>(tariff::index_of(*tier))] =
        TierPrice{a.at(0).as_int64(), a.at(1).as_int64()};
  }
  std::string slots(o.at("slots").as_string());
  for (size_t i = 0; i < t.slots.size() && i < slots.size(); ++i)
    t.slots[i] = static_cast<Tier>(slots[i] - '0');
  return t;
}

static std::vector<tariff::TariffVersion> domain_versions(const std::vector<VersionRec>& recs) {
  std::vector<tariff::TariffVersion> out;
  for (const auto& r : recs) out.push_back({r.id, r.effective_from, parse_definition(r.mode, r.definition)});
  return out;
}

static const VersionRec* rec_of(const std::vector<VersionRec>& recs, int64_t id) {
  for (const auto& r : recs)
    if (r.id == id) return &r;
  return nullptr;
}

static json::object version_json(const VersionRec& r, const CarTariff& t,
                                 std::optional<int64_t> effective_to) {
  json::object o;
  o["id"] = r.id;
  o["version"] = r.seq;
  o["effectiveFrom"] = r.effective_from;
  o["effectiveTo"] = effective_to ? json::value(*effective_to) : json::value(nullptr);
  o["createdBy"] = r.created_by;
  o["createdAt"] = r.created_at;
  o["mode"] = r.mode;
  json::object tiers;
  json::array periods;
  auto price_obj = [](const TierPrice& p) {
    json::object x;
    x["energyPrice"] = p.energy;
    x["servicePrice"] = p.service;
    return x;
  };
  if (t.mode == tariff::TariffMode::unified) {
    tiers["flat"] = price_obj(t.price_of(Tier::flat));
    json::object p;
    p["start"] = "00:00";
    p["end"] = "24:00";
    p["tier"] = "flat";
    periods.push_back(std::move(p));
  } else {
    for (Tier tier : tariff::kAllTiers)
      if (const auto& p = t.prices[static_cast<size_t>(tariff::index_of(tier))])
        tiers[tariff::tier_name(tier)] = price_obj(*p);
    for (const auto& per : tariff::periods_of(t)) {
      json::object p;
      p["start"] = tariff::format_hhmm(per.start_minute);
      p["end"] = tariff::format_hhmm(per.end_minute);
      p["tier"] = tariff::tier_name(per.tier);
      periods.push_back(std::move(p));
    }
  }
  o["tiers"] = std::move(tiers);
  o["periods"] = std::move(periods);
  o["ykcModelNo"] = tariff::ykc_model_no(r.id);
  return o;
}

// All versions with their windows [effectiveFrom, effectiveTo), in the order they take effect.
static json::array versions_json(const std::vector<VersionRec>& recs) {
  std::vector<const VersionRec*> order;
  for (const auto& r : recs) order.push_back(&r);
  std::sort(order.begin(), order.end(), [](const VersionRec* a, const VersionRec* b) {
    return a->effective_from != b->effective_from ? a->effective_from < b->effective_from : a->id < b->id;
  });
  json::array out;
  for (size_t i = 0; i < order.size(); ++i) {
    std::optional<int64_t> to;
    if (i + 1 < order.size()) to = order[i + 1]->effective_from;
    out.push_back(version_json(*order[i], parse_definition(order[i]->mode, order[i]->definition), to));
  }
  return out;
}

static std::optional<json::object> find_version(const json::array& versions, int64_t id) {
  for (const auto& v : versions)
    if (v.as_object().at("id").as_int64() == id) return v.as_object();
  return std::nullopt;
}

// Adds currentVersion, pendingVersion and prepayValues to a tariff row.
static void decorate(Connection& c, json::object& row, int64_t now) {
  int64_t id = row.at("id").as_int64();
  auto recs = TariffRepo(c).versions(id);
  auto dv = domain_versions(recs);
  json::array versions = versions_json(recs);
  const auto* cur = tariff::version_in_force(dv, now);
  row["currentVersion"] = cur ? json::value(*find_version(versions, cur->id)) : json::value(nullptr);
  const VersionRec* pending = nullptr;  // the next to take effect: earliest effective_from, latest edit
  for (const auto& r : recs)
    if (r.effective_from > now && (!pending || r.effective_from < pending->effective_from ||
                                   (r.effective_from == pending->effective_from && r.id > pending->id)))
      pending = &r;
  row["pendingVersion"] = pending ? json::value(*find_version(versions, pending->id)) : json::value(nullptr);
  json::array prepay;
  if (auto it = row.find("prepayJson"); it != row.end() && it->value().is_string()) {
    boost::system::error_code ec;
    auto v = json::parse(it->value().as_string(), ec);
    if (!ec && v.is_array()) prepay = v.as_array();
    row.erase("prepayJson");
  }
  row["prepayValues"] = std::move(prepay);
}

// The station's time zone (Asia/Shanghai when unknown).
template <class Station>
static TimeZone zone_of(const Station& s) {
  return TimeZone::find(s.timezone).value_or(TimeZone::shanghai());
}

// The local date an effectiveDate names ("YYYY-MM-DD"), nullopt when absent; 400 when malformed, not a
// date of `tz`, or before today.
static std::optional<LocalDate> requested_date(const std::optional<std::string>& date, const TimeZone& tz,
                                               int64_t now) {
  if (!date || date->empty()) return std::nullopt;
  const std::string& d = *date;
  auto digits = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (d[i] < '0' || d[i] > '9') return -1;
      v = v * 10 + (d[i] - '0');
    }
    return v;
  };
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') fail_bad_request("effectiveDate: 格式应为YYYY-MM-DD");
  LocalDate ld{digits(0, 4), digits(5, 2), digits(8, 2)};
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = ld.year % 4 == 0 && (ld.year % 100 != 0 || ld.year % 400 == 0);
  if (ld.year < 2000 || ld.year > 2100 || ld.month < 1 || ld.month > 12 || ld.day < 1 ||
      ld.day > kDays[ld.month - 1] + (ld.month == 2 && leap ? 1 : 0))
    fail_bad_request("effectiveDate: 日期无效：" + d);
  if (tz.local_date(tz.start_of_day(ld)) != ld) fail_bad_request("effectiveDate: 日期无效：" + d);
  LocalDate today = tz.local_date(now);
  if (ld < today) fail_bad_request("effectiveDate: 不能早于今天（" + today.to_string() + "）");
  return ld;
}

// When a version saved now takes effect (the domain's rule: at once while no version is in force, else at
// 24:00; 00:00 of a later effectiveDate).
static int64_t effective_from(const std::vector<VersionRec>& recs, const std::optional<std::string>& date,
                              const TimeZone& tz, int64_t now) {
  auto versions = domain_versions(recs);
  return tariff::new_version_effective_from(versions, now, tz, requested_date(date, tz, now));
}

static std::string prepay_json(const std::vector<int64_t>& values) {
  json::array a;
  for (int64_t v : values) a.push_back(v);
  return json::serialize(a);
}

// ---- use cases ----------------------------------------------------------------------------------------

db::Page TariffService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) {
    auto page = TariffRepo(c).list(q, p.scope);
    int64_t now = ctx_.clock.now();
    for (auto& r : page.rows) decorate(c, r.as_object(), now);
    return page;
  });
}

json::object TariffService::get(int64_t id, const Principal& p) {
  return ctx_.db.read([&](Connection& c) {
    auto row = TariffRepo(c).detail(id, p.scope);
    if (!row) fail_not_found("计费规则不存在");
    decorate(c, *row, ctx_.clock.now());
    (*row)["versions"] = versions_json(TariffRepo(c).versions(id));
    return *row;
  });
}

int64_t TariffService::create(const TariffInput& in, const Principal& p) {
  check_name("name", in.name);
  CarTariff t = validated(in);
  validate_prepay(in.prepay_values);
  return ctx_.db.write([&](Connection& c) {
    auto at = station::place_in_area(c, kCar, in.station_id, in.area_id, p);
    TariffRepo repo(c);
    if (repo.of_area(at.area.id)) fail_conflict("该区域已有计费规则，请修改现有规则");
    int64_t now = ctx_.clock.now();
    int64_t from =
        effective_from({}, in.effective_date, zone_of(at.station), now);  // the area's first tariff
    std::string mode(tariff::mode_name(t.mode));
    int64_t id =
        repo.insert(at.owned(), at.area.id, in.name, mode, prepay_json(in.prepay_values), p.user_name, now);
    repo.add_version(id, from, mode, definition_json(t), p.user_name, now);
    return id;
  });
}

void TariffService::update(const TariffInput& in, const Principal& p) {
  check_name("name", in.name);
  CarTariff t = validated(in);
  ctx_.db.write([&](Connection& c) {
    TariffRepo repo(c);
    auto rec = station::row_in_scope(repo, in.id, p, kNotFound);
    auto s = StationRepo(c).find(rec.station_id);
    int64_t now = ctx_.clock.now();
    int64_t from = effective_from(repo.versions(in.id), in.effective_date, zone_of(*s), now);
    std::string mode(tariff::mode_name(t.mode));
    repo.update(in.id, in.name, mode, p.user_name, now);
    repo.add_version(in.id, from, mode, definition_json(t), p.user_name, now);
  });
}

void TariffService::set_prepay(int64_t id, const std::vector<int64_t>& values, const Principal& p) {
  validate_prepay(values);
  ctx_.db.write([&](Connection& c) {
    TariffRepo repo(c);
    station::require_in_scope(repo, id, p, kNotFound);
    repo.set_prepay(id, prepay_json(values), p.user_name, ctx_.clock.now());
  });
}

void TariffService::change_status(int64_t id, int64_t status, const Principal& p) {
  station::change_row_status<TariffRepo>(ctx_.db, ctx_.clock, id, status, p, kNotFound);
}

json::object TariffService::billing_test(int64_t id, int64_t energy, std::optional<int64_t> start_ms,
                                         int64_t duration_minutes, const Principal& p) {
  if (energy < 0 || energy > tariff::kMaxBillEnergy)
    fail_bad_request("energy: 必须在0到10000000000（0.0001kWh）之间");
  if (duration_minutes < 0 || duration_minutes > 31 * 24 * 60)
    fail_bad_request("durationMinutes: 必须在0到44640之间");
  if (start_ms && *start_ms < 0) fail_bad_request("startTime: 无效");
  return ctx_.db.read([&](Connection& c) {
    TariffRepo repo(c);
    auto rec = station::row_in_scope(repo, id, p, kNotFound);
    auto s = StationRepo(c).find(rec.station_id);
    TimeZone tz = zone_of(*s);
    int64_t start = start_ms.value_or(ctx_.clock.now());
    auto recs = repo.versions(id);
    auto dv = domain_versions(recs);
    const tariff::TariffVersion* v = tariff::version_in_force(dv, start);
    bool preview = false;
    if (!v) {  // before the first version takes effect: preview it
      for (const auto& x : dv)
        if (!v || x.effective_from_ms < v->effective_from_ms ||
            (x.effective_from_ms == v->effective_from_ms && x.id > v->id))
          v = &x;
      preview = true;
    }
    if (!v) fail_conflict("计费规则没有版本");
    tariff::Bill bill = tariff::billing_test(v->tariff, tz, energy, start, duration_minutes * kMsPerMinute);
    json::object o;
    o["version"] = rec_of(recs, v->id)->seq;
    o["versionId"] = v->id;
    o["preview"] = preview;  // true: the version is not in force at startTime yet
    o["startTime"] = start;
    json::array tiers;
    for (const auto& tc : bill.tiers) {
      if (tc.energy == 0 && tc.energy_fee_fen == 0 && tc.service_fee_fen == 0) continue;
      json::object x;
      x["tier"] = tariff::tier_name(tc.tier);
      x["energy"] = tc.energy;
      x["energyPrice"] = tc.price.energy;
      x["servicePrice"] = tc.price.service;
      x["energyFee"] = tc.energy_fee_fen;
      x["serviceFee"] = tc.service_fee_fen;
      x["energyFeeMilli"] = tc.energy_fee_milli;
      x["serviceFeeMilli"] = tc.service_fee_milli;
      tiers.push_back(std::move(x));
    }
    o["tiers"] = std::move(tiers);
    o["energy"] = bill.total_energy;
    o["energyFee"] = bill.energy_fee_fen;
    o["serviceFee"] = bill.service_fee_fen;
    o["total"] = bill.total_fen;
    o["energyFeeMilli"] = bill.energy_fee_milli;
    o["serviceFeeMilli"] = bill.service_fee_milli;
    o["totalMilli"] = bill.total_milli;
    return o;
  });
}

json::value TariffService::of_pile(int64_t pile_id, const Principal& p) {
  auto tid = ctx_.db.read([&](Connection& c) -> std::optional<int64_t> {
    PileRepo piles(c);
    return TariffRepo(c).of_area(station::row_in_scope(piles, pile_id, p, "电桩不存在").area_id);
  });
  if (!tid) return nullptr;
  // The pile's viewer may read its area's tariff (same station scope).
  return get(*tid, p);
}

// The area's tariff in force at `at_ms`: its tariff, enabled, with the version in force then (the domain's
// version_in_force). The one lookup behind the pile sync, the YKC model, the orders, the app and the
// admin lists' marks (the SQL of the marks, db::car::tariff_in_force_sql, states the same rule).
struct AreaTariffInForce {
  TariffRec rec;
  tariff::TariffVersion version;
};
static std::optional<AreaTariffInForce> area_tariff_in_force(Connection& c, int64_t area_id, int64_t at_ms) {
  TariffRepo repo(c);
  auto tid = repo.of_area(area_id);
  if (!tid) return std::nullopt;
  auto rec = repo.find(*tid);
  if (!rec || rec->status != 0) return std::nullopt;
  auto dv = domain_versions(repo.versions(*tid));
  const auto* v = tariff::version_in_force(dv, at_ms);
  if (!v) return std::nullopt;
  return AreaTariffInForce{*rec, *v};
}

std::optional<uint16_t> TariffService::model_for_area(int64_t area_id) {
  auto in_force =
      ctx_.db.read([&](Connection& c) { return area_tariff_in_force(c, area_id, ctx_.clock.now()); });
  if (!in_force) return std::nullopt;
  return tariff::ykc_model_no(in_force->version.id);
}

std::optional<tariff::YkcBillingModel> TariffService::ykc_model_for_area(int64_t area_id) {
  auto in_force =
      ctx_.db.read([&](Connection& c) { return area_tariff_in_force(c, area_id, ctx_.clock.now()); });
  if (!in_force) return std::nullopt;
  return tariff::ykc_billing_model(in_force->version);
}

std::optional<TariffService::InForce> TariffService::in_force_for_area(int64_t area_id, int64_t at_ms) {
  return ctx_.db.read([&](Connection& c) -> std::optional<InForce> {
    auto in_force = area_tariff_in_force(c, area_id, at_ms);
    if (!in_force) return std::nullopt;
    const TariffRec& rec = in_force->rec;
    InForce out{rec.id, in_force->version.id, in_force->version.tariff, {}, "Asia/Shanghai"};
    boost::system::error_code ec;
    json::value pv = json::parse(rec.prepay_json, ec);
    if (!ec && pv.is_array())
      for (const auto& x : pv.as_array())
        if (x.is_int64()) out.prepay_values.push_back(x.as_int64());
    if (auto s = StationRepo(c).find(rec.station_id)) out.timezone = zone_of(*s).name();
    return out;
  });
}

std::map<int64_t, TariffService::InForce> TariffService::in_force_for_areas(
    const std::vector<int64_t>& area_ids, int64_t at_ms) {
  return ctx_.db.read([&](Connection& c) {
    TariffRepo repo(c);
    std::vector<TariffRec> tariffs;
    std::vector<int64_t> ids;
    for (auto& t : repo.of_areas(area_ids))
      if (t.status == 0) {
        ids.push_back(t.id);
        tariffs.push_back(std::move(t));
      }
    std::map<int64_t, std::vector<VersionRec>> versions;
    for (auto& v : repo.versions_of(ids)) versions[v.tariff_id].push_back(std::move(v));
    std::map<int64_t, InForce> out;
    for (const auto& t : tariffs) {
      auto dv = domain_versions(versions[t.id]);
      const auto* v = tariff::version_in_force(dv, at_ms);
      if (!v) continue;
      InForce f{t.id, v->id, v->tariff, {}, ""};
      boost::system::error_code ec;
      json::value pv = json::parse(t.prepay_json, ec);
      if (!ec && pv.is_array())
        for (const auto& x : pv.as_array())
          if (x.is_int64()) f.prepay_values.push_back(x.as_int64());
      out.emplace(t.area_id, std::move(f));
    }
    return out;
  });
}

std::optional<tariff::CarTariff> TariffService::version_of_area(int64_t area_id, int64_t version_id) {
  return ctx_.db.read([&](Connection& c) -> std::optional<tariff::CarTariff> {
    TariffRepo repo(c);
    auto tid = repo.of_area(area_id);
    if (!tid) return std::nullopt;
    for (const auto& v : domain_versions(repo.versions(*tid)))
      if (v.id == version_id) return v.tariff;
    return std::nullopt;
  });
}

// ---- marks of the admin lists
// ------------------------------------------------------------------------------

void TariffService::mark_in_force(json::array& rows) {
  station::mark_tariff_in_force(ctx_.db, db::station::StationType::car, ctx_.clock.now(), rows);
}

void TariffService::mark_in_force(json::object& row) {
  station::mark_tariff_in_force(ctx_.db, db::station::StationType::car, ctx_.clock.now(), row);
}

}  // namespace zc::car
