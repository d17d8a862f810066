#include "devices/ocpp16/ws_framer.hpp"

#include <cstring>

namespace zc::devices::ocpp16::ws {

namespace {

enum Op : uint8_t { cont = 0, text = 1, binary = 2, close = 8, ping = 9, pong = 10 };

// Close codes a peer may send (RFC 6455 §7.4: 1004-1006 and 1015 are never on the wire).
bool valid_close_code(uint16_t c) {
  if (c >= 3000 && c <= 4999) return true;
  return (c >= 1000 && c <= 1003) || (c >= 1007 && c <= 1014);
}

void unmask(uint8_t* p, size_t n, const uint8_t key[4]) {
  uint32_t k;
  std::memcpy(&k, key, 4);
  size_t i = 0;
  if (n >= 8) {
    uint64_t k8 = (static_cast<uint64_t>(k) << 32) | k;
    for (; i + 8 <= n; i += 8) {
      uint64_t v;
      std::memcpy(&v, p + i, 8);
      v ^= k8;
      std::memcpy(p + i, &v, 8);
    }
  }
  for (; i < n; ++i) p[i] ^= key[i & 3];
}

void append_frame(std::string& out, uint8_t op, std::string_view payload) {
  char h[10];
  size_t hl = 2;
  h[0] = static_cast<char>(0x80 | op);
  size_t n = payload.size();
  if (n < 126) {
    h[1] = static_cast<char>(n);
  } else if (n <= 0xFFFF) {
    h[1] = 126;
    h[2] = static_cast<char>(n >> 8);
    h[3] = static_cast<char>(n & 0xFF);
    hl = 4;
  } else {
    h[1] = 127;
    for (int i = 0; i < 8; ++i)
      h[2 + i] = static_cast<char>((static_cast<uint64_t>(n) >> (56 - 8 * i)) & 0xFF);
    hl = 10;
  }
  out.append(h, hl);
  out.append(payload);
}

}  // namespace

bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const uint8_t* end = p + s.size();
  while (p < end) {
    // ASCII runs 8 bytes at a time (OCPP-J text is almost all ASCII)
    while (end - p >= 8) {
      uint64_t v;
      std::memcpy(&v, p, 8);
      if (v & 0x8080808080808080ULL) break;
      p += 8;
    }
    if (p >= end) break;
    uint8_t c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, cp = c & 0x07;
    } else {
      return false;
    }
    if (static_cast<size_t>(end - p) < len) return false;
    for (size_t i = 1; i < len; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    p += len;
  }
  return true;
}

bool FrameReader::fail(FrameSink& sink, uint16_t code, const char* reason) {
  done_ = true;
  kept_ = std::string();
  message_ = std::string();
  sink.on_protocol_error(code, reason);
  return false;
}

bool FrameReader::feed(std::span<uint8_t> data, FrameSink& sink) {
  if (done_) return false;
  if (!kept_.empty()) {
    kept_.append(reinterpret_cast<const char*>(data.data()), data.size());
    return resume(sink);
  }
  size_t used = 0;
  bool go = decode(data.data(), data.size(), used, sink);
  if (!done_ && used < data.size())
    kept_.assign(reinterpret_cast<const char*>(data.data()) + used, data.size() - used);
  return go;
}

bool FrameReader::resume(FrameSink& sink) {
  if (done_) return false;
  if (kept_.empty()) return true;
  // Decoding works in place on a copy that no callback can touch (the sink may feed nothing meanwhile,
  // but kept_ must not move under the views it was handed).
  std::string work;
  work.swap(kept_);
  size_t used = 0;
  bool go = decode(reinterpret_cast<uint8_t*>(work.data()), work.size(), used, sink);
  if (!done_ && used < work.size()) {
    if (kept_.empty()) {
      work.erase(0, used);
      kept_.swap(work);
    } else {
      kept_.insert(0, work, used, std::string::npos);
    }
  }
  return go;
}

bool FrameReader::decode(uint8_t* p, size_t n, size_t& used, FrameSink& sink) {
  size_t pos = 0;
  for (;;) {
    used = pos;
    size_t avail = n - pos;
    if (avail < 2) return true;
    const uint8_t b0 = p[pos], b1 = p[pos + 1];
    const bool fin = b0 & 0x80;
    const uint8_t op = b0 & 0x0F;
    if (b0 & 0x70) return fail(sink, protocol_error, "reserved bits set");
    if (!(b1 & 0x80)) return fail(sink, protocol_error, "client frame not masked");
    if (op >= 8) {
      if (op != close && op != ping && op != pong) return fail(sink, protocol_error, "unknown opcode");
      if (!fin) return fail(sink, protocol_error, "fragmented control frame");
      if ((b1 & 0x7F) > 125) return fail(sink, protocol_error, "control frame too long");
    } else if (op == cont) {
      if (!fragment_op_) return fail(sink, protocol_error, "continuation without a message");
    } else if (op == text || op == binary) {
      if (fragment_op_) return fail(sink, protocol_error, "new message inside a fragmented one");
    } else {
      return fail(sink, protocol_error, "unknown opcode");
    }
    size_t hdr = 2;
    uint64_t len = b1 & 0x7F;
    if (len == 126) {
      if (avail < 4) return true;
      len = (static_cast<uint64_t>(p[pos + 2]) << 8) | p[pos + 3];
      hdr = 4;
    } else if (len == 127) {
      if (avail < 10) return true;
      len = 0;
      for (int i = 0; i < 8; ++i) len = (len << 8) | p[pos + 2 + i];
      if (len >> 63) return fail(sink, protocol_error, "frame length out of range");
      hdr = 10;
    }
    if (op < 8 && len + message_.size() > max_)
      return fail(sink, too_big, "frame larger than ocpp.max_frame_bytes");
    if (avail < hdr + 4 + len) return true;  // incomplete: wait for the rest
    uint8_t key[4];
    std::memcpy(key, p + pos + hdr, 4);
    uint8_t* payload = p + pos + hdr + 4;
    unmask(payload, static_cast<size_t>(len), key);
    std::string_view data(reinterpret_cast<const char*>(payload), static_cast<size_t>(len));
    pos += hdr + 4 + static_cast<size_t>(len);
    used = pos;
    switch (op) {
      case ping:
        sink.on_ping(data);
        continue;
      case pong:
        sink.on_pong();
        continue;
      case close: {
        if (data.size() == 1) return fail(sink, protocol_error, "close frame of 1 byte");
        uint16_t code = 1005;
        std::string_view reason;
        if (data.size() >= 2) {
          code = static_cast<uint16_t>((static_cast<uint8_t>(data[0]) << 8) | static_cast<uint8_t>(data[1]));
          reason = data.substr(2);
          if (!valid_close_code(code)) return fail(sink, protocol_error, "invalid close code");
          if (!valid_utf8(reason)) return fail(sink, bad_payload, "close reason is not UTF-8");
        }
        done_ = true;
        kept_ = std::string();
        message_ = std::string();
        sink.on_close(code, reason);
        return false;
      }
      default:
        break;
    }
    bool go;
    if (fin && op != cont) {  // a whole message in one frame: handed over in place
      if (op == text && !valid_utf8(data)) return fail(sink, bad_payload, "text message is not UTF-8");
      go = sink.on_message(data, op == binary);
    } else {
      if (op != cont) fragment_op_ = op;
      message_.append(data);
      if (!fin) continue;
      bool bin = fragment_op_ == binary;
      fragment_op_ = 0;
      std::string whole;
      whole.swap(message_);
      if (!bin && !valid_utf8(whole)) return fail(sink, bad_payload, "text message is not UTF-8");
      go = sink.on_message(whole, bin);
    }
    if (done_) return false;
    if (!go) return false;
  }
}

void append_text(std::string& out, std::string_view payload) {
  append_frame(out, text, payload);
}
void append_pong(std::string& out, std::string_view payload) {
  append_frame(out, pong, payload.substr(0, 125));
}
void append_ping(std::string& out) {
  append_frame(out, ping, {});
}
void append_close(std::string& out, uint16_t code, std::string_view reason) {
  if (code == 0) return append_frame(out, close, {});
  char body[125];
  body[0] = static_cast<char>(code >> 8);
  body[1] = static_cast<char>(code & 0xFF);
  size_t r = std::min<size_t>(reason.size(), 123);
  // never cut a UTF-8 sequence in two
  while (r > 0 && r < reason.size() && (static_cast<uint8_t>(reason[r]) & 0xC0) == 0x80) --r;
  if (r > 0) std::memcpy(body + 2, reason.data(), r);  // an empty view's data() may be null (UB for memcpy)
  append_frame(out, close, std::string_view(body, r + 2));
}

}  // namespace zc::devices::ocpp16::ws
