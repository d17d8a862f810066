#include "storage/repositories/parking_repo.hpp"

namespace zc::db::parking {

namespace json = boost::json;

// The spot with its camera, its lock's pile and the pile of the gun that charges there.
static const char* kSpotSql =
    "SELECT s.id, s.station_id, s.area_id, s.provider_id, s.property_id, COALESCE(s.code, ''), s.name, "
    "s.status, s.lock_type, COALESCE(cam.id, 0), COALESCE(cam.factory_no, ''), COALESCE(cam.status, 0), "
    "CASE WHEN cam.left_spot_id = s.id THEN 1 ELSE 0 END, COALESCE(s.lock_pile_id, 0), "
    "COALESCE(s.lock_gun_no, 0), COALESCE(lp.code, ''), COALESCE(g.id, 0), COALESCE(p.id, 0), "
    "COALESCE(p.occupancy_free_min, 0), COALESCE(p.occupancy_fee, 0), COALESCE(p.occupancy_period_min, 60), "
    "COALESCE(p.occupancy_cap, 0), CASE WHEN p.id IS NOT NULL THEN p.reservable WHEN EXISTS (SELECT 1 FROM "
    "car_pile rp WHERE rp.station_id = s.station_id AND rp.reservable = 1) THEN 1 ELSE 0 END "
    "FROM car_spot s LEFT JOIN car_camera cam ON cam.id = s.camera_id "
    "LEFT JOIN car_pile lp ON lp.id = s.lock_pile_id "
    "LEFT JOIN car_gun g ON g.id = COALESCE(s.gun_id, (SELECT lg.id FROM car_gun lg WHERE lg.pile_id = "
    "s.lock_pile_id AND lg.gun_no = s.lock_gun_no)) "
    "LEFT JOIN car_pile p ON p.id = g.pile_id WHERE s.id = ?";

static SpotInfo spot_row(const Result& r) {
  SpotInfo s;
  s.id = r.i64(0, 0);
  s.station_id = r.i64(0, 1);
  s.area_id = r.i64(0, 2);
  s.provider_id = r.i64(0, 3);
  s.property_id = r.i64(0, 4);
  s.code = r.str(0, 5);
  s.name = r.str(0, 6);
  s.status = r.i64(0, 7);
  s.lock_type = r.i64(0, 8);
  s.camera_id = r.i64(0, 9);
  s.camera_code = r.str(0, 10);
  s.camera_status = r.i64(0, 11);
  s.camera_left = r.i64(0, 12) == 1;
  s.lock_pile_id = r.i64(0, 13);
  s.lock_gun_no = r.i64(0, 14);
  s.lock_pile_code = r.str(0, 15);
  s.gun_id = r.i64(0, 16);
  s.pile_id = r.i64(0, 17);
  s.free_min = r.i64(0, 18);
  s.price_fen = r.i64(0, 19);
  s.period_min = r.i64(0, 20);
  s.cap_fen = r.i64(0, 21);
  s.reservable = r.i64(0, 22) == 1;
  return s;
}

std::optional<SpotInfo> ParkingRepo::spot(int64_t spot_id) {
  Result r = c_.query(kSpotSql, {spot_id});
  if (r.empty()) return std::nullopt;
  return spot_row(r);
}

std::optional<SpotInfo> ParkingRepo::spot_of_camera(int64_t camera_id, bool left, bool& camera_found,
                                                    int64_t& camera_status) {
  Result r = c_.query(
      "SELECT status, COALESCE(left_spot_id, 0), COALESCE(right_spot_id, 0) FROM car_camera "
      "WHERE id = ?",
      {camera_id});
  camera_found = !r.empty();
  if (r.empty()) return std::nullopt;
  camera_status = r.i64(0, 0);
  int64_t spot_id = r.i64(0, left ? 1 : 2);
  if (!spot_id) return std::nullopt;
  return spot(spot_id);
}

std::vector<std::pair<int64_t, std::string>> ParkingRepo::cameras_of_station(int64_t station_id) {
  Result r = c_.query("SELECT id, factory_no FROM car_camera WHERE station_id = ? AND status = 0 ORDER BY id",
                      {station_id});
  std::vector<std::pair<int64_t, std::string>> out;
  for (size_t i = 0; i < r.size(); ++i) out.emplace_back(r.i64(i, 0), r.str(i, 1));
  return out;
}

void ParkingRepo::record_lock(int64_t spot_id, const LockRecord& l, int64_t now) {
  c_.execute(
      "UPDATE car_spot SET lock_state = ?, car_present = NULLIF(CAST(? AS BIGINT), -1), lock_battery = "
      "NULLIF(CAST(? AS BIGINT), -1), lock_alarm = ?, lock_updated_at = ? WHERE id = ?",
      {l.state, l.car_present ? int64_t{*l.car_present ? 1 : 0} : int64_t{-1}, l.battery.value_or(-1),
       l.alarm, now, spot_id});
}

void ParkingRepo::record_arm(int64_t spot_id, const std::string& state, int64_t now) {
  c_.execute("UPDATE car_spot SET lock_state = ?, lock_updated_at = ? WHERE id = ?", {state, now, spot_id});
}

std::optional<int64_t> ParkingRepo::driver_of_plate(const std::string& plate) {
  return c_.scalar(
      "SELECT u.id FROM app_plate p JOIN app_user u ON u.id = p.user_id WHERE p.plate = ? AND u.status = 0 "
      "ORDER BY u.verified DESC, p.id LIMIT 1",
      {plate});
}

std::vector<std::string> ParkingRepo::plates_of(int64_t user_id) {
  Result r = c_.query("SELECT plate FROM app_plate WHERE user_id = ? ORDER BY id", {user_id});
  std::vector<std::string> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.str(i, 0));
  return out;
}

bool ParkingRepo::verified(int64_t user_id) {
  return c_.scalar("SELECT verified FROM app_user WHERE id = ?", {user_id}).value_or(0) == 1;
}

static const char* kOccupancyCols =
    "id, spot_id, station_id, COALESCE(gun_id, 0), COALESCE(reservation_id, 0), COALESCE(user_id, 0), "
    "order_no, "
    "plate, rule, state, pay_status, entered_at, fee, COALESCE(pay_order_id, 0), provider_id, property_id";

static OccupancyRec occupancy_row(const Result& r) {
  return {r.i64(0, 0),  r.i64(0, 1),  r.i64(0, 2),  r.i64(0, 3), r.i64(0, 4),  r.i64(0, 5),
          r.str(0, 6),  r.str(0, 7),  r.str(0, 8),  r.str(0, 9), r.str(0, 10), r.i64(0, 11),
          r.i64(0, 12), r.i64(0, 13), r.i64(0, 14), r.i64(0, 15)};
}

std::optional<OccupancyRec> ParkingRepo::parked(int64_t spot_id) {
  Result r = c_.query(std::string("SELECT ") + kOccupancyCols +
                          " FROM parking_occupancy WHERE spot_id = ? AND state = 'parked'",
                      {spot_id});
  if (r.empty()) return std::nullopt;
  return occupancy_row(r);
}

std::optional<OccupancyRec> ParkingRepo::occupancy(int64_t id) {
  Result r = c_.query(std::string("SELECT ") + kOccupancyCols + " FROM parking_occupancy WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return occupancy_row(r);
}

int64_t ParkingRepo::start_occupancy(const SpotInfo& s, const std::string& order_no, const std::string& plate,
                                     const std::string& rule, std::optional<int64_t> user_id,
                                     std::optional<int64_t> reservation_id, int64_t at) {
  std::string phone;
  if (user_id)
    if (Result r = c_.query("SELECT phone FROM app_user WHERE id = ?", {*user_id}); !r.empty())
      phone = r.str(0, 0);
  return c_.insert(
      "INSERT INTO parking_occupancy (order_no, provider_id, property_id, station_id, spot_id, pile_id, "
      "gun_id, "
      "reservation_id, user_id, phone, plate, rule, state, entered_at, created_at, updated_at) VALUES (?, ?, "
      "?, ?, "
      "?, " ZC_SQL_NULL_IF_ZERO ", " ZC_SQL_NULL_IF_ZERO ", " ZC_SQL_NULL_IF_ZERO ", " ZC_SQL_NULL_IF_ZERO
      ", ?, ?, ?, 'parked', ?, ?, ?)",
      {order_no, s.provider_id, s.property_id, s.station_id, s.id, s.pile_id, s.gun_id,
       reservation_id.value_or(0), user_id.value_or(0), phone, plate, rule, at, at, at});
}

std::vector<std::pair<int64_t, int64_t>> ParkingRepo::charging_on_gun(int64_t gun_id, int64_t from,
                                                                      int64_t to) {
  Result r = c_.query(
      "SELECT start_at, COALESCE(end_at, ?) FROM car_charge_order WHERE gun_id = ? AND start_at IS NOT NULL "
      "AND start_at < ? AND (end_at IS NULL OR end_at > ?)",
      {to, gun_id, to, from});
  std::vector<std::pair<int64_t, int64_t>> out;
  for (size_t i = 0; i < r.size(); ++i) out.emplace_back(r.i64(i, 0), r.i64(i, 1));
  return out;
}

std::optional<int64_t> ParkingRepo::last_order_on_gun(int64_t gun_id, int64_t from, int64_t to) {
  return c_.scalar(
      "SELECT id FROM car_charge_order WHERE gun_id = ? AND start_at IS NOT NULL AND start_at < ? AND "
      "(end_at "
      "IS NULL OR end_at > ?) ORDER BY start_at DESC LIMIT 1",
      {gun_id, to, from});
}

bool ParkingRepo::end_occupancy(int64_t id, const OccupancyEnd& e) {
  return c_.execute(
             "UPDATE parking_occupancy SET state = 'ended', left_at = ?, charge_s = ?, occupancy_s = ?, fee "
             "= ?, "
             "billing_detail = ?, charge_order_id = " ZC_SQL_NULL_IF_ZERO
             ", pay_status = ?, updated_at = ? WHERE id = ? AND state "
             "= "
             "'parked'",
             {e.left_at, e.charge_s, e.occupancy_s, e.fee, e.detail, e.charge_order_id.value_or(0),
              std::string(e.fee > 0 ? "unpaid" : "none"), e.left_at, id}) == 1;
}

void ParkingRepo::add_order_occupancy_fee(int64_t charge_order_id, int64_t fee) {
  c_.execute("UPDATE car_charge_order SET occupancy_fee = occupancy_fee + ? WHERE id = ?",
             {fee, charge_order_id});
}

void ParkingRepo::set_pay_order(int64_t occupancy_id, int64_t pay_order_id) {
  c_.execute("UPDATE parking_occupancy SET pay_order_id = ? WHERE id = ?", {pay_order_id, occupancy_id});
}

bool ParkingRepo::mark_paid(int64_t occupancy_id, int64_t pay_order_id, int64_t at) {
  return c_.execute(
             "UPDATE parking_occupancy SET pay_status = 'paid', pay_order_id = ?, updated_at = ? WHERE id = "
             "? AND "
             "pay_status = 'unpaid'",
             {pay_order_id, at, occupancy_id}) == 1;
}

static const char* kOccupancyJson =
    "SELECT o.id AS \"id\", o.order_no AS \"orderNo\", o.station_id AS \"stationId\", st.name AS "
    "\"stationName\", o.spot_id AS \"spotId\", sp.name AS \"spotName\", o.plate AS \"plate\", o.rule AS "
    "\"rule\", o.state AS \"state\", o.entered_at AS \"enteredAt\", o.left_at AS \"leftAt\", o.charge_s AS "
    "\"chargeSeconds\", o.occupancy_s AS \"occupancySeconds\", o.fee AS \"fee\", o.billing_detail AS "
    "\"billingDetail\", o.charge_order_id AS \"chargeOrderId\", co.order_no AS \"chargeOrderNo\", "
    "o.pay_status AS \"payStatus\", o.reservation_id AS \"reservationId\" FROM parking_occupancy o "
    "LEFT JOIN car_station st ON st.id = o.station_id LEFT JOIN car_spot sp ON sp.id = o.spot_id "
    "LEFT JOIN car_charge_order co ON co.id = o.charge_order_id ";

json::array ParkingRepo::occupancies_of_user(int64_t user_id, int64_t limit) {
  return c_
      .query(std::string(kOccupancyJson) + "WHERE o.user_id = ? ORDER BY o.id DESC LIMIT ?", {user_id, limit})
      .to_json();
}

json::array ParkingRepo::occupancies_of_reservation(int64_t reservation_id) {
  return c_.query(std::string(kOccupancyJson) + "WHERE o.reservation_id = ? ORDER BY o.id", {reservation_id})
      .to_json();
}

std::optional<int64_t> ParkingRepo::occupancy_of_pay_order(int64_t pay_order_id) {
  return c_.scalar("SELECT charge_order_id FROM pay_order WHERE id = ? AND order_type = 'occupancy'",
                   {pay_order_id});
}

}  // namespace zc::db::parking
