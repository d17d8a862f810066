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

// "('a', 'b')" of the states' stored names, for `state IN …` (names are fixed words, never user input).
template <class States>
std::string state_list(const States& states) {
  std::string out = "(";
  for (auto s : states) out += (out.size() > 1 ? ", '" : "'") + state_column(s) + "'";
  return out + ")";
}

// `parse`: the domain's parse_*_order_state. A name the table does not know is a broken row: thrown.
template <class Parse>
auto state_of_column(const std::string& stored, Parse parse, const char* table) {
  auto s = parse(stored);
  if (!s) throw std::runtime_error(std::string(table) + ": unknown state " + stored);
  return *s;
}

}  // namespace zc::db
