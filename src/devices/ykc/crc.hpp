#pragma once
// CRC-16/MODBUS (reflected poly 0xA001, init 0xFFFF, no final XOR), as YKC frames use it
// (docs/ykc.md, "Wire format"). Check value of "123456789" = 0x4B37.
#include <cstdint>
#include <span>

namespace zc::ykc {

uint16_t crc16_modbus(std::span<const uint8_t> data) noexcept;

// Wire order of the two check bytes. Canonical (spec samples, pile firmware): low byte first. Some piles
// send the high byte first; the decoder accepts both and reports which one a frame used.
enum class CrcOrder : uint8_t { low_first = 0, high_first = 1 };

inline void put_crc(uint16_t crc, CrcOrder order, uint8_t* out) noexcept {
  const auto lo = static_cast<uint8_t>(crc & 0xFF), hi = static_cast<uint8_t>(crc >> 8);
  out[0] = order == CrcOrder::low_first ? lo : hi;
  out[1] = order == CrcOrder::low_first ? hi : lo;
}
inline uint16_t get_crc(const uint8_t* in, CrcOrder order) noexcept {
  return order == CrcOrder::low_first ? static_cast<uint16_t>(in[0] | (in[1] << 8))
                                      : static_cast<uint16_t>((in[0] << 8) | in[1]);
}

}  // namespace zc::ykc
