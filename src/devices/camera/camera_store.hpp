#pragma once
// What the camera gateway reads and records in the database, owned here so that src/devices does not know
// the storage; implemented over the database by service/car/camera_store (wired in app/platform.cpp).
// Calls block: the gateway makes them on the HTTP worker threads.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace zc::devices::camera {

// A camera as its push identifies it (car_camera by factory_no).
struct CameraIdentity {
  int64_t id = 0, station_id = 0, area_id = 0, status = 0;  // status 0 enabled
  int64_t left_spot_id = 0, right_spot_id = 0;
  std::string code, factory_no;
  std::optional<std::pair<std::string, std::string>> secret;  // (salt, hash); none = no secret set yet
};

// One capture record as the gateway stores it (table car_capture).
struct CaptureRecord {
  int64_t camera_id = 0;
  std::string side;  // "left" | "right" | ""
  int64_t spot_id = 0;
  std::string plate;
  int color = 0, direction = 0, confidence = 0;  // Vzenith colorType, direction
  int64_t record_id = 0;                         // plateid
  bool offline = false, manual = false;
  int64_t captured_at = 0, received_at = 0;  // epoch ms
  std::string image_path, plate_image_path;  // relative to app.data_dir
  int64_t image_bytes = 0;
};

class CameraStore {
 public:
  virtual ~CameraStore() = default;
  virtual std::optional<CameraIdentity> find_camera(const std::string& serial) = 0;
  // Inserts the record; {id, true}, or {the stored row's id, false} when (camera, record_id) is stored.
  virtual std::pair<int64_t, bool> store_capture(const CaptureRecord& r) = 0;
  virtual void set_decision(int64_t capture_id, bool open, const std::string& reason) = 0;
  // Photos of captures received before `before_ms` that are still on disk (at most `limit` rows):
  // (id, paths…); mark_images_deleted once the files are gone.
  struct Expired {
    int64_t id = 0;
    std::vector<std::string> paths;
  };
  virtual std::vector<Expired> expired_images(int64_t before_ms, int limit) = 0;
  virtual void mark_images_deleted(const std::vector<int64_t>& ids) = 0;
};

}  // namespace zc::devices::camera
