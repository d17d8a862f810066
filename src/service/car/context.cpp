#include "service/car/context.hpp"

#include "core/error.hpp"

namespace zc::car {

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
