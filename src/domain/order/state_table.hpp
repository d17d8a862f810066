#pragma once
// What the car and e-bike order state machines (car_order_state.hpp, bike_order_state.hpp) share: a
// transition table looked up by (state, event), and the stored names of states and events. Pure.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace zc::order {

template <class State, class Event>
struct Transition {
  State from;
  Event event;
  State to;
};

// The state after `e` in `table`, or nullopt when the table does not list (s, e): refused.
template <class State, class Event, size_t N>
constexpr std::optional<State> next_in(const std::array<Transition<State, Event>, N>& table, State s,
                                       Event e) {
  for (const auto& r : table)
    if (r.from == s && r.event == e) return r.to;
  return std::nullopt;
}

// A value's name in `names` ("?" for one the list misses) and back (nullopt for an unknown name).
template <class T, size_t N>
constexpr std::string_view name_in(const std::array<std::pair<T, std::string_view>, N>& names, T v) {
  for (const auto& [value, name] : names)
    if (value == v) return name;
  return "?";
}

template <class T, size_t N>
constexpr std::optional<T> parse_in(const std::array<std::pair<T, std::string_view>, N>& names,
                                    std::string_view s) {
  for (const auto& [value, name] : names)
    if (name == s) return value;
  return std::nullopt;
}

// Device-lost rule: an order whose device went offline at lost_at_ms is due for suspension once
// now_ms − lost_at_ms ≥ timeout_ms (timeout_ms < 0 is treated as 0).
constexpr bool suspend_due(int64_t lost_at_ms, int64_t now_ms, int64_t timeout_ms) {
  return now_ms - lost_at_ms >= (timeout_ms < 0 ? 0 : timeout_ms);
}
// Start rule: an order whose start command was sent at sent_at_ms times out once
// now_ms − sent_at_ms ≥ timeout_ms.
constexpr bool start_timed_out(int64_t sent_at_ms, int64_t now_ms, int64_t timeout_ms) {
  return now_ms - sent_at_ms >= (timeout_ms < 0 ? 0 : timeout_ms);
}

}  // namespace zc::order
