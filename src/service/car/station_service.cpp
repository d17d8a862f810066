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
using db::station::StationRecords;
constexpr auto kCar = db::station::StationType::car;

// ---- validation ---------------------------------------------------------------------------------

void validate_station_fields(db::car::StationFields& f) {
  check_name("name", f.name);
  station::check_operation_type(f.operation_type);
  sys::check_contact_phone("contactPhone", f.contact_phone);
  sys::check_contact_phone("hotline", f.hotline);
  station::normalise_opening_hours(f.opening_hours);
  if (f.max_power < 0 || f.max_power > 1000000) fail_bad_request("maxPower: 必须在0到1000000（kW）之间");
  if (f.capacity_load < 0 || f.capacity_load > 1000000)
    fail_bad_request("capacityLoad: 必须在0到1000000（kVA）之间");
  station::check_coordinates(f.longitude, f.latitude);
  station::normalise_timezone(f.timezone);
}

static std::string fmt_opt(const std::optional<int64_t>& v) {
  return v ? std::to_string(*v) : "";
}

// "name: A → B; hotline: …" for the change history.
static std::string changes(const db::car::StationFields& a, const db::car::StationFields& b) {
  std::string out;
  auto add = [&](const char* field, const std::string& x, const std::string& y) {
    if (x == y) return;
    if (!out.empty()) out += "; ";
    out += std::string(field) + ": " + x + " → " + y;
  };
  add("name", a.name, b.name);
  add("operationType", std::to_string(a.operation_type), std::to_string(b.operation_type));
  add("contact", a.contact, b.contact);
  add("contactPhone", a.contact_phone, b.contact_phone);
  add("intro", a.intro, b.intro);
  add("hotline", a.hotline, b.hotline);
  add("openingHours", a.opening_hours, b.opening_hours);
  add("maxPower", std::to_string(a.max_power), std::to_string(b.max_power));
  add("capacityLoad", std::to_string(a.capacity_load), std::to_string(b.capacity_load));
  add("province", a.province, b.province);
  add("city", a.city, b.city);
  add("district", a.district, b.district);
  add("address", a.address, b.address);
  add("longitude", fmt_opt(a.longitude), fmt_opt(b.longitude));
  add("latitude", fmt_opt(a.latitude), fmt_opt(b.latitude));
  add("timezone", a.timezone, b.timezone);
  return out;
}

// ---- stations -----------------------------------------------------------------------------------

db::Page StationService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return StationRepo(c).list(q, p.scope); });
}

json::object StationService::get(int64_t id, const Principal& p) {
  return ctx_.db.read([&](Connection& c) {
    StationRepo repo(c);
    auto row = repo.detail(id, p.scope);
    if (!row) fail_not_found("电站不存在");
    (*row)["counts"] = repo.counts(id);
    (*row)["history"] = StationRecords(c, kCar).history(id);
    (*row)["privateApplyUrl"] = private_apply_url(ctx_.cfg, id);  // what its 私桩申请 QR code encodes
    return *row;
  });
}

json::array StationService::options(std::optional<int64_t> property_id, bool enabled_only,
                                    const Principal& p) {
  return ctx_.db.read(
      [&](Connection& c) { return StationRepo(c).options(property_id, enabled_only, p.scope); });
}

int64_t StationService::create(StationInput in, const Principal& p) {
  if (!in.property_id) fail_bad_request("propertyId: 不能为空");
  validate_station_fields(in.f);
  return ctx_.db.write([&](Connection& c) {
    sys::OwnerRequest req;
    req.type = UserType::property;
    req.property_id = in.property_id;
    req.provider_id = in.provider_id;
    sys::Owner owner = sys::resolve_owner(c, req, p);  // scope, enabled provider/property
    int64_t now = ctx_.clock.now();
    StationRepo repo(c);
    int64_t id = repo.insert(owner.provider_id, owner.property_id, in.f, p.user_name, now);
    db::car::AreaRepo(c).insert({owner.provider_id, owner.property_id, id}, "默认区域", "", 0, true,
                                p.user_name, now);
    StationRecords(c, kCar).add_history(id, p.user_name, "create", "新增电站（自动创建默认区域）", now);
    return id;
  });
}

void StationService::update(StationInput in, const Principal& p) {
  validate_station_fields(in.f);
  ctx_.db.write([&](Connection& c) {
    auto s = station_in_scope(c, in.id, p, "id");
    StationRepo repo(c);
    auto old = repo.fields(in.id);
    int64_t now = ctx_.clock.now();
    bool resubmit = s.audit_status == 2;  // editing a rejected station submits it for audit again
    repo.update(in.id, in.f, resubmit, p.user_name, now);
    std::string detail = changes(*old, in.f);
    StationRecords records(c, kCar);
    records.add_history(in.id, p.user_name, "edit", detail.empty() ? "未修改字段" : detail, now);
    if (resubmit) records.add_history(in.id, p.user_name, "resubmit", "驳回后修改，重新提交审核", now);
  });
}

void StationService::audit(int64_t id, int64_t audit_status, const std::string& remark, const Principal& p) {
  if (audit_status != 1 && audit_status != 2) fail_bad_request("auditStatus: 只能是1（通过）或2（驳回）");
  if (p.scope.kind != UserType::system && p.scope.kind != UserType::provider)
    fail_forbidden("只有系统或服务商用户可以审核电站");
  if (utf8_length(remark) > 200) fail_bad_request("auditRemark: 长度不能超过200个字符");
  ctx_.db.write([&](Connection& c) {
    station_in_scope(c, id, p, "id");
    StationRepo repo(c);
    int64_t now = ctx_.clock.now();
    if (!repo.audit(id, audit_status, remark, p.user_name, now)) fail_conflict("只能审核待审核的电站");
    StationRecords(c, kCar).add_history(
        id, p.user_name, audit_status == 1 ? "approve" : "reject",
        std::string(audit_status == 1 ? "审核通过" : "审核驳回") + (remark.empty() ? "" : "：" + remark),
        now);
  });
}

void StationService::change_status(int64_t id, int64_t status, const Principal& p) {
  check_status_value(status);
  ctx_.db.write([&](Connection& c) {
    auto s = station_in_scope(c, id, p, "id");
    if (s.status == status) return;
    StationRepo repo(c);
    int64_t now = ctx_.clock.now();
    repo.set_status(id, status, p.user_name, now);
    StationRecords(c, kCar).add_history(id, p.user_name, status == 0 ? "enable" : "disable",
                                        status == 0 ? "启用电站" : "停用电站", now);
  });
}

// ---- private-pile applications ------------------------------------------------------------------

std::string StationService::private_apply_qr(int64_t station_id, const std::string& tmpl,
                                             const Principal& p) {
  auto s = ctx_.db.read([&](Connection& c) { return station_in_scope(c, station_id, p); });
  return qr_label_png(tmpl, private_apply_url(ctx_.cfg, station_id), s.name, "私桩申请",
                      "请使用手机扫码填写私桩申请");
}

// A station the public form may use: approved, enabled, provider and property enabled.
static std::optional<db::car::StationRec> public_station_rec(Connection& c, int64_t id) {
  auto s = StationRepo(c).find(id);
  if (!s || s->status != 0 || s->audit_status != 1) return std::nullopt;
  auto st = c.query(
      "SELECT pv.status, pr.status FROM sys_provider pv, sys_property pr WHERE pv.id = ? AND pr.id = ?",
      {s->provider_id, s->property_id});
  if (st.empty() || st.i64(0, 0) != 0 || st.i64(0, 1) != 0) return std::nullopt;
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
    if (c.dialect() == db::Dialect::postgres)  // serialise concurrent submissions for the per-day limit
      c.query("SELECT id FROM car_station WHERE id = ? FOR UPDATE", {in.station_id});
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
