#include "api/admin/device/device_routes.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json_body.hpp"
#include "devices/device_password.hpp"
#include "http/envelope.hpp"
#include "storage/repositories/car_asset.hpp"
#include "storage/repositories/device_repo.hpp"

namespace zc::api {

using http::Request;
namespace json = boost::json;

static void pile_in_scope(DeviceApiContext& ctx, int64_t id, const Principal& p) {
  if (!ctx.db.read([&](db::Connection& c) { return db::dev::DeviceRepo(c).car_pile_in_scope(id, p.scope); }))
    fail_not_found("电桩不存在");
}

static void bike_device_in_scope(DeviceApiContext& ctx, int64_t id, const Principal& p) {
  if (!ctx.db.read(
          [&](db::Connection& c) { return db::dev::DeviceRepo(c).bike_device_in_scope(id, p.scope); }))
    fail_not_found("设备不存在");
}

// The body's OCPP Basic-auth password: 16–40 visible ASCII characters, no colon (docs/ocpp.md).
static std::string ocpp_password(const Request& q) {
  auto body = JsonBody::parse(q.body);
  std::string pw = body.str("password", 40);
  if (pw.size() < 16 || pw.size() > 40) fail_bad_request("password: 长度须为16到40个字符");
  for (unsigned char ch : pw)
    if (ch < 0x21 || ch > 0x7e || ch == ':') fail_bad_request("password: 只能包含可见ASCII字符（不含冒号）");
  return pw;
}

static void set_password(DeviceApiContext& ctx, const char* kind, int64_t id, const std::string& pw,
                         Request& q) {
  auto [salt, hash] = devices::hash_device_password(pw);
  ctx.db.write([&](db::Connection& c) {
    db::dev::DeviceRepo(c).set_secret(kind, id, salt, hash, q.user().user_name, now_ms());
  });
}

// {online, protocol, remoteIp, since, lastSeen, meters: [per connector], frames: [newest first]}.
static json::object session_view(DeviceApiContext& ctx, const devices::DeviceKey& key) {
  json::object o;
  auto info = ctx.registry.info(key);
  o["online"] = info.has_value();
  if (info) {
    o["protocol"] = info->protocol;
    o["remoteIp"] = info->remote;
    o["since"] = info->since;
    o["lastSeen"] = info->last_seen;
  }
  json::array meters;
  for (int64_t n = 0; n <= 100; ++n) {  // connectors: guns / sockets (the simulator allows up to 100)
    auto m = ctx.meters.latest(key, n);
    if (!m) continue;
    json::object x;
    x["connectorId"] = n;
    x["time"] = m->time;
    if (m->transaction_id) x["transactionId"] = *m->transaction_id;
    if (m->energy) x["energy"] = *m->energy;
    if (m->power_w) x["powerW"] = *m->power_w;
    if (m->current_a) x["currentA"] = *m->current_a;
    if (m->voltage_v) x["voltageV"] = *m->voltage_v;
    if (m->soc) x["soc"] = *m->soc;
    if (m->amount) x["amount"] = *m->amount;  // YKC: amount so far, 0.0001 yuan
    if (m->state) x["state"] = m->state;
    if (m->abnormal) x["abnormal"] = true;  // YKC: two idle reports during the session
    meters.push_back(std::move(x));
  }
  o["meters"] = std::move(meters);
  o["frames"] = ctx.messages.recent(key);
  return o;
}

void register_device_routes(http::Router& r, DeviceApiContext ctx) {
  r.get("/stat/online/list", {.permission = "stat:online:list"}, [ctx](Request& q) mutable {
    auto page = ctx.db.read(
        [&](db::Connection& c) { return db::dev::DeviceRepo(c).online_log(q.query, q.user().scope); });
    return http::ok_rows(std::move(page.rows), page.total);
  });

  // The chart of the online log page: events per hour under the same filters, at most 31 days.
  r.get("/stat/online/hourly", {.permission = "stat:online:list"}, [ctx](Request& q) mutable {
    constexpr int64_t kHour = 3600000, kMaxRange = 31 * 24 * kHour;
    QueryParams f = q.query;
    int64_t end = query_int(f, "endTime").value_or(now_ms());
    int64_t begin = query_int(f, "beginTime").value_or(end - 7 * 24 * kHour);
    if (begin > end) fail_bad_request("beginTime: 不能晚于结束时间");
    if (end - begin > kMaxRange) fail_bad_request("beginTime: 统计范围不能超过31天");
    f["beginTime"] = std::to_string(begin);
    f["endTime"] = std::to_string(end);
    auto hours = ctx.db.read(
        [&](db::Connection& c) { return db::dev::DeviceRepo(c).online_hourly(f, q.user().scope); });
    json::array rows;
    for (const auto& h : hours)
      rows.push_back(json::object{{"time", h.hour}, {"online", h.online}, {"offline", h.offline}});
    return http::ok(json::object{{"beginTime", begin}, {"endTime", end}, {"hours", std::move(rows)}});
  });

  // The page's "online now" figures: car piles and e-bike devices in scope, online / total.
  r.get("/stat/online/now", {.permission = "stat:online:list"}, [ctx](Request& q) mutable {
    auto kinds =
        ctx.db.read([&](db::Connection& c) { return db::dev::DeviceRepo(c).online_now(q.user().scope); });
    json::array rows;
    for (const auto& k : kinds)
      rows.push_back(json::object{{"deviceType", k.kind}, {"online", k.online}, {"total", k.total}});
    return http::ok(std::move(rows));
  });

  // The live session and the last frames each way (newest first).
  r.get("/car/pile/{id}/messages", {.permission = "car:pile:query"}, [ctx](Request& q) mutable {
    int64_t id = q.id_param("id");
    pile_in_scope(ctx, id, q.user());
    return http::ok(session_view(ctx, {devices::DeviceKind::car_pile, id}));
  });
  r.get("/car/camera/{id}/messages", {.permission = "car:camera:query"}, [ctx](Request& q) mutable {
    int64_t id = q.id_param("id");
    if (!ctx.db.read([&](db::Connection& c) { return db::car::CameraRepo(c).in_scope(id, q.user().scope); }))
      fail_not_found("相机不存在");
    return http::ok(session_view(ctx, {devices::DeviceKind::car_camera, id}));
  });
  r.get("/bike/device/{id}/messages", {.permission = "bike:device:query"}, [ctx](Request& q) mutable {
    int64_t id = q.id_param("id");
    bike_device_in_scope(ctx, id, q.user());
    return http::ok(session_view(ctx, {devices::DeviceKind::bike_device, id}));
  });

  // OCPP security profile 1: the password the charger sends as HTTP Basic (user = its chargePointId).
  r.put("/car/pile/{id}/ocppPassword",
        {.permission = "car:pile:edit", .log_title = "电桩连接密码", .op = http::Op::edit},
        [ctx](Request& q) mutable {
          int64_t id = q.id_param("id");
          std::string pw = ocpp_password(q);
          pile_in_scope(ctx, id, q.user());
          set_password(ctx, "car_pile", id, pw, q);
          return http::ok();
        });
  r.put("/bike/device/{id}/ocppPassword",
        {.permission = "bike:device:edit", .log_title = "设备连接密码", .op = http::Op::edit},
        [ctx](Request& q) mutable {
          int64_t id = q.id_param("id");
          std::string pw = ocpp_password(q);
          bike_device_in_scope(ctx, id, q.user());
          set_password(ctx, "bike_device", id, pw, q);
          return http::ok();
        });
}

}  // namespace zc::api
