// /car/area (CAR-AREA), /car/spot (CAR-SPOT), /car/camera (CAR-CAM), /car/pile (CAR-PILE), /car/gun
// (CAR-GUN).
#include "api/admin/car/common.hpp"
#include "api/admin/device/camera_routes.hpp"
#include "api/row_json.hpp"
#include "service/car/asset_service.hpp"
#include "service/car/tariff_service.hpp"

namespace zc::api::car {

using http::Op;
using http::Request;
namespace json = boost::json;
namespace svcns = zc::car;

static void register_spot(http::Router& r, svcns::CarContext ctx) {
  auto svc = std::make_shared<svcns::SpotService>(ctx);
  const std::string title = "车位管理";
  r.get("/car/spot/list", {.permission = "car:spot:list"},
        [svc](Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get("/car/spot/options", {}, [svc](Request& q) {
    auto area = query_int(q.query, "areaId");
    if (!area) fail_bad_request("areaId: 不能为空");
    return http::ok(rows_json(svc->options(*area, q.user())));
  });
  r.get("/car/spot/{id}", {.permission = "car:spot:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.post("/car/spot/batch", {.permission = "car:spot:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           svcns::SpotBatch in;
           in.station_id = required_id(b, "stationId");
           in.area_id = required_id(b, "areaId");
           in.count = b.i64("count");
           in.lock_type = int_or(b, "lockType", 0);
           in.name_prefix = text(b, "namePrefix", 20);
           auto ids = svc->add_batch(in, q.user());
           json::object o;
           json::array a;
           for (int64_t id : ids) a.push_back(id);
           o["ids"] = std::move(a);
           return http::ok(std::move(o));
         });
  r.put("/car/spot", {.permission = "car:spot:edit", .log_title = title, .op = Op::edit}, [svc](Request& q) {
    auto b = JsonBody::parse(q.body);
    svc->update(required_id(b, "id"), b.str("name", 50), int_or(b, "lockType", 0), q.user());
    if (b.object().contains("gunId")) svc->bind_gun(required_id(b, "id"), b.opt_i64("gunId"), q.user());
    return http::ok();
  });
  r.put("/car/spot/changeStatus", {.permission = "car:spot:status", .log_title = title, .op = Op::status},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.put("/car/spot/lock", {.permission = "car:spot:lock", .log_title = title + "-地锁", .op = Op::other},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          return http::ok(svc->lock(required_id(b, "id"), b.str("action", 10), q.user()));
        });
}

static svcns::CameraInput camera_input(const JsonBody& b, bool create) {
  svcns::CameraInput in;
  if (create) {
    in.station_id = required_id(b, "stationId");
    in.area_id = required_id(b, "areaId");
  } else {
    in.id = required_id(b, "id");
  }
  in.f.factory_no = b.str("factoryNo", 32);
  in.f.ip = text(b, "ip", 15);
  in.f.name = b.str("name", 50);
  in.f.sim = text(b, "sim", 32);
  in.f.left_spot_id = b.opt_i64("leftSpotId").value_or(0);
  in.f.right_spot_id = b.opt_i64("rightSpotId").value_or(0);
  return in;
}

static void register_camera(http::Router& r, svcns::CarContext ctx) {
  auto svc = std::make_shared<svcns::CameraService>(ctx);
  const std::string title = "相机管理";
  r.get("/car/camera/list", {.permission = "car:camera:list"},
        [svc](Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get("/car/camera/{id}", {.permission = "car:camera:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.post("/car/camera", {.permission = "car:camera:add", .log_title = title, .op = Op::add},
         [svc, ctx](Request& q) {
           auto b = JsonBody::parse(q.body);
           int64_t id = svc->create(camera_input(b, true), q.user());
           // The camera's push secret, shown only now (PUT /car/camera/{id}/secret makes a new one).
           auto o = id_data(id);
           o["secret"] = new_camera_secret(ctx.db, id, q.user().user_name);
           return http::ok(std::move(o));
         });
  r.put("/car/camera", {.permission = "car:camera:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->update(camera_input(b, false), q.user());
          return http::ok();
        });
  r.put("/car/camera/changeStatus", {.permission = "car:camera:status", .log_title = title, .op = Op::status},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.post(
      "/car/camera/{id}/command",
      {.permission = "car:camera:command", .log_title = title + "-设备指令", .op = Op::other},
      [svc](Request& q) {
        auto b = JsonBody::parse(q.body);
        return http::ok(svc->command(q.id_param("id"), b.str("command", 20), text(b, "side", 10), q.user()));
      });
}

static svcns::PileInput pile_input(const JsonBody& b, bool create) {
  svcns::PileInput in;
  if (create) {
    in.station_id = required_id(b, "stationId");
    in.area_id = required_id(b, "areaId");
  } else {
    in.id = required_id(b, "id");
  }
  in.code = b.opt_str("code", 14);
  auto& f = in.f;
  f.factory_no = b.str("factoryNo", 32);
  f.name = b.str("name", 50);
  f.model = text(b, "model", 50);
  f.version = text(b, "version", 50);
  f.gun_count = b.i64("gunCount");
  f.sim = text(b, "sim", 32);
  f.operation_type = int_or(b, "operationType", 1);
  f.occupancy_fee = int_or(b, "occupancyFee", 0);
  f.occupancy_free_min = int_or(b, "occupancyFreeMin", 0);
  f.occupancy_period_min = int_or(b, "occupancyPeriodMin", 60);
  f.occupancy_cap = int_or(b, "occupancyCap", 0);
  f.reservable = opt_bool(b, "reservable", false);
  f.output_current = int_or(b, "outputCurrent", 0);
  f.output_power = int_or(b, "outputPower", 0);
  f.output_voltage = int_or(b, "outputVoltage", 0);
  f.current_type = b.opt_str("currentType", 2).value_or("DC");
  f.charging_type = int_or(b, "chargingType", 1);
  f.speed = int_or(b, "speed", 2);
  f.install_method = int_or(b, "installMethod", 1);
  f.protection_class = b.opt_str("protectionClass", 4).value_or("IP54");
  f.comm_method = int_or(b, "commMethod", 1);
  f.protocol = b.opt_str("protocol", 6).value_or("ykc");
  return in;
}

static void register_pile(http::Router& r, svcns::CarContext ctx) {
  auto svc = std::make_shared<svcns::PileService>(ctx);
  auto tariffs = std::make_shared<svcns::TariffService>(ctx);
  const std::string title = "电桩管理";
  // rows and detail marked tariffInForce (a pile whose area has no tariff in force cannot charge)
  r.get("/car/pile/list", {.permission = "car:pile:list"}, [svc, tariffs](Request& q) {
    auto page = svc->list(q.query, q.user());
    tariffs->mark_in_force(page.rows);
    return rows(std::move(page));
  });
  r.get("/car/pile/{id}", {.permission = "car:pile:query"}, [svc, tariffs](Request& q) {
    auto row = svc->get(q.id_param("id"), q.user());
    tariffs->mark_in_force(row);
    return http::ok(std::move(row));
  });
  r.post("/car/pile", {.permission = "car:pile:add", .log_title = title, .op = Op::add}, [svc](Request& q) {
    auto b = JsonBody::parse(q.body);
    return http::ok(id_data(svc->create(pile_input(b, true), q.user())));
  });
  r.put("/car/pile", {.permission = "car:pile:edit", .log_title = title, .op = Op::edit}, [svc](Request& q) {
    auto b = JsonBody::parse(q.body);
    svc->update(pile_input(b, false), q.user());
    return http::ok();
  });
  r.put("/car/pile/changeStatus", {.permission = "car:pile:status", .log_title = title, .op = Op::status},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.post("/car/pile/{id}/command",
         {.permission = "car:pile:command", .log_title = title + "-设备指令", .op = Op::other},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           return http::ok(svc->command(q.id_param("id"), b.str("command", 20), q.user()));
         });
  r.get("/car/pile/{id}/tariff", {.permission = "car:pile:query"},
        [tariffs](Request& q) { return http::ok(tariffs->of_pile(q.id_param("id"), q.user())); });
  r.get("/car/pile/{id}/qr", {.permission = "car:pile:qr"}, [svc](Request& q) {
    int64_t id = q.id_param("id");
    return png(svc->qr(id, query_str(q.query, "template").value_or(""), q.user()),
               "pile-" + std::to_string(id) + ".png");
  });
  r.post("/car/pile/qrExport",
         {.permission = "car:pile:export", .log_title = title + "-二维码导出", .op = Op::other},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body.empty() ? "{}" : q.body);
           return http::ok(job_data(svc->qr_export(filters_of(b), q.user())));
         });
}

static void register_gun(http::Router& r, svcns::CarContext ctx) {
  auto svc = std::make_shared<svcns::GunService>(ctx);
  auto tariffs = std::make_shared<svcns::TariffService>(ctx);
  const std::string title = "充电枪管理";
  r.get("/car/gun/list", {.permission = "car:gun:list"}, [svc, tariffs](Request& q) {
    auto page = svc->list(q.query, q.user());
    tariffs->mark_in_force(page.rows);
    return rows(std::move(page));
  });
  r.get("/car/gun/{id}", {.permission = "car:gun:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.put("/car/gun", {.permission = "car:gun:edit", .log_title = title, .op = Op::edit}, [svc](Request& q) {
    auto b = JsonBody::parse(q.body);
    svc->update(required_id(b, "id"), b.str("name", 50), q.user());
    return http::ok();
  });
  r.put("/car/gun/changeStatus", {.permission = "car:gun:status", .log_title = title, .op = Op::status},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.get("/car/gun/{id}/qr", {.permission = "car:gun:qr"}, [svc](Request& q) {
    int64_t id = q.id_param("id");
    return png(svc->qr(id, query_str(q.query, "template").value_or(""), q.user()),
               "gun-" + std::to_string(id) + ".png");
  });
  r.post("/car/gun/qrExport",
         {.permission = "car:gun:export", .log_title = title + "-二维码导出", .op = Op::other},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body.empty() ? "{}" : q.body);
           return http::ok(job_data(svc->qr_export(filters_of(b), q.user())));
         });
}

void register_asset_routes(http::Router& r, svcns::CarContext ctx) {
  station::register_area_routes(r, ctx.db, ctx.clock, db::station::StationType::car, "/car/area", "car:area",
                                "区域管理");
  register_spot(r, ctx);
  register_camera(r, ctx);
  register_pile(r, ctx);
  register_gun(r, ctx);
}

}  // namespace zc::api::car
