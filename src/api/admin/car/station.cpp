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
  auto in = station::station_input_ids<StationInput>(b, create);
  auto& f = in.f;
  station::common_station_input(b, f);
  f.contact = text(b, "contact", 30);
  f.contact_phone = text(b, "contactPhone", 20);
  f.intro = text(b, "intro", 500, TextKind::multiline);
  f.hotline = text(b, "hotline", 20);
  f.max_power = int_or(b, "maxPower", 0);
  f.capacity_load = int_or(b, "capacityLoad", 0);
  return in;
}

void register_station_routes(http::Router& r, zc::car::CarContext ctx) {
  auto svc = std::make_shared<StationService>(ctx);
  const std::string title = "汽车电站";
  station::register_station_lifecycle_routes(r, ctx.db, ctx.clock, db::station::StationType::car,
                                             "/car/station", "car:station", title);
  station::register_station_rows(r, svc, "/car/station", "car:station", title, station_input);
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
