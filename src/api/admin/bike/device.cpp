// /bike/device (BIKE-DEV) and /bike/socket (BIKE-SOCK).
#include "api/admin/bike/register.hpp"
#include "api/admin/station/common.hpp"
#include "service/bike/device_service.hpp"
#include "service/bike/tariff_service.hpp"

namespace zc::api::bike {

using http::Op;
using http::Request;
using namespace api::station;

static zc::bike::DeviceInput device_input(const JsonBody& b, bool create) {
  zc::bike::DeviceInput in;
  if (create) {
    in.station_id = required_id(b, "stationId");
    in.area_id = required_id(b, "areaId");
  } else {
    in.id = required_id(b, "id");
  }
  in.code = b.opt_str("code", 12);
  auto& f = in.f;
  f.factory_no = b.str("factoryNo", 32);
  f.name = b.str("name", 50);
  f.device_type = int_or(b, "deviceType", 1);
  f.location = text(b, "location", 100);
  f.rated_power = int_or(b, "ratedPower", 0);
  f.rated_voltage = int_or(b, "ratedVoltage", 0);
  f.rated_current = int_or(b, "ratedCurrent", 0);
  f.current_upper_limit = int_or(b, "currentUpperLimit", 0);
  f.current_lower_limit = int_or(b, "currentLowerLimit", 0);
  f.socket_count = b.i64("socketCount");
  f.production_date = text(b, "productionDate", 10);
  f.deployment_date = text(b, "deploymentDate", 10);
  f.protocol = b.opt_str("protocol", 10).value_or("ocpp16");
  return in;
}

static void register_device(http::Router& r, zc::bike::BikeContext ctx) {
  auto svc = std::make_shared<zc::bike::DeviceService>(ctx);
  auto tariffs = std::make_shared<zc::bike::TariffService>(ctx);
  const std::string title = "单车设备";
  // rows and detail marked tariffInForce (a device whose area has no tariff in force cannot charge)
  r.get("/bike/device/list", {.permission = "bike:device:list"}, [svc, tariffs](Request& q) {
    auto page = svc->list(q.query, q.user());
    tariffs->mark_in_force(page.rows);
    return rows(std::move(page));
  });
  r.get("/bike/device/{id}", {.permission = "bike:device:query"}, [svc, tariffs](Request& q) {
    auto row = svc->get(q.id_param("id"), q.user());
    tariffs->mark_in_force(row);
    return http::ok(std::move(row));
  });
  r.post("/bike/device", {.permission = "bike:device:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           return http::ok(id_data(svc->create(device_input(b, true), q.user())));
         });
  r.put("/bike/device", {.permission = "bike:device:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->update(device_input(b, false), q.user());
          return http::ok();
        });
  r.put("/bike/device/changeStatus",
        {.permission = "bike:device:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.del("/bike/device/{ids}", {.permission = "bike:device:remove", .log_title = title, .op = Op::remove},
        [svc](Request& q) {
          svc->remove(q.id_list_param("ids"), q.user());
          return http::ok();
        });
  r.post("/bike/device/{id}/command",
         {.permission = "bike:device:command", .log_title = title + "-设备指令", .op = Op::other},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           return http::ok(svc->command(q.id_param("id"), b.str("command", 20), q.user()));
         });
  r.get("/bike/device/{id}/qr", {.permission = "bike:device:qr"}, [svc](Request& q) {
    int64_t id = q.id_param("id");
    return png(svc->qr(id, query_str(q.query, "template").value_or(""), q.user()),
               "bike-device-" + std::to_string(id) + ".png");
  });
  r.post("/bike/device/qrExport",
         {.permission = "bike:device:export", .log_title = title + "-二维码导出", .op = Op::other},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body.empty() ? "{}" : q.body);
           return http::ok(job_data(svc->qr_export(filters_of(b), q.user())));
         });
}

static void register_socket(http::Router& r, zc::bike::BikeContext ctx) {
  auto svc = std::make_shared<zc::bike::SocketService>(ctx);
  auto tariffs = std::make_shared<zc::bike::TariffService>(ctx);
  const std::string title = "插座管理";
  r.get("/bike/socket/list", {.permission = "bike:socket:list"}, [svc, tariffs](Request& q) {
    auto page = svc->list(q.query, q.user());
    tariffs->mark_in_force(page.rows);
    return rows(std::move(page));
  });
  r.get("/bike/socket/{id}", {.permission = "bike:socket:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.put("/bike/socket", {.permission = "bike:socket:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->update(required_id(b, "id"), b.str("name", 50), q.user());
          return http::ok();
        });
  r.put("/bike/socket/changeStatus",
        {.permission = "bike:socket:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.get("/bike/socket/{id}/qr", {.permission = "bike:socket:qr"}, [svc](Request& q) {
    int64_t id = q.id_param("id");
    return png(svc->qr(id, query_str(q.query, "template").value_or(""), q.user()),
               "bike-socket-" + std::to_string(id) + ".png");
  });
  r.post("/bike/socket/qrExport",
         {.permission = "bike:socket:export", .log_title = title + "-二维码导出", .op = Op::other},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body.empty() ? "{}" : q.body);
           return http::ok(job_data(svc->qr_export(filters_of(b), q.user())));
         });
}

void register_device_routes(http::Router& r, zc::bike::BikeContext ctx) {
  register_device(r, ctx);
  register_socket(r, ctx);
}

}  // namespace zc::api::bike
