#include "service/driver/tariff_view.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

#include "storage/repositories/bike_tariff.hpp"

namespace zc::driver {

namespace json = boost::json;

namespace {

json::object tier_json(const tariff::CarTariff& t, tariff::Tier tier) {
  const auto& p = t.price_of(tier);
  return {{"tier", tariff::tier_name(tier)},
          {"label", tariff::tier_label(tier)},
          {"energyPrice", p.energy},
          {"servicePrice", p.service},
          {"unitPrice", p.unit()}};
}

}  // namespace

json::object car_tariff_json(const tariff::CarTariff& t, const TimeZone& zone, int64_t now_ms) {
  json::object o;
  o["mode"] = tariff::mode_name(t.mode);
  o["timezone"] = zone.name();
  json::array tiers;
  for (auto tier : tariff::kAllTiers) {
    bool used = false;
    for (auto s : t.slots) used = used || s == tier;
    if (used && t.prices[static_cast<size_t>(tariff::index_of(tier))]) tiers.push_back(tier_json(t, tier));
  }
  o["tiers"] = std::move(tiers);
  // Consecutive half-hour slots of one tier form a period.
  json::array periods;
  int start = 0;
  for (int k = 1; k <= tariff::kSlotsPerDay; ++k) {
    if (k == tariff::kSlotsPerDay || t.tier_of_slot(k) != t.tier_of_slot(start)) {
      periods.push_back({{"start", tariff::format_hhmm(start * tariff::kSlotMinutes)},
                         {"end", tariff::format_hhmm(k * tariff::kSlotMinutes)},
                         {"tier", tariff::tier_name(t.tier_of_slot(start))}});
      start = k;
    }
  }
  o["periods"] = std::move(periods);
  o["current"] = car_price_now(t, zone, now_ms);
  return o;
}

json::object car_price_now(const tariff::CarTariff& t, const TimeZone& zone, int64_t now_ms) {
  int minute = zone.to_local(now_ms).minute_of_day();
  int slot = minute / tariff::kSlotMinutes;
  auto tier = t.tier_of_slot(slot);
  int first = slot, last = slot;
  while (first > 0 && t.tier_of_slot(first - 1) == tier) --first;
  while (last + 1 < tariff::kSlotsPerDay && t.tier_of_slot(last + 1) == tier) ++last;
  json::object current = tier_json(t, tier);
  current["start"] = tariff::format_hhmm(first * tariff::kSlotMinutes);
  current["end"] = tariff::format_hhmm((last + 1) * tariff::kSlotMinutes);
  return current;
}

json::object bike_tariff_json(const std::string& name, const tariff::BikeTariff& t) {
  json::object o;
  o["mode"] = std::string(1, tariff::bike_mode_code(t.mode));
  o["name"] = name;
  o["maxDurationMinutes"] = t.max_duration_min;
  o["autoStopAmount"] = t.auto_stop_amount;
  o["freeMinutes"] = t.free_minutes;
  if (tariff::bike_mode_uses_units(t.mode)) o["unitMinutes"] = t.unit_minutes;
  if (t.mode == tariff::BikeMode::A || t.mode == tariff::BikeMode::D) o["unitPrice"] = t.unit_price;
  if (tariff::bike_mode_uses_bands(t.mode)) o["bands"] = db::bike::bands_json(t.bands);
  if (tariff::bike_mode_uses_energy(t.mode)) o["energyPrice"] = t.energy_price;
  if (t.mode == tariff::BikeMode::C) o["servicePrice"] = t.service_price;
  return o;
}

json::object bike_price_now(const tariff::BikeTariff& t) {
  json::object o;
  o["mode"] = std::string(1, tariff::bike_mode_code(t.mode));
  const bool banded = tariff::bike_mode_uses_bands(t.mode);
  if (tariff::bike_mode_uses_units(t.mode)) {
    o["unitMinutes"] = t.unit_minutes;
    money::Milli unit = t.unit_price;
    if (banded) {
      unit = t.bands.empty() ? 0 : t.bands.front().unit_price;
      for (const auto& b : t.bands) unit = std::min(unit, b.unit_price);
    }
    o["unitPrice"] = unit;
  }
  if (t.mode == tariff::BikeMode::C)
    o["kwhPrice"] = t.energy_price + t.service_price;
  else if (tariff::bike_mode_uses_energy(t.mode))
    o["kwhPrice"] = t.energy_price;
  o["banded"] = banded;
  return o;
}

json::value lowest_price(const std::vector<json::object>& area_prices) {
  auto field = [](const json::object& o, const char* k) -> int64_t {
    auto it = o.find(k);
    return it != o.end() && it->value().is_int64() ? it->value().as_int64() : 0;
  };
  auto key = [&](const json::object& o) {
    return o.contains("mode") ? std::pair{field(o, "kwhPrice"), field(o, "unitPrice")}
                              : std::pair{field(o, "unitPrice"), int64_t{0}};
  };
  // The same price = the same figures; the car period around now (start, end) may differ.
  auto figures = [](json::object o) {
    o.erase("start");
    o.erase("end");
    return o;
  };
  const json::object* best = nullptr;
  bool varies = false;
  for (const auto& p : area_prices) {
    if (best) varies = varies || figures(p) != figures(*best);
    if (!best || key(p) < key(*best)) best = &p;
  }
  if (!best) return nullptr;
  json::object out = *best;
  out["varies"] = varies;
  return out;
}

}  // namespace zc::driver
