// The OCPP endpoint's RFC 6455 server framer (src/devices/ocpp16/ws_framer.hpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "devices/ocpp16/ws_framer.hpp"

using namespace zc::devices::ocpp16;

namespace {

std::string client_frame(uint8_t op, std::string_view payload, bool fin = true, bool masked = true) {
  std::string out;
  out.push_back(static_cast<char>((fin ? 0x80 : 0) | op));
  size_t n = payload.size();
  char m = masked ? static_cast<char>(0x80) : 0;
  if (n < 126) {
    out.push_back(static_cast<char>(m | static_cast<char>(n)));
  } else if (n <= 0xFFFF) {
    out.push_back(static_cast<char>(m | 126));
    out.push_back(static_cast<char>(n >> 8));
    out.push_back(static_cast<char>(n & 0xFF));
  } else {
    out.push_back(static_cast<char>(m | 127));
    for (int i = 7; i >= 0; --i)
      out.push_back(static_cast<char>((static_cast<uint64_t>(n) >> (8 * i)) & 0xFF));
  }
  const uint8_t key[4] = {0x37, 0xFA, 0x21, 0x3D};
  if (masked) out.append(reinterpret_cast<const char*>(key), 4);
  for (size_t i = 0; i < n; ++i)
    out.push_back(static_cast<char>(masked ? payload[i] ^ key[i & 3] : payload[i]));
  return out;
}

struct Events final : ws::FrameSink {
  std::vector<std::string> got;
  bool pause = false;
  bool on_message(std::string_view p, bool binary) override {
    got.push_back((binary ? "B:" : "T:") + std::string(p));
    return !pause;
  }
  void on_ping(std::string_view p) override { got.push_back("ping:" + std::string(p)); }
  void on_pong() override { got.push_back("pong"); }
  void on_close(uint16_t code, std::string_view reason) override {
    got.push_back("close:" + std::to_string(code) + ":" + std::string(reason));
  }
  void on_protocol_error(uint16_t code, const char* reason) override {
    got.push_back("error:" + std::to_string(code) + ":" + reason);
  }
};

std::vector<std::string> decode(std::string bytes, uint32_t max = 65536, size_t chunk = 0) {
  Events e;
  ws::FrameReader r(max);
  if (chunk == 0) chunk = bytes.size();
  for (size_t pos = 0; pos < bytes.size() && !r.done(); pos += chunk) {
    size_t n = std::min(chunk, bytes.size() - pos);
    r.feed({reinterpret_cast<uint8_t*>(bytes.data()) + pos, n}, e);
  }
  return e.got;
}

}  // namespace

TEST(Ocpp16WsFramer, MessagesInOneReadAndByteByByte) {
  std::string in = client_frame(1, "[2,\"1\",\"Heartbeat\",{}]") + client_frame(1, std::string(300, 'x')) +
                   client_frame(2, "bin");
  std::vector<std::string> want = {"T:[2,\"1\",\"Heartbeat\",{}]", "T:" + std::string(300, 'x'), "B:bin"};
  EXPECT_EQ(decode(in), want);
  EXPECT_EQ(decode(in, 65536, 1), want);
  EXPECT_EQ(decode(in, 65536, 7), want);
}

TEST(Ocpp16WsFramer, FragmentsWithAControlFrameBetween) {
  std::string in = client_frame(1, "[2,\"1\",", false) + client_frame(9, "p") +
                   client_frame(0, "\"Heartbeat\",", false) + client_frame(0, "{}]") + client_frame(10, "");
  EXPECT_EQ(decode(in), (std::vector<std::string>{"ping:p", "T:[2,\"1\",\"Heartbeat\",{}]", "pong"}));
}

TEST(Ocpp16WsFramer, CloseEndsDecoding) {
  std::string in = client_frame(8, std::string("\x03\xE8", 2) + "bye") + client_frame(1, "after");
  EXPECT_EQ(decode(in), (std::vector<std::string>{"close:1000:bye"}));
  EXPECT_EQ(decode(client_frame(8, "")), (std::vector<std::string>{"close:1005:"}));
}

TEST(Ocpp16WsFramer, ProtocolErrors) {
  EXPECT_EQ(decode(client_frame(1, "x", true, false)),
            (std::vector<std::string>{"error:1002:client frame not masked"}));
  EXPECT_EQ(decode(client_frame(0, "x")),
            (std::vector<std::string>{"error:1002:continuation without a message"}));
  EXPECT_EQ(decode(client_frame(1, "a", false) + client_frame(1, "b")),
            (std::vector<std::string>{"error:1002:new message inside a fragmented one"}));
  EXPECT_EQ(decode(client_frame(9, std::string(126, 'p'))),
            (std::vector<std::string>{"error:1002:control frame too long"}));
  EXPECT_EQ(decode(client_frame(3, "x")), (std::vector<std::string>{"error:1002:unknown opcode"}));
  EXPECT_EQ(decode(client_frame(1, "\xC3\x28")),
            (std::vector<std::string>{"error:1007:text message is not UTF-8"}));
  EXPECT_EQ(decode(client_frame(8, std::string("\x03\xED", 2))),
            (std::vector<std::string>{"error:1002:invalid close code"}));
  std::string rsv = client_frame(1, "x");
  rsv[0] = static_cast<char>(rsv[0] | 0x40);
  EXPECT_EQ(decode(rsv), (std::vector<std::string>{"error:1002:reserved bits set"}));
}

TEST(Ocpp16WsFramer, SizeLimitCountsTheWholeMessage) {
  EXPECT_EQ(decode(client_frame(1, std::string(1024, 'a')), 1024),
            (std::vector<std::string>{"T:" + std::string(1024, 'a')}));
  // refused from the header alone: the 70,000 bytes need not arrive
  EXPECT_EQ(decode(client_frame(1, std::string(70000, 'a')).substr(0, 20), 65536),
            (std::vector<std::string>{"error:1009:frame larger than ocpp.max_frame_bytes"}));
  EXPECT_EQ(
      decode(client_frame(1, std::string(600, 'a'), false) + client_frame(0, std::string(600, 'a')), 1024),
      (std::vector<std::string>{"error:1009:frame larger than ocpp.max_frame_bytes"}));
}

TEST(Ocpp16WsFramer, PausedDecodingResumesInOrder) {
  std::string in = client_frame(1, "one") + client_frame(1, "two") + client_frame(1, "thr");
  in += in.substr(0, 3);  // and part of the next frame
  Events e;
  e.pause = true;
  ws::FrameReader r(1024);
  EXPECT_FALSE(r.feed({reinterpret_cast<uint8_t*>(in.data()), in.size()}, e));
  EXPECT_EQ(e.got, std::vector<std::string>{"T:one"});
  EXPECT_FALSE(r.resume(e));
  e.pause = false;
  EXPECT_TRUE(r.resume(e));
  EXPECT_EQ(e.got, (std::vector<std::string>{"T:one", "T:two", "T:thr"}));
  std::string rest = client_frame(1, "one").substr(3);
  EXPECT_TRUE(r.feed({reinterpret_cast<uint8_t*>(rest.data()), rest.size()}, e));
  EXPECT_EQ(e.got.back(), "T:one");
  EXPECT_EQ(r.buffered(), 0u);
}

TEST(Ocpp16WsFramer, ServerFrames) {
  std::string out;
  ws::append_text(out, "hi");
  EXPECT_EQ(out, std::string("\x81\x02hi", 4));
  out.clear();
  ws::append_text(out, std::string(200, 'z'));
  EXPECT_EQ(out.substr(0, 4), std::string("\x81\x7E\x00\xC8", 4));
  out.clear();
  ws::append_close(out, 1008, "too many malformed frames");
  EXPECT_EQ(out.substr(0, 4), std::string("\x88\x1B\x03\xF0", 4));
  out.clear();
  ws::append_close(out, 0, "");
  EXPECT_EQ(out, std::string("\x88\x00", 2));
}

TEST(Ocpp16WsFramer, Utf8) {
  EXPECT_TRUE(ws::valid_utf8("plain ascii text, longer than eight bytes"));
  EXPECT_TRUE(ws::valid_utf8("智充 €"));
  EXPECT_FALSE(ws::valid_utf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(ws::valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(ws::valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(ws::valid_utf8("abc\xE6\x99"));       // cut
}
