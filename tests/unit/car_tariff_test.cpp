// domain/tariff: car tariff validation and normalisation, versioning, the billing engine, the billing
// test helper and the YKC billing model.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <stdexcept>

#include "core/timezone.hpp"
#include "domain/tariff/car_billing.hpp"
#include "domain/tariff/car_tariff.hpp"
#include "domain/tariff/ykc_billing_model.hpp"

using namespace zc;
using namespace zc::tariff;

namespace {

const TimeZone& shanghai() {
  static const TimeZone tz = TimeZone::shanghai();
  return tz;
}
const TimeZone& berlin() {
  static const TimeZone tz = TimeZone::get("Europe/Berlin");
  return tz;
}
int64_t at(const TimeZone& tz, int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0) {
  return tz.to_utc({{y, mo, d}, h, mi, s, ms});
}
int64_t sh(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0) {
  return at(shanghai(), y, mo, d, h, mi, s, ms);
}

constexpr Energy kKwh = money::kEnergyPerKwh;
constexpr Price kYuan = money::kPricePerYuan;

const TierPrice kSharp{120000, 80000};  // 1.2 + 0.8 yuan/kWh
const TierPrice kPeak{100000, 60000};   // 1.0 + 0.6
const TierPrice kFlat{70000, 40000};    // 0.7 + 0.4
const TierPrice kValley{30000, 20000};  // 0.3 + 0.2

// valley 23:00–08:00, flat 08:00–10:00, peak 10:00–15:00, sharp 15:00–17:00, peak 17:00–21:00, flat
// 21:00–23:00
CarTariffInput standard_input() {
  CarTariffInput in;
  in.mode = TariffMode::tou;
  in.tier_prices = {kSharp, kPeak, kFlat, kValley};
  in.periods = {{"23:00", "08:00", "valley"}, {"08:00", "10:00", "flat"}, {"10:00", "15:00", "peak"},
                {"15:00", "17:00", "sharp"},  {"17:00", "21:00", "peak"}, {"21:00", "23:00", "flat"}};
  in.prepay_fen = {3000, 5000, 10000};
  return in;
}
CarTariff standard() {
  return make_car_tariff(standard_input());
}

CarTariffInput tou(std::vector<PeriodInput> periods) {
  CarTariffInput in;
  in.mode = TariffMode::tou;
  in.tier_prices = {kSharp, kPeak, kFlat, kValley};
  in.periods = std::move(periods);
  return in;
}

std::vector<std::string> texts(const TariffValidation& v) {
  std::vector<std::string> out;
  for (const auto& e : v.errors) out.push_back(e.text());
  return out;
}

}  // namespace

// ---- validation ---------------------------------------------------------------------------------------

TEST(CarTariffValidation, PeriodTable) {
  struct Case {
    const char* name;
    std::vector<PeriodInput> periods;
    std::vector<std::string> errors;  // exact, in order
  };
  const std::vector<Case> cases = {
      {"whole day", {{"00:00", "24:00", "flat"}}, {}},
      {"wraps midnight", {{"22:00", "06:00", "valley"}, {"06:00", "22:00", "peak"}}, {}},
      {"00:00 as end of a wrap", {{"12:00", "00:00", "peak"}, {"00:00", "12:00", "valley"}}, {}},
      {"single-digit hour", {{"0:00", "9:30", "valley"}, {"9:30", "24:00", "flat"}}, {}},
      {"Chinese tier names",
       {{"00:00", "08:00", "谷"}, {"08:00", "12:00", "峰"}, {"12:00", "24:00", "平"}},
       {}},
      {"gap", {{"00:00", "10:00", "flat"}, {"10:30", "24:00", "flat"}}, {"periods: 10:00–10:30 未覆盖"}},
      {"two gaps, one at the end",
       {{"00:00", "10:00", "flat"}, {"10:30", "23:00", "flat"}},
       {"periods: 10:00–10:30 未覆盖", "periods: 23:00–24:00 未覆盖"}},
      {"overlap",
       {{"00:00", "08:00", "valley"},
        {"08:00", "09:00", "flat"},
        {"08:30", "10:00", "peak"},
        {"10:00", "24:00", "flat"}},
       {"periods: 08:00–09:00 与 08:30–10:00 重叠"}},
      {"overlap through a wrap",
       {{"22:00", "07:00", "valley"}, {"06:00", "22:00", "flat"}},
       {"periods: 22:00–07:00 与 06:00–22:00 重叠"}},
      {"overlap and gap",
       {{"00:00", "09:00", "valley"}, {"08:00", "12:00", "flat"}, {"13:00", "24:00", "peak"}},
       {"periods: 00:00–09:00 与 08:00–12:00 重叠", "periods: 12:00–13:00 未覆盖"}},
      {"misaligned",
       {{"00:00", "10:15", "flat"}, {"10:15", "24:00", "peak"}},
       {"periods[0].end: 10:15 — 时间必须是30分钟的整数倍",
        "periods[1].start: 10:15 — 时间必须是30分钟的整数倍"}},
      {"misaligned leaves a gap",
       {{"00:00", "10:00", "flat"}, {"10:20", "24:00", "peak"}},
       {"periods[1].start: 10:20 — 时间必须是30分钟的整数倍", "periods: 10:00–10:20 未覆盖"}},
      {"malformed times",
       {{"00:00", "25:00", "flat"}, {"24:00", "12:00", "flat"}, {"7.30", "24:00", "flat"}},
       {"periods[0].end: 结束时间 '25:00' 无效，应为 HH:MM（00:30–24:00）",
        "periods[1].start: 开始时间 '24:00' 无效，应为 HH:MM（00:00–23:30）",
        "periods[2].start: 开始时间 '7.30' 无效，应为 HH:MM（00:00–23:30）"}},
      {"24:30 is not a time",
       {{"00:00", "24:30", "flat"}},
       {"periods[0].end: 结束时间 '24:30' 无效，应为 HH:MM（00:30–24:00）"}},
      {"unknown tier",
       {{"00:00", "24:00", "superpeak"}},
       {"periods[0].tier: 未知时段类型 'superpeak'（应为 sharp/peak/flat/valley 或 尖/峰/平/谷）"}},
      {"empty period",
       {{"08:00", "08:00", "flat"}},
       {"periods[0]: 08:00–08:00 开始时间与结束时间相同（全天请填 00:00–24:00）"}},
      {"no periods", {}, {"periods: 分时计价至少需要一个时段，且须完整覆盖24小时"}},
  };
  for (const Case& c : cases) {
    TariffValidation v = validate_car_tariff(tou(c.periods));
    EXPECT_EQ(texts(v), c.errors) << c.name;
    EXPECT_EQ(v.ok(), c.errors.empty()) << c.name;
    EXPECT_EQ(v.tariff.has_value(), c.errors.empty()) << c.name;
  }
}

TEST(CarTariffValidation, MoreThan48PeriodsIsRejected) {
  std::vector<PeriodInput> periods;
  for (int k = 0; k < 48; ++k) periods.push_back({format_hhmm(k * 30), format_hhmm(k * 30 + 30), "flat"});
  EXPECT_TRUE(validate_car_tariff(tou(periods)).ok());
  periods.push_back({"00:00", "00:30", "flat"});
  TariffValidation v = validate_car_tariff(tou(periods));
  EXPECT_EQ(texts(v), (std::vector<std::string>{"periods: 时段最多48个（当前49个）"}));
  // Thousands of periods: one message, not millions.
  periods.resize(5000, {"00:00", "00:30", "flat"});
  EXPECT_EQ(validate_car_tariff(tou(periods)).errors.size(), 1u);
}

TEST(CarTariffValidation, PricesTable) {
  struct Case {
    const char* name;
    std::array<std::optional<TierPrice>, kTierCount> prices;
    std::vector<std::string> errors;
  };
  const std::vector<Case> cases = {
      {"all priced", {kSharp, kPeak, kFlat, kValley}, {}},
      {"unused tier may be unpriced", {std::nullopt, kPeak, kFlat, kValley}, {}},
      {"zero prices are fine", {TierPrice{0, 0}, kPeak, kFlat, TierPrice{0, 0}}, {}},
      {"used tier without price",
       {kSharp, std::nullopt, kFlat, kValley},
       {"tiers.peak: 峰时段已被使用，必须设置电费和服务费单价"}},
      {"negative",
       {kSharp, kPeak, TierPrice{-1, 40000}, kValley},
       {"tiers.flat.energy_price: 单价不能为负（-0.00001 元/kWh）"}},
      {"too high",
       {kSharp, kPeak, kFlat, TierPrice{30000, kMaxUnitPrice + 1}},
       {"tiers.valley.service_price: 单价 10.00001 元/kWh 超过上限 10.00000 元/kWh"}},
      {"maximum is allowed", {kSharp, kPeak, kFlat, TierPrice{kMaxUnitPrice, kMaxUnitPrice}}, {}},
  };
  for (const Case& c : cases) {
    CarTariffInput in =
        tou({{"00:00", "08:00", "valley"}, {"08:00", "12:00", "peak"}, {"12:00", "24:00", "flat"}});
    in.tier_prices = c.prices;
    EXPECT_EQ(texts(validate_car_tariff(in)), c.errors) << c.name;
  }
  CarTariffInput u;
  u.mode = TariffMode::unified;
  u.unified = {-5, kMaxUnitPrice + 1};
  EXPECT_EQ(
      texts(validate_car_tariff(u)),
      (std::vector<std::string>{"unified.energy_price: 单价不能为负（-0.00005 元/kWh）",
                                "unified.service_price: 单价 10.00001 元/kWh 超过上限 10.00000 元/kWh"}));
}

TEST(CarTariffValidation, PrepayTable) {
  struct Case {
    const char* name;
    std::vector<Fen> prepay;
    std::vector<std::string> errors;
  };
  std::vector<Fen> twelve, thirteen;
  for (Fen i = 1; i <= 12; ++i) twelve.push_back(i * 1000);
  thirteen = twelve;
  thirteen.push_back(13000);
  const std::vector<Case> cases = {
      {"none", {}, {}},
      {"twelve", twelve, {}},
      {"thirteen", thirteen, {"prepay: 预付值最多12个（当前13个）"}},
      {"duplicate", {3000, 5000, 3000}, {"prepay[2]: 预付值 30.00 元重复（与 prepay[0] 相同）"}},
      {"zero and negative",
       {0, -100},
       {"prepay[0]: 预付值必须大于0（0.00 元）", "prepay[1]: 预付值必须大于0（-1.00 元）"}},
      {"too large", {kMaxPrepayFen + 1}, {"prepay[0]: 预付值 10000.01 元超过上限 10000.00 元"}},
      {"one fen is fine", {1}, {}},
  };
  for (const Case& c : cases) {
    CarTariffInput in = standard_input();
    in.prepay_fen = c.prepay;
    TariffValidation v = validate_car_tariff(in);
    EXPECT_EQ(texts(v), c.errors) << c.name;
    if (v.ok()) {
      EXPECT_EQ(v.tariff->prepay_fen, c.prepay) << c.name;
    }
  }
}

TEST(CarTariffValidation, ReportsEveryProblemAtOnce) {
  CarTariffInput in =
      tou({{"00:00", "09:00", "valley"}, {"08:00", "12:15", "peak"}, {"13:00", "24:00", "sharp"}});
  in.tier_prices = {std::nullopt, kPeak, kFlat, kValley};
  in.prepay_fen = {5000, 5000};
  TariffValidation v = validate_car_tariff(in);
  EXPECT_EQ(texts(v), (std::vector<std::string>{
                          "periods[1].end: 12:15 — 时间必须是30分钟的整数倍",
                          "periods: 00:00–09:00 与 08:00–12:15 重叠",
                          "periods: 12:15–13:00 未覆盖",
                          "tiers.sharp: 尖时段已被使用，必须设置电费和服务费单价",
                          "prepay[1]: 预付值 50.00 元重复（与 prepay[0] 相同）",
                      }));
  EXPECT_EQ(v.message(),
            texts(v)[0] + "；" + texts(v)[1] + "；" + texts(v)[2] + "；" + texts(v)[3] + "；" + texts(v)[4]);
  EXPECT_THROW(make_car_tariff(in), std::invalid_argument);
}

// ---- normalisation ------------------------------------------------------------------------------------

TEST(CarTariffNormalise, SlotTableAndRoundTrip) {
  CarTariff t = standard();
  EXPECT_EQ(t.mode, TariffMode::tou);
  auto slot = [](int h, int m) { return (h * 60 + m) / 30; };
  EXPECT_EQ(t.tier_of_slot(0), Tier::valley);
  EXPECT_EQ(t.tier_of_slot(slot(7, 30)), Tier::valley);
  EXPECT_EQ(t.tier_of_slot(slot(8, 0)), Tier::flat);
  EXPECT_EQ(t.tier_of_slot(slot(10, 0)), Tier::peak);
  EXPECT_EQ(t.tier_of_slot(slot(15, 0)), Tier::sharp);
  EXPECT_EQ(t.tier_of_slot(slot(16, 30)), Tier::sharp);
  EXPECT_EQ(t.tier_of_slot(slot(17, 0)), Tier::peak);
  EXPECT_EQ(t.tier_of_slot(slot(22, 30)), Tier::flat);
  EXPECT_EQ(t.tier_of_slot(47), Tier::valley);
  EXPECT_EQ(t.tier_at_minute(23 * 60 + 59), Tier::valley);
  EXPECT_EQ(t.price_of(Tier::sharp), kSharp);

  std::vector<Period> periods = periods_of(t);
  EXPECT_EQ(periods, (std::vector<Period>{{0, 480, Tier::valley},
                                          {480, 600, Tier::flat},
                                          {600, 900, Tier::peak},
                                          {900, 1020, Tier::sharp},
                                          {1020, 1260, Tier::peak},
                                          {1260, 1380, Tier::flat},
                                          {1380, 1440, Tier::valley}}));
  CarTariffInput back = to_input(t);
  EXPECT_EQ(back.periods.back().end, "24:00");
  EXPECT_EQ(make_car_tariff(back), t);
}

TEST(CarTariffNormalise, UnifiedMapsEveryTierAndSlot) {
  CarTariff u = unified_tariff({80000, 50000}, {2000});
  EXPECT_EQ(u.mode, TariffMode::unified);
  for (Tier t : kAllTiers) EXPECT_EQ(u.price_of(t), (TierPrice{80000, 50000}));
  for (int k = 0; k < kSlotsPerDay; ++k) EXPECT_EQ(u.tier_of_slot(k), Tier::flat);
  EXPECT_EQ(make_car_tariff(to_input(u)), u);
  EXPECT_THROW(unified_tariff({-1, 0}), std::invalid_argument);
}

TEST(CarTariffNormalise, Parsers) {
  EXPECT_EQ(parse_hhmm("00:00"), 0);
  EXPECT_EQ(parse_hhmm("24:00"), 1440);
  EXPECT_EQ(parse_hhmm("7:30"), 450);
  for (const char* bad : {"", "24:01", "12:60", "1230", "12:3", "-1:00", "ab:cd", "123:00", " 1:00"}) {
    EXPECT_FALSE(parse_hhmm(bad)) << bad;
  }
  EXPECT_EQ(format_hhmm(1440), "24:00");
  EXPECT_EQ(parse_tier("尖"), Tier::sharp);
  EXPECT_EQ(parse_tier("valley"), Tier::valley);
  EXPECT_FALSE(parse_tier("0"));
  EXPECT_EQ(parse_mode("tou"), TariffMode::tou);
  EXPECT_FALSE(parse_mode("TOU"));
  EXPECT_EQ(tier_label(Tier::peak), "峰");
}

// ---- versioning ---------------------------------------------------------------------------------------

TEST(CarTariffVersion, EffectiveFromIsNextLocalMidnight) {
  struct Case {
    const char* name;
    const TimeZone& tz;
    int64_t edited;
    int64_t expected;
  };
  const TimeZone& b = berlin();
  const std::vector<Case> cases = {
      {"Shanghai mid-day", shanghai(), sh(2024, 5, 1, 10, 0), sh(2024, 5, 2)},
      {"Shanghai 1 ms before midnight", shanghai(), sh(2024, 5, 1, 23, 59, 59, 999), sh(2024, 5, 2)},
      {"Shanghai exactly at midnight", shanghai(), sh(2024, 5, 2), sh(2024, 5, 3)},
      {"Shanghai year end", shanghai(), sh(2024, 12, 31, 18), sh(2025, 1, 1)},
      // 2024-05-01 20:00 UTC is already 05-02 04:00 in Shanghai.
      {"Shanghai day is local, not UTC", shanghai(), 1714593600000, sh(2024, 5, 3)},
      {"Berlin winter", b, at(b, 2024, 1, 15, 12), at(b, 2024, 1, 16)},
      {"Berlin day before spring forward", b, at(b, 2024, 3, 30, 12), 1711839600000},  // 03-30 23:00Z
      {"Berlin spring-forward day (23 h)", b, at(b, 2024, 3, 31, 12), 1711922400000},  // 03-31 22:00Z
      {"Berlin fall-back day (25 h)", b, at(b, 2024, 10, 27, 2, 30), 1730070000000},   // 10-27 23:00Z
      {"Berlin summer", b, at(b, 2024, 7, 1, 23, 30), at(b, 2024, 7, 2)},
  };
  for (const Case& c : cases) EXPECT_EQ(effective_from(c.edited, c.tz), c.expected) << c.name;
  EXPECT_EQ(at(b, 2024, 3, 31), 1711839600000);
  EXPECT_EQ(at(b, 2024, 4, 1), 1711922400000);
}

TEST(CarTariffVersion, VersionInForce) {
  CarTariff t = standard();
  const int64_t created = sh(2024, 4, 1, 9);
  const int64_t edited = sh(2024, 5, 1, 14, 30);  // mid-day edit
  std::vector<TariffVersion> versions = {
      {7, effective_from(edited, shanghai()), t},
      {3, effective_from(created, shanghai()), t},
  };
  struct Case {
    const char* name;
    int64_t at;
    int64_t expected_id;  // 0 = none
  };
  const std::vector<Case> cases = {
      {"before the first version", sh(2024, 4, 1, 23, 59), 0},
      {"first version's start", sh(2024, 4, 2), 3},
      {"edit day, before the edit", sh(2024, 5, 1, 10), 3},
      {"edit day, after the edit: old version until 24:00", sh(2024, 5, 1, 20), 3},
      {"1 ms before midnight", sh(2024, 5, 2) - 1, 3},
      {"midnight", sh(2024, 5, 2), 7},
      {"later", sh(2025, 1, 1), 7},
  };
  for (const Case& c : cases) {
    const TariffVersion* v = version_in_force(versions, c.at);
    EXPECT_EQ(v ? v->id : 0, c.expected_id) << c.name;
  }
  // Two edits on one day: both effective at the same midnight, the later (higher id) wins.
  versions.push_back({9, effective_from(sh(2024, 5, 1, 16), shanghai()), t});
  EXPECT_EQ(version_in_force(versions, sh(2024, 5, 2))->id, 9);
  EXPECT_EQ(version_in_force(versions, sh(2024, 5, 1, 23))->id, 3);
  EXPECT_EQ(version_in_force({}, sh(2024, 5, 1)), nullptr);
}

// Issue 13 item 10: the 24:00 rule protects the sessions running under a version in force; an area with none
// in force has nothing to protect, so its first tariff (or a version saved while only pending ones exist)
// takes effect at once — a station can charge on the day it is built.
TEST(CarTariffVersion, NewVersionTakesEffectAtOnceWhenNoneIsInForce) {
  const CarTariff t = standard();
  const int64_t saved = sh(2024, 5, 1, 10, 17, 5);
  struct Case {
    const char* name;
    std::vector<TariffVersion> versions;
    std::optional<LocalDate> requested;
    int64_t expected;
  };
  const std::vector<Case> cases = {
      {"first version of the area: at once", {}, std::nullopt, saved},
      {"first version, today asked for: at once", {}, LocalDate{2024, 5, 1}, saved},
      {"first version, a later date: 00:00 of it", {}, LocalDate{2024, 5, 3}, sh(2024, 5, 3)},
      {"only a pending version: at once", {{4, sh(2024, 5, 3), t}}, std::nullopt, saved},
      {"a version in force: 24:00", {{4, sh(2024, 4, 1), t}}, std::nullopt, sh(2024, 5, 2)},
      {"in force since 1 ms: 24:00", {{4, saved - 1, t}}, std::nullopt, sh(2024, 5, 2)},
      {"in force from exactly now: 24:00", {{4, saved, t}}, std::nullopt, sh(2024, 5, 2)},
      {"a version in force, today asked for: 24:00",
       {{4, sh(2024, 4, 1), t}},
       LocalDate{2024, 5, 1},
       sh(2024, 5, 2)},
      {"a version in force, a later date: 00:00 of it",
       {{4, sh(2024, 4, 1), t}},
       LocalDate{2024, 5, 4},
       sh(2024, 5, 4)},
  };
  for (const Case& c : cases)
    EXPECT_EQ(new_version_effective_from(c.versions, saved, shanghai(), c.requested), c.expected) << c.name;
  EXPECT_THROW(new_version_effective_from({}, saved, shanghai(), LocalDate{2024, 4, 30}),
               std::invalid_argument);

  // The first version is in force the moment it is saved; the next edit waits for 24:00 and the first
  // stays in force until then.
  std::vector<TariffVersion> versions = {{5, new_version_effective_from({}, saved, shanghai()), t}};
  ASSERT_NE(version_in_force(versions, saved), nullptr);
  EXPECT_EQ(version_in_force(versions, saved)->id, 5);
  const int64_t edit = sh(2024, 5, 1, 15);
  versions.push_back({6, new_version_effective_from(versions, edit, shanghai()), t});
  EXPECT_EQ(versions.back().effective_from_ms, sh(2024, 5, 2));
  EXPECT_EQ(version_in_force(versions, edit)->id, 5);
  EXPECT_EQ(version_in_force(versions, sh(2024, 5, 2))->id, 6);

  // Local days: a first version saved on Berlin's spring-forward day is in force at once; a later date is
  // that date's local 00:00.
  const TimeZone& b = berlin();
  const int64_t dst = at(b, 2024, 3, 31, 12);
  EXPECT_EQ(new_version_effective_from({}, dst, b), dst);
  EXPECT_EQ(new_version_effective_from({}, dst, b, LocalDate{2024, 4, 1}), 1711922400000);  // 03-31 22:00Z
}

// ---- billing --------------------------------------------------------------------------------------------

TEST(CarBilling, SlotBoundaries) {
  CarTariff t = standard();
  const TimeZone& tz = shanghai();
  EXPECT_EQ(tier_at(t, tz, sh(2024, 5, 1, 10)), Tier::peak);
  EXPECT_EQ(tier_at(t, tz, sh(2024, 5, 1, 10) - 1), Tier::flat);
  EXPECT_EQ(tier_at(t, tz, sh(2024, 5, 1, 15)), Tier::sharp);
  EXPECT_EQ(tier_at(t, tz, sh(2024, 5, 1, 15) - 1), Tier::peak);
  EXPECT_EQ(tier_at(t, tz, sh(2024, 5, 2)), Tier::valley);
  EXPECT_EQ(slot_index_at(tz, sh(2024, 5, 2) - 1), 47);
  EXPECT_EQ(slot_index_at(tz, sh(2024, 5, 2)), 0);

  // A sample 1 ms before 10:00 belongs to the 09:30 slot (flat); one at 10:00 to peak.
  std::vector<SlotEnergy> s = {{sh(2024, 5, 1, 10) - 1, kKwh}, {sh(2024, 5, 1, 10), kKwh}};
  Bill b = bill_from_slots(t, tz, s);
  EXPECT_EQ(b.tier(Tier::flat).energy, kKwh);
  EXPECT_EQ(b.tier(Tier::peak).energy, kKwh);
  EXPECT_EQ(b.total_fen, 110 + 160);

  // Billing test starting exactly on the boundary: one slot; 1 ms before: the first slot's share rounds away.
  EXPECT_EQ(spread_energy(tz, sh(2024, 5, 1, 10), 30 * kMsPerMinute, 10000),
            (std::vector<SlotEnergy>{{sh(2024, 5, 1, 10), 10000}}));
  EXPECT_EQ(spread_energy(tz, sh(2024, 5, 1, 10) - 1, 30 * kMsPerMinute, 10000),
            (std::vector<SlotEnergy>{{sh(2024, 5, 1, 9, 30), 0}, {sh(2024, 5, 1, 10), 10000}}));
  // With enough energy the 1 ms share is real: 1.8e6 units × 1 ms / 1.8e6 ms = 1 unit.
  EXPECT_EQ(spread_energy(tz, sh(2024, 5, 1, 10) - 1, 30 * kMsPerMinute, 1'800'000),
            (std::vector<SlotEnergy>{{sh(2024, 5, 1, 9, 30), 1}, {sh(2024, 5, 1, 10), 1'799'999}}));
}

TEST(CarBilling, UnifiedAndTouTable) {
  struct Case {
    const char* name;
    CarTariff tariff;
    std::vector<SlotEnergy> slots;
    std::array<Energy, kTierCount> tier_energy;
    Fen energy_fen, service_fen, total_fen;
  };
  const CarTariff u = unified_tariff({80000, 50000});
  const CarTariff t = standard();
  const std::vector<Case> cases = {
      {"unified 10 kWh", u, {{sh(2024, 5, 1, 3), 10 * kKwh}}, {0, 0, 10 * kKwh, 0}, 800, 500, 1300},
      {"unified at any hour",
       u,
       {{sh(2024, 5, 1, 16), 4 * kKwh}, {sh(2024, 5, 1, 23, 45), 6 * kKwh}},
       {0, 0, 10 * kKwh, 0},
       800,
       500,
       1300},
      {"tou one tier each",
       t,
       {{sh(2024, 5, 1, 15, 10), kKwh},
        {sh(2024, 5, 1, 11), kKwh},
        {sh(2024, 5, 1, 9), kKwh},
        {sh(2024, 5, 1, 2), kKwh}},
       {kKwh, kKwh, kKwh, kKwh},
       120 + 100 + 70 + 30,
       80 + 60 + 40 + 20,
       520},
      {"tou fractional kWh",
       t,
       {{sh(2024, 5, 1, 15), 12345}, {sh(2024, 5, 1, 20), 6789}},  // 1.2345 kWh sharp, 0.6789 kWh peak
       {12345, 6789, 0, 0},
       // energy exact 1.4814 + 0.6789 = 2.1603 yuan; service 0.9876 + 0.40734 = 1.39494; total 3.55524
       216,
       140,
       356},
      {"repeated slot samples add up",
       t,
       {{sh(2024, 5, 1, 12), 5000}, {sh(2024, 5, 1, 12, 29), 5000}},
       {0, kKwh, 0, 0},
       100,
       60,
       160},
      {"no samples", t, {}, {0, 0, 0, 0}, 0, 0, 0},
  };
  for (const Case& c : cases) {
    Bill b = bill_from_slots(c.tariff, shanghai(), c.slots);
    for (Tier tier : kAllTiers)
      EXPECT_EQ(b.tier(tier).energy, c.tier_energy[static_cast<size_t>(index_of(tier))]) << c.name;
    EXPECT_EQ(b.energy_fee_fen, c.energy_fen) << c.name;
    EXPECT_EQ(b.service_fee_fen, c.service_fen) << c.name;
    EXPECT_EQ(b.total_fen, c.total_fen) << c.name;
  }
  Bill f = bill_from_slots(t, shanghai(), cases[3].slots);
  EXPECT_EQ(f.total_nano, 3'555'240'000);
  EXPECT_EQ(f.total_milli, 35552);
  EXPECT_EQ(f.energy_fee_milli, 21603);
  EXPECT_EQ(f.service_fee_milli, 13949);  // 1.39494 → 13949.4 milli; energy+service = total
  EXPECT_EQ(f.tier(Tier::sharp).price, kSharp);
  EXPECT_EQ(f.total_energy, 12345 + 6789);
}

TEST(CarBilling, RoundsHalfUpOnceAtSettlement) {
  struct Case {
    const char* name;
    TierPrice price;
    Energy energy;
    Fen energy_fen, service_fen, total_fen;
    Milli total_milli;
  };
  const std::vector<Case> cases = {
      {"0.49 fen → 0", {kYuan, 0}, 49, 0, 0, 0, 49},
      {"0.5 fen → 1", {kYuan, 0}, 50, 1, 0, 1, 50},
      {"1.49 fen → 1", {kYuan, 0}, 149, 1, 0, 1, 149},
      {"1.5 fen → 2", {kYuan, 0}, 150, 2, 0, 2, 150},
      {"0.05 fen → 0", {kYuan, 0}, 5, 0, 0, 0, 5},
      // energy 0.25 + service 0.25 = 0.5 fen: rounding each part would give 0; the total is 1, and the
      // tie between the parts goes to energy.
      {"parts 0.25 + 0.25", {kYuan, kYuan}, 25, 1, 0, 1, 50},
      {"parts 0.5 + 0.5", {kYuan, kYuan}, 50, 1, 0, 1, 100},
      {"parts 0.75 + 0.75", {kYuan, kYuan}, 75, 1, 1, 2, 150},
      {"larger remainder wins", {kYuan / 4, 3 * kYuan / 4}, 100, 0, 1, 1, 100},
      // 0.9999 yuan/kWh × 0.005 kWh = 0.0049995 yuan: 0.49995 fen → 0 fen, though it shows as 0.0050 yuan.
      // Going through Milli first would round twice and charge 1 fen.
      {"no double rounding", {99990, 0}, 50, 0, 0, 0, 50},
      {"zero price", {0, 0}, 123456, 0, 0, 0, 0},
      {"zero energy", {kYuan, kYuan}, 0, 0, 0, 0, 0},
  };
  for (const Case& c : cases) {
    Bill b = bill_from_tier_energy(unified_tariff(c.price), {0, 0, c.energy, 0});
    EXPECT_EQ(b.energy_fee_fen, c.energy_fen) << c.name;
    EXPECT_EQ(b.service_fee_fen, c.service_fen) << c.name;
    EXPECT_EQ(b.total_fen, c.total_fen) << c.name;
    EXPECT_EQ(b.total_milli, c.total_milli) << c.name;
  }
}

TEST(CarBilling, ZeroEnergy) {
  Bill b = bill_from_slots(standard(), shanghai(),
                           std::vector<SlotEnergy>{{sh(2024, 5, 1, 15), 0}, {sh(2024, 5, 1, 3), 0}});
  EXPECT_EQ(b, bill_from_tier_energy(standard(), {0, 0, 0, 0}));
  EXPECT_EQ(b.total_fen, 0);
  EXPECT_EQ(b.total_milli, 0);
  EXPECT_EQ(b.total_energy, 0);
  for (const TierCharge& c : b.tiers) EXPECT_EQ(c.total_fen(), 0);
  CappedCharge c = cap_at(b, 3000);
  EXPECT_FALSE(c.capped);
  EXPECT_EQ(c.charged.total, 0);
  EXPECT_EQ(c.refund_fen, 3000);
  Bill z = billing_test(standard(), shanghai(), 0, sh(2024, 5, 1, 9), 2 * kMsPerHour);
  EXPECT_EQ(z.total_fen, 0);
}

TEST(CarBilling, DeviceTierInput) {
  CarTariff t = standard();
  Bill four = bill_from_device(t, {kKwh, kKwh, kKwh, kKwh});
  EXPECT_EQ(four.total_fen, 520);
  EXPECT_EQ(four.energy_fee_fen, 320);
  EXPECT_EQ(four.service_fee_fen, 200);
  EXPECT_EQ(four.tier(Tier::sharp).total_fen(), 200);
  EXPECT_EQ(four.tier(Tier::valley).total_fen(), 50);
  // YKC 5-tier variant: the fifth group (深谷) is billed at valley prices, in the valley line.
  DeviceTierEnergy five{kKwh, kKwh, kKwh, kKwh, kKwh};
  Bill b5 = bill_from_device(t, five);
  EXPECT_EQ(b5.tier(Tier::valley).energy, 2 * kKwh);
  EXPECT_EQ(b5.total_fen, 570);
  // Device tiers and slot samples agree when they describe the same energy.
  EXPECT_EQ(four, bill_from_slots(t, shanghai(),
                                  std::vector<SlotEnergy>{{sh(2024, 5, 1, 16), kKwh},
                                                          {sh(2024, 5, 1, 18), kKwh},
                                                          {sh(2024, 5, 1, 21), kKwh},
                                                          {sh(2024, 5, 1, 1), kKwh}}));
  // A unified tariff bills every reported tier at its one price.
  EXPECT_EQ(bill_from_device(unified_tariff({80000, 50000}), {kKwh, 0, 0, kKwh}).total_fen, 260);
  // Energy in a tier the tariff has no price for, or negative energy, is an error, never a silent 0.
  CarTariffInput in = tou({{"00:00", "12:00", "valley"}, {"12:00", "24:00", "flat"}});
  in.tier_prices = {std::nullopt, std::nullopt, kFlat, kValley};
  CarTariff two = make_car_tariff(in);
  EXPECT_THROW(bill_from_device(two, {kKwh, 0, 0, 0}), std::invalid_argument);
  EXPECT_EQ(bill_from_device(two, {0, 0, kKwh, 0}).total_fen, 110);
  EXPECT_THROW(bill_from_device(t, {0, -1, 0, 0}), std::invalid_argument);
  EXPECT_THROW(bill_from_device(t, {0, 0, 0, 0, -1}), std::invalid_argument);
  EXPECT_THROW(bill_from_device(t, {kMaxBillEnergy + 1, 0, 0, 0}), std::invalid_argument);
}

TEST(CarBilling, MidnightCrossingUsesTheStartVersion) {
  // v1 in force until 2024-05-02 00:00 (edited on 05-01); v2 has other prices and another slot table.
  CarTariff v1 = standard();
  CarTariffInput in2 = tou({{"00:00", "01:00", "sharp"}, {"01:00", "24:00", "peak"}});
  in2.tier_prices = {TierPrice{200000, 100000}, TierPrice{150000, 90000}, std::nullopt, std::nullopt};
  CarTariff v2 = make_car_tariff(in2);
  std::vector<TariffVersion> versions = {{1, sh(2024, 4, 1), v1},
                                         {2, effective_from(sh(2024, 5, 1, 11), shanghai()), v2}};

  // 23:30 → 01:30, 1 kWh per half hour: all four slots billed by v1 (valley), although v2 is in force
  // from midnight on.
  std::vector<SlotEnergy> slots;
  for (int k = 0; k < 4; ++k) slots.push_back({sh(2024, 5, 1, 23, 30) + k * kSlotMs, kKwh});
  auto billed = bill_session(versions, shanghai(), sh(2024, 5, 1, 23, 30), slots);
  ASSERT_TRUE(billed);
  EXPECT_EQ(billed->version_id, 1);
  EXPECT_EQ(billed->bill.tier(Tier::valley).energy, 4 * kKwh);
  EXPECT_EQ(billed->bill.total_fen, 4 * 50);

  // The same energy for a session that starts at midnight is v2's.
  std::vector<SlotEnergy> after;
  for (int k = 0; k < 4; ++k) after.push_back({sh(2024, 5, 2) + k * kSlotMs, kKwh});
  auto billed2 = bill_session(versions, shanghai(), sh(2024, 5, 2), after);
  ASSERT_TRUE(billed2);
  EXPECT_EQ(billed2->version_id, 2);
  EXPECT_EQ(billed2->bill.tier(Tier::sharp).energy, 2 * kKwh);
  EXPECT_EQ(billed2->bill.tier(Tier::peak).energy, 2 * kKwh);
  EXPECT_EQ(billed2->bill.total_fen, 2 * 300 + 2 * 240);

  // Started 1 ms before midnight: still v1, and v1's table decides the tiers after midnight too.
  auto billed3 = bill_session(versions, shanghai(), sh(2024, 5, 2) - 1, after);
  EXPECT_EQ(billed3->version_id, 1);
  EXPECT_EQ(billed3->bill.total_fen, 4 * 50);

  // Device-reported tiers go through the same version choice.
  EXPECT_EQ(bill_session(versions, sh(2024, 5, 1, 23, 30), DeviceTierEnergy{0, 0, 0, 4 * kKwh})->version_id,
            1);
  EXPECT_FALSE(bill_session(versions, sh(2024, 3, 1), DeviceTierEnergy{}));
}

TEST(CarBilling, TariffEditedMidDay) {
  // Edited at 14:30: sessions starting before 24:00 keep the old prices, later ones get the new.
  CarTariff old_t = unified_tariff({80000, 50000});
  CarTariff new_t = unified_tariff({90000, 60000});
  const int64_t edit = sh(2024, 6, 18, 14, 30);
  std::vector<TariffVersion> versions = {{10, sh(2024, 1, 1), old_t},
                                         {11, effective_from(edit, shanghai()), new_t}};
  struct Case {
    const char* name;
    int64_t start;
    int64_t version;
    Fen total;
  };
  const std::vector<Case> cases = {
      {"morning before the edit", sh(2024, 6, 18, 9), 10, 1300},
      {"right after the edit", edit + 1, 10, 1300},
      {"evening", sh(2024, 6, 18, 22), 10, 1300},
      {"next day", sh(2024, 6, 19, 0, 0, 0, 1), 11, 1500},
  };
  for (const Case& c : cases) {
    std::vector<SlotEnergy> s = spread_energy(shanghai(), c.start, 3 * kMsPerHour, 10 * kKwh);
    auto b = bill_session(versions, shanghai(), c.start, s);
    ASSERT_TRUE(b) << c.name;
    EXPECT_EQ(b->version_id, c.version) << c.name;
    EXPECT_EQ(b->bill.total_fen, c.total) << c.name;
  }
}

TEST(CarBilling, CapAtPrepayment) {
  Bill b = bill_from_device(standard(), {kKwh, kKwh, kKwh, kKwh});  // 520 fen
  struct Case {
    Fen prepaid;
    bool capped;
    Fen charged;
    Fen refund;
  };
  for (const Case& c : std::vector<Case>{{600, false, 520, 80},
                                         {520, false, 520, 0},
                                         {519, true, 519, 0},
                                         {300, true, 300, 0},
                                         {0, true, 0, 0}}) {
    CappedCharge r = cap_at(b, c.prepaid);
    EXPECT_EQ(r.capped, c.capped) << c.prepaid;
    EXPECT_EQ(r.charged.total, c.charged) << c.prepaid;
    EXPECT_EQ(r.refund_fen, c.refund) << c.prepaid;
    EXPECT_EQ(r.uncapped, b.fen());
    EXPECT_EQ(r.charged.energy_fee_total + r.charged.service_fee_total, r.charged.total);
    Fen e = 0, s = 0;
    for (size_t i = 0; i < 4; ++i) {
      e += r.charged.energy_fee[i];
      s += r.charged.service_fee[i];
      EXPECT_LE(r.charged.energy_fee[i], r.uncapped.energy_fee[i]);
      EXPECT_LE(r.charged.service_fee[i], r.uncapped.service_fee[i]);
    }
    EXPECT_EQ(e, r.charged.energy_fee_total);
    EXPECT_EQ(s, r.charged.service_fee_total);
  }
  // 300 of 520: energy 320 × 300/520 = 184.6 → 185, service 200 × 300/520 = 115.4 → 115.
  CappedCharge r = cap_at(b, 300);
  EXPECT_EQ(r.charged.energy_fee_total, 185);
  EXPECT_EQ(r.charged.service_fee_total, 115);
  EXPECT_THROW(cap_at(b, -1), std::invalid_argument);
}

TEST(CarBilling, BillingTestSpreadsEnergyOverSlots) {
  const TimeZone& tz = shanghai();
  // 30 kWh from 09:00 for 3 h: 6 half-hours of 5 kWh; 09:00–10:00 flat, 10:00–12:00 peak.
  std::vector<SlotEnergy> s = spread_energy(tz, sh(2024, 5, 1, 9), 3 * kMsPerHour, 30 * kKwh);
  ASSERT_EQ(s.size(), 6u);
  for (size_t i = 0; i < s.size(); ++i)
    EXPECT_EQ(s[i], (SlotEnergy{sh(2024, 5, 1, 9) + static_cast<int64_t>(i) * kSlotMs, 5 * kKwh}));
  Bill b = billing_test(standard(), tz, 30 * kKwh, sh(2024, 5, 1, 9), 3 * kMsPerHour);
  EXPECT_EQ(b.tier(Tier::flat).energy, 10 * kKwh);
  EXPECT_EQ(b.tier(Tier::peak).energy, 20 * kKwh);
  EXPECT_EQ(b.total_fen, 10 * 110 + 20 * 160);

  // Remainders: 10 units over three equal half-hours → 4, 3, 3 (ties to the earlier slot).
  std::vector<SlotEnergy> r = spread_energy(tz, sh(2024, 5, 1, 9), 3 * kSlotMs, 10);
  EXPECT_EQ(r, (std::vector<SlotEnergy>{
                   {sh(2024, 5, 1, 9), 4}, {sh(2024, 5, 1, 9, 30), 3}, {sh(2024, 5, 1, 10), 3}}));
  // Partial slots at both ends, weighted by time: 09:15–10:15 = 15 + 30 + 15 minutes.
  std::vector<SlotEnergy> p = spread_energy(tz, sh(2024, 5, 1, 9, 15), kMsPerHour, 4 * kKwh);
  EXPECT_EQ(p,
            (std::vector<SlotEnergy>{
                {sh(2024, 5, 1, 9), kKwh}, {sh(2024, 5, 1, 9, 30), 2 * kKwh}, {sh(2024, 5, 1, 10), kKwh}}));
  // Duration 0: everything in the slot of the start.
  EXPECT_EQ(spread_energy(tz, sh(2024, 5, 1, 9, 45), 0, 7),
            (std::vector<SlotEnergy>{{sh(2024, 5, 1, 9, 30), 7}}));
  // Across midnight with the unified tariff the start time does not matter.
  EXPECT_EQ(billing_test(unified_tariff({80000, 50000}), tz, 10 * kKwh, sh(2024, 5, 1, 23), 2 * kMsPerHour)
                .total_fen,
            1300);
  EXPECT_THROW(spread_energy(tz, 0, -1, 1), std::invalid_argument);
  EXPECT_THROW(spread_energy(tz, 0, kMaxBillingTestMs + 1, 1), std::invalid_argument);
  EXPECT_THROW(spread_energy(tz, 0, 1000, -1), std::invalid_argument);
}

TEST(CarBilling, BillingTestAcrossBerlinDstChange) {
  const TimeZone& tz = berlin();
  // 2024-03-31 01:00 CET for 2 real hours: 01:00, 01:30 CET, then (02:00 → 03:00) 03:00, 03:30 CEST.
  int64_t start = at(tz, 2024, 3, 31, 1);
  std::vector<SlotEnergy> s = spread_energy(tz, start, 2 * kMsPerHour, 4 * kKwh);
  ASSERT_EQ(s.size(), 4u);
  std::vector<int> idx;
  for (const auto& e : s) {
    idx.push_back(slot_index_at(tz, e.slot_start_ms));
    EXPECT_EQ(e.energy, kKwh);
  }
  EXPECT_EQ(idx, (std::vector<int>{2, 3, 6, 7}));
  // Fall back 2024-10-27: 02:00–03:00 happens twice; 4 real hours from 01:00 = 8 half-hour slots.
  std::vector<SlotEnergy> f = spread_energy(tz, at(tz, 2024, 10, 27, 1), 4 * kMsPerHour, 8 * kKwh);
  idx.clear();
  for (const auto& e : f) idx.push_back(slot_index_at(tz, e.slot_start_ms));
  EXPECT_EQ(idx, (std::vector<int>{2, 3, 4, 5, 4, 5, 6, 7}));
}

// ---- YKC billing model -----------------------------------------------------------------------------------

TEST(CarYkcModel, FromTouVersion) {
  YkcBillingModel m = ykc_billing_model(TariffVersion{1234, 0, standard()});
  EXPECT_EQ(m.model_no, 1234);
  EXPECT_EQ(m.model_no_bcd(), (std::array<uint8_t, 2>{0x12, 0x34}));
  EXPECT_EQ(m.rates[0x00], (YkcTierRate{120000, 80000}));  // 尖
  EXPECT_EQ(m.rates[0x01], (YkcTierRate{100000, 60000}));  // 峰
  EXPECT_EQ(m.rates[0x02], (YkcTierRate{70000, 40000}));   // 平
  EXPECT_EQ(m.rates[0x03], (YkcTierRate{30000, 20000}));   // 谷
  EXPECT_EQ(m.loss_ratio, 0);
  std::array<uint8_t, kSlotsPerDay> expected{};
  for (int k = 0; k < kSlotsPerDay; ++k) {
    int minute = k * 30;
    expected[static_cast<size_t>(k)] = minute < 480 || minute >= 1380   ? 0x03
                                       : minute < 600 || minute >= 1260 ? 0x02
                                       : minute >= 900 && minute < 1020 ? 0x00
                                                                        : 0x01;
  }
  EXPECT_EQ(m.slots, expected);
}

TEST(CarYkcModel, UnifiedAndUnpricedTiers) {
  YkcBillingModel u = ykc_billing_model(5, unified_tariff({80000, 50000}));
  for (const auto& r : u.rates) EXPECT_EQ(r, (YkcTierRate{80000, 50000}));
  for (uint8_t code : u.slots) EXPECT_EQ(code, 0x02);
  CarTariffInput in = tou({{"00:00", "12:00", "valley"}, {"12:00", "24:00", "peak"}});
  in.tier_prices = {std::nullopt, kPeak, std::nullopt, kValley};
  YkcBillingModel m = ykc_billing_model(6, make_car_tariff(in));
  EXPECT_EQ(m.rates[0], (YkcTierRate{0, 0}));
  EXPECT_EQ(m.rates[2], (YkcTierRate{0, 0}));
  EXPECT_EQ(m.slots[0], 0x03);
  EXPECT_EQ(m.slots[47], 0x01);
}

TEST(CarYkcModel, ModelNumberFromVersionId) {
  struct Case {
    int64_t id;
    uint16_t no;
    std::array<uint8_t, 2> bcd;
  };
  for (const Case& c : std::vector<Case>{{1, 1, {0x00, 0x01}},
                                         {42, 42, {0x00, 0x42}},
                                         {9999, 9999, {0x99, 0x99}},
                                         {10000, 1, {0x00, 0x01}},
                                         {20000, 2, {0x00, 0x02}}}) {
    EXPECT_EQ(ykc_model_no(c.id), c.no) << c.id;
    EXPECT_EQ(ykc_bcd2(ykc_model_no(c.id)), c.bcd) << c.id;
  }
  EXPECT_THROW(ykc_model_no(0), std::invalid_argument);
  EXPECT_THROW(ykc_bcd2(10000), std::invalid_argument);
}

// ---- property test ---------------------------------------------------------------------------------------

TEST(CarBillingProperty, PartsSumToTotalAndTotalIsIndependentlyRight) {
  std::mt19937_64 rng(20240501);
  auto uniform = [&](int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng); };
  const TimeZone* zones[] = {&shanghai(), &berlin()};
  int cases = 0;
  for (int iter = 0; iter < 1500; ++iter) {
    // A random tariff, submitted as periods (runs of a random slot table, possibly rotated to wrap midnight).
    std::array<Tier, kSlotsPerDay> table{};
    Tier cur = kAllTiers[static_cast<size_t>(uniform(0, 3))];
    for (auto& slot : table) {
      if (uniform(0, 5) == 0) cur = kAllTiers[static_cast<size_t>(uniform(0, 3))];
      slot = cur;
    }
    CarTariffInput in;
    in.mode = uniform(0, 9) == 0 ? TariffMode::unified : TariffMode::tou;
    auto price = [&] {
      int64_t big = uniform(0, 3);
      return TierPrice{big ? uniform(0, kMaxUnitPrice) : uniform(0, 99),
                       big ? uniform(0, kMaxUnitPrice) : uniform(0, 99)};
    };
    in.unified = price();
    for (auto& p : in.tier_prices) p = price();
    int rot = static_cast<int>(uniform(0, kSlotsPerDay - 1));
    for (int k = 0; k < kSlotsPerDay;) {
      int s = (k + rot) % kSlotsPerDay;
      Tier t = table[static_cast<size_t>(s)];
      int len = 1;
      while (k + len < kSlotsPerDay && table[static_cast<size_t>((k + len + rot) % kSlotsPerDay)] == t) ++len;
      if (len == kSlotsPerDay) {
        in.periods.push_back({"00:00", "24:00", std::string(tier_name(t))});  // one tier all day
      } else {
        in.periods.push_back(
            {format_hhmm(s * 30), format_hhmm(((s + len) % kSlotsPerDay) * 30), std::string(tier_name(t))});
      }
      k += len;
    }
    TariffValidation v = validate_car_tariff(in);
    ASSERT_TRUE(v.ok()) << v.message();
    const CarTariff& tariff = *v.tariff;
    if (in.mode == TariffMode::tou) {
      ASSERT_EQ(tariff.slots, table);
    }
    ASSERT_EQ(make_car_tariff(to_input(tariff)), tariff);

    // A random session: start anywhere in 2024, samples per slot (some zero).
    const TimeZone& tz = *zones[uniform(0, 1)];
    int64_t start = uniform(1704067200000, 1735689600000);
    int n = static_cast<int>(uniform(0, 96));
    std::vector<SlotEnergy> slots;
    __int128 exact = 0;
    std::array<__int128, kTierCount> exact_energy{}, exact_service{};
    for (int k = 0; k < n; ++k) {
      int64_t t = start + k * kSlotMs + uniform(0, kSlotMs - 1);
      Energy e = uniform(0, 4) == 0 ? 0 : uniform(0, 2'000'000);
      slots.push_back({t, e});
      // Independent tier lookup: local wall-clock time → minute of day → the submitted table.
      Tier tier = in.mode == TariffMode::unified
                      ? Tier::flat
                      : table[static_cast<size_t>(tz.to_local(t).minute_of_day() / 30)];
      TierPrice p =
          in.mode == TariffMode::unified ? in.unified : *in.tier_prices[static_cast<size_t>(index_of(tier))];
      exact += static_cast<__int128>(p.energy + p.service) * e;
      exact_energy[static_cast<size_t>(index_of(tier))] += static_cast<__int128>(p.energy) * e;
      exact_service[static_cast<size_t>(index_of(tier))] += static_cast<__int128>(p.service) * e;
    }
    Bill b = bill_from_slots(tariff, tz, slots);
    ++cases;

    // Total = half-up of the independently summed exact amount, once.
    ASSERT_EQ(static_cast<__int128>(b.total_nano), exact);
    ASSERT_EQ(static_cast<__int128>(b.total_fen), (exact + kNanoPerFen / 2) / kNanoPerFen);
    ASSERT_EQ(static_cast<__int128>(b.total_milli), (exact + kNanoPerMilli / 2) / kNanoPerMilli);
    // Parts add up exactly, at both precisions, and each part is within one unit of its exact value.
    Fen ef = 0, sf = 0;
    Milli em = 0, smi = 0;
    for (Tier t : kAllTiers) {
      const TierCharge& c = b.tier(t);
      size_t i = static_cast<size_t>(index_of(t));
      ASSERT_EQ(static_cast<__int128>(c.energy_fee_nano), exact_energy[i]);
      ASSERT_EQ(static_cast<__int128>(c.service_fee_nano), exact_service[i]);
      ASSERT_LT(std::abs(static_cast<double>(static_cast<__int128>(c.energy_fee_fen) * kNanoPerFen -
                                             exact_energy[i])),
                kNanoPerFen);
      ASSERT_LT(std::abs(static_cast<double>(static_cast<__int128>(c.service_fee_fen) * kNanoPerFen -
                                             exact_service[i])),
                kNanoPerFen);
      ef += c.energy_fee_fen;
      sf += c.service_fee_fen;
      em += c.energy_fee_milli;
      smi += c.service_fee_milli;
    }
    ASSERT_EQ(ef, b.energy_fee_fen);
    ASSERT_EQ(sf, b.service_fee_fen);
    ASSERT_EQ(b.energy_fee_fen + b.service_fee_fen, b.total_fen);
    ASSERT_EQ(em, b.energy_fee_milli);
    ASSERT_EQ(smi, b.service_fee_milli);
    ASSERT_EQ(b.energy_fee_milli + b.service_fee_milli, b.total_milli);
    ASSERT_LT(std::abs(static_cast<double>(static_cast<__int128>(b.energy_fee_fen) * kNanoPerFen -
                                           b.energy_fee_nano)),
              kNanoPerFen);

    // The cap never charges more than the prepayment and still adds up.
    Fen prepaid = uniform(0, b.total_fen + 100);
    CappedCharge cap = cap_at(b, prepaid);
    ASSERT_EQ(cap.charged.total, std::min(prepaid, b.total_fen));
    ASSERT_EQ(cap.capped, prepaid < b.total_fen);
    ASSERT_EQ(cap.refund_fen, prepaid - cap.charged.total);
    Fen ce = 0, cs = 0;
    for (size_t i = 0; i < 4; ++i) {
      ASSERT_LE(cap.charged.energy_fee[i], cap.uncapped.energy_fee[i]);
      ASSERT_LE(cap.charged.service_fee[i], cap.uncapped.service_fee[i]);
      ce += cap.charged.energy_fee[i];
      cs += cap.charged.service_fee[i];
    }
    ASSERT_EQ(ce, cap.charged.energy_fee_total);
    ASSERT_EQ(cs, cap.charged.service_fee_total);
    ASSERT_EQ(ce + cs, cap.charged.total);

    // The billing test spreads exactly the energy entered, over contiguous slots.
    Energy kwh = uniform(0, 1'000'000);
    int64_t dur = uniform(0, 26 * kMsPerHour);
    std::vector<SlotEnergy> spread = spread_energy(tz, start, dur, kwh);
    Energy sum = 0;
    for (size_t i = 0; i < spread.size(); ++i) {
      sum += spread[i].energy;
      if (i > 0) {
        ASSERT_EQ(spread[i].slot_start_ms, spread[i - 1].slot_start_ms + kSlotMs);
      }
    }
    ASSERT_EQ(sum, kwh);
    ASSERT_EQ(billing_test(tariff, tz, kwh, start, dur), bill_from_slots(tariff, tz, spread));
  }
  EXPECT_GE(cases, 1000);
}
