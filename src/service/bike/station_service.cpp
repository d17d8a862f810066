#include "service/bike/station_service.hpp"

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "service/station/station_rules.hpp"
#include "service/system/context.hpp"
#include "service/system/rules.hpp"

namespace zc::bike {

namespace json = boost::json;
using db::Connection;
using db::bike::AreaRepo;
using db::bike::StationRepo;
using db::station::StationRecords;

void validate_station_fields(db::bike::StationFields& f) {
  station::check_name("name", f.name);
  if (utf8_length(f.short_name) > 20) fail_bad_request("shortName: 长度不能超过20个字符");
  sys::check_contact_phone("servicePhone", f.service_phone);
  station::check_operation_type(f.operation_type);
  station::normalise_opening_hours(f.opening_hours);
  station::check_coordinates(f.longitude, f.latitude);
  station::normalise_timezone(f.timezone);
}

static std::string fmt_opt(const std::optional<int64_t>& v) {
  return v ? std::to_string(*v) : "";
}

// "name: A → B; servicePhone: …" for the change history.
static std::string changes(const db::bike::StationFields& a, const db::bike::StationFields& b) {
  std::string out;
  auto add = [&](const char* field, const std::string& x, const std::string& y) {
    if (x == y) return;
    if (!out.empty()) out += "; ";
    out += std::string(field) + ": " + x + " → " + y;
  };
  add("name", a.name, b.name);
  add("shortName", a.short_name, b.short_name);
  add("servicePhone", a.service_phone, b.service_phone);
  add("operationType", std::to_string(a.operation_type), std::to_string(b.operation_type));
  add("openingHours", a.opening_hours, b.opening_hours);
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
    (*row)["history"] = StationRecords(c, kBike).history(id);
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
    int64_t id = StationRepo(c).insert(owner.provider_id, owner.property_id, in.f, p.user_name, now);
    AreaRepo(c).insert({owner.provider_id, owner.property_id, id}, "默认区域", "", true, p.user_name, now);
    StationRecords(c, kBike).add_history(id, p.user_name, "create", "新增电站（自动创建默认区域）", now);
    return id;
  });
}

void StationService::update(StationInput in, const Principal& p) {
  validate_station_fields(in.f);
  ctx_.db.write([&](Connection& c) {
    auto s = station_in_scope(c, in.id, p, "id");
    StationRepo repo(c);
    StationRecords records(c, kBike);
    auto old = repo.fields(in.id);
    int64_t now = ctx_.clock.now();
    bool resubmit = s.audit_status == 2;  // editing a rejected station submits it for audit again
    repo.update(in.id, in.f, resubmit, p.user_name, now);
    std::string detail = changes(*old, in.f);
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
    int64_t now = ctx_.clock.now();
    if (!StationRepo(c).audit(id, audit_status, remark, p.user_name, now))
      fail_conflict("只能审核待审核的电站");
    StationRecords(c, kBike).add_history(
        id, p.user_name, audit_status == 1 ? "approve" : "reject",
        std::string(audit_status == 1 ? "审核通过" : "审核驳回") + (remark.empty() ? "" : "：" + remark),
        now);
  });
}

void StationService::change_status(int64_t id, int64_t status, const Principal& p) {
  station::check_status_value(status);
  ctx_.db.write([&](Connection& c) {
    auto s = station_in_scope(c, id, p, "id");
    if (s.status == status) return;
    int64_t now = ctx_.clock.now();
    StationRepo(c).set_status(id, status, p.user_name, now);
    StationRecords(c, kBike).add_history(id, p.user_name, status == 0 ? "enable" : "disable",
                                         status == 0 ? "启用电站" : "停用电站", now);
  });
}

// ---- areas --------------------------------------------------------------------------------------

static void check_area_fields(const std::string& name, const std::string& phone) {
  station::check_name("name", name);
  sys::check_contact_phone("phone", phone);
}

db::Page AreaService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return AreaRepo(c).list(q, p.scope); });
}

json::object AreaService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](Connection& c) { return AreaRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("区域不存在");
  return *row;
}

json::array AreaService::options(std::optional<int64_t> station_id, bool enabled_only, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return AreaRepo(c).options(station_id, enabled_only, p.scope); });
}

int64_t AreaService::create(int64_t station_id, const std::string& name, const std::string& phone,
                            const Principal& p) {
  check_area_fields(name, phone);
  return ctx_.db.write([&](Connection& c) {
    auto s = station_in_scope(c, station_id, p);
    station::require_station_enabled(c, s);
    return AreaRepo(c).insert(owned_by(s), name, phone, false, p.user_name, ctx_.clock.now());
  });
}

void AreaService::update(int64_t id, const std::string& name, const std::string& phone, const Principal& p) {
  check_area_fields(name, phone);
  ctx_.db.write([&](Connection& c) {
    AreaRepo repo(c);
    if (!repo.in_scope(id, p.scope)) fail_not_found("区域不存在");
    repo.update(id, name, phone, p.user_name, ctx_.clock.now());
  });
}

void AreaService::change_status(int64_t id, int64_t status, const Principal& p) {
  station::check_status_value(status);
  ctx_.db.write([&](Connection& c) {
    AreaRepo repo(c);
    if (!repo.in_scope(id, p.scope)) fail_not_found("区域不存在");
    repo.set_status(id, status, p.user_name, ctx_.clock.now());
  });
}

void AreaService::remove(int64_t id, const Principal& p) {
  ctx_.db.write([&](Connection& c) {
    AreaRepo repo(c);
    auto a = repo.find(id);
    if (!a || !repo.in_scope(id, p.scope)) fail_not_found("区域不存在");
    if (a->is_default) fail_conflict("电站的默认区域不能删除");
    if (repo.device_count(id) > 0) fail_conflict("区域下存在充电设备，请先删除设备");
    if (repo.tariff_count(id) > 0) fail_conflict("区域下存在计费规则，请先删除计费规则");
    repo.remove(id);
  });
}

}  // namespace zc::bike
