#include "service/car/station_service.hpp"

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "core/timezone.hpp"
#include "service/station/station_config.hpp"
#include "service/system/context.hpp"
#include "service/system/rules.hpp"

namespace zc::car {

namespace json = boost::json;
using db::Connection;
using db::car::StationRepo;
constexpr auto kCar = db::station::StationType::car;

// ---- stations -----------------------------------------------------------------------------------

void CarStationKind::validate(db::car::StationFields& f) {
  sys::check_contact_phone("contactPhone", f.contact_phone);
  sys::check_contact_phone("hotline", f.hotline);
  if (f.max_power < 0 || f.max_power > 1000000) fail_bad_request("maxPower: 必须在0到1000000（kW）之间");
  if (f.capacity_load < 0 || f.capacity_load > 1000000)
    fail_bad_request("capacityLoad: 必须在0到1000000（kVA）之间");
}

using F = db::car::StationFields;
const std::vector<station::HistoryField<F>> CarStationKind::history = {{"name", &F::name},
                                                                       {"operationType", &F::operation_type},
                                                                       {"contact", &F::contact},
                                                                       {"contactPhone", &F::contact_phone},
                                                                       {"intro", &F::intro},
                                                                       {"hotline", &F::hotline},
                                                                       {"openingHours", &F::opening_hours},
                                                                       {"maxPower", &F::max_power},
                                                                       {"capacityLoad", &F::capacity_load}};

json::object StationService::get(int64_t id, const Principal& p) {
  auto row = station::StationService<CarStationKind>::get(id, p);
  row["privateApplyUrl"] = private_apply_url(ctx_.cfg, id);
  return row;
}

// ---- private-pile applications ------------------------------------------------------------------

std::string StationService::private_apply_qr(int64_t station_id, const std::string& tmpl,
                                             const Principal& p) {
  auto s = ctx_.db.read([&](Connection& c) { return station::station_in_scope(c, kCar, station_id, p); });
  return qr_label_png(tmpl, private_apply_url(ctx_.cfg, station_id), s.name, "私桩申请",
                      "请使用手机扫码填写私桩申请");
}

// A station the public form may use: approved, enabled, provider and property enabled.
static std::optional<db::car::StationRec> public_station_rec(Connection& c, int64_t id) {
  auto s = StationRepo(c).find(id);
  if (!s || s->status != 0 || s->audit_status != 1) return std::nullopt;
  if (!StationRepo(c).owners_enabled(s->provider_id, s->property_id)) return std::nullopt;
  return s;
}

json::object StationService::public_station(int64_t station_id) {
  return ctx_.db.read([&](Connection& c) {
    auto s = public_station_rec(c, station_id);
    if (!s) fail_not_found("电站不存在或未开放申请");
    json::object o;
    o["stationId"] = s->id;
    o["stationName"] = s->name;
    o["address"] = s->address;
    return o;
  });
}

int64_t StationService::submit_private_apply(const PrivateApplyInput& in) {
  check_name("name", in.name, 30);
  sys::require_mobile("phone", in.phone);
  if (utf8_length(in.plate) > 10) fail_bad_request("plate: 长度不能超过10个字符");
  if (utf8_length(in.community) > 50) fail_bad_request("community: 长度不能超过50个字符");
  if (utf8_length(in.parking_spot) > 30) fail_bad_request("parkingSpot: 长度不能超过30个字符");
  if (utf8_length(in.remark) > 200) fail_bad_request("remark: 长度不能超过200个字符");
  return ctx_.db.write([&](Connection& c) {
    StationRepo(c).lock(in.station_id);  // serialises concurrent submissions for the per-day limit
    auto s = public_station_rec(c, in.station_id);
    if (!s) fail_not_found("stationId: 电站不存在或未开放申请");
    int64_t now = ctx_.clock.now();
    auto tz = TimeZone::find(s->timezone).value_or(TimeZone::shanghai());
    int64_t day_start = tz.start_of_day(tz.local_date(now));
    db::car::PrivateApplyRepo repo(c);
    if (repo.count_since(s->id, in.phone, day_start) >= 5) fail_conflict("提交过于频繁，请明天再试");
    db::car::PrivateApplyFields f{s->id,    s->provider_id, s->property_id,  in.name,   in.phone,
                                  in.plate, in.community,   in.parking_spot, in.remark, in.ip};
    return repo.insert(f, now);
  });
}

db::Page StationService::private_applies(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return db::car::PrivateApplyRepo(c).list(q, p.scope); });
}

void StationService::handle_private_apply(int64_t id, int64_t status, const std::string& remark,
                                          const Principal& p) {
  if (status != 1 && status != 2) fail_bad_request("status: 只能是1（已通过）或2（已拒绝）");
  if (utf8_length(remark) > 200) fail_bad_request("remark: 长度不能超过200个字符");
  ctx_.db.write([&](Connection& c) {
    db::car::PrivateApplyRepo repo(c);
    if (!repo.in_scope(id, p.scope)) fail_not_found("申请不存在");
    if (repo.status_of(id).value_or(-1) != 0) fail_conflict("只能处理待处理的申请");
    repo.handle(id, status, remark, p.user_name, ctx_.clock.now());
  });
}

// ---- station directory ----------------------------------------------------------------------------

std::shared_ptr<sys::StationDirectory> make_car_station_directory() {
  return station::make_station_directory(kCar);
}

}  // namespace zc::car
