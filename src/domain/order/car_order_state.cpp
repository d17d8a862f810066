#include "domain/order/car_order_state.hpp"

#include <algorithm>

namespace zc::order {

using S = CarOrderState;
using E = CarOrderEvent;

namespace {

struct Row {
  S from;
  E event;
  S to;
};

// The whole table: every allowed (state, event) pair once. Anything else is refused.
constexpr Row kTable[] = {
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
};

}  // namespace

std::optional<CarOrderState> next_state(CarOrderState s, CarOrderEvent e) {
  for (const Row& r : kTable)
    if (r.from == s && r.event == e) return r.to;
  return std::nullopt;
}

std::optional<CarOrderState> next_state(std::string_view stored, CarOrderEvent e) {
  auto s = parse_car_order_state(stored);
  return s ? next_state(*s, e) : std::nullopt;
}

bool is_final(CarOrderState s) {
  return s == S::completed;
}

bool admin_can_end(CarOrderState s) {
  return next_state(s, E::admin_end).has_value();
}

std::string_view to_string(CarOrderState s) {
  switch (s) {
    case S::starting:
      return "starting";
    case S::charging:
      return "charging";
    case S::stopping:
      return "stopping";
    case S::completed:
      return "completed";
    case S::abnormal:
      return "abnormal";
    case S::suspended:
      return "suspended";
  }
  return "?";
}

std::string_view to_string(CarOrderEvent e) {
  switch (e) {
    case E::start_confirmed:
      return "start_confirmed";
    case E::start_refused:
      return "start_refused";
    case E::start_timeout:
      return "start_timeout";
    case E::stop_requested:
      return "stop_requested";
    case E::stop_refused:
      return "stop_refused";
    case E::final_record:
      return "final_record";
    case E::device_lost_timeout:
      return "device_lost_timeout";
    case E::device_returned:
      return "device_returned";
    case E::admin_end:
      return "admin_end";
  }
  return "?";
}

std::optional<CarOrderState> parse_car_order_state(std::string_view s) {
  for (S st : kCarOrderStates)
    if (to_string(st) == s) return st;
  return std::nullopt;
}

bool suspend_due(int64_t lost_at_ms, int64_t now_ms, int64_t timeout_ms) {
  return now_ms - lost_at_ms >= std::max<int64_t>(0, timeout_ms);
}

bool start_timed_out(int64_t sent_at_ms, int64_t now_ms, int64_t timeout_ms) {
  return now_ms - sent_at_ms >= std::max<int64_t>(0, timeout_ms);
}

}  // namespace zc::order
