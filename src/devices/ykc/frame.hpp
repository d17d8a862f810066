#pragma once
// YKC frame layout (docs/ykc.md, "Wire format"):
//
//   0x68 | L | seq(2) | enc(1) | type(1) | body (L − 4) | crc(2)      total size L + 4
//
// The CRC covers seq … end of body. The sequence field's byte order is not specified: replies copy the
// request's two bytes as received (FrameHeader::seq), platform-initiated frames use our own counter
// written little-endian (SequenceCounter).
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "devices/ykc/crc.hpp"
#include "devices/ykc/result.hpp"

namespace zc::ykc {

inline constexpr uint8_t kStartByte = 0x68;
inline constexpr size_t kHeaderSize = 6;  // start, L, seq(2), enc, type
inline constexpr size_t kCrcSize = 2;
inline constexpr uint8_t kMinLength = 4;    // L of a frame without a body
inline constexpr uint8_t kMaxLength = 255;  // what the length byte can express (spec says ≤ 200)
inline constexpr size_t kMaxBody = kMaxLength - 4;
inline constexpr size_t kMaxFrameSize = kMaxLength + 4;  // 259

inline constexpr uint8_t kPlain = 0x00;  // encryption flag
inline constexpr uint8_t k3Des = 0x01;   // 3DES body (key handling undocumented; not supported)

using Sequence = std::array<uint8_t, 2>;  // the two raw bytes as on the wire

inline Sequence sequence_le(uint16_t n) {
  return {static_cast<uint8_t>(n & 0xFF), static_cast<uint8_t>(n >> 8)};
}
inline uint16_t sequence_value_le(Sequence s) {
  return static_cast<uint16_t>(s[0] | (s[1] << 8));
}

struct FrameHeader {
  uint8_t length = kMinLength;  // L
  Sequence seq{};               // raw, echo it in the reply
  uint8_t encryption = kPlain;
  uint8_t type = 0;
  bool operator==(const FrameHeader&) const = default;
};

// A decoded frame. `body` and `raw` view the decoder's buffer (or the span given to decode_frame): valid
// until the next call on the StreamDecoder that produced it. Copy what must outlive that.
struct Frame {
  FrameHeader header;
  std::span<const uint8_t> body;  // L − 4 bytes
  std::span<const uint8_t> raw;   // the whole frame, start byte … CRC (for message logs)
  CrcOrder crc_order = CrcOrder::low_first;
  uint8_t type() const { return header.type; }
  const Sequence& seq() const { return header.seq; }
};

// The platform's own counter for frames it initiates: starts at 0, +1 per frame, wraps to 0; reset on a
// new connection (§3).
class SequenceCounter {
 public:
  Sequence next() { return sequence_le(next_++); }
  uint16_t peek() const { return next_; }
  void reset() { next_ = 0; }

 private:
  uint16_t next_ = 0;
};

// One whole frame → bytes. Throws std::length_error when the body exceeds kMaxBody (a programming error:
// list commands must be split by the caller).
std::vector<uint8_t> encode_frame(uint8_t type, Sequence seq, std::span<const uint8_t> body,
                                  CrcOrder order = CrcOrder::low_first, uint8_t encryption = kPlain);
// Appends instead of allocating (for batching several frames into one write).
void append_frame(std::vector<uint8_t>& out, uint8_t type, Sequence seq, std::span<const uint8_t> body,
                  CrcOrder order = CrcOrder::low_first, uint8_t encryption = kPlain);

// Exactly one frame in `bytes` (no leading/trailing bytes): start, length, CRC (either order) checked.
// For tests, logs and tools; the network path uses StreamDecoder.
Result<Frame> decode_frame(std::span<const uint8_t> bytes);

// "68 0C 00 …" (upper-case, space separated) and back; parse_hex ignores spaces, returns nullopt-like
// empty on odd digits or non-hex (check with .ok()).
std::string to_hex(std::span<const uint8_t> bytes);
Result<std::vector<uint8_t>> parse_hex(std::string_view text);

}  // namespace zc::ykc
