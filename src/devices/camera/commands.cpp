// The wire form of the camera commands and the camera's lock reports: every field the fact sheet
// (shared/protocols/camera-vzenith.md) marks unverified is decided here and only here (docs/camera.md,
// "Unverified").
#include <type_traits>

#include "devices/camera/protocol.hpp"

namespace zc::devices::camera {

namespace json = boost::json;

namespace {

// Unverified: the camera's I/O output that drives each side's lock (left spot io 0, right spot io 1),
// value 1 = lower the lock (open the spot), 0 = raise it.
int io_of(LockSide s) {
  return s == LockSide::right ? 1 : 0;
}
constexpr int kIoLower = 1, kIoRaise = 0;
// Unverified: triggerType bit of a capture asked for by the platform (manualTrigger).
constexpr int kManualTriggerBit = 4;

bool put(json::object& r, std::string_view key, json::value v) {
  if (r.contains(key)) return false;
  r[key] = std::move(v);
  return true;
}

LockState::Arm arm_of(const std::string& s) {
  return s == "raised"    ? LockState::Arm::raised
         : s == "lowered" ? LockState::Arm::lowered
         : s == "moving"  ? LockState::Arm::moving
                          : LockState::Arm::unknown;
}

}  // namespace

bool put_command(json::object& r, const DeviceCommand& cmd, int64_t now_ms) {
  return std::visit(
      [&](const auto& c) -> bool {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, LockOpen> || std::is_same_v<T, LockClose>) {
          json::object io{{"io", io_of(c.side)},
                          {"value", std::is_same_v<T, LockOpen> ? kIoLower : kIoRaise},
                          {"delay", 0}};
          return put(r, "ivs_ioctrl", std::move(io));
        } else if constexpr (std::is_same_v<T, Capture>) {
          return put(r, "manualTrigger", "ok");  // verified: the result arrives as a normal push
        } else if constexpr (std::is_same_v<T, Reboot>) {
          return put(r, "reboot_dev", "ok");  // unverified name
        } else if constexpr (std::is_same_v<T, ClockSync>) {
          // Unverified: the platform's time as the push's own timeStamp form.
          json::object tv{{"sec", now_ms / 1000}, {"usec", (now_ms % 1000) * 1000}};
          return put(r, "time_sync", json::object{{"timeStamp", json::object{{"Timeval", std::move(tv)}}}});
        } else if constexpr (std::is_same_v<T, SyncLock>) {
          // Unverified: ask the lock controller for its state ("" = both sides); the answer is a "locks"
          // report.
          return put(r, "lock_query", json::object{{"side", side_name(c.side)}});
        } else if constexpr (std::is_same_v<T, Refresh>) {
          return true;  // no field: a camera that polls is alive and answers with its state
        } else {
          return false;
        }
      },
      cmd);
}

bool camera_carries(const DeviceCommand& cmd) {
  return std::holds_alternative<LockOpen>(cmd) || std::holds_alternative<LockClose>(cmd) ||
         std::holds_alternative<Capture>(cmd) || std::holds_alternative<Reboot>(cmd) ||
         std::holds_alternative<ClockSync>(cmd) || std::holds_alternative<SyncLock>(cmd) ||
         std::holds_alternative<Refresh>(cmd);
}

std::optional<std::pair<LockSide, LockState::Arm>> awaited_lock(const DeviceCommand& cmd) {
  if (auto* o = std::get_if<LockOpen>(&cmd)) return std::pair{o->side, LockState::Arm::lowered};
  if (auto* c = std::get_if<LockClose>(&cmd)) return std::pair{c->side, LockState::Arm::raised};
  // Any report of the side (no side: of either) answers a lock-state sync.
  if (auto* s = std::get_if<SyncLock>(&cmd)) return std::pair{s->side, LockState::Arm::unknown};
  return std::nullopt;
}

// Unverified (no public form): the lock controller's state as the camera relays it, a "locks" array in
// the heartbeat or in AlarmInfoPlate: [{"side": "left"|"right", "state": "raised"|"lowered"|"moving",
// "car": 0|1, "battery": 0–100, "alarm": ""}].
std::vector<LockReport> lock_reports(const json::object& m) {
  std::vector<LockReport> out;
  auto* v = m.if_contains("locks");
  if (!v || !v->is_array()) return out;
  for (auto& e : v->as_array()) {
    auto* o = e.if_object();
    if (!o) continue;
    LockReport r;
    auto* side = o->if_contains("side");
    std::string s = side && side->is_string() ? std::string(side->as_string()) : "";
    r.side = s == "left" ? LockSide::left : s == "right" ? LockSide::right : LockSide::none;
    if (r.side == LockSide::none) continue;
    if (auto* st = o->if_contains("state"); st && st->is_string())
      r.state.arm = arm_of(std::string(st->as_string()));
    if (auto* car = o->if_contains("car"); car && car->is_int64()) r.state.car_present = car->as_int64() != 0;
    if (auto* b = o->if_contains("battery"); b && b->is_int64())
      r.state.battery_percent = static_cast<int>(b->as_int64());
    if (auto* a = o->if_contains("alarm"); a && a->is_string()) r.state.alarm = std::string(a->as_string());
    out.push_back(std::move(r));
  }
  return out;
}

bool is_manual_trigger(int trigger) {
  return (trigger & kManualTriggerBit) != 0;
}

}  // namespace zc::devices::camera
