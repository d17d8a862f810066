#pragma once
// What a parking camera reports, as the platform's parking rules see it (issue 17). The camera gateway
// (src/devices/camera) decodes the Vzenith push, stores the photo and calls ParkingEvents; the parking
// service (src/service/parking) implements it: reservations, whitelist, plate colour rules, occupancy.
// Owned by the devices layer so the gateway never reaches into services (docs/architecture.md, layers).
#include <cstdint>
#include <optional>
#include <string>

#include "devices/command.hpp"

namespace zc::devices::camera {

enum class PlateColor { unknown, blue, yellow, white, black, green };  // Vzenith colorType 0–5
enum class Direction { unknown, entering, leaving };

// One recognised plate, after the gateway has durably stored its capture record (and photo).
struct PlateEvent {
  int64_t camera_id = 0;
  LockSide side = LockSide::none;  // the camera's left or right spot
  std::string plate;               // UTF-8, as recognised ("" when the camera saw a car but no plate)
  PlateColor color = PlateColor::unknown;
  Direction direction = Direction::unknown;
  int confidence = 0;      // 0–100
  int64_t record_id = 0;   // the camera's plateid (offline resends repeat it)
  bool offline = false;    // a record the camera stored while offline and resends now
  int64_t at_ms = 0;       // when the camera saw it (its timestamp), epoch ms
  int64_t capture_id = 0;  // the stored capture row
};

// The rules' answer to a plate: open the spot's lock or keep it closed, and why (a stable code shown in
// the capture record: "reservation", "whitelist", "new_energy", "fuel_refused", "disabled", "left", …).
struct PlateDecision {
  bool open = false;
  std::string reason;
};

// A lock's state as a camera (or a pile, YKC 0x61) reports it.
struct LockState {
  enum class Arm { unknown, raised, lowered, moving } arm = Arm::unknown;
  std::optional<bool> car_present;
  std::optional<int> battery_percent;
  std::string alarm;  // "" = none
};

class ParkingEvents {
 public:
  virtual ~ParkingEvents() = default;
  // Runs on a worker thread (blocking allowed). Called once per stored record: an offline resend of a
  // record already applied is not passed again.
  virtual PlateDecision on_plate(const PlateEvent& event) = 0;
  virtual void on_lock_state(int64_t camera_id, LockSide side, const LockState& state) = 0;
};

}  // namespace zc::devices::camera
