// /car/station (CAR-ST; CAR-ST-INV and CAR-ST-PAY are the shared station configuration routes) and
// /car/privateApply (CAR-ST-PRIV, staff side).
#include "api/admin/car/common.hpp"
#include "service/car/station_service.hpp"

namespace zc::api::car {

using http::Op;
using http::Request;
using zc::car::StationInput;
using zc::car::StationService;

static StationInput station_input(const JsonBody& b, bool create) {
  StationInput in;
  if (create) {
    in.property_id = b.opt_i64("propertyId");
    in.provider_id = b.opt_i64("providerId");
  } else {
    in.id = required_id(b, "id");
  }
  auto& f = in.f;
  f.name = b.str("name", 50);
  f.operation_type = int_or(b, "operationType", 1);
  f.contact = text(b, "contact", 30);
  f.contact_phone = text(b, "contactPhone", 20);
  f.intro = text(b, "intro", 500, TextKind::multiline);
  f.hotline = text(b, "hotline", 20);
  f.opening_hours = text(b, "openingHours", 11);
  f.max_power = int_or(b, "maxPower", 0);
  f.capacity_load = int_or(b, "capacityLoad", 0);
  f.province = text(b, "province", 50);
  f.city = text(b, "city", 50);
  f.district = text(b, "district", 50);
  f.address = text(b, "address", 200);
  f.longitude = opt_micro_degrees(b, "longitude");
  f.latitude = opt_micro_degrees(b, "latitude");
  f.timezone = text(b, "timezone", 64);
  return in;
}

void register_station_routes(http::Router& r, zc::car::CarContext ctx) {
  auto svc = std::make_shared<StationService>(ctx);
  const std::string title = "汽车电站";
  r.get("/car/station/list", {.permission = "car:station:list"},
        [svc](Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get("/car/station/options", {}, [svc](Request& q) {
    return http::ok(svc->options(query_int(q.query, "propertyId"),
                                 query_int(q.query, "enabledOnly").value_or(0) == 1, q.user()));
  });
  r.get("/car/station/{id}", {.permission = "car:station:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.post("/car/station", {.permission = "car:station:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           return http::ok(id_data(svc->create(station_input(b, true), q.user())));
         });
  r.put("/car/station", {.permission = "car:station:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->update(station_input(b, false), q.user());
          return http::ok();
        });
  r.put("/car/station/audit", {.permission = "car:station:audit", .log_title = title, .op = Op::audit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->audit(required_id(b, "id"), b.i64("auditStatus"),
                     text(b, "auditRemark", 200, TextKind::multiline), q.user());
          return http::ok();
        });
  r.put("/car/station/changeStatus",
        {.permission = "car:station:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  station::register_station_config_routes(r, ctx.db, ctx.clock, db::station::StationType::car, "/car/station",
                                          "car:station", title);
  r.get("/car/station/{id}/privateApplyQr", {.permission = "car:station:query"}, [svc](Request& q) {
    int64_t id = q.id_param("id");
    return png(svc->private_apply_qr(id, query_str(q.query, "template").value_or(""), q.user()),
               "private-apply-" + std::to_string(id) + ".png");
  });

  // Staff side of the private-pile applications.
  r.get("/car/privateApply/list", {.permission = "car:privateApply:list"},
        [svc](Request& q) { return rows(svc->private_applies(q.query, q.user())); });
  r.put("/car/privateApply/handle",
        {.permission = "car:privateApply:handle", .log_title = "私桩申请", .op = Op::audit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->handle_private_apply(required_id(b, "id"), b.i64("status"),
                                    text(b, "remark", 200, TextKind::multiline), q.user());
          return http::ok();
        });
}

}  // namespace zc::api::car
