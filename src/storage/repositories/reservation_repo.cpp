#include "storage/repositories/reservation_repo.hpp"

#include "storage/repositories/car_common.hpp"

namespace zc::db::parking {

namespace json = boost::json;

static const char* kCols =
    "id, station_id, spot_id, user_id, reservation_no, state, plates, created_at, expires_at";
static const char* kActive = "state IN ('reserved', 'occupying')";

static std::optional<ReservationRec> one(const Result& r) {
  if (r.empty()) return std::nullopt;
  return ReservationRec{r.i64(0, 0), r.i64(0, 1), r.i64(0, 2), r.i64(0, 3), r.str(0, 4),
                        r.str(0, 5), r.str(0, 6), r.i64(0, 7), r.i64(0, 8)};
}

int64_t ReservationRepo::insert(const SpotInfo& s, const std::string& no, int64_t user_id,
                                const std::string& phone, const std::string& plates, int64_t now,
                                int64_t expires_at) {
  return c_.insert(
      "INSERT INTO parking_reservation (reservation_no, provider_id, property_id, station_id, area_id, "
      "spot_id, pile_id, user_id, phone, plates, state, created_at, expires_at, updated_at) VALUES (?, ?, ?, "
      "?, ?, ?, " ZC_SQL_NULL_IF_ZERO ", ?, ?, ?, 'reserved', ?, ?, ?)",
      {no, s.provider_id, s.property_id, s.station_id, s.area_id, s.id, s.pile_id, user_id, phone, plates,
       now, expires_at, now});
}

std::optional<ReservationRec> ReservationRepo::find(int64_t id) {
  return one(c_.query(std::string("SELECT ") + kCols + " FROM parking_reservation WHERE id = ?", {id}));
}

std::optional<ReservationRec> ReservationRepo::find_in_scope(int64_t id, const DataScope& scope) {
  Where w;
  w.add("r.id = ?", {id});
  add_scope(w, car::child_scope("r"), scope);
  return one(
      c_.query(std::string("SELECT r.id, r.station_id, r.spot_id, r.user_id, r.reservation_no, r.state, "
                           "r.plates, r.created_at, r.expires_at FROM parking_reservation r") +
                   w.sql(),
               w.params));
}

std::optional<ReservationRec> ReservationRepo::active_of_user(int64_t user_id) {
  return one(
      c_.query(std::string("SELECT ") + kCols + " FROM parking_reservation WHERE user_id = ? AND " + kActive,
               {user_id}));
}

std::optional<ReservationRec> ReservationRepo::active_of_spot(int64_t spot_id) {
  return one(
      c_.query(std::string("SELECT ") + kCols + " FROM parking_reservation WHERE spot_id = ? AND " + kActive,
               {spot_id}));
}

std::optional<ReservationRec> ReservationRepo::reserved_at_station(int64_t station_id,
                                                                   const std::string& plate) {
  // plates is the driver's plates joined by ',' (each wrapped: ",A,B,") so one LIKE finds a whole plate.
  return one(
      c_.query(std::string("SELECT ") + kCols +
                   " FROM parking_reservation WHERE station_id = ? AND state = 'reserved' AND plates LIKE ? "
                   "ORDER BY id LIMIT 1",
               {station_id, "%," + plate + ",%"}));
}

void ReservationRepo::move_to_spot(int64_t id, const SpotInfo& s, int64_t now) {
  c_.execute("UPDATE parking_reservation SET spot_id = ?, area_id = ?, pile_id = " ZC_SQL_NULL_IF_ZERO
             ", updated_at = ? WHERE id = ?",
             {s.id, s.area_id, s.pile_id, now, id});
}

bool ReservationRepo::arrive(int64_t id, const std::string& plate, int64_t at, bool lock_opened) {
  return c_.execute(
             "UPDATE parking_reservation SET state = 'occupying', plate = ?, arrived_at = ?, lock_opened_at "
             "= " ZC_SQL_NULL_IF_ZERO ", updated_at = ? WHERE id = ? AND state = 'reserved'",
             {plate, at, lock_opened ? at : 0, at, id}) == 1;
}

bool ReservationRepo::finish(int64_t id, const char* from, const std::string& state,
                             const std::string& reason, const std::string& by, int64_t at) {
  return c_.execute(
             std::string("UPDATE parking_reservation SET state = ?, end_reason = ?, ended_by = ?, ended_at = "
                         "?, left_at = CASE WHEN ? = 'left' THEN ? ELSE left_at END, updated_at = ? WHERE "
                         "id = ? AND state IN (") +
                 from + ")",
             {state, reason, by, at, reason, at, at, id}) == 1;
}

void ReservationRepo::lock_closed(int64_t id, int64_t at) {
  c_.execute("UPDATE parking_reservation SET lock_closed_at = ? WHERE id = ?", {at, id});
}

std::vector<int64_t> ReservationRepo::time_out(int64_t now, int64_t limit) {
  Result r = c_.query(
      "SELECT id FROM parking_reservation WHERE state = 'reserved' AND expires_at <= ? ORDER BY expires_at "
      "LIMIT ?",
      {now, limit});
  std::vector<int64_t> out;
  for (size_t i = 0; i < r.size(); ++i) {
    int64_t id = r.i64(i, 0);
    if (finish(id, "'reserved'", "timed_out", "timeout", "system", now)) out.push_back(id);
  }
  return out;
}

static const char* kSelect =
    "r.id AS \"id\", r.reservation_no AS \"reservationNo\", r.station_id AS \"stationId\", st.name AS "
    "\"stationName\", r.area_id AS \"areaId\", r.spot_id AS \"spotId\", sp.code AS \"spotCode\", sp.name AS "
    "\"spotName\", r.pile_id AS \"pileId\", p.code AS \"pileCode\", r.user_id AS \"userId\", r.phone AS "
    "\"phone\", r.plate AS \"plate\", r.plates AS \"plates\", r.state AS \"state\", r.end_reason AS "
    "\"endReason\", r.ended_by AS \"endedBy\", r.created_at AS \"createTime\", r.expires_at AS "
    "\"expiresAt\", "
    "r.arrived_at AS \"arrivedAt\", r.left_at AS \"leftAt\", r.ended_at AS \"endTime\", r.lock_opened_at AS "
    "\"lockOpenedAt\", r.lock_closed_at AS \"lockClosedAt\", (SELECT COALESCE(SUM(o.occupancy_s), 0) FROM "
    "parking_occupancy o WHERE o.reservation_id = r.id) AS \"occupancySeconds\"";
static const char* kFrom =
    "parking_reservation r LEFT JOIN car_station st ON st.id = r.station_id LEFT JOIN car_spot sp ON sp.id = "
    "r.spot_id LEFT JOIN car_pile p ON p.id = r.pile_id";

Page ReservationRepo::list(const QueryParams& q, const DataScope& scope) {
  ListSpec s;
  s.select = kSelect;
  s.from = kFrom;
  s.filters = {{"stationId", "r.station_id", Match::equal, Kind::integer},
               {"reservationNo", "r.reservation_no", Match::equal, Kind::text},
               {"phone", "r.phone", Match::equal, Kind::text},
               {"plate", "(r.plate = ? OR r.plates LIKE '%,' || ? || ',%')", Match::custom, Kind::text},
               {"pileCode", "p.code", Match::equal, Kind::text},
               {"spotCode", "sp.code", Match::equal, Kind::text},
               {"state", "r.state", Match::equal, Kind::text},
               {"beginTime", "r.created_at", Match::at_least, Kind::integer},
               {"endTime", "r.created_at", Match::at_most, Kind::integer}};
  s.sortable = {{"id", "r.id"}, {"createTime", "r.created_at"}};
  s.default_order = "r.id DESC";
  s.scope = car::child_scope("r");
  return list_page(c_, s, q, scope);
}

std::optional<json::object> ReservationRepo::detail(int64_t id, const DataScope& scope) {
  Where w;
  w.add("r.id = ?", {id});
  add_scope(w, car::child_scope("r"), scope);
  Result r = c_.query(std::string("SELECT ") + kSelect + " FROM " + kFrom + w.sql(), w.params);
  if (r.empty()) return std::nullopt;
  json::object row = r.row_json(0);
  row["occupancies"] = ParkingRepo(c_).occupancies_of_reservation(id);
  // The charging orders of the reservation's stays (their gun, during the stay).
  row["chargeOrders"] =
      c_.query(
            "SELECT DISTINCT co.id AS \"id\", co.order_no AS \"orderNo\", co.state AS \"state\", co.start_at "
            "AS "
            "\"startTime\", co.end_at AS \"endTime\", co.energy AS \"energy\", co.charged AS \"charged\", "
            "co.occupancy_fee AS \"occupancyFee\" FROM parking_occupancy o JOIN car_charge_order co ON "
            "co.gun_id "
            "= o.gun_id AND co.start_at IS NOT NULL AND co.start_at < COALESCE(o.left_at, ?) AND (co.end_at "
            "IS "
            "NULL OR co.end_at > o.entered_at) WHERE o.reservation_id = ? ORDER BY co.id",
            {int64_t{9'000'000'000'000'000}, id})
          .to_json();
  return row;
}

json::array ReservationRepo::of_user(int64_t user_id, int64_t limit) {
  return c_
      .query(std::string("SELECT ") + kSelect + " FROM " + kFrom +
                 " WHERE r.user_id = ? ORDER BY r.id DESC LIMIT ?",
             {user_id, limit})
      .to_json();
}

json::array ReservationRepo::spots_of_station(int64_t station_id, int64_t user_id) {
  Result r = c_.query(
      "SELECT s.id AS \"id\", s.code AS \"code\", s.name AS \"name\", a.name AS \"areaName\", s.lock_type AS "
      "\"lockType\", s.lock_state AS \"lockState\", CASE WHEN s.status <> 0 THEN 'disabled' WHEN EXISTS "
      "(SELECT 1 "
      "FROM parking_reservation r WHERE r.spot_id = s.id AND r.state IN ('reserved', 'occupying')) THEN "
      "'reserved' WHEN s.car_present = 1 OR EXISTS (SELECT 1 FROM parking_occupancy o WHERE o.spot_id = s.id "
      "AND "
      "o.state = 'parked') THEN 'occupied' ELSE 'free' END AS \"state\", CASE WHEN EXISTS (SELECT 1 FROM "
      "parking_reservation r WHERE r.spot_id = s.id AND r.user_id = ? AND r.state IN ('reserved', "
      "'occupying')) "
      "THEN 1 ELSE 0 END AS \"mine\" FROM car_spot s JOIN car_area a ON a.id = s.area_id WHERE s.station_id "
      "= ? "
      "AND a.status = 0 ORDER BY a.id, s.seq",
      {user_id, station_id});
  return r.to_json();
}

}  // namespace zc::db::parking
