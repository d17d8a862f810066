#include "api/admin/device/ykc_routes.hpp"

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "http/envelope.hpp"
#include "storage/repositories/car_asset.hpp"
#include "storage/repositories/device_repo.hpp"
#include "storage/repositories/ykc_repo.hpp"

namespace zc::api {

using http::Request;
namespace json = boost::json;

void register_ykc_routes(http::Router& r, YkcApiContext ctx) {
  // The spot's ground lock is gun `gunNo`'s lock on a YKC pile of the same station: lock commands of
  // the spot go to that pile (0x62) and its 0x61 reports set lock_state. Effective at once: the spot's
  // lock command reads the binding (SpotService::lock).
  r.put("/car/spot/lockPile",
        {.permission = "car:spot:edit", .log_title = "车位地锁绑定电桩", .op = http::Op::edit},
        [ctx](Request& q) mutable {
          auto b = JsonBody::parse(q.body);
          int64_t id = b.i64("id");
          auto pile_id = b.opt_i64("pileId");
          auto gun_no = b.opt_i64("gunNo");
          ctx.db.write([&](db::Connection& c) {
            db::car::SpotRepo spots(c);
            db::dev::YkcRepo ykc(c);
            auto spot = spots.find(id);
            if (!spot || !spots.in_scope(id, q.user().scope)) fail_not_found("车位不存在");
            if (!pile_id) return ykc.bind_lock(id, std::nullopt, 0);
            if (spot->lock_type != 1) fail_conflict("该车位不是地锁车位（lockType 1）");
            auto pile = ykc.find_pile(*pile_id);
            if (!pile || !db::dev::DeviceRepo(c).car_pile_in_scope(*pile_id, q.user().scope))
              fail_bad_request("pileId: 电桩不存在");
            if (pile->station_id != spot->station_id) fail_bad_request("pileId: 电桩与车位不在同一电站");
            if (pile->protocol != "ykc") fail_bad_request("pileId: 只有云快充（ykc）电桩可以控制地锁");
            if (!gun_no || *gun_no < 1 || *gun_no > pile->gun_count)
              fail_bad_request("gunNo: 必须在1到" + std::to_string(pile->gun_count) + "之间");
            ykc.bind_lock(id, pile_id, *gun_no);
          });
          return http::ok();
        });
}

void register_device_test_routes(http::Router& r, YkcApiContext ctx) {
  r.post("/test/device/command", {}, [ctx](Request& q) mutable {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
    auto b = JsonBody::parse(q.body);
    std::string type = b.str("deviceType", 32);
    devices::DeviceRef ref;
    if (type == "car_pile")
      ref.kind = devices::DeviceKind::car_pile;
    else if (type == "car_lock")
      ref.kind = devices::DeviceKind::car_lock;
    else
      fail_bad_request("deviceType: 只能是car_pile或car_lock");
    ref.id = b.i64("deviceId");
    std::string name = b.str("command", 64);
    std::map<std::string, std::string> args;
    json::value body = json::parse(q.body);
    if (auto* a = body.as_object().if_contains("args"); a && a->is_object())
      for (const auto& [k, v] : a->as_object())
        args[std::string(k)] = v.is_string() ? std::string(v.as_string()) : json::serialize(v);
    std::string error;
    auto cmd = devices::parse_command(name, args, error);
    auto timeout = std::chrono::milliseconds(b.opt_i64("timeoutMs").value_or(10000));
    auto reply = cmd ? ctx.gateway.send(ref, *cmd, timeout)
                     : devices::CommandReply::rejected(devices::RejectReason::invalid_argument, error);
    json::object o;
    o["result"] = devices::to_string(reply.result);
    o["reason"] = devices::reason_code(reply);
    o["message"] = reply.detail;
    return http::ok(std::move(o));
  });
  // The charging transactions of a car pile as recorded (until the orders module has its own pages).
  r.get("/test/device/transactions", {}, [ctx](Request& q) mutable {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
    auto given = query_int(q.query, "deviceId");
    if (!given) fail_bad_request("deviceId: 必填");
    int64_t id = *given;
    auto rows = ctx.db.read([&](db::Connection& c) {
      return c
          .query(
              "SELECT id AS \"id\", connector_id AS \"connectorId\", device_serial AS \"serial\", status AS "
              "\"status\", id_tag AS \"idTag\", start_method AS \"startMethod\", vin AS \"vin\", card AS "
              "\"card\", "
              "meter_start AS \"meterStart\", meter_stop AS \"meterStop\", meter_last AS \"meterLast\", "
              "energy AS "
              "\"energy\", amount AS \"amount\", tiers AS \"tiers\", start_time AS \"startTime\", stop_time "
              "AS "
              "\"stopTime\", stop_code AS \"stopCode\", stop_reason AS \"stopReason\", abnormal AS "
              "\"abnormal\", "
              "flags AS \"flags\" FROM charging_transaction WHERE device_kind = 'car_pile' AND device_id = ? "
              "ORDER BY id",
              {id})
          .to_json();
    });
    return http::ok(std::move(rows));
  });
}

}  // namespace zc::api
