// libFuzzer target for the YKC codec (build and run: scripts/fuzz-ykc.sh [seconds]).
//
// Each input is used three ways:
//   1. as a TCP byte stream, fed to StreamDecoder in chunks whose sizes derive from the input's first
//      byte; every frame is decoded by type and must re-encode to a prefix of its body;
//   2. as one frame for decode_frame;
//   3. as "type byte + body" for decode_any directly (so message decoders are reached without the fuzzer
//      having to forge a CRC).
// Invariants (abort on violation): no crash/UB (ASan/UBSan), buffered() ≤ kCapacity, encode(decode(b)) is
// a prefix of b and decodes to the same value, CP56 conversions never throw.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>
#include <variant>

#include "core/timezone.hpp"
#include "devices/ykc/codec.hpp"
#include "devices/ykc/encoding.hpp"
#include "devices/ykc/messages.hpp"

using namespace zc::ykc;

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

const zc::TimeZone& shanghai() {
  static const zc::TimeZone tz = zc::TimeZone::shanghai();
  return tz;
}
const zc::TimeZone& berlin() {
  static const zc::TimeZone tz = zc::TimeZone::get("Europe/Berlin");
  return tz;
}

void times(const Cp56Time2a& t) {
  for (const zc::TimeZone* tz : {&shanghai(), &berlin()}) {
    auto ms = cp56_to_epoch_ms(t, *tz);
    if (ms.ok()) {
      // A valid local time maps back to the same wall-clock fields (unless it fell into a DST gap).
      const auto back = cp56_from_epoch_ms(*ms, *tz);
      (void)back;
    }
  }
  auto fixed = cp56_to_epoch_ms(t, 480);
  if (fixed.ok()) {
    auto back = cp56_from_epoch_ms(*fixed, 480);
    check(back.minute() == t.minute() && back.hour() == t.hour() && back.day() == t.day());
  }
}

void message(uint8_t type, std::span<const uint8_t> body) {
  auto m = decode_any(type, body);
  if (!m.ok()) {
    check(!m.error().field.empty());
    return;
  }
  std::vector<uint8_t> again;
  try {
    again = encode_any(*m);
  } catch (...) {
    std::abort();  // a decoded message must always be encodable
  }
  check(again.size() <= body.size());
  check(std::memcmp(again.data(), body.data(), again.size()) == 0);
  auto m2 = decode_any(type, again);
  check(m2.ok());
  check(*m2 == *m);
  if (auto* r = std::get_if<TransactionRecord>(&*m)) {
    times(r->start_time);
    times(r->end_time);
    times(r->trade_time);
  } else if (auto* s = std::get_if<TimeSync>(&*m)) {
    times(s->time);
  } else if (auto* s2 = std::get_if<TimeSyncReply>(&*m)) {
    times(s2->time);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> in(data, size);

  // 1. Stream, in chunks of 1..64 bytes from a small LCG seeded by the first byte.
  StreamDecoder dec(
      DecoderOptions{.max_length = static_cast<uint8_t>(size > 1 && (data[1] & 1) ? 200 : 255)});
  uint32_t state = size ? data[0] : 0;
  size_t pos = 0, frames = 0;
  auto on_event = [&](DecodeEvent&& ev) {
    check(dec.buffered() <= StreamDecoder::kCapacity);
    if (auto* f = std::get_if<Frame>(&ev)) {
      ++frames;
      check(f->raw.size() == f->header.length + 4u);
      check(f->body.size() == f->header.length - 4u);
      message(f->type(), f->body);
      // Re-framing reproduces the raw bytes.
      const auto re = encode_frame(f->type(), f->seq(), f->body, f->crc_order, f->header.encryption);
      check(re.size() == f->raw.size() && std::memcmp(re.data(), f->raw.data(), re.size()) == 0);
    } else {
      const auto& e = std::get<DecodeError>(ev);
      check(!e.bytes.empty() && e.bytes.size() <= StreamDecoder::kCapacity);
    }
  };
  while (pos < size) {
    state = state * 1103515245u + 12345u;
    const size_t n = std::min<size_t>(1 + (state >> 16) % 64, size - pos);
    dec.push(in.subspan(pos, n), on_event);
    pos += n;
  }
  if (auto e = dec.finish()) check(!e->bytes.empty());
  check(dec.buffered() == 0);
  check(dec.stats().frames == frames);

  // 2. One whole frame.
  auto f = decode_frame(in);
  if (f.ok()) message(f->type(), f->body);

  // 3. Type byte + body, straight into the message decoders.
  if (size >= 1) message(data[0], in.subspan(1));
  return 0;
}
