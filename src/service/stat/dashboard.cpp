#include "service/stat/dashboard.hpp"

#include <algorithm>
#include <cstdio>

#include "core/timezone.hpp"

namespace zc::stat {

namespace json = boost::json;

std::vector<std::string> day_labels(const std::string& today, int days) {
  // stepped back a day at a time from today's noon (UTC arithmetic on dates; no zone's DST is involved)
  TimeZone utc = TimeZone::get("UTC");
  int y = 1970, m = 1, d = 1;
  std::sscanf(today.c_str(), "%d-%d-%d", &y, &m, &d);
  const int64_t noon = utc.to_utc(LocalDateTime{{y, m, d}, 12, 0, 0, 0});
  std::vector<std::string> out;
  for (int i = days - 1; i >= 0; --i) out.push_back(utc.local_date(noon - i * kMsPerDay).to_string());
  return out;
}

DaySeries series(const std::vector<db::stat::DayTotals>& rows, const std::vector<std::string>& days) {
  DaySeries s;
  s.days = days;
  s.count.assign(days.size(), 0);
  s.energy.assign(days.size(), 0);
  s.charged.assign(days.size(), 0);
  s.refunds.assign(days.size(), 0);
  for (const auto& r : rows) {
    auto pos = std::find(days.begin(), days.end(), r.day);
    if (pos == days.end()) continue;
    size_t i = static_cast<size_t>(pos - days.begin());
    s.count[i] += r.sessions;
    s.energy[i] += r.energy;
    s.charged[i] += r.charged;
    s.refunds[i] += r.refunds;
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
  const auto week = day_labels(today, 7);
  return db_.read([&](db::Connection& c) {
    db::stat::DashboardRepo repo(c);
    auto n = repo.counts(p.scope);
    auto car7 = series(repo.days("car", week.front(), week.back(), p.scope), week);
    auto bike7 = series(repo.days("bike", week.front(), week.back(), p.scope), week);
    std::vector<int64_t> refunds7(week.size());
    for (size_t i = 0; i < week.size(); ++i) refunds7[i] = car7.refunds[i] + bike7.refunds[i];
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
                                {"refunds", to_array(refunds7)}};
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
