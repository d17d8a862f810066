#include "service/car/camera_store.hpp"

#include "storage/repositories/capture_repo.hpp"

namespace zc::car {

using db::Connection;
using db::car::CaptureRepo;
namespace cam = devices::camera;

std::optional<cam::CameraIdentity> DbCameraStore::find_camera(const std::string& serial) {
  auto l = db_.read([&](Connection& c) { return CaptureRepo(c).find_camera(serial); });
  if (!l) return std::nullopt;
  return cam::CameraIdentity{l->id,   l->station_id, l->area_id, l->status, l->left_spot_id, l->right_spot_id,
                             l->code, l->factory_no, l->secret};
}

std::pair<int64_t, bool> DbCameraStore::store_capture(const cam::CaptureRecord& r) {
  db::car::CaptureRow row{
      r.camera_id,  r.side,    r.spot_id, r.plate,       r.color,       r.direction,  r.confidence,
      r.record_id,  r.offline, r.manual,  r.captured_at, r.received_at, r.image_path, r.plate_image_path,
      r.image_bytes};
  return db_.write([&](Connection& c) { return CaptureRepo(c).insert(row); });
}

void DbCameraStore::set_decision(int64_t capture_id, bool open, const std::string& reason) {
  db_.write(
      [&](Connection& c) { CaptureRepo(c).set_decision(capture_id, open ? "open" : "closed", reason); });
}

std::vector<DbCameraStore::Expired> DbCameraStore::expired_images(int64_t before_ms, int limit) {
  auto rows = db_.read([&](Connection& c) { return CaptureRepo(c).expired(before_ms, limit); });
  std::vector<Expired> out;
  for (auto& [id, a, b] : rows) {
    Expired e{id, {}};
    if (!a.empty()) e.paths.push_back(a);
    if (!b.empty()) e.paths.push_back(b);
    out.push_back(std::move(e));
  }
  return out;
}

void DbCameraStore::mark_images_deleted(const std::vector<int64_t>& ids) {
  db_.write([&](Connection& c) { CaptureRepo(c).mark_deleted(ids); });
}

}  // namespace zc::car
