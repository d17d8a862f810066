#include "service/station/station_lifecycle.hpp"

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "service/station/station_config.hpp"
#include "service/station/station_rules.hpp"
#include "service/system/context.hpp"
#include "storage/repositories/station_area.hpp"

namespace zc::station {

namespace json = boost::json;
using db::Connection;
using db::station::StationRecords;

void validate_common_fields(db::station::CommonFields& f) {
  check_name("name", f.name);
  check_operation_type(f.operation_type);
  normalise_opening_hours(f.opening_hours);
  check_coordinates(f.longitude, f.latitude);
  normalise_timezone(f.timezone);
}

int64_t create_station(Connection& c, StationType t, int64_t now, std::optional<int64_t> property_id,
                       std::optional<int64_t> provider_id, const Principal& p,
                       const std::function<int64_t(int64_t provider_id, int64_t property_id)>& insert) {
  sys::OwnerRequest req;
  req.type = UserType::property;
  req.property_id = property_id;
  req.provider_id = provider_id;
  sys::Owner owner = sys::resolve_owner(c, req, p);  // scope, enabled provider/property
  int64_t id = insert(owner.provider_id, owner.property_id);
  db::station::AreaRepo(c, t).insert({owner.provider_id, owner.property_id, id}, {"默认区域", "", 0}, true,
                                     p.user_name, now);
  StationRecords(c, t).add_history(id, p.user_name, "create", "新增电站（自动创建默认区域）", now);
  return id;
}

void edit_station(Connection& c, StationType t, int64_t now, int64_t id, const Principal& p,
                  const std::function<std::string(bool resubmit)>& write) {
  auto s = station_in_scope(c, t, id, p, "id");
  bool resubmit = s.audit_status == 2;  // editing a rejected station submits it for audit again
  std::string detail = write(resubmit);
  StationRecords records(c, t);
  records.add_history(id, p.user_name, "edit", detail.empty() ? "未修改字段" : detail, now);
  if (resubmit) records.add_history(id, p.user_name, "resubmit", "驳回后修改，重新提交审核", now);
}

void audit_station(db::Database& db, StationType t, int64_t now, int64_t id, int64_t audit_status,
                   const std::string& remark, const Principal& p) {
  if (audit_status != 1 && audit_status != 2) fail_bad_request("auditStatus: 只能是1（通过）或2（驳回）");
  if (p.scope.kind != UserType::system && p.scope.kind != UserType::provider)
    fail_forbidden("只有系统或服务商用户可以审核电站");
  if (utf8_length(remark) > 200) fail_bad_request("auditRemark: 长度不能超过200个字符");
  db.write([&](Connection& c) {
    station_in_scope(c, t, id, p, "id");
    StationRecords records(c, t);
    if (!records.audit(id, audit_status, remark, p.user_name, now)) fail_conflict("只能审核待审核的电站");
    records.add_history(
        id, p.user_name, audit_status == 1 ? "approve" : "reject",
        std::string(audit_status == 1 ? "审核通过" : "审核驳回") + (remark.empty() ? "" : "：" + remark),
        now);
  });
}

void change_station_status(db::Database& db, StationType t, int64_t now, int64_t id, int64_t status,
                           const Principal& p) {
  check_status_value(status);
  db.write([&](Connection& c) {
    auto s = station_in_scope(c, t, id, p, "id");
    if (s.status == status) return;
    StationRecords records(c, t);
    records.set_status(id, status, p.user_name, now);
    records.add_history(id, p.user_name, status == 0 ? "enable" : "disable",
                        status == 0 ? "启用电站" : "停用电站", now);
  });
}

std::vector<db::station::StationOption> station_options(db::Database& db, StationType t,
                                                        std::optional<int64_t> property_id, bool enabled_only,
                                                        const Principal& p) {
  return db.read(
      [&](Connection& c) { return StationRecords(c, t).options(property_id, enabled_only, p.scope); });
}

void FieldChanges::add(const char* field, const std::string& from, const std::string& to) {
  if (from == to) return;
  if (!out_.empty()) out_ += "; ";
  out_ += std::string(field) + ": " + from + " → " + to;
}

void FieldChanges::add(const char* field, const std::optional<int64_t>& from,
                       const std::optional<int64_t>& to) {
  add(field, from ? std::to_string(*from) : std::string(), to ? std::to_string(*to) : std::string());
}

void FieldChanges::add_location(const db::station::CommonFields& a, const db::station::CommonFields& b) {
  add("province", a.province, b.province);
  add("city", a.city, b.city);
  add("district", a.district, b.district);
  add("address", a.address, b.address);
  add("longitude", a.longitude, b.longitude);
  add("latitude", a.latitude, b.latitude);
  add("timezone", a.timezone, b.timezone);
}

}  // namespace zc::station
