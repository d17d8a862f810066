#pragma once
// SQL of the parking cameras' capture records (car_capture, STAT-CAP; docs/camera.md) and of the camera
// identity the gateway checks on every request.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::car {

struct CameraLogin {
  int64_t id = 0, station_id = 0, area_id = 0, status = 0, left_spot_id = 0, right_spot_id = 0;
  std::string code, factory_no;
  std::optional<std::pair<std::string, std::string>> secret;  // (salt, hash)
};

struct CaptureRow {
  int64_t camera_id = 0;
  std::string side;
  int64_t spot_id = 0;
  std::string plate;
  int64_t color = 0, direction = 0, confidence = 0, record_id = 0;
  bool offline = false, manual = false;
  int64_t captured_at = 0, received_at = 0;
  std::string image_path, plate_image_path;
  int64_t image_bytes = 0;
};

class CaptureRepo {
 public:
  explicit CaptureRepo(Connection& c) : c_(c) {}
  std::optional<CameraLogin> find_camera(const std::string& factory_no);
  // {id, true} when inserted; {the stored row's id, false} when (camera, record id) was stored before.
  std::pair<int64_t, bool> insert(const CaptureRow& r);
  void set_decision(int64_t id, const std::string& decision, const std::string& reason);
  // (id, image_path, plate_image_path) of photos received before `before`, still on disk.
  std::vector<std::tuple<int64_t, std::string, std::string>> expired(int64_t before, int64_t limit);
  void mark_deleted(const std::vector<int64_t>& ids);

  Page list(const QueryParams& q, const DataScope& scope);
  // The photo's path of a capture in scope ("" when none); nullopt when the capture is out of scope.
  std::optional<std::string> image_path(int64_t id, bool plate, const DataScope& scope);

 private:
  Connection& c_;
};

}  // namespace zc::db::car
