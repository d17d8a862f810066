#pragma once
// Car stations (CAR-ST): the shared station::StationService with the car fields, plus private-pile
// applications (CAR-ST-PRIV) and the car station directory for user ↔ station binding (SYS-USER). Invoice
// (CAR-ST-INV) and payment (CAR-ST-PAY) configuration are the shared station::StationConfigService.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "service/car/context.hpp"
#include "service/station/station_lifecycle.hpp"
#include "service/system/station_directory.hpp"
#include "storage/list_query.hpp"

namespace zc::car {

// The car station's part of station::StationService: its repository, fields and their rules.
struct CarStationKind
    : station::StationKind<db::station::StationType::car, db::car::StationRepo, db::car::StationFields> {
  static void validate(Fields& f);  // phones, max power and capacity load
  static const std::vector<station::HistoryField<Fields>> history;
};
using StationInput = station::StationService<CarStationKind>::Input;

struct PrivateApplyInput {
  int64_t station_id = 0;
  std::string name, phone, plate, community, parking_spot, remark, ip;
};

class StationService : public station::StationService<CarStationKind> {
 public:
  explicit StationService(CarContext ctx) : station::StationService<CarStationKind>(ctx), ctx_(ctx) {}
  // The shared detail + the link its 私桩申请 QR code encodes (privateApplyUrl).
  boost::json::object get(int64_t id, const Principal& p);

  // PNG label of the public application link.
  std::string private_apply_qr(int64_t station_id, const std::string& tmpl, const Principal& p);

  // Public (no sign-in) private-pile application form.
  boost::json::object public_station(int64_t station_id);
  int64_t submit_private_apply(const PrivateApplyInput& in);
  db::Page private_applies(const QueryParams& q, const Principal& p);
  void handle_private_apply(int64_t id, int64_t status, const std::string& remark, const Principal& p);

 private:
  CarContext ctx_;
};

// Plugs car stations into SYS-USER station binding (station::make_station_directory of type car).
std::shared_ptr<sys::StationDirectory> make_car_station_directory();

}  // namespace zc::car
