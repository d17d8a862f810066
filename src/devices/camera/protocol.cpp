#include "devices/camera/protocol.hpp"

#include <sodium.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace zc::devices::camera {

namespace json = boost::json;

namespace {

int64_t int_of(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  if (!v) return 0;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64()) return static_cast<int64_t>(v->as_uint64());
  if (v->is_double()) return static_cast<int64_t>(v->as_double());
  if (v->is_string()) {
    try {
      return std::stoll(std::string(v->as_string()));
    } catch (...) {
      return 0;
    }
  }
  if (v->is_bool()) return v->as_bool() ? 1 : 0;
  return 0;
}

std::string str_of(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

const json::object* obj_of(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v ? v->if_object() : nullptr;
}

// Moves a base64 photo out of the message, leaving a placeholder for the log.
std::string take_image(json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  if (!v || !v->is_string()) return {};
  std::string b64(v->as_string());
  *v = "<jpeg, " + std::to_string(b64.size()) + " base64 chars>";
  return b64;
}

}  // namespace

std::optional<Inbound> parse_inbound(std::string_view body, std::string& error) {
  boost::system::error_code ec;
  json::value v = json::parse(body, ec);
  if (ec || !v.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  auto& top = v.as_object();
  Inbound in;
  if (auto* a = top.if_contains("AlarmInfoPlate"); a && a->is_object()) {
    auto& alarm = a->as_object();
    in.kind = Inbound::Kind::push;
    in.serial = str_of(alarm, "serialno");
    in.plate.channel = static_cast<int>(int_of(alarm, "channel"));
    in.locks = lock_reports(alarm);
    auto* rv = alarm.if_contains("result");
    auto* result = rv ? rv->if_object() : nullptr;
    auto* pr = result ? result->if_contains("PlateResult") : nullptr;
    if (!pr || !pr->is_object()) {
      error = "AlarmInfoPlate.result.PlateResult missing";
      return std::nullopt;
    }
    auto& r = pr->as_object();
    auto& p = in.plate;
    p.plate = str_of(r, "license");
    p.color = static_cast<int>(int_of(r, "colorType"));
    p.type = static_cast<int>(int_of(r, "type"));
    p.confidence = static_cast<int>(int_of(r, "confidence"));
    p.direction = static_cast<int>(int_of(r, "direction"));
    p.trigger = static_cast<int>(int_of(r, "triggerType"));
    p.record_id = int_of(r, "plateid");
    p.offline = int_of(r, "isoffline") != 0;
    if (auto* loc = obj_of(r, "location"))
      if (auto* rect = obj_of(*loc, "RECT")) {
        p.rect_left = static_cast<int>(int_of(*rect, "left"));
        p.rect_right = static_cast<int>(int_of(*rect, "right"));
      }
    if (auto* ts = obj_of(r, "timeStamp"))
      if (auto* tv = obj_of(*ts, "Timeval")) p.at_ms = int_of(*tv, "sec") * 1000 + int_of(*tv, "usec") / 1000;
    p.image = take_image(r, "imageFile");
    p.plate_image = take_image(r, "imageFragmentFile");
  } else {
    // The heartbeat / comet poll: its fields at the top, or inside "heartbeat" (both seen in the field).
    json::object* hb = &top;
    if (auto* h = top.if_contains("heartbeat"); h && h->is_object()) hb = &h->as_object();
    in.serial = str_of(*hb, "serialno");
    in.locks = lock_reports(*hb);
    if (auto* pw = hb->if_contains("pass_wd")) *pw = "***";
  }
  if (in.serial.empty()) {
    error = "serialno missing";
    return std::nullopt;
  }
  in.log_text = json::serialize(v);
  return in;
}

Direction direction_of(int d) {
  return d == 3 ? Direction::entering : d == 4 ? Direction::leaving : Direction::unknown;
}

PlateColor color_of(int c) {
  return c >= 0 && c <= 5 ? static_cast<PlateColor>(c) : PlateColor::unknown;
}

LockSide side_of(const PlateResult& p, const std::string& rule, int frame_width) {
  if (rule == "channel") return p.channel == 0 ? LockSide::left : LockSide::right;
  int width = frame_width > 0 ? frame_width : 1920;
  return (p.rect_left + p.rect_right) / 2 < width / 2 ? LockSide::left : LockSide::right;
}

int jpeg_width(const std::string& j) {
  auto at = [&](size_t i) { return static_cast<unsigned char>(j[i]); };
  if (j.size() < 4 || at(0) != 0xFF || at(1) != 0xD8) return 0;
  size_t i = 2;
  while (i + 9 < j.size()) {
    if (at(i) != 0xFF) return 0;
    unsigned marker = at(i + 1);
    size_t len = (at(i + 2) << 8) | at(i + 3);
    // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC): height at +5, width at +7.
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
      return (at(i + 7) << 8) | at(i + 8);
    i += 2 + len;
  }
  return 0;
}

std::optional<std::string> decode_base64(const std::string& b64) {
  std::string out(b64.size() / 4 * 3 + 3, '\0');
  size_t n = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(), b64.size(),
                        "\r\n ", &n, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(n);
  return out;
}

const char* side_name(LockSide s) {
  return s == LockSide::left ? "left" : s == LockSide::right ? "right" : "";
}

}  // namespace zc::devices::camera
