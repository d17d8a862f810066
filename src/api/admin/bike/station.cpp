// /bike/station (BIKE-ST incl. invoice/pay configuration) and /bike/area (BIKE-AREA).
#include "api/admin/bike/register.hpp"
#include "api/admin/station/common.hpp"
#include "service/bike/station_service.hpp"

namespace zc::api::bike {

using http::Op;
using http::Request;
using namespace api::station;
namespace json = boost::json;

static zc::bike::StationInput station_input(const JsonBody& b, bool create) {
  zc::bike::StationInput in;
  if (create) {
    in.property_id = b.opt_i64("propertyId");
    in.provider_id = b.opt_i64("providerId");
  } else {
    in.id = required_id(b, "id");
  }
  auto& f = in.f;
  f.name = b.str("name", 50);
  f.short_name = text(b, "shortName", 20);
  f.service_phone = text(b, "servicePhone", 20);
  f.operation_type = int_or(b, "operationType", 1);
  f.opening_hours = text(b, "openingHours", 11);
  f.province = text(b, "province", 50);
  f.city = text(b, "city", 50);
  f.district = text(b, "district", 50);
  f.address = text(b, "address", 200);
  f.longitude = opt_micro_degrees(b, "longitude");
  f.latitude = opt_micro_degrees(b, "latitude");
  f.timezone = text(b, "timezone", 64);
  return in;
}

static void register_station(http::Router& r, zc::bike::BikeContext ctx) {
  auto svc = std::make_shared<zc::bike::StationService>(ctx);
  const std::string title = "单车电站";
  r.get("/bike/station/list", {.permission = "bike:station:list"},
        [svc](Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get("/bike/station/options", {}, [svc](Request& q) {
    return http::ok(svc->options(query_int(q.query, "propertyId"),
                                 query_int(q.query, "enabledOnly").value_or(0) == 1, q.user()));
  });
  r.get("/bike/station/{id}", {.permission = "bike:station:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.post("/bike/station", {.permission = "bike:station:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           return http::ok(id_data(svc->create(station_input(b, true), q.user())));
         });
  r.put("/bike/station", {.permission = "bike:station:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->update(station_input(b, false), q.user());
          return http::ok();
        });
  r.put("/bike/station/audit", {.permission = "bike:station:audit", .log_title = title, .op = Op::audit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->audit(required_id(b, "id"), b.i64("auditStatus"),
                     text(b, "auditRemark", 200, TextKind::multiline), q.user());
          return http::ok();
        });
  r.put("/bike/station/changeStatus",
        {.permission = "bike:station:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  register_station_config_routes(r, ctx.db, ctx.clock, zc::bike::kBike, "/bike/station", "bike:station",
                                 title);
}

static void register_area(http::Router& r, zc::bike::BikeContext ctx) {
  auto svc = std::make_shared<zc::bike::AreaService>(ctx);
  const std::string title = "单车区域";
  r.get("/bike/area/list", {.permission = "bike:area:list"},
        [svc](Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get("/bike/area/options", {}, [svc](Request& q) {
    return http::ok(svc->options(query_int(q.query, "stationId"),
                                 query_int(q.query, "enabledOnly").value_or(0) == 1, q.user()));
  });
  r.get("/bike/area/{id}", {.permission = "bike:area:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.post("/bike/area", {.permission = "bike:area:add", .log_title = title, .op = Op::add}, [svc](Request& q) {
    auto b = JsonBody::parse(q.body);
    return http::ok(
        id_data(svc->create(required_id(b, "stationId"), b.str("name", 50), text(b, "phone", 20), q.user())));
  });
  r.put("/bike/area", {.permission = "bike:area:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->update(required_id(b, "id"), b.str("name", 50), text(b, "phone", 20), q.user());
          return http::ok();
        });
  r.put("/bike/area/changeStatus", {.permission = "bike:area:status", .log_title = title, .op = Op::status},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.del("/bike/area/{id}", {.permission = "bike:area:remove", .log_title = title, .op = Op::remove},
        [svc](Request& q) {
          svc->remove(q.id_param("id"), q.user());
          return http::ok();
        });
}

void register_station_routes(http::Router& r, zc::bike::BikeContext ctx) {
  register_station(r, ctx);
  register_area(r, ctx);
}

}  // namespace zc::api::bike
