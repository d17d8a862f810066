#pragma once
// The state column of the order tables (car_charge_order.state, bike_charge_order.state): the domain's
// typed states (domain/order/*_order_state.hpp) by their stored names.
#include <optional>
#include <stdexcept>
#include <string>

namespace zc::db {

template <class State>
std::string state_column(State s) {
  return std::string(to_string(s));
}

// `parse`: the domain's parse_*_order_state. A name the table does not know is a broken row: thrown.
template <class Parse>
auto state_of_column(const std::string& stored, Parse parse, const char* table) {
  auto s = parse(stored);
  if (!s) throw std::runtime_error(std::string(table) + ": unknown state " + stored);
  return *s;
}

}  // namespace zc::db
