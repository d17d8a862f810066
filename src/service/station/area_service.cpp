#include "service/station/area_service.hpp"

#include "core/error.hpp"
#include "service/station/station_config.hpp"
#include "service/station/station_rules.hpp"
#include "service/system/rules.hpp"

namespace zc::station {

namespace json = boost::json;
using db::Connection;
using db::station::AreaRepo;

static void check_area_fields(db::station::StationType type, const AreaFields& f) {
  check_name("name", f.name);
  sys::check_contact_phone("phone", f.phone);
  if (type == db::station::StationType::car && (f.power < 0 || f.power > 1000000))
    fail_bad_request("power: 必须在0到1000000（kW）之间");
}

db::Page AreaService::list(const QueryParams& q, const Principal& p) {
  return db_.read([&](Connection& c) { return AreaRepo(c, type_).list(q, p.scope); });
}

json::object AreaService::get(int64_t id, const Principal& p) {
  auto row = db_.read([&](Connection& c) { return AreaRepo(c, type_).detail(id, p.scope); });
  if (!row) fail_not_found("区域不存在");
  return *row;
}

std::vector<db::station::AreaOption> AreaService::options(std::optional<int64_t> station_id,
                                                          bool enabled_only, const Principal& p) {
  return db_.read(
      [&](Connection& c) { return AreaRepo(c, type_).options(station_id, enabled_only, p.scope); });
}

int64_t AreaService::create(int64_t station_id, const AreaFields& f, const Principal& p) {
  check_area_fields(type_, f);
  return db_.write([&](Connection& c) {
    auto s = station_in_scope(c, type_, station_id, p);
    require_station_enabled(c, s);
    return AreaRepo(c, type_).insert({s.provider_id, s.property_id, s.id}, f, false, p.user_name,
                                     clock_.now());
  });
}

void AreaService::update(int64_t id, const AreaFields& f, const Principal& p) {
  check_area_fields(type_, f);
  db_.write([&](Connection& c) {
    AreaRepo repo(c, type_);
    if (!repo.in_scope(id, p.scope)) fail_not_found("区域不存在");
    repo.update(id, f, p.user_name, clock_.now());
  });
}

void AreaService::change_status(int64_t id, int64_t status, const Principal& p) {
  check_status_value(status);
  db_.write([&](Connection& c) {
    AreaRepo repo(c, type_);
    if (!repo.in_scope(id, p.scope)) fail_not_found("区域不存在");
    repo.set_status(id, status, p.user_name, clock_.now());
  });
}

void AreaService::remove(int64_t id, const Principal& p) {
  db_.write([&](Connection& c) {
    AreaRepo repo(c, type_);
    auto a = repo.find(id);
    if (!a || !repo.in_scope(id, p.scope)) fail_not_found("区域不存在");
    if (a->is_default) fail_conflict("电站的默认区域不能删除");
    if (repo.device_count(id) > 0) fail_conflict("区域下存在充电设备，请先删除设备");
    if (repo.tariff_count(id) > 0) fail_conflict("区域下存在计费规则，请先删除计费规则");
    repo.remove(id);
  });
}

AreaRec area_of_station(Connection& c, db::station::StationType type, int64_t area_id, int64_t station_id,
                        const Principal& p) {
  AreaRepo repo(c, type);
  auto a = repo.find(area_id);
  if (!a || !repo.in_scope(area_id, p.scope)) fail_not_found("areaId: 区域不存在");
  if (a->station_id != station_id) fail_bad_request("areaId: 区域不属于所选电站");
  return *a;
}

void require_area_enabled(const AreaRec& a) {
  if (a.status != 0) fail_conflict("区域已停用，不能在其下新增数据：" + a.name);
}

}  // namespace zc::station
