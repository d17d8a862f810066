// devices/ykc/codec: the stream decoder — any chunking, concatenation, garbage, bad CRC, swapped CRC,
// truncation, length bounds, bounded buffer.
#include "devices/ykc/codec.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "devices/ykc/messages.hpp"

using namespace zc::ykc;

namespace {
std::vector<uint8_t> hex(std::string_view s) {
  return parse_hex(s).value();
}
const std::vector<uint8_t> kLoginOk = hex("68 0C 00 00 00 02 55 03 14 12 78 23 05 00 DA 4C");
const std::vector<uint8_t> kHeartbeat = hex("68 0D 00 01 00 03 32 01 02 00 00 00 01 01 00 F1 1A");
const std::vector<uint8_t> kStop = hex("68 0C 00 03 00 36 32 01 02 00 00 00 01 01 47 58");

// What the decoder emitted, flattened for comparison: "F:<type>" per frame, "E:<kind>:<n>" per error.
struct Collected {
  std::vector<std::string> events;
  std::vector<std::vector<uint8_t>> frames;  // raw bytes of each frame
  std::vector<CrcOrder> orders;
  std::vector<DecodeError> errors;
};
void collect(Collected& c, DecodeEvent&& ev) {
  if (auto* f = std::get_if<Frame>(&ev)) {
    c.events.push_back("F:" + to_hex(std::span<const uint8_t>(&f->header.type, 1)));
    c.frames.emplace_back(f->raw.begin(), f->raw.end());
    c.orders.push_back(f->crc_order);
  } else {
    auto& e = std::get<DecodeError>(ev);
    c.events.push_back(std::string("E:") + to_string(e.kind) + ":" + std::to_string(e.bytes.size()));
    c.errors.push_back(std::move(e));
  }
}
Collected run(const std::vector<uint8_t>& stream, size_t chunk, DecoderOptions opt = {}) {
  StreamDecoder d(opt);
  Collected c;
  for (size_t i = 0; i < stream.size(); i += chunk) {
    const size_t n = std::min(chunk, stream.size() - i);
    d.push(std::span<const uint8_t>(stream).subspan(i, n),
           [&](DecodeEvent&& ev) { collect(c, std::move(ev)); });
  }
  if (auto e = d.finish()) collect(c, DecodeEvent(std::move(*e)));
  return c;
}
std::vector<uint8_t> cat(std::initializer_list<std::vector<uint8_t>> parts) {
  std::vector<uint8_t> out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}
}  // namespace

TEST(YkcStreamDecoder, OneByteAtATime) {
  const auto stream = cat({kLoginOk, kHeartbeat, kStop});
  auto c = run(stream, 1);
  EXPECT_EQ(c.events, (std::vector<std::string>{"F:02", "F:03", "F:36"}));
  EXPECT_EQ(c.frames[0], kLoginOk);
  EXPECT_EQ(c.frames[2], kStop);
}

TEST(YkcStreamDecoder, EveryChunkSizeGivesTheSameFrames) {
  const auto stream = cat({kLoginOk, kHeartbeat, kStop, kLoginOk});
  for (size_t chunk = 1; chunk <= stream.size(); ++chunk) {
    auto c = run(stream, chunk);
    EXPECT_EQ(c.events, (std::vector<std::string>{"F:02", "F:03", "F:36", "F:02"})) << "chunk " << chunk;
  }
}

TEST(YkcStreamDecoder, ManyFramesInOneChunk) {
  std::vector<uint8_t> stream;
  for (int i = 0; i < 200; ++i) stream.insert(stream.end(), kHeartbeat.begin(), kHeartbeat.end());
  auto c = run(stream, stream.size());  // 3400 bytes in one push: larger than the buffer
  ASSERT_EQ(c.frames.size(), 200u);
  EXPECT_TRUE(c.errors.empty());
}

TEST(YkcStreamDecoder, GarbageBeforeAndBetweenFrames) {
  const auto junk1 = hex("00 FF 12 34");
  const auto junk2 = hex("AA BB");
  for (size_t chunk : {size_t{1}, size_t{3}, size_t{1000}}) {
    auto c = run(cat({junk1, kLoginOk, junk2, kHeartbeat}), chunk);
    EXPECT_EQ(c.events, (std::vector<std::string>{"E:garbage:4", "F:02", "E:garbage:2", "F:03"}))
        << "chunk " << chunk;
    EXPECT_EQ(c.errors[0].bytes, junk1);
    EXPECT_EQ(c.errors[1].bytes, junk2);
  }
}

TEST(YkcStreamDecoder, LongGarbageIsReportedInBoundedChunks) {
  std::vector<uint8_t> junk(1000, 0x55);
  StreamDecoder d;
  size_t garbage = 0, events = 0;
  d.push(junk, [&](DecodeEvent&& ev) {
    auto& e = std::get<DecodeError>(ev);
    EXPECT_EQ(e.kind, DecodeErrorKind::garbage);
    EXPECT_LE(e.bytes.size(), StreamDecoder::kCapacity);
    garbage += e.bytes.size();
    ++events;
  });
  if (auto e = d.finish()) garbage += e->bytes.size();
  EXPECT_EQ(garbage, 1000u);
  EXPECT_LE(d.buffered(), StreamDecoder::kCapacity);
}

TEST(YkcStreamDecoder, BadCrcThenGoodFrame) {
  auto bad = kLoginOk;
  bad[9] ^= 0x01;  // body bit flip
  auto c = run(cat({bad, kHeartbeat}), 1);
  EXPECT_EQ(c.events, (std::vector<std::string>{"E:bad_crc:16", "F:03"}));
  EXPECT_EQ(c.errors[0].bytes, bad);
  c = run(cat({bad, kHeartbeat}), 64);
  EXPECT_EQ(c.events, (std::vector<std::string>{"E:bad_crc:16", "F:03"}));
}

TEST(YkcStreamDecoder, CrcInSwappedOrderIsAcceptedAndReported) {
  auto swapped = kHeartbeat;
  std::swap(swapped[15], swapped[16]);
  auto c = run(cat({kLoginOk, swapped, kStop}), 5);
  EXPECT_EQ(c.events, (std::vector<std::string>{"F:02", "F:03", "F:36"}));
  EXPECT_EQ(c.orders,
            (std::vector<CrcOrder>{CrcOrder::low_first, CrcOrder::high_first, CrcOrder::low_first}));
  // Strict mode (as the pile firmware S6 does): rejected.
  c = run(cat({swapped, kStop}), 5, DecoderOptions{.accept_high_first_crc = false});
  EXPECT_EQ(c.events, (std::vector<std::string>{"E:bad_crc:17", "F:36"}));
}

TEST(YkcStreamDecoder, TruncatedFrameFollowedByAFrame) {
  // A frame cut off mid-way (the pile rebooted), then a whole one: the decoder first waits for the
  // first one's L, fails its CRC, and finds the second inside the bytes it had taken.
  std::vector<uint8_t> cut(kLoginOk.begin(), kLoginOk.begin() + 9);
  auto c = run(cat({cut, kHeartbeat}), 1);
  ASSERT_EQ(c.events.size(), 2u);
  EXPECT_EQ(c.events[0], "E:bad_crc:16");
  EXPECT_EQ(c.events[1], "F:03");
}

TEST(YkcStreamDecoder, TruncatedAtEndOfStream) {
  std::vector<uint8_t> cut(kHeartbeat.begin(), kHeartbeat.begin() + 10);
  auto c = run(cat({kLoginOk, cut}), 4);
  EXPECT_EQ(c.events, (std::vector<std::string>{"F:02", "E:truncated:10"}));
  EXPECT_EQ(c.errors[0].bytes, cut);
}

TEST(YkcStreamDecoder, LengthBounds) {
  // L < 4 is never a frame.
  auto c = run(cat({hex("68 03"), kLoginOk}), 1);
  EXPECT_EQ(c.events, (std::vector<std::string>{"E:bad_length:2", "F:02"}));
  // A configured maximum (spec: 200) rejects larger L at once instead of waiting for 255 bytes.
  auto big = encode_frame(0x13, sequence_le(1), std::vector<uint8_t>(201 - 4, 0x00));
  c = run(cat({big, kStop}), 7, DecoderOptions{.max_length = 200});
  ASSERT_GE(c.events.size(), 2u);
  EXPECT_EQ(c.events.front(), "E:bad_length:2");
  EXPECT_EQ(c.events.back(), "F:36");
}

TEST(YkcStreamDecoder, MaxLengthFrame) {
  const auto body = std::vector<uint8_t>(kMaxBody, 0x68);  // start bytes inside the body, too
  const auto big = encode_frame(0xF0, sequence_le(7), body);
  ASSERT_EQ(big.size(), kMaxFrameSize);
  for (size_t chunk : {size_t{1}, size_t{100}, size_t{259}, size_t{1000}}) {
    auto c = run(cat({big, kStop, big}), chunk);
    EXPECT_EQ(c.events, (std::vector<std::string>{"F:F0", "F:36", "F:F0"})) << chunk;
    EXPECT_EQ(c.frames[0], big);
  }
  EXPECT_THROW(encode_frame(0xF0, sequence_le(0), std::vector<uint8_t>(kMaxBody + 1)), std::length_error);
}

TEST(YkcStreamDecoder, FakeStartBytesInGarbage) {
  // 0x68 0x10 in garbage looks like a 20-byte frame; once 20 bytes arrived its CRC fails and the real
  // frame inside is found.
  auto c = run(cat({hex("68 10 01 02"), kLoginOk, kStop}), 1);
  ASSERT_GE(c.events.size(), 3u);
  EXPECT_EQ(c.events[0], "E:bad_crc:20");
  EXPECT_EQ(c.events[1], "F:02");
  EXPECT_EQ(c.events.back(), "F:36");
}

TEST(YkcStreamDecoder, StartBytesInGarbageDoNotDelayTheNextFrame) {
  // Garbage rich in 0x68 (each a false start claiming up to 255 bytes), then a valid frame, at every
  // offset: the frame is delivered as soon as its last byte arrives, never only after more bytes.
  std::mt19937 rng(13);
  for (size_t n = 0; n <= 600; ++n) {
    std::vector<uint8_t> garbage(n);
    for (auto& b : garbage) b = rng() % 4 == 0 ? kStartByte : static_cast<uint8_t>(rng());
    for (const auto* frame : {&kHeartbeat, &kLoginOk}) {
      StreamDecoder d;
      Collected c;
      auto on = [&](DecodeEvent&& ev) { collect(c, std::move(ev)); };
      for (uint8_t b : garbage) d.push(std::span<const uint8_t>(&b, 1), on);
      ASSERT_TRUE(c.frames.empty()) << n;
      d.push(*frame, on);
      ASSERT_EQ(c.frames.size(), 1u) << "garbage of " << n << " bytes kept the frame waiting";
      EXPECT_EQ(c.frames[0], *frame) << n;
      size_t reported = 0;
      for (const auto& e : c.errors) reported += e.bytes.size();
      EXPECT_GE(reported, n == 0 ? 0u : 1u) << n;  // the garbage is reported, not silently dropped
    }
  }
}

TEST(YkcStreamDecoder, FalseStartThenFrameInOneChunk) {
  // 0x68 0xC8 claims a 204-byte frame; the heartbeat behind it is whole: delivered now, the two bytes
  // before it reported as garbage.
  auto c = run(cat({hex("68 C8"), kHeartbeat}), 64);
  EXPECT_EQ(c.events, (std::vector<std::string>{"E:garbage:2", "F:03"}));
}

TEST(YkcStreamDecoder, FrameViewIsValidUntilNextCall) {
  StreamDecoder d;
  const auto stream = cat({kLoginOk, kHeartbeat});
  EXPECT_EQ(d.feed(stream), stream.size());
  auto ev = d.next();
  ASSERT_TRUE(ev);
  const Frame f = std::get<Frame>(*ev);
  EXPECT_EQ(std::vector<uint8_t>(f.raw.begin(), f.raw.end()), kLoginOk);
  EXPECT_EQ(f.header.seq, (Sequence{0x00, 0x00}));
  EXPECT_EQ(f.body.size(), 8u);
  ev = d.next();
  ASSERT_TRUE(ev);
  EXPECT_EQ(std::get<Frame>(*ev).type(), 0x03);
  EXPECT_FALSE(d.next());
  EXPECT_EQ(d.buffered(), 0u);
  EXPECT_EQ(d.stats().frames, 2u);
}

TEST(YkcStreamDecoder, RandomChunkingWithNoiseIsStable) {
  std::mt19937 rng(42);
  std::vector<uint8_t> stream;
  size_t expected = 0;
  for (int i = 0; i < 300; ++i) {
    const auto& f = i % 3 == 0 ? kLoginOk : i % 3 == 1 ? kHeartbeat : kStop;
    stream.insert(stream.end(), f.begin(), f.end());
    ++expected;
    if (i % 17 == 0) stream.push_back(0x00);  // a stray byte between frames
  }
  StreamDecoder d;
  size_t frames = 0, garbage = 0;
  size_t pos = 0;
  while (pos < stream.size()) {
    const size_t n = std::min<size_t>(rng() % 40 + 1, stream.size() - pos);
    d.push(std::span<const uint8_t>(stream).subspan(pos, n), [&](DecodeEvent&& ev) {
      if (std::holds_alternative<Frame>(ev))
        ++frames;
      else
        garbage += std::get<DecodeError>(ev).bytes.size();
    });
    pos += n;
  }
  EXPECT_EQ(frames, expected);
  EXPECT_EQ(garbage, 18u);
  EXPECT_FALSE(d.finish());
}

TEST(YkcStreamDecoder, MemoryIsBounded) {
  // The decoder is a fixed array: no allocation per connection whatever arrives.
  EXPECT_LE(sizeof(StreamDecoder), 700u);
  StreamDecoder d;
  std::vector<uint8_t> noise(100'000);
  std::mt19937 rng(7);
  for (auto& b : noise) b = static_cast<uint8_t>(rng());
  size_t max_buffered = 0;
  d.push(noise, [&](DecodeEvent&&) { max_buffered = std::max(max_buffered, d.buffered()); });
  EXPECT_LE(max_buffered, StreamDecoder::kCapacity);
}
