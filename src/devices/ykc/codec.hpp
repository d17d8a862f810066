#pragma once
// Stream decoder for YKC over TCP: bytes in any chunking → frames and typed error events.
//
// - Frames split or concatenated by TCP are reassembled; the buffer is a fixed array of 2 × 259 bytes
//   (no heap), so a connection costs ~600 bytes however the peer behaves.
// - Resynchronisation: bytes before a 0x68 start byte are reported as one `garbage` event (coalesced up
//   to kGarbageChunk bytes); a candidate whose length byte is out of bounds is a `bad_length` event and
//   the scan restarts at the next byte; a complete candidate whose CRC matches in neither byte order is a
//   `bad_crc` event carrying its bytes, and the scan restarts one byte after its 0x68 (so a frame hiding
//   inside a corrupt or truncated one is still found; its bytes are not reported twice). While a
//   candidate still waits for its claimed length, a whole valid frame (known type, CRC) buffered behind
//   it is delivered at once and the bytes before it are `garbage`: a 0x68 inside garbage does not delay
//   the next real frame.
// - CRC is accepted low byte first (canonical) or high byte first (deviant piles); Frame::crc_order says
//   which, so the session can remember it per pile.
// - Never throws on input, never reads out of bounds.
//
//   StreamDecoder dec;
//   dec.push(bytes, [&](DecodeEvent&& ev) { ... });  // or: feed() + while (auto ev = dec.next()) ...
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "devices/ykc/frame.hpp"

namespace zc::ykc {

struct DecoderOptions {
  uint8_t max_length = kMaxLength;  // largest accepted L (spec: 200; the 5-tier 0x3B has 178, 0xF0 varies)
  bool accept_high_first_crc = true;
};

enum class DecodeErrorKind : uint8_t {
  garbage,     // bytes outside any frame (no 0x68 where a frame should start)
  bad_length,  // 0x68 followed by L < 4 or L > max_length; bytes = the two bytes
  bad_crc,     // complete candidate frame whose CRC matches in neither order; bytes = the frame
  truncated,   // finish(): the stream ended inside a frame; bytes = what was received of it
};
const char* to_string(DecodeErrorKind kind);

struct DecodeError {
  DecodeErrorKind kind = DecodeErrorKind::garbage;
  std::vector<uint8_t> bytes;  // the offending bytes (for the message log)
  std::string message;
};

using DecodeEvent = std::variant<Frame, DecodeError>;

struct DecoderStats {
  uint64_t frames = 0;
  uint64_t crc_high_first = 0;  // frames whose CRC came high byte first
  uint64_t garbage_bytes = 0;
  uint64_t bad_length = 0;
  uint64_t bad_crc = 0;
};

class StreamDecoder {
 public:
  static constexpr size_t kCapacity = 2 * kMaxFrameSize;
  static constexpr size_t kGarbageChunk = 64;

  explicit StreamDecoder(DecoderOptions options = {}) : opt_(options) {}

  // Copies as much of `data` as fits (at least kMaxFrameSize bytes whenever next() has returned
  // nullopt) and returns how many bytes it took. Invalidates Frames returned earlier.
  size_t feed(std::span<const uint8_t> data);
  // The next event, or nullopt when more bytes are needed. A returned Frame views the internal buffer and
  // stays valid until the next call to feed(), next() or finish().
  std::optional<DecodeEvent> next();
  // End of stream (connection closed): what is left as a `truncated` (or `garbage`) event, then empty.
  std::optional<DecodeError> finish();

  // feed + next until `data` is consumed; on_event(DecodeEvent&&) for every event.
  template <class OnEvent>
  void push(std::span<const uint8_t> data, OnEvent&& on_event) {
    while (true) {
      while (auto ev = next()) on_event(std::move(*ev));
      if (data.empty()) return;
      data = data.subspan(feed(data));
    }
  }

  size_t buffered() const { return end_ - begin_; }
  const DecoderStats& stats() const { return stats_; }
  const DecoderOptions& options() const { return opt_; }
  void reset() { begin_ = end_ = quiet_ = 0; }

 private:
  DecodeError error(DecodeErrorKind kind, size_t from, size_t n, std::string message);
  size_t skip(size_t n);  // advances begin_, returns how many skipped bytes were not quiet
  // The CRC order in which the candidate at f (L = len, all bytes buffered) checks, if any.
  std::optional<CrcOrder> crc_order_of(const uint8_t* f, uint8_t len) const;
  // The first position ≥ from where a whole frame of a known type with a valid CRC is buffered.
  static constexpr size_t kNone = static_cast<size_t>(-1);
  size_t whole_frame_after(size_t from) const;

  DecoderOptions opt_;
  size_t begin_ = 0, end_ = 0;
  size_t quiet_ = 0;  // bytes from begin_ already reported inside a bad_crc / bad_length event
  DecoderStats stats_;
  std::array<uint8_t, kCapacity> buf_;
};

}  // namespace zc::ykc
