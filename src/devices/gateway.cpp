#include "devices/gateway.hpp"

#include <future>
#include <memory>

namespace zc::devices {

CommandReply DeviceGateway::send(const DeviceRef& device, const DeviceCommand& command,
                                 std::chrono::milliseconds timeout) {
  auto promise = std::make_shared<std::promise<CommandReply>>();
  auto future = promise->get_future();
  send_async(device, command, timeout, [promise](CommandReply r) { promise->set_value(std::move(r)); });
  // The session enforces the timeout itself; the margin only guards against a session that never answers.
  if (future.wait_for(timeout + std::chrono::seconds(2)) != std::future_status::ready)
    return CommandReply::timeout("no answer from the device");
  return future.get();
}

}  // namespace zc::devices
