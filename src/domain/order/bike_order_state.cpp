#include "domain/order/bike_order_state.hpp"

namespace zc::order {

using S = BikeOrderState;
using E = BikeOrderEvent;

namespace {

struct Row {
  S from;
  E event;
  S to;
};

constexpr Row kTable[] = {
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
};

}  // namespace

std::optional<BikeOrderState> next_state(BikeOrderState s, BikeOrderEvent e) {
  for (const Row& r : kTable)
    if (r.from == s && r.event == e) return r.to;
  return std::nullopt;
}

std::optional<BikeOrderState> next_state(std::string_view stored, BikeOrderEvent e) {
  auto s = parse_bike_order_state(stored);
  return s ? next_state(*s, e) : std::nullopt;
}

bool is_final(BikeOrderState s) {
  return s == S::finished;
}

bool admin_can_end(BikeOrderState s) {
  return next_state(s, E::admin_end).has_value();
}

std::string_view to_string(BikeOrderState s) {
  switch (s) {
    case S::charging:
      return "charging";
    case S::finished:
      return "finished";
    case S::suspended:
      return "suspended";
    case S::abnormal:
      return "abnormal";
  }
  return "?";
}

std::string_view to_string(BikeOrderEvent e) {
  switch (e) {
    case E::start_failed:
      return "start_failed";
    case E::session_ended:
      return "session_ended";
    case E::auto_stop:
      return "auto_stop";
    case E::device_lost_timeout:
      return "device_lost_timeout";
    case E::device_returned:
      return "device_returned";
    case E::admin_end:
      return "admin_end";
  }
  return "?";
}

std::optional<BikeOrderState> parse_bike_order_state(std::string_view s) {
  for (S st : kBikeOrderStates)
    if (to_string(st) == s) return st;
  return std::nullopt;
}

}  // namespace zc::order
