#include "storage/repositories/capture_repo.hpp"

namespace zc::db::car {

std::optional<CameraLogin> CaptureRepo::find_camera(const std::string& factory_no) {
  Result r = c_.query(
      "SELECT c.id, c.station_id, c.area_id, c.status, COALESCE(c.left_spot_id, 0), "
      "COALESCE(c.right_spot_id, 0), COALESCE(c.code, ''), c.factory_no, s.salt, s.password_hash "
      "FROM car_camera c LEFT JOIN device_secret s ON s.device_kind = 'car_camera' AND s.device_id = c.id "
      "WHERE c.factory_no = ?",
      {factory_no});
  if (r.empty()) return std::nullopt;
  CameraLogin l;
  l.id = r.i64(0, 0), l.station_id = r.i64(0, 1), l.area_id = r.i64(0, 2), l.status = r.i64(0, 3);
  l.left_spot_id = r.i64(0, 4), l.right_spot_id = r.i64(0, 5);
  l.code = r.str(0, 6), l.factory_no = r.str(0, 7);
  if (!r.is_null(0, 8)) l.secret = std::make_pair(r.str(0, 8), r.str(0, 9));
  return l;
}

std::pair<int64_t, bool> CaptureRepo::insert(const CaptureRow& r) {
  Value spot = r.spot_id ? Value(r.spot_id) : null();
  int64_t n = c_.execute(
      "INSERT INTO car_capture (camera_id, station_id, area_id, provider_id, property_id, side, spot_id, "
      "plate, color, direction, confidence, record_id, offline, manual, captured_at, received_at, "
      "image_path, "
      "plate_image_path, image_bytes) SELECT c.id, c.station_id, c.area_id, c.provider_id, c.property_id, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM car_camera c WHERE c.id = ? "
      "ON CONFLICT (camera_id, record_id) DO NOTHING",
      {r.side, spot, r.plate, r.color, r.direction, r.confidence, r.record_id, int64_t{r.offline ? 1 : 0},
       int64_t{r.manual ? 1 : 0}, r.captured_at, r.received_at, r.image_path, r.plate_image_path,
       r.image_bytes, r.camera_id});
  auto id = c_.scalar("SELECT id FROM car_capture WHERE camera_id = ? AND record_id = ?",
                      {r.camera_id, r.record_id});
  if (!id) throw DatabaseError("capture not stored: camera " + std::to_string(r.camera_id));
  return {*id, n > 0};
}

void CaptureRepo::set_decision(int64_t id, const std::string& decision, const std::string& reason) {
  c_.execute("UPDATE car_capture SET decision = ?, reason = ? WHERE id = ?", {decision, reason, id});
}

std::vector<std::tuple<int64_t, std::string, std::string>> CaptureRepo::expired(int64_t before,
                                                                                int64_t limit) {
  Result r = c_.query(
      "SELECT id, image_path, plate_image_path FROM car_capture WHERE received_at < ? AND image_deleted = 0 "
      "AND (image_path <> '' OR plate_image_path <> '') ORDER BY received_at LIMIT ?",
      {before, limit});
  std::vector<std::tuple<int64_t, std::string, std::string>> out;
  for (size_t i = 0; i < r.size(); ++i) out.emplace_back(r.i64(i, 0), r.str(i, 1), r.str(i, 2));
  return out;
}

void CaptureRepo::mark_deleted(const std::vector<int64_t>& ids) {
  for (int64_t id : ids) c_.execute("UPDATE car_capture SET image_deleted = 1 WHERE id = ?", {id});
}

static ListSpec capture_spec() {
  ListSpec s;
  s.select =
      "k.id AS \"id\", k.camera_id AS \"cameraId\", COALESCE(c.code, '') AS \"cameraCode\", c.factory_no AS "
      "\"factoryNo\", c.name AS \"cameraName\", k.station_id AS \"stationId\", st.name AS \"stationName\", "
      "k.area_id AS \"areaId\", a.name AS \"areaName\", k.side AS \"side\", k.spot_id AS \"spotId\", "
      "COALESCE(sp.code, '') AS \"spotCode\", COALESCE(sp.name, '') AS \"spotName\", k.plate AS \"plate\", "
      "k.color AS \"color\", k.direction AS \"direction\", k.confidence AS \"confidence\", k.record_id AS "
      "\"recordId\", k.offline AS \"offline\", k.manual AS \"manual\", k.captured_at AS \"capturedAt\", "
      "k.received_at AS \"receivedAt\", CASE WHEN k.image_path <> '' AND k.image_deleted = 0 THEN 1 ELSE 0 "
      "END AS \"hasImage\", CASE WHEN k.plate_image_path <> '' AND k.image_deleted = 0 THEN 1 ELSE 0 END AS "
      "\"hasPlateImage\", k.image_deleted AS \"imageDeleted\", k.decision AS \"decision\", k.reason AS "
      "\"reason\", k.reservation_id AS \"reservationId\"";
  s.from =
      "car_capture k JOIN car_camera c ON c.id = k.camera_id JOIN car_station st ON st.id = k.station_id "
      "JOIN car_area a ON a.id = k.area_id LEFT JOIN car_spot sp ON sp.id = k.spot_id";
  s.filters = {
      {"stationId", "k.station_id", Match::equal, Kind::integer},
      {"areaId", "k.area_id", Match::equal, Kind::integer},
      {"cameraId", "k.camera_id", Match::equal, Kind::integer},
      {"cameraCode", "c.code", Match::contains, Kind::text},
      {"factoryNo", "c.factory_no", Match::contains, Kind::text},
      {"plate", "k.plate", Match::contains, Kind::text},
      {"decision", "k.decision", Match::equal, Kind::text},
      {"beginTime", "k.captured_at", Match::at_least, Kind::integer},
      {"endTime", "k.captured_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"id", "k.id"}, {"capturedAt", "k.captured_at"}, {"plate", "k.plate"}};
  s.default_order = "k.captured_at DESC, k.id DESC";
  s.scope.provider = "k.provider_id";
  s.scope.property = "k.property_id";
  s.scope.car_station = "k.station_id";
  return s;
}

Page CaptureRepo::list(const QueryParams& q, const DataScope& scope) {
  return list_page(c_, capture_spec(), q, scope);
}

std::optional<std::string> CaptureRepo::image_path(int64_t id, bool plate, const DataScope& scope) {
  Where w;
  w.add("k.id = ?", {id});
  ScopeColumns cols;
  cols.provider = "k.provider_id";
  cols.property = "k.property_id";
  cols.car_station = "k.station_id";
  add_scope(w, cols, scope);
  Result r = c_.query(std::string("SELECT ") + (plate ? "k.plate_image_path" : "k.image_path") +
                          ", k.image_deleted FROM car_capture k" + w.sql(),
                      w.params);
  if (r.empty()) return std::nullopt;
  return r.i64(0, 1) ? std::string() : r.str(0, 0);
}

}  // namespace zc::db::car
