#include "domain/tariff/car_tariff.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <tuple>

#include "core/money_text.hpp"

namespace zc::tariff {
namespace {

constexpr int kMinutesPerDay = 24 * 60;

// A period as minute intervals of the day: one, or two when it wraps midnight.
struct ParsedPeriod {
  size_t index;
  int start;  // as written
  int end;    // as written (0 means midnight when it wraps)
  std::optional<Tier> tier;
  std::vector<std::pair<int, int>> pieces;  // [from, to) in minutes, within 0..1440
  std::string label() const { return format_hhmm(start) + "–" + format_hhmm(end); }
};

bool intersects(const ParsedPeriod& a, const ParsedPeriod& b) {
  for (auto [a0, a1] : a.pieces)
    for (auto [b0, b1] : b.pieces)
      if (a0 < b1 && b0 < a1) return true;
  return false;
}

void check_price(const TierPrice& p, const std::string& field, std::vector<TariffError>& errors) {
  auto one = [&](Price v, const char* name) {
    if (v < 0) {
      errors.push_back({field + "." + name, "单价不能为负（" + money::price_text(v) + " 元/kWh）"});
    } else if (v > kMaxUnitPrice) {
      errors.push_back({field + "." + name, "单价 " + money::price_text(v) + " 元/kWh 超过上限 " +
                                                money::price_text(kMaxUnitPrice) + " 元/kWh"});
    }
  };
  one(p.energy, "energy_price");
  one(p.service, "service_price");
}

void check_prepay(const std::vector<Fen>& values, std::vector<TariffError>& errors) {
  if (values.size() > static_cast<size_t>(kMaxPrepayValues)) {
    errors.push_back({"prepay", "预付值最多" + std::to_string(kMaxPrepayValues) + "个（当前" +
                                    std::to_string(values.size()) + "个）"});
  }
  for (size_t i = 0; i < values.size(); ++i) {
    std::string field = "prepay[" + std::to_string(i) + "]";
    Fen v = values[i];
    if (v <= 0) {
      errors.push_back({field, "预付值必须大于0（" + money::fen_text(v) + " 元）"});
    } else if (v > kMaxPrepayFen) {
      errors.push_back(
          {field, "预付值 " + money::fen_text(v) + " 元超过上限 " + money::fen_text(kMaxPrepayFen) + " 元"});
    }
    for (size_t j = 0; j < i; ++j) {
      if (values[j] == v) {
        errors.push_back(
            {field, "预付值 " + money::fen_text(v) + " 元重复（与 prepay[" + std::to_string(j) + "] 相同）"});
        break;
      }
    }
  }
}

void validate_tou(const CarTariffInput& in, std::vector<TariffError>& errors, CarTariff& out) {
  if (in.periods.empty()) {
    errors.push_back({"periods", "分时计价至少需要一个时段，且须完整覆盖24小时"});
    return;
  }
  if (in.periods.size() > static_cast<size_t>(kMaxPeriods)) {
    errors.push_back({"periods", "时段最多" + std::to_string(kMaxPeriods) + "个（当前" +
                                     std::to_string(in.periods.size()) + "个）"});
    // A valid day has at most 48 periods; analysing thousands pairwise would only flood the reply.
    for (Tier t : kAllTiers) {
      const auto& price = in.tier_prices[static_cast<size_t>(index_of(t))];
      if (price) check_price(*price, "tiers." + std::string(tier_name(t)), errors);
    }
    return;
  }
  std::vector<ParsedPeriod> parsed;
  bool all_times_parsed = true;
  std::array<bool, kTierCount> used{};
  for (size_t i = 0; i < in.periods.size(); ++i) {
    const PeriodInput& p = in.periods[i];
    std::string field = "periods[" + std::to_string(i) + "]";
    std::optional<int> start = parse_hhmm(p.start);
    std::optional<int> end = parse_hhmm(p.end);
    if (!start || *start == kMinutesPerDay) {
      errors.push_back({field + ".start", "开始时间 '" + p.start + "' 无效，应为 HH:MM（00:00–23:30）"});
    } else if (*start % kSlotMinutes != 0) {
      errors.push_back({field + ".start", p.start + " — 时间必须是30分钟的整数倍"});
    }
    if (!end) {
      errors.push_back({field + ".end", "结束时间 '" + p.end + "' 无效，应为 HH:MM（00:30–24:00）"});
    } else if (*end % kSlotMinutes != 0) {
      errors.push_back({field + ".end", p.end + " — 时间必须是30分钟的整数倍"});
    }
    std::optional<Tier> tier = parse_tier(p.tier);
    if (!tier) {
      errors.push_back(
          {field + ".tier", "未知时段类型 '" + p.tier + "'（应为 sharp/peak/flat/valley 或 尖/峰/平/谷）"});
    } else {
      used[static_cast<size_t>(index_of(*tier))] = true;
    }
    if (!start || *start == kMinutesPerDay || !end) {
      all_times_parsed = false;
      continue;
    }
    int s = *start;
    int e = *end;
    if (s == e) {
      errors.push_back(
          {field, format_hhmm(s) + "–" + format_hhmm(e) + " 开始时间与结束时间相同（全天请填 00:00–24:00）"});
      all_times_parsed = false;
      continue;
    }
    ParsedPeriod pp{i, s, e, tier, {}};
    if (e > s) {
      pp.pieces.push_back({s, e});
    } else {  // wraps midnight
      pp.pieces.push_back({s, kMinutesPerDay});
      if (e > 0) pp.pieces.push_back({0, e});
    }
    parsed.push_back(std::move(pp));
  }

  // Overlaps, pairwise, in input order.
  for (size_t a = 0; a < parsed.size(); ++a) {
    for (size_t b = a + 1; b < parsed.size(); ++b) {
      if (intersects(parsed[a], parsed[b])) {
        errors.push_back({"periods", parsed[a].label() + " 与 " + parsed[b].label() + " 重叠"});
      }
    }
  }
  // Gaps: only meaningful when every period's extent is known.
  if (all_times_parsed) {
    std::array<bool, kMinutesPerDay> covered{};
    for (const auto& pp : parsed)
      for (auto [from, to] : pp.pieces) std::fill(covered.begin() + from, covered.begin() + to, true);
    for (int m = 0; m < kMinutesPerDay;) {
      if (covered[static_cast<size_t>(m)]) {
        ++m;
        continue;
      }
      int from = m;
      while (m < kMinutesPerDay && !covered[static_cast<size_t>(m)]) ++m;
      errors.push_back({"periods", format_hhmm(from) + "–" + format_hhmm(m) + " 未覆盖"});
    }
  }

  // Prices.
  for (Tier t : kAllTiers) {
    const auto& price = in.tier_prices[static_cast<size_t>(index_of(t))];
    std::string field = "tiers." + std::string(tier_name(t));
    if (price) {
      check_price(*price, field, errors);
    } else if (used[static_cast<size_t>(index_of(t))]) {
      errors.push_back({field, std::string(tier_label(t)) + "时段已被使用，必须设置电费和服务费单价"});
    }
  }
  if (!errors.empty()) return;

  out.prices = in.tier_prices;
  for (const auto& pp : parsed)
    for (auto [from, to] : pp.pieces)
      for (int slot = from / kSlotMinutes; slot < to / kSlotMinutes; ++slot)
        out.slots[static_cast<size_t>(slot)] = *pp.tier;
}

}  // namespace

std::string_view tier_name(Tier t) {
  switch (t) {
    case Tier::sharp:
      return "sharp";
    case Tier::peak:
      return "peak";
    case Tier::flat:
      return "flat";
    case Tier::valley:
      return "valley";
  }
  return "?";
}

std::string_view tier_label(Tier t) {
  switch (t) {
    case Tier::sharp:
      return "尖";
    case Tier::peak:
      return "峰";
    case Tier::flat:
      return "平";
    case Tier::valley:
      return "谷";
  }
  return "?";
}

std::optional<Tier> parse_tier(std::string_view s) {
  if (s == "sharp" || s == "尖" || s == "尖峰") return Tier::sharp;
  if (s == "peak" || s == "峰" || s == "高峰") return Tier::peak;
  if (s == "flat" || s == "平" || s == "平段") return Tier::flat;
  if (s == "valley" || s == "谷" || s == "低谷") return Tier::valley;
  return std::nullopt;
}

std::string_view mode_name(TariffMode m) {
  return m == TariffMode::unified ? "unified" : "tou";
}

std::optional<TariffMode> parse_mode(std::string_view s) {
  if (s == "unified") return TariffMode::unified;
  if (s == "tou") return TariffMode::tou;
  return std::nullopt;
}

std::optional<int> parse_hhmm(std::string_view s) {
  // "H:MM" or "HH:MM"
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3)
    return std::nullopt;
  auto digits = [](std::string_view d) -> std::optional<int> {
    int v = 0;
    for (char c : d) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  auto h = digits(s.substr(0, colon));
  auto m = digits(s.substr(colon + 1));
  if (!h || !m || *m > 59 || *h > 24 || (*h == 24 && *m != 0)) return std::nullopt;
  return *h * 60 + *m;
}

std::string format_hhmm(int minute_of_day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  return buf;
}

const TierPrice& CarTariff::price_of(Tier t) const {
  const auto& p = prices[static_cast<size_t>(index_of(t))];
  if (!p) throw std::logic_error("tariff has no price for tier " + std::string(tier_name(t)));
  return *p;
}

std::string TariffValidation::message() const {
  std::string out;
  for (const auto& e : errors) {
    if (!out.empty()) out += "；";
    out += e.text();
  }
  return out;
}

TariffValidation validate_car_tariff(const CarTariffInput& in) {
  TariffValidation r;
  CarTariff t;
  t.mode = in.mode;
  if (in.mode == TariffMode::unified) {
    check_price(in.unified, "unified", r.errors);
    t.prices.fill(in.unified);
    t.slots.fill(Tier::flat);
  } else {
    validate_tou(in, r.errors, t);
  }
  check_prepay(in.prepay_fen, r.errors);
  if (r.errors.empty()) {
    t.prepay_fen = in.prepay_fen;
    r.tariff = std::move(t);
  }
  return r;
}

CarTariff make_car_tariff(const CarTariffInput& input) {
  TariffValidation v = validate_car_tariff(input);
  if (!v.ok()) throw std::invalid_argument(v.message());
  return std::move(*v.tariff);
}

CarTariff unified_tariff(TierPrice price, std::vector<Fen> prepay_fen) {
  CarTariffInput in;
  in.mode = TariffMode::unified;
  in.unified = price;
  in.prepay_fen = std::move(prepay_fen);
  return make_car_tariff(in);
}

std::vector<Period> periods_of(const CarTariff& t) {
  std::vector<Period> out;
  for (int k = 0; k < kSlotsPerDay; ++k) {
    Tier tier = t.tier_of_slot(k);
    if (!out.empty() && out.back().tier == tier) {
      out.back().end_minute = (k + 1) * kSlotMinutes;
    } else {
      out.push_back({k * kSlotMinutes, (k + 1) * kSlotMinutes, tier});
    }
  }
  return out;
}

CarTariffInput to_input(const CarTariff& t) {
  CarTariffInput in;
  in.mode = t.mode;
  in.prepay_fen = t.prepay_fen;
  if (t.mode == TariffMode::unified) {
    in.unified = t.price_of(Tier::flat);
    return in;
  }
  in.tier_prices = t.prices;
  for (const Period& p : periods_of(t)) {
    in.periods.push_back(
        {format_hhmm(p.start_minute), format_hhmm(p.end_minute), std::string(tier_name(p.tier))});
  }
  return in;
}

int64_t effective_from(int64_t edited_at_ms, const TimeZone& tz) {
  return tz.next_midnight(edited_at_ms);
}

const TariffVersion* version_in_force(std::span<const TariffVersion> versions, int64_t at_ms) {
  const TariffVersion* best = nullptr;
  for (const TariffVersion& v : versions) {
    if (v.effective_from_ms > at_ms) continue;
    if (!best || std::tie(v.effective_from_ms, v.id) > std::tie(best->effective_from_ms, best->id)) best = &v;
  }
  return best;
}

int64_t new_version_effective_from(std::span<const TariffVersion> versions, int64_t saved_at_ms,
                                   const TimeZone& tz, std::optional<LocalDate> requested) {
  const LocalDate today = tz.local_date(saved_at_ms);
  if (requested && *requested < today)
    throw std::invalid_argument("生效日期不能早于今天（" + today.to_string() + "）");
  if (requested && today < *requested) return tz.start_of_day(*requested);
  if (version_in_force(versions, saved_at_ms) == nullptr) return saved_at_ms;
  return effective_from(saved_at_ms, tz);
}

}  // namespace zc::tariff
