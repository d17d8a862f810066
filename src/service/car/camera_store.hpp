#pragma once
// The camera gateway's store (devices/camera/camera_store.hpp) over the database: camera identity and
// secret, capture records, the photo retention sweep's rows.
#include "devices/camera/camera_store.hpp"
#include "storage/database.hpp"

namespace zc::car {

class DbCameraStore final : public devices::camera::CameraStore {
 public:
  explicit DbCameraStore(db::Database& db) : db_(db) {}
  std::optional<devices::camera::CameraIdentity> find_camera(const std::string& serial) override;
  std::pair<int64_t, bool> store_capture(const devices::camera::CaptureRecord& r) override;
  void set_decision(int64_t capture_id, bool open, const std::string& reason) override;
  std::vector<Expired> expired_images(int64_t before_ms, int limit) override;
  void mark_images_deleted(const std::vector<int64_t>& ids) override;

 private:
  db::Database& db_;
};

}  // namespace zc::car
