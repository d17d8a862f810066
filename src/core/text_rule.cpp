#include "core/text_rule.hpp"

#include <cstdint>
#include <cstdio>

#include "core/error.hpp"
#include "core/json_body.hpp"

namespace zc {

namespace {

// Decodes the code point at `i` and advances `i`; -1 for an invalid or overlong sequence.
int32_t next_code_point(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return -1;
  }
  int32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = byte(i + k);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  static constexpr int32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  i += len;
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  return cp;
}

std::string code_point_name(int32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace

std::string text_problem(std::string_view s, TextKind kind) {
  bool multi = kind == TextKind::multiline;
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    int32_t cp = next_code_point(s, i);
    if (cp < 0) return "不是有效的UTF-8文本";
    if (multi && (cp == '\n' || cp == '\t')) continue;
    if (multi && cp == '\r' && at + 1 < s.size() && s[at + 1] == '\n') continue;  // CRLF
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return "不能包含控制字符（" + code_point_name(cp) + "）";
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
      return "不能包含双向文本控制符（" + code_point_name(cp) + "）";
  }
  return {};
}

std::string checked_text(std::string_view field, std::string_view raw, size_t max_len, TextKind kind) {
  std::string s = trim(raw);
  if (utf8_length(s) > max_len)
    fail_bad_request(std::string(field) + ": 长度不能超过" + std::to_string(max_len) + "个字符");
  if (std::string problem = text_problem(s, kind); !problem.empty())
    fail_bad_request(std::string(field) + ": " + problem);
  return s;
}

}  // namespace zc
