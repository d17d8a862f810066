#include "api/admin/order/reservation_routes.hpp"

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "http/envelope.hpp"

namespace zc::api {

using http::Op;
using http::Request;
using parking::Direction;
using parking::PlateColor;

void register_reservation_routes(http::Router& r, parking::ParkingService& parking) {
  r.get("/order/reservation/list", {.permission = "order:reservation:list"}, [&parking](Request& q) {
    auto page = parking.list(q.query, q.user());
    return http::ok_rows(std::move(page.rows), page.total);
  });
  r.get("/order/reservation/{id}", {.permission = "order:reservation:query"},
        [&parking](Request& q) { return http::ok(parking.detail(q.id_param("id"), q.user())); });
  r.put("/order/reservation/{id}/end",
        {.permission = "order:reservation:end", .log_title = "预约订单", .op = Op::edit},
        [&parking](Request& q) {
          parking.end(q.id_param("id"), q.user());
          return http::ok();
        });
}

static PlateColor color_of(const std::string& c) {
  if (c == "green") return PlateColor::green;
  if (c == "blue") return PlateColor::blue;
  if (c == "yellow") return PlateColor::yellow;
  if (c == "white") return PlateColor::white;
  if (c == "black") return PlateColor::black;
  if (c.empty() || c == "unknown") return PlateColor::unknown;
  fail_bad_request("color: 只能是green、blue、yellow、white、black或unknown");
}

static devices::LockSide side_of(const std::string& s) {
  if (s == "left") return devices::LockSide::left;
  if (s == "right") return devices::LockSide::right;
  fail_bad_request("side: 只能是left或right");
}

void register_parking_test_routes(http::Router& r, parking::ParkingService& parking) {
  // A plate as the camera gateway reports it: {cameraId, side} or {spotId}, plate, color, direction
  // (entering | leaving) → the rules' decision {open, reason}.
  r.post("/test/parking/plate", {}, [&parking](Request& q) {
    auto b = JsonBody::parse(q.body);
    std::string dir = b.str("direction", 10);
    if (dir != "entering" && dir != "leaving") fail_bad_request("direction: 只能是entering或leaving");
    auto color = color_of(b.opt_str("color", 10).value_or(""));
    std::string plate = b.opt_str("plate", 16).value_or("");
    Direction d = dir == "entering" ? Direction::entering : Direction::leaving;
    parking::PlateDecision out;
    if (auto spot = b.opt_i64("spotId")) {
      out = parking.plate_at_spot(*spot, plate, color, d, b.opt_i64("atMs").value_or(parking.now()));
    } else {
      devices::camera::PlateEvent e;
      e.camera_id = b.i64("cameraId");
      e.side = side_of(b.str("side", 5));
      e.plate = plate;
      e.color = color;
      e.direction = d;
      if (auto at = b.opt_i64("atMs")) {  // as an offline resend: the camera's own time stamp
        e.offline = true;
        e.at_ms = *at;
      }
      out = parking.on_plate(e);
    }
    return http::ok(boost::json::object{{"open", out.open}, {"reason", out.reason}});
  });
  // A lock state as a camera reports it: {cameraId, side, arm: raised|lowered|moving, carPresent?, battery?,
  // alarm?}.
  r.post("/test/parking/lockState", {}, [&parking](Request& q) {
    auto b = JsonBody::parse(q.body);
    using Arm = devices::camera::LockState::Arm;
    devices::camera::LockState st;
    std::string arm = b.str("arm", 10);
    st.arm = arm == "raised"    ? Arm::raised
             : arm == "lowered" ? Arm::lowered
             : arm == "moving"  ? Arm::moving
                                : Arm::unknown;
    if (auto p = b.opt_i64("carPresent")) st.car_present = *p != 0;
    if (auto p = b.opt_i64("battery")) st.battery_percent = static_cast<int>(*p);
    st.alarm = b.opt_str("alarm", 20).value_or("");
    parking.on_lock_state(b.i64("cameraId"), side_of(b.str("side", 5)), st);
    return http::ok();
  });
  // The reservation timeout sweep, now (the business clock: move it with /test/clock first).
  r.post("/test/parking/sweep", {}, [&parking](Request&) {
    return http::ok(boost::json::object{{"timedOut", parking.sweep(parking.now())}});
  });
}

}  // namespace zc::api
