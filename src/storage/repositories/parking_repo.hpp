#pragma once
// SQL of the parking rules (issue 17, migration 0026): a spot's lock state and who controls the lock,
// the spot seen from a camera side, and the occupancy of a stay (parking_occupancy).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/principal.hpp"
#include "storage/database.hpp"

namespace zc::db::parking {

// A bound id or time where 0 stands for NULL (GCC's -Wmaybe-uninitialized misfires on a NULL Value built
// inline in a parameter list).
#define ZC_SQL_NULL_IF_ZERO "NULLIF(CAST(? AS BIGINT), 0)"

// A spot as the rules see it: its owner, its lock's controller and the pile whose gun charges there.
struct SpotInfo {
  int64_t id = 0, station_id = 0, area_id = 0, provider_id = 0, property_id = 0;
  std::string code, name;
  int64_t status = 0, lock_type = 0;
  int64_t camera_id = 0;  // the camera that has the spot on one side (lock_type 2)
  std::string camera_code;
  int64_t camera_status = 0;
  bool camera_left = false;
  int64_t lock_pile_id = 0, lock_gun_no = 0;  // a YKC pile gun's lock
  std::string lock_pile_code;
  int64_t gun_id = 0, pile_id = 0;  // the gun charging there (spot.gun_id, else the lock's gun)
  int64_t free_min = 0, price_fen = 0, period_min = 60, cap_fen = 0;  // that pile's 占位收费
  bool reservable = false;  // that pile allows reservation (no pile: any pile of the station does)
};

struct LockRecord {
  std::string state;  // open | closed | moving | unknown
  std::optional<bool> car_present;
  std::optional<int64_t> battery;
  std::string alarm;
};

struct OccupancyRec {
  int64_t id = 0, spot_id = 0, station_id = 0, gun_id = 0, reservation_id = 0, user_id = 0;
  std::string order_no, plate, rule, state, pay_status;
  int64_t entered_at = 0, fee = 0, pay_order_id = 0, provider_id = 0, property_id = 0;
};

struct OccupancyEnd {
  int64_t left_at = 0, charge_s = 0, occupancy_s = 0, fee = 0;
  std::string detail;
  std::optional<int64_t> charge_order_id;
};

class ParkingRepo {
 public:
  explicit ParkingRepo(Connection& c) : c_(c) {}
  std::optional<SpotInfo> spot(int64_t spot_id);
  // The spot on `left` / right side of the camera; nullopt when that side has none. camera_status is the
  // camera's even then (0 = enabled): `camera_found` tells whether the camera exists.
  std::optional<SpotInfo> spot_of_camera(int64_t camera_id, bool left, bool& camera_found,
                                         int64_t& camera_status);
  // The enabled cameras of a car station: id and factory no.
  std::vector<std::pair<int64_t, std::string>> cameras_of_station(int64_t station_id);
  void record_lock(int64_t spot_id, const LockRecord& l, int64_t now);
  // Only the arm (a command's effect assumed when accepted; the lock's next report corrects it).
  void record_arm(int64_t spot_id, const std::string& state, int64_t now);

  // Plates: the drivers (app users) whose plate it is, verified first.
  std::optional<int64_t> driver_of_plate(const std::string& plate);
  std::vector<std::string> plates_of(int64_t user_id);
  bool verified(int64_t user_id);

  std::optional<OccupancyRec> parked(int64_t spot_id);
  std::optional<OccupancyRec> occupancy(int64_t id);
  int64_t start_occupancy(const SpotInfo& s, const std::string& order_no, const std::string& plate,
                          const std::string& rule, std::optional<int64_t> user_id,
                          std::optional<int64_t> reservation_id, int64_t at);
  // Charging intervals (ms) of the gun's orders that overlap [from, to); an order still charging runs to
  // `to`.
  std::vector<std::pair<int64_t, int64_t>> charging_on_gun(int64_t gun_id, int64_t from, int64_t to);
  std::optional<int64_t> last_order_on_gun(int64_t gun_id, int64_t from, int64_t to);
  // Ends a parked stay; false when it was already ended.
  bool end_occupancy(int64_t id, const OccupancyEnd& e);
  void add_order_occupancy_fee(int64_t charge_order_id, int64_t fee);
  void set_pay_order(int64_t occupancy_id, int64_t pay_order_id);
  bool mark_paid(int64_t occupancy_id, int64_t pay_order_id, int64_t at);
  boost::json::array occupancies_of_user(int64_t user_id, int64_t limit);
  boost::json::array occupancies_of_reservation(int64_t reservation_id);
  // Money check of the test routes: the pay order of an occupancy order_type.
  std::optional<int64_t> occupancy_of_pay_order(int64_t pay_order_id);

 private:
  Connection& c_;
};

}  // namespace zc::db::parking
