#pragma once
// OCPP-J frames: [2, id, action, payload] CALL, [3, id, payload] CALLRESULT,
// [4, id, code, description, details] CALLERROR. Parsing never throws; a frame that breaks the RPC
// structure gives a FrameError (FormationViolation) with the message id when it can be recovered
// ("-1" when not), and `reply` false when the broken frame was itself an answer (never answered).
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <variant>

#include "devices/ocpp16/schema.hpp"

namespace zc::devices::ocpp16 {

struct Frame {
  int type = 2;  // 2 CALL, 3 CALLRESULT, 4 CALLERROR
  std::string id;
  std::string action;          // CALL
  boost::json::value payload;  // CALL, CALLRESULT; CALLERROR: details
  std::string error_code, error_description;
};

struct FrameError {
  std::string id = "-1";
  CallError error;
  bool reply = true;
};

// `sp`: where the payload's DOM lives (the sessions pass a per-thread monotonic buffer, released after
// each message: no allocation per message).
std::variant<Frame, FrameError> parse_frame(std::string_view text, boost::json::storage_ptr sp = {});

std::string encode_call(const std::string& id, const std::string& action, const boost::json::value& payload);
std::string encode_result(const std::string& id, const boost::json::value& payload);
std::string encode_error(const std::string& id, const std::string& code, const std::string& description);

// The same texts appended to `out` (no intermediate DOM: the sessions' hot path).
void append_result(std::string& out, std::string_view id, const boost::json::value& payload);
void append_error(std::string& out, std::string_view id, std::string_view code, std::string_view description);

const char* frame_type_name(int type);

}  // namespace zc::devices::ocpp16
