#include "service/stat/dashboard.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/timezone.hpp"

namespace zc::stat {

namespace json = boost::json;

DaySeries by_local_day(const std::vector<db::stat::DatedAmount>& rows, const std::string& today, int days) {
  DaySeries s;
  // the labels: `days` dates ending with today, stepped back a day at a time from today's noon (UTC
  // arithmetic on dates; no zone's DST is involved)
  TimeZone utc = TimeZone::get("UTC");
  int y = 1970, m = 1, d = 1;
  std::sscanf(today.c_str(), "%d-%d-%d", &y, &m, &d);
  const int64_t noon = utc.to_utc(LocalDateTime{{y, m, d}, 12, 0, 0, 0});
  for (int i = days - 1; i >= 0; --i) s.days.push_back(utc.local_date(noon - i * kMsPerDay).to_string());
  s.count.assign(days, 0);
  s.energy.assign(days, 0);
  s.charged.assign(days, 0);
  std::map<std::string, TimeZone> zones;
  for (const auto& r : rows) {
    auto it = zones.find(r.timezone);
    if (it == zones.end()) {
      auto z = TimeZone::find(r.timezone);
      it = zones.emplace(r.timezone, z ? *z : TimeZone::shanghai()).first;
    }
    auto pos = std::find(s.days.begin(), s.days.end(), it->second.local_date(r.at).to_string());
    if (pos == s.days.end()) continue;
    size_t i = static_cast<size_t>(pos - s.days.begin());
    s.count[i] += 1;
    s.energy[i] += r.energy;
    s.charged[i] += r.charged;
  }
  return s;
}

std::string masked_phone(const std::string& phone) {
  if (phone.size() < 7) return phone;
  return phone.substr(0, 3) + "****" + phone.substr(phone.size() - 4);
}

static json::array to_array(const std::vector<int64_t>& v) {
  return json::array(v.begin(), v.end());
}
static json::array to_array(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

// The energy chart shows the last 5 of the 7 days the orders chart buckets.
template <class T>
static json::array last5(const std::vector<T>& v) {
  return to_array(std::vector<T>(v.end() - 5, v.end()));
}

json::object DashboardService::dashboard(const Principal& p, int64_t now) {
  const std::string today = TimeZone::shanghai().local_date(now).to_string();
  const int64_t since = now - 8 * kMsPerDay;  // covers 7 local days in any zone
  return db_.read([&](db::Connection& c) {
    db::stat::DashboardRepo repo(c);
    auto n = repo.counts(p.scope);
    auto car = repo.orders_since("car", since, p.scope);
    auto bike = repo.orders_since("bike", since, p.scope);
    auto refunds = repo.refunds_since(since, p.scope);
    auto car7 = by_local_day(car, today, 7), bike7 = by_local_day(bike, today, 7);
    auto refund7 = by_local_day(refunds, today, 7);
    auto live = repo.live(p.scope);

    json::object o;
    o["cards"] = json::object{
        {"car", json::object{{"stations", n.car_stations}, {"areas", n.car_areas}, {"devices", n.car_piles}}},
        {"bike",
         json::object{{"stations", n.bike_stations}, {"areas", n.bike_areas}, {"devices", n.bike_devices}}},
        {"orders",
         json::object{
             {"car", n.car_orders}, {"bike", n.bike_orders}, {"total", n.car_orders + n.bike_orders}}},
        {"users", json::object{{"members", n.members}, {"cards", n.cards}}}};
    o["orders7"] = json::object{{"days", to_array(car7.days)},
                                {"car", to_array(car7.count)},
                                {"bike", to_array(bike7.count)},
                                {"refunds", to_array(refund7.count)}};
    o["energy5"] =
        json::object{{"days", last5(car7.days)}, {"car", last5(car7.energy)}, {"bike", last5(bike7.energy)}};
    json::array top;
    for (const auto& u : repo.top_users(4, p.scope))
      top.push_back(json::object{{"userId", u.user_id},
                                 {"phone", masked_phone(u.phone)},
                                 {"nickname", u.nickname},
                                 {"carSessions", u.car_sessions},
                                 {"bikeSessions", u.bike_sessions},
                                 {"total", u.car_sessions + u.bike_sessions}});
    o["top"] = std::move(top);
    o["now"] = json::object{{"devices", live.devices},
                            {"online", live.online},
                            {"charging", live.charging},
                            {"faulted", live.faulted},
                            {"todayOrders", car7.count.back() + bike7.count.back()},
                            {"todayEnergy", car7.energy.back() + bike7.energy.back()},
                            {"todayCharged", car7.charged.back() + bike7.charged.back()}};
    return o;
  });
}

}  // namespace zc::stat
