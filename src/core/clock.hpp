#pragma once
#include <chrono>
#include <cstdint>

namespace zc {
// All stored times are UTC epoch milliseconds (ARCHITECTURE: Time).
inline int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}
}  // namespace zc
