#pragma once
// How a YKC frame reads in the message log (GET /car/pile/{id}/messages). The log stores frames raw, as
// on the wire; this decodes one when an operator views it.
#include <cstdint>
#include <span>
#include <string>

namespace zc::ykc {

struct FrameText {
  std::string type;        // "0x13"
  std::string action;      // "RealtimeData" ("Unknown" for a code the protocol does not define)
  std::string message_id;  // the sequence field as on the wire, "0100"
  std::string text;        // "68 … | gun 1 charging 380.0 V …" (hex, then the decoded summary or error)
};

// One whole frame (start byte … CRC). Bytes that are not one valid frame read as type "invalid".
FrameText describe_frame(std::span<const uint8_t> raw);

}  // namespace zc::ykc
