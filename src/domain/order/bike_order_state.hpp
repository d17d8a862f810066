#pragma once
// The e-bike charging order's life (ORD-BIKE, spec 3.4.2) as an explicit transition table. Pure.
//
//   charging ──session_ended / auto_stop / admin_end──▶ finished
//     │  ▲ device_returned
//     │  └──────────── suspended ◀── device_lost_timeout (from charging)
//     └─ start_failed ─▶ abnormal ── admin_end / session_ended ──▶ finished
//
// An e-bike order is created charging (the device starts on the platform's command; there is no
// separate starting state in the spec). abnormal: the device went offline while starting, so the start
// failed. suspended: the device lost its connection while charging for longer than the configured
// timeout; it resumes when the device returns with the same session. auto_stop: the platform ends the
// session at the auto-stop threshold, the prepaid duration or under the free-minutes rule. admin_end
// (ORD-BIKE 结束): charging, suspended, abnormal — settled by the last reported duration or a custom one.
#include <array>
#include <optional>
#include <string_view>

#include "domain/order/state_table.hpp"

namespace zc::order {

enum class BikeOrderState { charging, finished, suspended, abnormal };
enum class BikeOrderEvent {
  start_failed,         // the device went offline / refused while starting
  session_ended,        // the device reports the session's end (unplugged, full, its own timer)
  auto_stop,            // the platform's rule ends it (threshold, prepaid duration, free minutes)
  device_lost_timeout,  // offline longer than the suspend timeout
  device_returned,      // back online with the same session running
  admin_end,            // an operator ends the order
};

inline constexpr std::array kBikeOrderStates{BikeOrderState::charging, BikeOrderState::finished,
                                             BikeOrderState::suspended, BikeOrderState::abnormal};
inline constexpr std::array kBikeOrderEvents{
    BikeOrderEvent::start_failed,        BikeOrderEvent::session_ended,   BikeOrderEvent::auto_stop,
    BikeOrderEvent::device_lost_timeout, BikeOrderEvent::device_returned, BikeOrderEvent::admin_end};

std::optional<BikeOrderState> next_state(BikeOrderState s, BikeOrderEvent e);
// The same from a stored name (nullopt for an unknown one).
std::optional<BikeOrderState> next_state(std::string_view stored, BikeOrderEvent e);
bool is_final(BikeOrderState s);
// Not ended yet: charging, suspended (the sweeper follows these).
bool is_open(BikeOrderState s);
inline constexpr std::array kOpenBikeOrderStates{BikeOrderState::charging, BikeOrderState::suspended};
bool admin_can_end(BikeOrderState s);

std::string_view to_string(BikeOrderState s);
std::string_view to_string(BikeOrderEvent e);
std::optional<BikeOrderState> parse_bike_order_state(std::string_view s);

}  // namespace zc::order
