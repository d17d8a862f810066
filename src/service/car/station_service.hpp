#pragma once
// Car stations (CAR-ST), private-pile applications (CAR-ST-PRIV) and the car station directory for user ↔
// station binding (SYS-USER). Invoice (CAR-ST-INV) and payment (CAR-ST-PAY) configuration are the shared
// station::StationConfigService (type car).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>

#include "service/car/context.hpp"
#include "service/system/station_directory.hpp"
#include "storage/list_query.hpp"

namespace zc::car {

struct StationInput {
  int64_t id = 0;                      // update
  std::optional<int64_t> property_id;  // create
  std::optional<int64_t> provider_id;  // create, optional (must match the property's)
  db::car::StationFields f;
};

struct PrivateApplyInput {
  int64_t station_id = 0;
  std::string name, phone, plate, community, parking_spot, remark, ip;
};

class StationService {
 public:
  explicit StationService(CarContext ctx) : ctx_(ctx) {}
  db::Page list(const QueryParams& q, const Principal& p);
  boost::json::object get(int64_t id, const Principal& p);  // row + counts + history
  int64_t create(StationInput in, const Principal& p);      // + the default area 默认区域
  void update(StationInput in, const Principal& p);

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

// Station field rules (also used by tests of the API): name, enumerations, phones, opening hours,
// coordinates (micro-degrees), time zone. Throws ApiError 400 naming the field.
void validate_station_fields(db::car::StationFields& f);

}  // namespace zc::car
