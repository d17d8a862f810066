// Reservations (ORD-RSV, APP-6) and the occupancy fee's payment (docs/parking.md).
#include "core/error.hpp"
#include "service/order/order_common.hpp"
#include "service/parking/parking_service.hpp"
#include "storage/repositories/reservation_repo.hpp"

namespace zc::parking {

namespace json = boost::json;
using db::Connection;
using db::parking::ParkingRepo;
using db::parking::ReservationRepo;

json::array ParkingService::spots(int64_t station_id, int64_t user_id) {
  return d_.db.read([&](Connection& c) { return ReservationRepo(c).spots_of_station(station_id, user_id); });
}

json::object ParkingService::reserve(int64_t user_id, int64_t spot_id) {
  int64_t now = d_.clock.now();
  try {
    return d_.db.write([&](Connection& c) {
      ParkingRepo repo(c);
      ReservationRepo rsv(c);
      if (!repo.verified(user_id)) fail_conflict("仅认证车主可以预约车位，请先完成车主认证");
      auto plates = repo.plates_of(user_id);
      if (plates.empty()) fail_conflict("请先添加车牌");
      auto s = repo.spot(spot_id);
      if (!s) fail_not_found("车位不存在");
      if (s->status != 0) fail_conflict("该车位已停用，不能预约");
      if (!s->reservable) fail_conflict("该车位的电桩不支持预约");
      if (rsv.active_of_user(user_id)) fail_conflict("您已有进行中的预约");
      if (rsv.active_of_spot(spot_id)) fail_conflict("该车位已被预约");
      if (repo.parked(spot_id)) fail_conflict("该车位已被占用");
      std::string joined = ",";
      for (const auto& p : plates) joined += p + ",";
      std::string phone = c.query("SELECT phone FROM app_user WHERE id = ?", {user_id}).str(0, 0);
      std::string no = order::new_order_no('Y');
      int64_t expires = now + d_.cfg.parking.reservation_timeout_s * 1000;
      int64_t id = rsv.insert(*s, no, user_id, phone, joined, now, expires);
      return json::object{{"id", id}, {"reservationNo", no}, {"spotId", spot_id}, {"expiresAt", expires}};
    });
  } catch (const db::DatabaseError& e) {
    // Two requests at once: the partial unique indexes keep one active reservation per driver and spot.
    if (e.unique_violation()) fail_conflict("该车位已被预约或您已有进行中的预约");
    throw;
  }
}

void ParkingService::cancel(int64_t user_id, int64_t reservation_id) {
  d_.db.write([&](Connection& c) {
    ReservationRepo rsv(c);
    auto r = rsv.find(reservation_id);
    if (!r || r->user_id != user_id) fail_not_found("预约不存在");
    if (!rsv.finish(reservation_id, "'reserved'", "cancelled", "driver", "", d_.clock.now()))
      fail_conflict("只能取消预约中的预约");
  });
}

json::array ParkingService::reservations_of(int64_t user_id) {
  return d_.db.read([&](Connection& c) { return ReservationRepo(c).of_user(user_id, 50); });
}

json::array ParkingService::occupancies_of(int64_t user_id) {
  return d_.db.read([&](Connection& c) { return ParkingRepo(c).occupancies_of_user(user_id, 50); });
}

db::Page ParkingService::list(const QueryParams& q, const Principal& p) {
  return d_.db.read([&](Connection& c) { return ReservationRepo(c).list(q, p.scope); });
}

json::object ParkingService::detail(int64_t id, const Principal& p) {
  auto row = d_.db.read([&](Connection& c) { return ReservationRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found();
  return *row;
}

json::object ParkingService::pay_occupancy(int64_t user_id, int64_t occupancy_id) {
  auto o = d_.db.read([&](Connection& c) { return ParkingRepo(c).occupancy(occupancy_id); });
  if (!o || o->user_id != user_id) fail_not_found("占位订单不存在");
  if (o->pay_status != "unpaid") fail_conflict("该占位订单无需支付");
  payment::PrepayInput in;
  in.order_type = "occupancy";
  in.station_id = o->station_id;
  in.amount = o->fee;
  in.user_id = user_id;
  in.charge_order_id = o->id;
  in.description = "占位费 " + o->order_no;
  in.phone = d_.db.read(
      [&](Connection& c) { return c.query("SELECT phone FROM app_user WHERE id = ?", {user_id}).str(0, 0); });
  auto p = d_.payments.create_prepay(in);
  d_.db.write([&](Connection& c) { ParkingRepo(c).set_pay_order(o->id, p.id); });
  return json::object{
      {"payNo", p.pay_no}, {"cashierUrl", p.cashier_path}, {"amount", p.amount}, {"expiresAt", p.expires_at}};
}

// Paid: the whole amount is the fee (held → revenue at once), and the stay is paid.
void ParkingService::paid(const db::payment::PayOrder& p) {
  if (!p.charge_order_id) return;
  d_.payments.capture(p.id, p.amount);
  d_.db.write([&](Connection& c) { ParkingRepo(c).mark_paid(*p.charge_order_id, p.id, d_.clock.now()); });
}

}  // namespace zc::parking
