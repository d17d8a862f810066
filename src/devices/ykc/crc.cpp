#include "devices/ykc/crc.hpp"

#include <array>

namespace zc::ykc {
namespace {
constexpr std::array<uint16_t, 256> make_table() {
  std::array<uint16_t, 256> t{};
  for (unsigned i = 0; i < 256; ++i) {
    unsigned c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ 0xA001u : c >> 1;
    t[i] = static_cast<uint16_t>(c);
  }
  return t;
}
constexpr auto kTable = make_table();
}  // namespace

uint16_t crc16_modbus(std::span<const uint8_t> data) noexcept {
  unsigned crc = 0xFFFF;
  for (uint8_t b : data) crc = (crc >> 8) ^ kTable[(crc ^ b) & 0xFF];
  return static_cast<uint16_t>(crc);
}

}  // namespace zc::ykc
