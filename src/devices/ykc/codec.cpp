#include "devices/ykc/codec.hpp"

#include <algorithm>
#include <cstring>

#include "devices/ykc/messages.hpp"

namespace zc::ykc {

const char* to_string(DecodeErrorKind kind) {
  switch (kind) {
    case DecodeErrorKind::garbage:
      return "garbage";
    case DecodeErrorKind::bad_length:
      return "bad_length";
    case DecodeErrorKind::bad_crc:
      return "bad_crc";
    case DecodeErrorKind::truncated:
      return "truncated";
  }
  return "unknown";
}

size_t StreamDecoder::feed(std::span<const uint8_t> data) {
  if (begin_ > 0 && (end_ == kCapacity || kCapacity - end_ < data.size())) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  const size_t n = std::min(data.size(), kCapacity - end_);
  if (n) std::memcpy(buf_.data() + end_, data.data(), n);
  end_ += n;
  return n;
}

DecodeError StreamDecoder::error(DecodeErrorKind kind, size_t from, size_t n, std::string message) {
  DecodeError e;
  e.kind = kind;
  e.bytes.assign(buf_.begin() + static_cast<std::ptrdiff_t>(from),
                 buf_.begin() + static_cast<std::ptrdiff_t>(from + n));
  e.message = std::move(message);
  return e;
}

size_t StreamDecoder::skip(size_t n) {
  begin_ += n;
  const size_t q = std::min(quiet_, n);
  quiet_ -= q;
  return n - q;
}

std::optional<CrcOrder> StreamDecoder::crc_order_of(const uint8_t* f, uint8_t len) const {
  const uint16_t crc = crc16_modbus(std::span<const uint8_t>(f + 2, len));
  const uint8_t* c = f + 2 + len;
  if (get_crc(c, CrcOrder::low_first) == crc) return CrcOrder::low_first;
  if (opt_.accept_high_first_crc && get_crc(c, CrcOrder::high_first) == crc) return CrcOrder::high_first;
  return std::nullopt;
}

size_t StreamDecoder::whole_frame_after(size_t from) const {
  while (from + kHeaderSize <= end_) {
    const uint8_t* b = buf_.data() + from;
    const auto* s = static_cast<const uint8_t*>(std::memchr(b, kStartByte, end_ - from));
    if (!s) return kNone;
    const size_t p = from + static_cast<size_t>(s - b);
    from = p + 1;
    if (end_ - p < kHeaderSize) return kNone;
    const uint8_t len = s[1];
    if (len < kMinLength || len > opt_.max_length || end_ - p < size_t{len} + 4) continue;
    if (s[4] > 1 || !frame_type_info(s[5])) continue;  // encryption flag 0/1 and a v1.6 frame type
    if (crc_order_of(s, len)) return p;
  }
  return kNone;
}

std::optional<DecodeEvent> StreamDecoder::next() {
  while (begin_ < end_) {
    // 1. Bytes before the next start byte.
    const uint8_t* b = buf_.data() + begin_;
    const uint8_t* s = static_cast<const uint8_t*>(std::memchr(b, kStartByte, end_ - begin_));
    const size_t gap = s ? static_cast<size_t>(s - b) : end_ - begin_;
    if (gap > 0) {
      // Quiet bytes (inside an already reported bad frame) are dropped without an event.
      if (quiet_ > 0) {
        skip(std::min(quiet_, gap));
        continue;
      }
      // Coalesce a garbage run until a start byte shows up or the run is long enough to report.
      if (!s && gap < kGarbageChunk && end_ < kCapacity) return std::nullopt;
      const size_t from = begin_;
      skip(gap);
      stats_.garbage_bytes += gap;
      return error(DecodeErrorKind::garbage, from, gap,
                   std::to_string(gap) + " byte(s) outside a frame (no 0x68 start byte)");
    }
    // 2. A candidate at begin_: start byte, then the length byte.
    if (end_ - begin_ < 2) return std::nullopt;
    const uint8_t len = buf_[begin_ + 1];
    if (len < kMinLength || len > opt_.max_length) {
      const size_t from = begin_;
      const bool was_quiet = quiet_ > 0;
      skip(1);
      quiet_ = std::max<size_t>(quiet_, 1);  // the length byte is part of this event
      ++stats_.bad_length;
      if (was_quiet) continue;  // inside a reported bad frame: not a new error
      return error(
          DecodeErrorKind::bad_length, from, 2,
          "length byte " + std::to_string(len) + " outside [4, " + std::to_string(opt_.max_length) + "]");
    }
    const size_t size = size_t{len} + 4;
    if (end_ - begin_ < size) {
      // The candidate may be a false start (a 0x68 in garbage claiming up to 255 bytes): a whole valid
      // frame already buffered behind it is not kept waiting for the candidate's claimed length — the
      // bytes before it are garbage. A real frame still arriving cannot hide a whole valid frame of a
      // known type inside its body but by a CRC-16 coincidence.
      const size_t at = whole_frame_after(begin_ + 1);
      if (at == kNone) return std::nullopt;
      const size_t from = begin_ + std::min(quiet_, at - begin_);
      const size_t loud = skip(at - begin_);
      if (loud == 0) continue;
      stats_.garbage_bytes += loud;
      return error(DecodeErrorKind::garbage, from, loud,
                   std::to_string(loud) + " byte(s) before a frame (a false 0x68 start byte)");
    }
    // 3. Complete candidate: check the CRC in either order.
    const uint8_t* f = buf_.data() + begin_;
    const std::optional<CrcOrder> order = crc_order_of(f, len);
    if (!order) {
      const size_t from = begin_;
      const bool was_quiet = quiet_ > 0;
      skip(1);
      quiet_ = std::max(quiet_, size - 1);
      ++stats_.bad_crc;
      if (was_quiet) continue;
      return error(DecodeErrorKind::bad_crc, from, size,
                   "CRC mismatch (type 0x" + to_hex(std::span<const uint8_t>(f + 5, 1)) + ", L " +
                       std::to_string(len) + ")");
    }
    Frame frame;
    frame.header = {len, {f[2], f[3]}, f[4], f[5]};
    frame.body = std::span<const uint8_t>(f + kHeaderSize, len - 4u);
    frame.raw = std::span<const uint8_t>(f, size);
    frame.crc_order = *order;
    skip(size);
    ++stats_.frames;
    if (*order == CrcOrder::high_first) ++stats_.crc_high_first;
    return frame;
  }
  return std::nullopt;
}

std::optional<DecodeError> StreamDecoder::finish() {
  std::optional<DecodeError> out;
  if (end_ > begin_ + quiet_) {
    const size_t from = begin_ + quiet_;
    const bool in_frame = buf_[from] == kStartByte;
    out = error(in_frame ? DecodeErrorKind::truncated : DecodeErrorKind::garbage, from, end_ - from,
                in_frame ? "stream ended inside a frame" : "stream ended with bytes outside a frame");
  }
  reset();
  return out;
}

}  // namespace zc::ykc
