#include "core/money_text.hpp"

namespace zc::money {

std::string decimal_text(int64_t value, int decimals) {
  // Unsigned magnitude: INT64_MIN has no positive int64_t.
  uint64_t mag = value < 0 ? uint64_t{0} - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  std::string out = value < 0 ? "-" : "";
  out += std::to_string(mag / scale);
  if (decimals <= 0) return out;
  std::string frac = std::to_string(mag % scale);
  return out + "." + std::string(static_cast<size_t>(decimals) - frac.size(), '0') + frac;
}

}  // namespace zc::money
