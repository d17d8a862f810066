#include "domain/order/car_order_state.hpp"

#include <algorithm>

namespace zc::order {

using S = CarOrderState;
using E = CarOrderEvent;

namespace {

// The whole table: every allowed (state, event) pair once. Anything else is refused.
constexpr std::array<Transition<S, E>, 18> kTable{{
    {S::starting, E::start_confirmed, S::charging},
    {S::starting, E::start_refused, S::abnormal},
    {S::starting, E::start_timeout, S::abnormal},
    {S::starting, E::final_record, S::completed},  // started and ended before the confirmation arrived
    {S::starting, E::admin_end, S::completed},

    {S::charging, E::stop_requested, S::stopping},
    {S::charging, E::final_record, S::completed},  // the pile stopped by itself (full, unplugged, fault)
    {S::charging, E::device_lost_timeout, S::suspended},
    {S::charging, E::admin_end, S::completed},

    {S::stopping, E::stop_refused, S::charging},
    {S::stopping, E::final_record, S::completed},
    {S::stopping, E::device_lost_timeout, S::suspended},
    {S::stopping, E::admin_end, S::completed},

    {S::suspended, E::device_returned, S::charging},
    {S::suspended, E::final_record, S::completed},  // the record stored while offline, sent on reconnect
    {S::suspended, E::admin_end, S::completed},

    // A late record means the device did charge after all: it is billed, not lost.
    {S::abnormal, E::final_record, S::completed},
    {S::abnormal, E::admin_end, S::completed},
}};

constexpr std::array<std::pair<S, std::string_view>, 6> kStateNames{{
    {S::starting, "starting"},
    {S::charging, "charging"},
    {S::stopping, "stopping"},
    {S::completed, "completed"},
    {S::abnormal, "abnormal"},
    {S::suspended, "suspended"},
}};

constexpr std::array<std::pair<E, std::string_view>, 9> kEventNames{{
    {E::start_confirmed, "start_confirmed"},
    {E::start_refused, "start_refused"},
    {E::start_timeout, "start_timeout"},
    {E::stop_requested, "stop_requested"},
    {E::stop_refused, "stop_refused"},
    {E::final_record, "final_record"},
    {E::device_lost_timeout, "device_lost_timeout"},
    {E::device_returned, "device_returned"},
    {E::admin_end, "admin_end"},
}};

}  // namespace

std::optional<CarOrderState> next_state(CarOrderState s, CarOrderEvent e) {
  return next_in(kTable, s, e);
}

std::optional<CarOrderState> next_state(std::string_view stored, CarOrderEvent e) {
  auto s = parse_car_order_state(stored);
  return s ? next_state(*s, e) : std::nullopt;
}

bool is_final(CarOrderState s) {
  return s == S::completed;
}

bool is_open(CarOrderState s) {
  return std::find(kOpenCarOrderStates.begin(), kOpenCarOrderStates.end(), s) != kOpenCarOrderStates.end();
}

bool admin_can_end(CarOrderState s) {
  return next_state(s, E::admin_end).has_value();
}

std::string_view to_string(CarOrderState s) {
  return name_in(kStateNames, s);
}

std::string_view to_string(CarOrderEvent e) {
  return name_in(kEventNames, e);
}

std::optional<CarOrderState> parse_car_order_state(std::string_view s) {
  return parse_in(kStateNames, s);
}

}  // namespace zc::order
