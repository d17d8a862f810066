#include "devices/local_gateway.hpp"

namespace zc::devices {

void LocalGateway::send_async(const DeviceRef& device, const DeviceCommand& command,
                              std::chrono::milliseconds timeout, ReplyHandler done) {
  auto session = registry_.find({device.kind, device.id});
  if (!session) return done(CommandReply::offline("device not connected"));
  session->command(command, timeout, std::move(done));
}

bool LocalGateway::is_online(const DeviceRef& device) {
  return registry_.find({device.kind, device.id}) != nullptr;
}

}  // namespace zc::devices
