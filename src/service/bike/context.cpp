#include "service/bike/context.hpp"

#include "core/error.hpp"
#include "service/station/device_support.hpp"

namespace zc::bike {

std::string socket_qr_url(const Config& cfg, const std::string& socket_code) {
  return station::public_link(cfg, "/app/socket/" + socket_code);
}

std::string device_qr_url(const Config& cfg, const std::string& device_code) {
  return station::public_link(cfg, "/app/device/" + device_code);
}

}  // namespace zc::bike
