#include "service/bike/station_service.hpp"

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "service/system/rules.hpp"

namespace zc::bike {

void BikeStationKind::validate(db::bike::StationFields& f) {
  if (utf8_length(f.short_name) > 20) fail_bad_request("shortName: 长度不能超过20个字符");
  sys::check_contact_phone("servicePhone", f.service_phone);
}

using F = db::bike::StationFields;
const std::vector<station::HistoryField<F>> BikeStationKind::history = {{"name", &F::name},
                                                                        {"shortName", &F::short_name},
                                                                        {"servicePhone", &F::service_phone},
                                                                        {"operationType", &F::operation_type},
                                                                        {"openingHours", &F::opening_hours}};

}  // namespace zc::bike
