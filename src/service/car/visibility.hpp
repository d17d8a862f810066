#pragma once
// CarVisibility — the one query the driver-app API uses for what the app may show (CAR-ST-STATUS,
// CAR-AREA, CAR-PILE, CAR-GUN enable/disable effects):
//   - stations: approved (auditStatus 1) and enabled, under an enabled provider and property; others are
//     hidden entirely;
//   - areas: enabled areas of those stations; a disabled area hides its piles;
//   - piles: every pile of a shown area; a disabled pile is shown as stopped (stopped = true);
//   - guns: every gun of a shown pile; available = gun enabled and pile enabled (a disabled gun or a gun
//     of a stopped pile is unavailable).
// Parking spots (disabled = cannot be reserved) and tariffs are read by the reservation and charging
// services directly.
#include <boost/json/array.hpp>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace zc::car {

struct AppGunView {
  int64_t id = 0;
  std::string code;
  int64_t gun_no = 0;
  std::string state;
  bool available = false;
};
struct AppPileView {
  int64_t id = 0;
  std::string code, name;
  bool stopped = false;
  std::vector<AppGunView> guns;
};
struct AppAreaView {
  int64_t id = 0;
  std::string name;
  std::vector<AppPileView> piles;
};
struct AppStationView {
  int64_t id = 0;
  std::string name, address;
  std::vector<AppAreaView> areas;
};

class CarVisibility {
 public:
  explicit CarVisibility(db::Database& db) : db_(db) {}
  // The visible stations (or the one station, empty when hidden) with what the app may show of them.
  std::vector<AppStationView> stations(std::optional<int64_t> station_id = std::nullopt);
  static boost::json::array to_json(const std::vector<AppStationView>& stations);

 private:
  db::Database& db_;
};

}  // namespace zc::car
