#pragma once
// SQL of what a car station holds besides its areas (station_area.hpp): parking spots (CAR-SPOT), cameras
// (CAR-CAM), piles (CAR-PILE) and guns (CAR-GUN).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/station_area.hpp"
#include "storage/repositories/station_child.hpp"

namespace zc::db::car {

// Areas (CAR-AREA) are the shared station areas (station_area.hpp, type car).
using station::AreaRec;
using station::Owned;

struct SpotRec {
  int64_t id = 0, station_id = 0, area_id = 0;
  std::string code, name;
  int64_t lock_type = 0, status = 0, camera_id = 0;
};

// A spot of an area's select.
struct SpotOption {
  int64_t id = 0;
  std::optional<std::string> code;
  std::string name;
  std::optional<int64_t> camera_id;
  int64_t status = 0;
};
BOOST_DESCRIBE_STRUCT(SpotOption, (), (id, code, name, camera_id, status))

class SpotRepo : public station::ChildRows {
 public:
  explicit SpotRepo(Connection& c);
  std::optional<SpotRec> find(int64_t id);
  std::vector<SpotOption> options(int64_t area_id, const DataScope& scope);
  int64_t next_seq(int64_t area_id);
  int64_t insert(const Owned& o, int64_t area_id, int64_t seq, const std::string& name, int64_t lock_type,
                 const std::string& by, int64_t now);
  void update(int64_t id, const std::string& name, int64_t lock_type, const std::string& by, int64_t now);
  void set_lock_state(int64_t id, const std::string& state);
  void set_gun(int64_t id, std::optional<int64_t> gun_id);
  // Camera binding: spot.camera_id mirrors the camera's left/right spot.
  void clear_camera(int64_t camera_id);
  void set_camera(int64_t spot_id, int64_t camera_id);
};

struct CameraFields {
  std::string factory_no, ip, name, sim;
  int64_t left_spot_id = 0, right_spot_id = 0;  // 0 = none
};

struct CameraRec {
  int64_t id = 0, station_id = 0, area_id = 0;
  std::string code, factory_no;
  int64_t status = 0, left_spot_id = 0, right_spot_id = 0;
};

class CameraRepo : public station::DeviceRows {
 public:
  explicit CameraRepo(Connection& c);
  std::optional<CameraRec> find(int64_t id);
  int64_t insert(const Owned& o, int64_t area_id, const CameraFields& f, const std::string& by, int64_t now);
  void update(int64_t id, const CameraFields& f, const std::string& by, int64_t now);
};

struct PileFields {
  std::string factory_no, name, model, version, sim;
  int64_t gun_count = 1, operation_type = 1;
  // 占位收费 (docs/parking.md): fen per started period after the free minutes, at most the cap (0 = none).
  int64_t occupancy_fee = 0, occupancy_free_min = 0, occupancy_period_min = 60, occupancy_cap = 0;
  bool reservable = false;
  int64_t output_current = 0, output_power = 0, output_voltage = 0;
  std::string current_type = "DC";
  int64_t charging_type = 1, speed = 2, install_method = 1;
  std::string protection_class = "IP54";
  int64_t comm_method = 1;
  std::string protocol = "ykc";
};

struct PileRec {
  int64_t id = 0, station_id = 0, area_id = 0, provider_id = 0, property_id = 0;
  std::string code, factory_no, name;
  int64_t gun_count = 0, status = 0;
};

class PileRepo : public station::DeviceRows {
 public:
  explicit PileRepo(Connection& c);
  std::optional<PileRec> find(int64_t id);
  // Inserts with code NULL; set_code() follows.
  int64_t insert(const Owned& o, int64_t area_id, const PileFields& f, const std::string& by, int64_t now);
  void update(int64_t id, const PileFields& f, const std::string& by, int64_t now);
};

struct GunRec {
  int64_t id = 0, pile_id = 0, gun_no = 0;
  std::string code, state;
  int64_t status = 0;
};

class GunRepo : public station::ChildRows {
 public:
  explicit GunRepo(Connection& c);
  boost::json::array of_pile(int64_t pile_id);
  std::vector<GunRec> recs_of_pile(int64_t pile_id);
  std::optional<GunRec> find(int64_t id);
  std::optional<int64_t> station_of(int64_t id);
  void insert(const Owned& o, int64_t area_id, int64_t pile_id, int64_t gun_no, const std::string& code,
              const std::string& name, const std::string& by, int64_t now);
  void remove(int64_t id);
  void update(int64_t id, const std::string& name, const std::string& by, int64_t now);
};

}  // namespace zc::db::car
