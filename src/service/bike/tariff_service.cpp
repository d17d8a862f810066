#include "service/bike/tariff_service.hpp"

#include "core/error.hpp"
#include "domain/tariff/bike_billing.hpp"
#include "service/station/child_rows.hpp"
#include "service/station/device_support.hpp"
#include "service/station/station_rules.hpp"
#include "storage/repositories/bike_tariff.hpp"
#include "storage/repositories/tariff_in_force.hpp"

namespace zc::bike {

namespace json = boost::json;
using db::Connection;
using db::bike::TariffRepo;

// The engine names fields as in docs/billing.md; the API (docs/api-bike.md) spells two of them longer.
static std::string api_message(std::string m) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"maxDuration:", "maxDurationMinutes:"},
                          std::pair<std::string, std::string>{"referencePower:", "referencePowerW:"}})
    if (m.rfind(from, 0) == 0) m = to + m.substr(from.size());
  return m;
}

void validate_tariff(const std::string& name, const tariff::BikeTariff& t) {
  station::check_name("name", name);
  auto errs = tariff::validate_bike_tariff(t);
  if (errs.empty()) return;
  std::string msg;
  for (const auto& e : errs) msg += (msg.empty() ? "" : "; ") + api_message(e);
  fail_bad_request(msg);
}

int64_t TariffService::create(const TariffInput& in, const Principal& p) {
  validate_tariff(in.name, in.def);
  return ctx_.db.write([&](Connection& c) {
    auto at = station::place_in_area(c, kBike, in.station_id, in.area_id, p);
    return TariffRepo(c).insert(at.owned(), at.area.id, in.name, in.def, p.user_name, ctx_.clock.now());
  });
}

static db::bike::TariffRec tariff_in_scope(Connection& c, int64_t id, const Principal& p) {
  TariffRepo repo(c);
  return station::row_in_scope(repo, id, p, "计费规则不存在");
}

void TariffService::update(const TariffInput& in, const Principal& p) {
  validate_tariff(in.name, in.def);
  ctx_.db.write([&](Connection& c) {
    auto t = tariff_in_scope(c, in.id, p);
    TariffRepo repo(c);
    if (in.area_id && in.area_id != t.area_id) {  // moved to another area of the station
      auto a = station::area_of_station(c, kBike, in.area_id, t.station_id, p);
      station::require_area_enabled(a);
      repo.move_to_area(in.id, a.id);
    }
    repo.update(in.id, in.name, in.def, p.user_name, ctx_.clock.now());
  });
}

void TariffService::set_prepay(int64_t id, const std::vector<int64_t>& values, const Principal& p) {
  ctx_.db.write([&](Connection& c) {
    auto t = tariff_in_scope(c, id, p);
    t.def.prepay_values = values;
    validate_tariff(t.name, t.def);
    TariffRepo(c).set_prepay(id, values, p.user_name, ctx_.clock.now());
  });
}

void TariffService::remove(const std::vector<int64_t>& ids, const Principal& p) {
  if (ids.empty()) fail_bad_request("ids: 不能为空");
  // Orders arrive with their issue (ORD-BIKE); then an unfinished order referencing a tariff refuses this.
  ctx_.db.write([&](Connection& c) {
    for (int64_t id : ids) {
      tariff_in_scope(c, id, p);
      TariffRepo(c).remove(id);
    }
  });
}

static json::value band_json(const std::optional<tariff::PowerBand>& b) {
  if (!b) return nullptr;
  json::object o;
  o["minW"] = b->min_w;
  if (b->max_w)
    o["maxW"] = *b->max_w;
  else
    o["maxW"] = nullptr;
  o["unitPrice"] = b->unit_price;
  o["label"] = tariff::format_band(*b);
  return o;
}

static json::object bill_json(const tariff::BikeBill& b) {
  json::object o;
  o["mode"] = std::string(1, tariff::bike_mode_code(b.mode));
  o["durationS"] = b.duration_s;
  o["billedS"] = b.billed_s;
  o["maxDurationReached"] = b.max_duration_reached;
  o["free"] = b.free;
  o["units"] = b.units;
  o["powerW"] = b.power_w;
  o["band"] = band_json(b.band);
  o["energy"] = b.energy;
  o["energyFeeMilli"] = b.energy_fee_milli;
  o["serviceFeeMilli"] = b.service_fee_milli;
  o["grossMilli"] = b.gross_milli;
  o["gross"] = b.gross;
  o["energyFee"] = b.energy_fee;
  o["serviceFee"] = b.service_fee;
  o["total"] = b.total;
  switch (b.cap) {
    case tariff::BikeCap::none:
      o["cap"] = nullptr;
      break;
    case tariff::BikeCap::auto_stop_amount:
      o["cap"] = "autoStopAmount";
      break;
    case tariff::BikeCap::prepaid:
      o["cap"] = "prepaid";
      break;
  }
  return o;
}

static std::optional<int32_t> power_arg(std::optional<int64_t> power_w) {
  if (!power_w) return std::nullopt;
  if (*power_w < 0 || *power_w > 100000) fail_bad_request("powerW: 必须在0到100000（W）之间");
  return static_cast<int32_t>(*power_w);
}

json::object TariffService::billing_test(int64_t id, int64_t duration_min, std::optional<int64_t> power_w,
                                         const Principal& p) {
  if (duration_min < 0 || duration_min > 100000) fail_bad_request("durationMinutes: 必须在0到100000之间");
  auto power = power_arg(power_w);
  auto t = ctx_.db.read([&](Connection& c) { return tariff_in_scope(c, id, p); });
  auto bill = power ? tariff::bike_billing_test(t.def, duration_min * 60, *power)
                    : tariff::bike_billing_test(t.def, duration_min * 60);
  return bill_json(bill);
}

json::object TariffService::prepay_duration(int64_t id, int64_t amount, std::optional<int64_t> power_w,
                                            const Principal& p) {
  if (amount < 0 || amount > tariff::kBikeMaxAmount) fail_bad_request("amount: 必须在0到1000000（分）之间");
  auto power = power_arg(power_w);
  auto t = ctx_.db.read([&](Connection& c) { return tariff_in_scope(c, id, p); });
  auto d = tariff::bike_prepaid_duration(t.def, amount, power);
  int32_t used_power = d.power_w;
  auto bill = tariff::bike_billing_test(t.def, d.duration_s, used_power);
  json::object o;
  o["durationMinutes"] = d.duration_s / 60;
  o["powerW"] = used_power;
  o["band"] = band_json(d.band);
  o["maxDuration"] = d.max_duration;
  o["amount"] = amount;
  o["bill"] = bill_json(bill);
  return o;
}

// ---- marks of the admin lists
// ------------------------------------------------------------------------------

void TariffService::mark_in_force(json::array& rows) {
  station::mark_tariff_in_force(ctx_.db, db::station::StationType::bike, ctx_.clock.now(), rows);
}

void TariffService::mark_in_force(json::object& row) {
  station::mark_tariff_in_force(ctx_.db, db::station::StationType::bike, ctx_.clock.now(), row);
}

}  // namespace zc::bike
