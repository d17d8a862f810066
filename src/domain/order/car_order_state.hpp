#pragma once
// The car charging order's life (ORD-CAR, spec 3.4.1) as an explicit transition table. Pure.
//
//   starting ──start_confirmed──▶ charging ──stop_requested──▶ stopping ──final_record──▶ completed
//      │ start_refused / start_timeout        │  ▲                 │ stop_refused → charging
//      ▼                                      │  │ device_returned  │ device_lost_timeout
//   abnormal                 device_lost_timeout  suspended ◀───────┘
//
// - starting: the start command was sent, the device has not confirmed yet.
// - abnormal: the device refused the start, or did not confirm within the start timeout.
// - suspended: the device lost its connection while charging (or stopping) for longer than the
//   configured timeout (see suspend_due). It resumes charging when the device comes back reporting the
//   same session; its final record completes it.
// - final_record: the device's transaction record (YKC 0x3B, OCPP StopTransaction) — it settles the order
//   whenever it arrives (a pile that ended on its own, a record sent after a reconnect, or a late record
//   of a session whose start confirmation was lost).
// - admin_end (ORD-CAR 结束): settles by the last reported value from every non-final state.
// completed is final. An event that the table does not list for a state is refused (nullopt): the
// caller logs it and changes nothing (a duplicate record for a completed order is such a case).
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/order/state_table.hpp"

namespace zc::order {

enum class CarOrderState { starting, charging, stopping, completed, abnormal, suspended };
enum class CarOrderEvent {
  start_confirmed,      // the device reports the session started
  start_refused,        // the device answered the start command with a refusal
  start_timeout,        // no start confirmation within the start timeout
  stop_requested,       // the platform sent the stop command (driver or auto-stop)
  stop_refused,         // the device refused the stop command: still charging
  final_record,         // the device's transaction record (final meter / tier energy)
  device_lost_timeout,  // the device has been offline for longer than the suspend timeout
  device_returned,      // the device is back and reports the same session still running
  admin_end,            // an operator ends the order (ORD-CAR 结束)
};

inline constexpr std::array kCarOrderStates{CarOrderState::starting, CarOrderState::charging,
                                            CarOrderState::stopping, CarOrderState::completed,
                                            CarOrderState::abnormal, CarOrderState::suspended};
inline constexpr std::array kCarOrderEvents{
    CarOrderEvent::start_confirmed,     CarOrderEvent::start_refused,   CarOrderEvent::start_timeout,
    CarOrderEvent::stop_requested,      CarOrderEvent::stop_refused,    CarOrderEvent::final_record,
    CarOrderEvent::device_lost_timeout, CarOrderEvent::device_returned, CarOrderEvent::admin_end};

// The state after `e`, or nullopt when `e` is not allowed in `s`.
std::optional<CarOrderState> next_state(CarOrderState s, CarOrderEvent e);
// The same from a stored name (nullopt for an unknown one).
std::optional<CarOrderState> next_state(std::string_view stored, CarOrderEvent e);

bool is_final(CarOrderState s);
// Not ended yet: starting, charging, stopping, suspended (the sweeper follows these).
bool is_open(CarOrderState s);
inline constexpr std::array kOpenCarOrderStates{CarOrderState::starting, CarOrderState::charging,
                                                CarOrderState::stopping, CarOrderState::suspended};
// ORD-CAR 结束: starting, charging, stopping, suspended, abnormal.
bool admin_can_end(CarOrderState s);

// Stored names (car_charge_order.state) and back; parse returns nullopt for an unknown name.
std::string_view to_string(CarOrderState s);
std::string_view to_string(CarOrderEvent e);
std::optional<CarOrderState> parse_car_order_state(std::string_view s);

}  // namespace zc::order
