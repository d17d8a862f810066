#include "devices/ykc/frame_text.hpp"

#include <fmt/format.h>

#include "devices/ykc/frame.hpp"
#include "devices/ykc/messages.hpp"
#include "devices/ykc/pile_rules.hpp"

namespace zc::ykc {

FrameText describe_frame(std::span<const uint8_t> raw) {
  auto f = decode_frame(raw);
  if (!f) return {"invalid", "", "", to_hex(raw) + " | " + f.error().to_string()};
  const auto* info = frame_type_info(f->type());
  FrameText t{fmt::format("0x{:02X}", f->type()), info ? info->name : "Unknown",
              fmt::format("{:02X}{:02X}", f->seq()[0], f->seq()[1]), to_hex(raw) + " | "};
  if (f->header.encryption != kPlain)  // as the dispatcher reports it
    t.text += fmt::format("decode error: encryption: encrypted frames (flag {}) are not supported",
                          f->header.encryption);
  else if (!info)
    t.text += "not handled";
  else
    t.text += frame_summary(f->type(), f->body);
  return t;
}

}  // namespace zc::ykc
