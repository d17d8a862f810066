#pragma once
// The text of integer money and energy (core/money.hpp units) in messages, pages and JSON strings: exact
// decimal digits, never through floating point.
#include <cstdint>
#include <string>

#include "core/money.hpp"

namespace zc::money {

// A fixed-point integer with `decimals` digits after the point: (-1234, 2) → "-12.34", (5, 4) → "0.0005".
std::string decimal_text(int64_t value, int decimals);

inline std::string fen_text(Fen f) {
  return decimal_text(f, 2);
}  // 1234 → "12.34"
inline std::string yuan_text(Fen f) {
  return fen_text(f) + "元";
}  // 1234 → "12.34元"
inline std::string price_text(Price p) {
  return decimal_text(p, 5);
}  // 120000 → "1.20000" (yuan/kWh)
inline std::string energy_text(Energy e) {
  return decimal_text(e, 4);
}  // 123456 → "12.3456" (kWh)

}  // namespace zc::money
