#pragma once
// A stand-in for the parking rules (issue 17) until src/service/parking implements ParkingEvents: the
// plate colour alone decides — a green (new-energy) plate entering opens the lock, anything else keeps it
// closed; lock reports are ignored. No reservations, whitelist or occupancy. Replace it in
// app/platform.cpp with the real implementation.
#include "devices/camera/parking_events.hpp"

namespace zc::parking {

class DefaultParkingEvents final : public devices::camera::ParkingEvents {
 public:
  devices::camera::PlateDecision on_plate(const devices::camera::PlateEvent& e) override {
    using devices::camera::Direction;
    using devices::camera::PlateColor;
    if (e.direction == Direction::leaving) return {false, "left"};
    if (e.color == PlateColor::green) return {true, "new_energy"};
    return {false, e.color == PlateColor::blue ? "fuel_refused" : "not_allowed"};
  }
  void on_lock_state(int64_t, devices::LockSide, const devices::camera::LockState&) override {}
};

}  // namespace zc::parking
