#include "service/car/context.hpp"

#include "core/error.hpp"
#include "service/system/context.hpp"

namespace zc::car {

db::car::StationRec station_in_scope(db::Connection& c, int64_t id, const Principal& p,
                                     const std::string& field) {
  db::car::StationRepo repo(c);
  auto s = repo.find(id);
  if (!s || !repo.in_scope(id, p.scope)) fail_not_found(field + ": 电站不存在");
  return *s;
}

void require_station_enabled(db::Connection& c, const db::car::StationRec& s) {
  sys::Owner o;
  o.type = UserType::property;
  o.provider_id = s.provider_id;
  o.property_id = s.property_id;
  sys::check_owner_enabled(c, o);
  if (s.status != 0) fail_conflict("电站已停用，不能在其下新增数据：" + s.name);
}

db::car::AreaRec area_of_station(db::Connection& c, int64_t area_id, int64_t station_id, const Principal& p) {
  return station::area_of_station(c, db::station::StationType::car, area_id, station_id, p);
}

db::car::Owned owned_by(const db::car::StationRec& s) {
  return {s.provider_id, s.property_id, s.id};
}

std::string gun_qr_url(const Config& cfg, const std::string& gun_code) {
  return public_base(cfg) + "/app/gun/" + gun_code;
}

std::string pile_qr_url(const Config& cfg, const std::string& pile_code) {
  return public_base(cfg) + "/app/pile/" + pile_code;
}

std::string private_apply_url(const Config& cfg, int64_t station_id) {
  return public_base(cfg) + "/m/private-apply?stationId=" + std::to_string(station_id);
}

}  // namespace zc::car
