#include "devices/ykc/frame.hpp"

#include <stdexcept>

namespace zc::ykc {

void append_frame(std::vector<uint8_t>& out, uint8_t type, Sequence seq, std::span<const uint8_t> body,
                  CrcOrder order, uint8_t encryption) {
  if (body.size() > kMaxBody) {
    throw std::length_error("ykc frame 0x" + to_hex(std::span<const uint8_t>(&type, 1)) + ": body of " +
                            std::to_string(body.size()) + " bytes exceeds " + std::to_string(kMaxBody));
  }
  const size_t start = out.size();
  out.resize(start + kHeaderSize + body.size() + kCrcSize);
  uint8_t* p = out.data() + start;
  p[0] = kStartByte;
  p[1] = static_cast<uint8_t>(body.size() + 4);
  p[2] = seq[0];
  p[3] = seq[1];
  p[4] = encryption;
  p[5] = type;
  if (!body.empty()) std::copy(body.begin(), body.end(), p + kHeaderSize);
  const uint16_t crc = crc16_modbus(std::span<const uint8_t>(p + 2, body.size() + 4));
  put_crc(crc, order, p + kHeaderSize + body.size());
}

std::vector<uint8_t> encode_frame(uint8_t type, Sequence seq, std::span<const uint8_t> body, CrcOrder order,
                                  uint8_t encryption) {
  std::vector<uint8_t> out;
  out.reserve(kHeaderSize + body.size() + kCrcSize);
  append_frame(out, type, seq, body, order, encryption);
  return out;
}

Result<Frame> decode_frame(std::span<const uint8_t> bytes) {
  if (bytes.size() < kHeaderSize + kCrcSize)
    return Error{"length", "frame of " + std::to_string(bytes.size()) + " bytes is shorter than 8"};
  if (bytes[0] != kStartByte) return Error{"start", "first byte is not 0x68"};
  const uint8_t len = bytes[1];
  if (len < kMinLength) return Error{"length", "L = " + std::to_string(len) + " < 4"};
  if (bytes.size() != size_t{len} + 4u)
    return Error{"length", "L = " + std::to_string(len) + " needs " + std::to_string(len + 4) +
                               " bytes, frame has " + std::to_string(bytes.size())};
  const uint16_t crc = crc16_modbus(bytes.subspan(2, len));
  const uint8_t* c = bytes.data() + 2 + len;
  Frame f;
  if (get_crc(c, CrcOrder::low_first) == crc) {
    f.crc_order = CrcOrder::low_first;
  } else if (get_crc(c, CrcOrder::high_first) == crc) {
    f.crc_order = CrcOrder::high_first;
  } else {
    return Error{"crc", "check bytes " + to_hex(std::span<const uint8_t>(c, 2)) + " do not match CRC " +
                            to_hex(std::array<uint8_t, 2>{static_cast<uint8_t>(crc & 0xFF),
                                                          static_cast<uint8_t>(crc >> 8)}) +
                            " (low byte first)"};
  }
  f.header = {len, {bytes[2], bytes[3]}, bytes[4], bytes[5]};
  f.body = bytes.subspan(kHeaderSize, len - 4u);
  f.raw = bytes;
  return f;
}

std::string to_hex(std::span<const uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string s;
  s.reserve(bytes.size() * 3);
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i) s += ' ';
    s += kDigits[bytes[i] >> 4];
    s += kDigits[bytes[i] & 0xF];
  }
  return s;
}

Result<std::vector<uint8_t>> parse_hex(std::string_view text) {
  std::vector<uint8_t> out;
  int hi = -1;
  for (char ch : text) {
    int v;
    if (ch >= '0' && ch <= '9')
      v = ch - '0';
    else if (ch >= 'a' && ch <= 'f')
      v = ch - 'a' + 10;
    else if (ch >= 'A' && ch <= 'F')
      v = ch - 'A' + 10;
    else if (ch == ' ' || ch == '\n' || ch == '\t' || ch == ':' || ch == '-')
      continue;
    else
      return Error{"hex", std::string("invalid character '") + ch + "'"};
    if (hi < 0) {
      hi = v;
    } else {
      out.push_back(static_cast<uint8_t>((hi << 4) | v));
      hi = -1;
    }
  }
  if (hi >= 0) return Error{"hex", "odd number of hex digits"};
  return out;
}

}  // namespace zc::ykc
