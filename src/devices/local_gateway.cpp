#include "devices/local_gateway.hpp"

#include <future>

namespace zc::devices {

CommandReply LocalGateway::send(const DeviceRef& device, const Command& command,
                                std::chrono::milliseconds timeout) {
  auto session = registry_.find({device.kind, device.id});
  if (!session) return {CommandResult::offline, "device not connected"};
  auto promise = std::make_shared<std::promise<CommandReply>>();
  auto future = promise->get_future();
  session->command(command, timeout, [promise](CommandReply r) { promise->set_value(std::move(r)); });
  // The session enforces the timeout itself; the margin only guards against a session that never answers.
  if (future.wait_for(timeout + std::chrono::seconds(2)) != std::future_status::ready)
    return {CommandResult::timeout, "no answer from the device"};
  return future.get();
}

bool LocalGateway::is_online(const DeviceRef& device) {
  return registry_.find({device.kind, device.id}) != nullptr;
}

}  // namespace zc::devices
