#include "api/driver/parking_routes.hpp"

#include "api/driver/app_auth.hpp"
#include "api/driver/register.hpp"
#include "core/json_body.hpp"
#include "http/envelope.hpp"

namespace zc::api::driver {

using http::Request;

void register_parking_routes(http::Router& r, db::Database& db, parking::ParkingService& parking) {
  r.get("/app/stations/car/{id}/spots", app_route(), [&db, &parking](Request& q) {
    int64_t me = bearer_token(q).empty() ? 0 : require_app_user(db, q).id;
    return http::ok(parking.spots(q.id_param("id"), me));
  });
  r.post("/app/reservations", app_route(), [&db, &parking](Request& q) {
    auto me = require_app_user(db, q);
    return http::ok(parking.reserve(me.id, JsonBody::parse(q.body).i64("spotId")), "预约成功");
  });
  r.post("/app/reservations/{id}/cancel", app_route(), [&db, &parking](Request& q) {
    auto me = require_app_user(db, q);
    parking.cancel(me.id, q.id_param("id"));
    return http::ok();
  });
  r.get("/app/reservations", app_route(), [&db, &parking](Request& q) {
    auto me = require_app_user(db, q);
    return http::ok(parking.reservations_of(me.id));
  });
  r.get("/app/occupancies", app_route(), [&db, &parking](Request& q) {
    auto me = require_app_user(db, q);
    return http::ok(parking.occupancies_of(me.id));
  });
  r.post("/app/occupancies/{id}/pay", app_route(), [&db, &parking](Request& q) {
    auto me = require_app_user(db, q);
    return http::ok(parking.pay_occupancy(me.id, q.id_param("id")));
  });
}

}  // namespace zc::api::driver
