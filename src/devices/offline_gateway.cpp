#include "devices/offline_gateway.hpp"

namespace zc::devices {

void OfflineGateway::send_async(const DeviceRef&, const Command&, std::chrono::milliseconds,
                                ReplyHandler done) {
  done({CommandResult::offline, "no device protocol connected"});
}

bool OfflineGateway::is_online(const DeviceRef&) {
  return false;
}

}  // namespace zc::devices
