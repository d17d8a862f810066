// The plate whitelist (MEM-WL): plates a property's parking cameras let in without counting occupancy time
// at the car stations they are bound to (the parking rules read WhitelistRepo::admits).
#include "core/error.hpp"
#include "service/driver/plate.hpp"
#include "service/member/member_services.hpp"
#include "service/system/context.hpp"
#include "storage/repositories/member_product.hpp"
#include "storage/repositories/member_whitelist.hpp"

namespace zc::member {

namespace json = boost::json;
using db::member::WhitelistRepo;

// The stations must be car stations of the property: at least one (400 naming the field).
static void check_stations(db::Connection& c, const std::vector<int64_t>& ids, int64_t property_id) {
  if (ids.empty()) fail_bad_request("stationIds: 至少绑定一个汽车电站");
  auto foreign = db::member::ProductRepo(c).foreign_stations("car", ids, property_id);
  if (!foreign.empty())
    fail_bad_request("stationIds: 电站不存在或不属于该物业（" + std::to_string(foreign[0]) + "）");
}

db::Page WhitelistService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) { return WhitelistRepo(c).list(q, p.scope); });
}

json::object WhitelistService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](db::Connection& c) { return WhitelistRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("白名单不存在");
  return *row;
}

int64_t WhitelistService::create(const WhitelistInput& in, const Principal& p) {
  auto plate = driver::normalize_plate(in.plate);
  if (!plate) fail_bad_request("plate: 车牌号格式不正确（如 粤B12345，新能源 粤BD12345）");
  int64_t id = ctx_.db.write([&](db::Connection& c) {
    sys::Owner owner = sys::property_owner(c, in.property_id, p);
    check_stations(c, in.station_ids, owner.property_id);
    WhitelistRepo repo(c);
    if (repo.plate_listed(owner.property_id, *plate, 0)) fail_conflict("plate: 该车牌已在白名单中");
    return repo.insert(owner.provider_id, owner.property_id, *plate, in.remark, in.station_ids, p.user_name,
                       ctx_.clock.now());
  });
  changed(in.station_ids);
  return id;
}

void WhitelistService::changed(const std::vector<int64_t>& station_ids) {
  if (ctx_.whitelist_watcher && !station_ids.empty()) ctx_.whitelist_watcher->whitelist_changed(station_ids);
}

void WhitelistService::update(const WhitelistInput& in, const Principal& p) {
  std::vector<int64_t> before;
  ctx_.db.write([&](db::Connection& c) {
    WhitelistRepo repo(c);
    auto row = repo.find(in.id, p.scope);
    if (!row) fail_not_found("白名单不存在");
    check_stations(c, in.station_ids, row->property_id);
    before = repo.stations_of(in.id);
    repo.update(in.id, in.remark, in.station_ids, p.user_name, ctx_.clock.now());
  });
  before.insert(before.end(), in.station_ids.begin(), in.station_ids.end());
  changed(before);
}

void WhitelistService::change_status(int64_t id, int64_t status, const Principal& p) {
  if (status != 0 && status != 1) fail_bad_request("status: 只能是0或1");
  auto stations = ctx_.db.write([&](db::Connection& c) {
    WhitelistRepo repo(c);
    if (!repo.find(id, p.scope)) fail_not_found("白名单不存在");
    repo.set_status(id, status, p.user_name, ctx_.clock.now());
    return repo.stations_of(id);
  });
  changed(stations);
}

void WhitelistService::remove(int64_t id, const Principal& p) {
  auto stations = ctx_.db.write([&](db::Connection& c) {
    WhitelistRepo repo(c);
    if (!repo.find(id, p.scope)) fail_not_found("白名单不存在");
    auto ids = repo.stations_of(id);
    repo.remove(id);
    return ids;
  });
  changed(stations);
}

}  // namespace zc::member
