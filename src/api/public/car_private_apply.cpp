// Public (no sign-in) private-pile application form (CAR-ST-PRIV): the admin web's mobile page
// /m/private-apply?stationId=N reads the station and submits the application.
#include "api/admin/car/common.hpp"
#include "api/admin/car/register.hpp"
#include "service/car/station_service.hpp"

namespace zc::api {

using http::Request;

void register_car_public_routes(http::Router& r, zc::car::CarContext ctx) {
  auto svc = std::make_shared<zc::car::StationService>(ctx);
  r.get("/public/car/privateApply/{stationId}", {.is_public = true},
        [svc](Request& q) { return http::ok(svc->public_station(q.id_param("stationId"))); });
  r.post("/public/car/privateApply", {.is_public = true}, [svc](Request& q) {
    auto b = JsonBody::parse(q.body);
    zc::car::PrivateApplyInput in;
    in.station_id = system::required_id(b, "stationId");
    in.name = b.str("name", 30);
    in.phone = b.str("phone", 20);
    in.plate = system::text(b, "plate", 10);
    in.community = system::text(b, "community", 50);
    in.parking_spot = system::text(b, "parkingSpot", 30);
    in.remark = system::text(b, "remark", 200, TextKind::multiline);
    in.ip = q.remote_ip;
    return http::ok(system::id_data(svc->submit_private_apply(in)));
  });
}

}  // namespace zc::api
