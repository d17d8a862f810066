#pragma once
// SQL of the YKC pile sessions (src/devices/ykc/server, docs/ykc.md): the pile at login (code → id,
// station zone, area), what the pile reported at login (ykc_pile), the billing model it holds, and the
// parking-spot ground locks bound to a pile's guns.
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace zc::db::dev {

struct YkcPile {
  int64_t id = 0;
  std::string code, protocol, timezone;
  int64_t status = 0, gun_count = 0, area_id = 0, station_id = 0;
};

struct YkcLogin {
  std::string pile_type, protocol_version, firmware, sim, network, crc_order, remote_ip;
  int64_t gun_count = 0, network_code = 0, carrier = 0;
};

struct YkcLockSpot {
  int64_t spot_id = 0, gun_no = 0;
  std::string code;
};

class YkcRepo {
 public:
  explicit YkcRepo(Connection& c) : c_(c) {}
  std::optional<YkcPile> find_pile(const std::string& code);
  std::optional<YkcPile> find_pile(int64_t id);
  void save_login(int64_t pile_id, const YkcLogin& l, int64_t now);
  void set_crc_order(int64_t pile_id, const std::string& order);
  // The model the pile holds: confirmed (0x06 consistent / 0x57 success → accepted), given in answer to its
  // request (0x0A, no answer frame → sent) or refused (0x57 failure → rejected; model_no kept).
  void set_model(int64_t pile_id, int64_t model_no, const std::string& result, int64_t now);
  // {pileType, gunCount, protocolVersion, firmware, sim, network, carrier, crcOrder, modelNo,
  //  modelResult, modelTime, loginTime, remoteIp} or null when the pile never logged in over YKC.
  boost::json::value info(int64_t pile_id);
  // The spot whose ground lock is gun `gun_no` of the pile.
  std::optional<YkcLockSpot> lock_spot(int64_t pile_id, int64_t gun_no);
  // The pile and gun a spot's lock belongs to.
  std::optional<std::pair<int64_t, int64_t>> lock_of_spot(int64_t spot_id);
  // Binds the spot's ground lock to gun `gun_no` of the pile (a gun has one lock: a previous spot of
  // that gun is unbound), or unbinds it (pile_id nullopt).
  void bind_lock(int64_t spot_id, std::optional<int64_t> pile_id, int64_t gun_no);

 private:
  Connection& c_;
};

}  // namespace zc::db::dev
