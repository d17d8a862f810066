#pragma once
// The Vzenith IVS HTTP push as the camera gateway reads and answers it (docs/camera.md). Pure: JSON in,
// typed messages out; the wire form of the commands and every field the fact sheet marks unverified are in
// commands.cpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "devices/camera/parking_events.hpp"
#include "devices/command.hpp"

namespace zc::devices::camera {

struct PlateResult {
  int channel = 0;
  std::string plate;
  int color = 0, type = 0, confidence = 0, direction = 0, trigger = 0;
  int64_t record_id = 0;
  bool offline = false;
  int rect_left = 0, rect_right = 0;
  int64_t at_ms = 0;               // the camera's timeStamp; 0 = none
  std::string image, plate_image;  // base64, moved out of the message (the log keeps a placeholder)
};

struct LockReport {
  LockSide side = LockSide::none;
  LockState state;
};

struct Inbound {
  enum class Kind { push, poll } kind = Kind::poll;
  std::string serial;
  PlateResult plate;              // push
  std::vector<LockReport> locks;  // lock states the message reports (commands.cpp: where they are)
  std::string log_text;           // the message as JSON, photos replaced by "<jpeg, N base64 chars>"
};

// nullopt with `error` set when the body is not one of the camera's messages.
std::optional<Inbound> parse_inbound(std::string_view body, std::string& error);

Direction direction_of(int vzenith_direction);
PlateColor color_of(int vzenith_color);
// Which spot of the camera the plate is: `rule` "channel" (channel 0 = left) or "rect" (plate centre in
// the left half of the frame = left; `frame_width` from the JPEG, 0 = unknown → 1920).
LockSide side_of(const PlateResult& p, const std::string& rule, int frame_width);
// The width of a JPEG (its SOF marker); 0 when it cannot be read.
int jpeg_width(const std::string& jpeg);
// Standard base64 → bytes; nullopt when malformed.
std::optional<std::string> decode_base64(const std::string& b64);

// ---- commands.cpp: the wire form ---------------------------------------------------------------------
// Adds the command to the reply object (the inside of Response_AlarmInfoPlate); false when the field it
// needs is already taken in this reply (it goes in the next one).
bool put_command(boost::json::object& reply, const DeviceCommand& cmd, int64_t now_ms);
// The camera can carry the command (the others are refused unsupported_by_protocol).
bool camera_carries(const DeviceCommand& cmd);
// A lock command is done when a report shows this arm state on this side; nullopt: done when taken.
std::optional<std::pair<LockSide, LockState::Arm>> awaited_lock(const DeviceCommand& cmd);
// Lock reports of a message (unverified field names: commands.cpp).
std::vector<LockReport> lock_reports(const boost::json::object& message);
// The trigger type of a manual capture (unverified).
bool is_manual_trigger(int trigger);
const char* side_name(LockSide s);

}  // namespace zc::devices::camera
