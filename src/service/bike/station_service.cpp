#include "service/bike/station_service.hpp"

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "service/station/station_lifecycle.hpp"
#include "service/station/station_rules.hpp"
#include "service/system/rules.hpp"

namespace zc::bike {

namespace json = boost::json;
using db::Connection;
using db::bike::StationRepo;

void validate_station_fields(db::bike::StationFields& f) {
  station::validate_common_fields(f);
  if (utf8_length(f.short_name) > 20) fail_bad_request("shortName: 长度不能超过20个字符");
  sys::check_contact_phone("servicePhone", f.service_phone);
}

// "name: A → B; servicePhone: …" for the change history.
static std::string changes(const db::bike::StationFields& a, const db::bike::StationFields& b) {
  station::FieldChanges out;
  out.add("name", a.name, b.name);
  out.add("shortName", a.short_name, b.short_name);
  out.add("servicePhone", a.service_phone, b.service_phone);
  out.add("operationType", a.operation_type, b.operation_type);
  out.add("openingHours", a.opening_hours, b.opening_hours);
  out.add_location(a, b);
  return out.text();
}

// ---- stations -----------------------------------------------------------------------------------

db::Page StationService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return StationRepo(c).list(q, p.scope); });
}

json::object StationService::get(int64_t id, const Principal& p) {
  return station::typed_station_detail<StationRepo>(ctx_.db, kBike, id, p);
}

int64_t StationService::create(StationInput in, const Principal& p) {
  if (!in.property_id) fail_bad_request("propertyId: 不能为空");
  validate_station_fields(in.f);
  return station::create_typed_station<StationRepo>(ctx_.db, kBike, ctx_.clock.now(), in.property_id,
                                                    in.provider_id, in.f, p);
}

void StationService::update(StationInput in, const Principal& p) {
  validate_station_fields(in.f);
  station::edit_typed_station<StationRepo>(ctx_.db, kBike, ctx_.clock.now(), in.id, in.f, p, changes);
}

}  // namespace zc::bike
