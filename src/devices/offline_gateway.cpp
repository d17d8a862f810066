#include "devices/offline_gateway.hpp"

namespace zc::devices {

CommandReply OfflineGateway::send(const DeviceRef&, const Command&, std::chrono::milliseconds) {
  return {CommandResult::offline, "no device protocol connected"};
}

bool OfflineGateway::is_online(const DeviceRef&) {
  return false;
}

}  // namespace zc::devices
