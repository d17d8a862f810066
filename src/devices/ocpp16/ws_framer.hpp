#pragma once
// RFC 6455 server-side framing, without I/O: the OCPP sessions read raw bytes from the socket into a
// per-thread buffer and feed them here; complete messages come out as string_views. Handles masking,
// fragmentation (continuation frames), ping/pong/close, the message size limit and the UTF-8 check of
// text messages. An idle connection holds no buffer: bytes are kept only while a frame (or a
// fragmented message) is incomplete, or while the session holds its input (a handler waits for the
// database). No Asio, no Beast: unit-testable and fuzzable (tests/fuzz/ocpp_frame_fuzz.cpp).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace zc::devices::ocpp16::ws {

// Close codes (RFC 6455 §7.4.1).
enum CloseCode : uint16_t {
  normal = 1000,
  going_away = 1001,
  protocol_error = 1002,
  unsupported_data = 1003,
  bad_payload = 1007,
  policy_error = 1008,
  too_big = 1009,
};

// What the session does with decoded frames. on_message returning false stops decoding: the rest is
// kept and decoded by resume() (the session waits for blocking work, or closed).
class FrameSink {
 public:
  virtual bool on_message(std::string_view payload, bool binary) = 0;
  virtual void on_ping(std::string_view payload) = 0;
  virtual void on_pong() = 0;
  // The peer's close frame (code 1005 "no status" when it had none). Decoding stops for good.
  virtual void on_close(uint16_t code, std::string_view reason) = 0;
  // A protocol violation: the connection must be closed with `code`. Decoding stops for good.
  virtual void on_protocol_error(uint16_t code, const char* reason) = 0;

 protected:
  ~FrameSink() = default;
};

class FrameReader {
 public:
  explicit FrameReader(uint32_t max_message) : max_(max_message) {}

  // Decodes what `data` completes. `data` is modified (unmasked in place); what is not consumed is
  // copied. Returns false when decoding stopped (the sink said so, a close frame, an error).
  bool feed(std::span<uint8_t> data, FrameSink& sink);
  // Decodes what feed() kept after the sink stopped it. False when it stopped again.
  bool resume(FrameSink& sink);
  bool done() const { return done_; }  // a close frame or an error was seen: nothing more is decoded
  size_t buffered() const { return kept_.size() + message_.size(); }

 private:
  bool decode(uint8_t* p, size_t n, size_t& used, FrameSink& sink);
  bool fail(FrameSink& sink, uint16_t code, const char* reason);

  std::string kept_;     // bytes received but not decoded yet
  std::string message_;  // the fragments of a message so far
  uint32_t max_;
  uint8_t fragment_op_ = 0;  // opcode of the fragmented message in progress (0: none)
  bool done_ = false;
};

// Server frames (never masked), appended to `out`.
void append_text(std::string& out, std::string_view payload);
void append_pong(std::string& out, std::string_view payload);
void append_ping(std::string& out);
void append_close(std::string& out, uint16_t code, std::string_view reason);  // code 0: no body

bool valid_utf8(std::string_view s);

}  // namespace zc::devices::ocpp16::ws
