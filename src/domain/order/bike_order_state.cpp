#include "domain/order/bike_order_state.hpp"

#include <algorithm>

namespace zc::order {

using S = BikeOrderState;
using E = BikeOrderEvent;

namespace {

constexpr std::array<Transition<S, E>, 11> kTable{{
    {S::charging, E::start_failed, S::abnormal},
    {S::charging, E::session_ended, S::finished},
    {S::charging, E::auto_stop, S::finished},
    {S::charging, E::device_lost_timeout, S::suspended},
    {S::charging, E::admin_end, S::finished},

    {S::suspended, E::device_returned, S::charging},
    {S::suspended, E::session_ended, S::finished},  // the end report sent after the reconnect
    {S::suspended, E::auto_stop, S::finished},      // the prepaid duration ran out meanwhile
    {S::suspended, E::admin_end, S::finished},

    {S::abnormal, E::session_ended, S::finished},  // it did charge after all: billed
    {S::abnormal, E::admin_end, S::finished},
}};

constexpr std::array<std::pair<S, std::string_view>, 4> kStateNames{{
    {S::charging, "charging"},
    {S::finished, "finished"},
    {S::suspended, "suspended"},
    {S::abnormal, "abnormal"},
}};

constexpr std::array<std::pair<E, std::string_view>, 6> kEventNames{{
    {E::start_failed, "start_failed"},
    {E::session_ended, "session_ended"},
    {E::auto_stop, "auto_stop"},
    {E::device_lost_timeout, "device_lost_timeout"},
    {E::device_returned, "device_returned"},
    {E::admin_end, "admin_end"},
}};

}  // namespace

std::optional<BikeOrderState> next_state(BikeOrderState s, BikeOrderEvent e) {
  return next_in(kTable, s, e);
}

std::optional<BikeOrderState> next_state(std::string_view stored, BikeOrderEvent e) {
  auto s = parse_bike_order_state(stored);
  return s ? next_state(*s, e) : std::nullopt;
}

bool is_final(BikeOrderState s) {
  return s == S::finished;
}

bool is_open(BikeOrderState s) {
  return std::find(kOpenBikeOrderStates.begin(), kOpenBikeOrderStates.end(), s) != kOpenBikeOrderStates.end();
}

bool admin_can_end(BikeOrderState s) {
  return next_state(s, E::admin_end).has_value();
}

std::string_view to_string(BikeOrderState s) {
  return name_in(kStateNames, s);
}

std::string_view to_string(BikeOrderEvent e) {
  return name_in(kEventNames, e);
}

std::optional<BikeOrderState> parse_bike_order_state(std::string_view s) {
  return parse_in(kStateNames, s);
}

}  // namespace zc::order
