#pragma once
// Parking spots (CAR-SPOT), cameras (CAR-CAM), piles (CAR-PILE) and guns (CAR-GUN):
// the enable/disable rules, codes, gun counts, device commands through the DeviceGateway, QR labels and
// the QR Excel exports (run as export jobs).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "service/car/context.hpp"
#include "service/station/child_rows.hpp"
#include "storage/list_query.hpp"

namespace zc::car {

struct SpotBatch {
  int64_t station_id = 0, area_id = 0, count = 0, lock_type = 0;
  std::string name_prefix;
};

class SpotService : public station::RowService<db::car::SpotRepo> {
 public:
  explicit SpotService(CarContext ctx) : RowService(ctx, "车位不存在"), ctx_(ctx) {}
  std::vector<db::car::SpotOption> options(int64_t area_id, const Principal& p);
  std::vector<int64_t> add_batch(const SpotBatch& in, const Principal& p);
  void update(int64_t id, const std::string& name, int64_t lock_type, const Principal& p);
  // The gun that charges a car in the spot (charging time is not occupancy time; its pile's 占位收费
  // applies); nullopt = none (the gun of the pile lock, if any). A gun of the spot's station.
  void bind_gun(int64_t id, std::optional<int64_t> gun_id, const Principal& p);
  boost::json::object lock(int64_t id, const std::string& action, const Principal& p);

 private:
  CarContext ctx_;
};

struct CameraInput {
  int64_t id = 0, station_id = 0, area_id = 0;
  db::car::CameraFields f;
};

class CameraService : public station::RowService<db::car::CameraRepo> {
 public:
  explicit CameraService(CarContext ctx) : RowService(ctx, "相机不存在"), ctx_(ctx) {}
  int64_t create(const CameraInput& in, const Principal& p);
  void update(const CameraInput& in, const Principal& p);
  boost::json::object command(int64_t id, const std::string& command, const std::string& side,
                              const Principal& p);

 private:
  CarContext ctx_;
};

using PileInput = station::DeviceInput<db::car::PileFields>;

class PileService : public station::RowService<db::car::PileRepo> {
 public:
  explicit PileService(CarContext ctx) : RowService(ctx, "电桩不存在", pile_qr_url), ctx_(ctx) {}
  boost::json::object get(int64_t id, const Principal& p);  // row + guns + qrUrl + YKC login data
  int64_t create(const PileInput& in, const Principal& p);
  void update(const PileInput& in, const Principal& p);
  boost::json::object command(int64_t id, const std::string& command, const Principal& p);
  // Starts the QR Excel export of the filtered list; returns the job id.
  std::string qr_export(const QueryParams& filters, const Principal& p);

 private:
  CarContext ctx_;
};

class GunService : public station::RowService<db::car::GunRepo> {
 public:
  explicit GunService(CarContext ctx) : RowService(ctx, "充电枪不存在", gun_qr_url, true), ctx_(ctx) {}
  void update(int64_t id, const std::string& name, const Principal& p);
  std::string qr_export(const QueryParams& filters, const Principal& p);

 private:
  CarContext ctx_;
};

// Pile field rules: factory no., name, gun count 1–8, enumerations, numeric ranges. 400 naming the field.
void validate_pile_fields(const db::car::PileFields& f);
bool is_pile_code(const std::string& code);  // 14 digits

}  // namespace zc::car
