#include "devices/gateway.hpp"

namespace zc::devices {

const char* to_string(CommandResult r) {
  switch (r) {
    case CommandResult::accepted:
      return "accepted";
    case CommandResult::rejected:
      return "rejected";
    case CommandResult::offline:
      return "offline";
    case CommandResult::timeout:
      return "timeout";
  }
  return "offline";
}

}  // namespace zc::devices
