#pragma once
// Typed device commands ↔ OCPP 1.6: the one place that knows which CALL carries a command and what the
// charger's answer means (docs/ocpp.md "Commands").
#include <variant>

#include "devices/command.hpp"
#include "devices/ocpp16/frame.hpp"
#include "devices/ocpp16/messages.hpp"

namespace zc::devices::ocpp16 {

// The CALL that carries `c`, or the platform's refusal (not sent): unsupported_by_protocol for commands
// OCPP 1.6 has no message for, invalid_argument for arguments it cannot carry.
std::variant<OutboundCall, CommandReply> to_call(const DeviceCommand& c);

// The charger's CALLRESULT payload (`action` = the CALL's action) or CALLERROR as a reply.
CommandReply reply_of(const std::string& action, const json::value& payload);
CommandReply reply_of_error(const std::string& error_code, const std::string& description);

}  // namespace zc::devices::ocpp16
