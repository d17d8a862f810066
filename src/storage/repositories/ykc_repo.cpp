#include "storage/repositories/ykc_repo.hpp"

#include <boost/json/object.hpp>

namespace zc::db::dev {

static constexpr const char* kPileSelect =
    "SELECT p.id, p.code, p.protocol, s.timezone, p.status, p.gun_count, p.area_id, p.station_id FROM "
    "car_pile p JOIN car_station s ON s.id = p.station_id ";

static std::optional<YkcPile> pile_of(const Result& r) {
  if (r.empty()) return std::nullopt;
  return YkcPile{r.i64(0, 0), r.str(0, 1), r.str(0, 2), r.str(0, 3),
                 r.i64(0, 4), r.i64(0, 5), r.i64(0, 6), r.i64(0, 7)};
}

std::optional<YkcPile> YkcRepo::find_pile(const std::string& code) {
  return pile_of(c_.query(std::string(kPileSelect) + "WHERE p.code = ?", {code}));
}

std::optional<YkcPile> YkcRepo::find_pile(int64_t id) {
  return pile_of(c_.query(std::string(kPileSelect) + "WHERE p.id = ?", {id}));
}

void YkcRepo::save_login(int64_t pile_id, const YkcLogin& l, int64_t now) {
  c_.execute(
      "INSERT INTO ykc_pile (pile_id, pile_type, gun_count, protocol_version, firmware, sim, network, "
      "network_code, carrier, crc_order, login_time, remote_ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (pile_id) DO UPDATE SET pile_type = excluded.pile_type, gun_count = excluded.gun_count, "
      "protocol_version = excluded.protocol_version, firmware = excluded.firmware, sim = excluded.sim, "
      "network = excluded.network, network_code = excluded.network_code, carrier = excluded.carrier, "
      "crc_order = excluded.crc_order, login_time = excluded.login_time, remote_ip = excluded.remote_ip",
      {pile_id, l.pile_type, l.gun_count, l.protocol_version, l.firmware, l.sim, l.network, l.network_code,
       l.carrier, l.crc_order, now, l.remote_ip});
}

void YkcRepo::set_crc_order(int64_t pile_id, const std::string& order) {
  c_.execute("UPDATE ykc_pile SET crc_order = ? WHERE pile_id = ?", {order, pile_id});
}

void YkcRepo::set_model(int64_t pile_id, int64_t model_no, const std::string& result, int64_t now) {
  if (result == "accepted" || result == "sent")
    c_.execute("UPDATE ykc_pile SET model_no = ?, model_result = ?, model_time = ? WHERE pile_id = ?",
               {model_no, result, now, pile_id});
  else
    c_.execute("UPDATE ykc_pile SET model_result = ?, model_time = ? WHERE pile_id = ?",
               {result, now, pile_id});
}

boost::json::value YkcRepo::info(int64_t pile_id) {
  Result r = c_.query(
      "SELECT pile_type AS \"pileType\", gun_count AS \"gunCount\", protocol_version AS \"protocolVersion\", "
      "firmware AS \"firmware\", sim AS \"sim\", network AS \"network\", carrier AS \"carrier\", crc_order "
      "AS "
      "\"crcOrder\", model_no AS \"modelNo\", model_result AS \"modelResult\", model_time AS \"modelTime\", "
      "login_time AS \"loginTime\", remote_ip AS \"remoteIp\" FROM ykc_pile WHERE pile_id = ?",
      {pile_id});
  if (r.empty()) return nullptr;
  return r.row_json(0);
}

std::optional<YkcLockSpot> YkcRepo::lock_spot(int64_t pile_id, int64_t gun_no) {
  Result r = c_.query("SELECT id, lock_gun_no, code FROM car_spot WHERE lock_pile_id = ? AND lock_gun_no = ?",
                      {pile_id, gun_no});
  if (r.empty()) return std::nullopt;
  return YkcLockSpot{r.i64(0, 0), r.i64(0, 1), r.str(0, 2)};
}

std::optional<std::pair<int64_t, int64_t>> YkcRepo::lock_of_spot(int64_t spot_id) {
  Result r = c_.query(
      "SELECT lock_pile_id, lock_gun_no FROM car_spot WHERE id = ? AND lock_pile_id IS NOT NULL AND "
      "lock_gun_no "
      "IS NOT NULL",
      {spot_id});
  if (r.empty()) return std::nullopt;
  return std::make_pair(r.i64(0, 0), r.i64(0, 1));
}

void YkcRepo::bind_lock(int64_t spot_id, std::optional<int64_t> pile_id, int64_t gun_no) {
  if (!pile_id) {
    c_.execute("UPDATE car_spot SET lock_pile_id = NULL, lock_gun_no = NULL WHERE id = ?", {spot_id});
    return;
  }
  c_.execute(
      "UPDATE car_spot SET lock_pile_id = NULL, lock_gun_no = NULL WHERE lock_pile_id = ? AND lock_gun_no = "
      "?",
      {*pile_id, gun_no});
  c_.execute("UPDATE car_spot SET lock_pile_id = ?, lock_gun_no = ? WHERE id = ?",
             {*pile_id, gun_no, spot_id});
}

}  // namespace zc::db::dev
