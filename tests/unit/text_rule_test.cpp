// The one input rule of every text field (core/text_rule, docs/api-system.md "Text fields"): no C0/C1
// control characters (a multi-line field may hold newline and tab), no bidirectional overrides or
// isolates — and JsonBody, which every handler reads text through, enforces it naming the field.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "core/text_rule.hpp"

using namespace zc;

namespace {

std::string api_error(const std::function<void()>& f, int* code = nullptr) {
  try {
    f();
  } catch (const ApiError& e) {
    if (code) *code = e.code();
    return e.what();
  }
  return "";
}

// UTF-8 of one code point.
std::string u8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

}  // namespace

TEST(TextRule, AcceptsOrdinaryText) {
  for (const char* s :
       {"", "智充示范充电站", "A区 快充车位", "O'Brien \"x\" \\ 50%", "emoji 🚗⚡", "ÄÖÜ ß é"}) {
    EXPECT_TRUE(text_problem(s, TextKind::line).empty()) << s;
    EXPECT_TRUE(text_problem(s, TextKind::multiline).empty()) << s;
  }
  // U+00A0 (no-break space) and U+200E/U+200F (marks, not overrides) are ordinary characters
  EXPECT_TRUE(text_problem("a" + u8(0xA0) + "b" + u8(0x200E) + u8(0x200F), TextKind::line).empty());
}

TEST(TextRule, RejectsEveryC0AndC1ControlInALine) {
  for (char32_t cp = 0; cp < 0x20; ++cp)
    EXPECT_FALSE(text_problem("a" + u8(cp) + "b", TextKind::line).empty()) << static_cast<int>(cp);
  EXPECT_FALSE(text_problem("a" + u8(0x7F) + "b", TextKind::line).empty());
  for (char32_t cp = 0x80; cp <= 0x9F; ++cp)
    EXPECT_FALSE(text_problem("a" + u8(cp) + "b", TextKind::line).empty()) << static_cast<int>(cp);
}

TEST(TextRule, MultiLineFieldsMayHoldNewlineAndTabOnly) {
  EXPECT_TRUE(text_problem("第一行\n第二行\tx", TextKind::multiline).empty());
  EXPECT_TRUE(text_problem("第一行\r\n第二行", TextKind::multiline).empty());
  EXPECT_FALSE(text_problem("a\rb", TextKind::multiline).empty()) << "a lone CR is not a newline";
  for (char32_t cp : {0x00, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x7F, 0x85, 0x9F})
    EXPECT_FALSE(text_problem("a" + u8(cp) + "b", TextKind::multiline).empty()) << static_cast<int>(cp);
}

TEST(TextRule, RejectsBidiOverridesAndIsolates) {
  for (char32_t cp = 0x202A; cp <= 0x202E; ++cp) {
    EXPECT_FALSE(text_problem("abc" + u8(cp), TextKind::line).empty()) << static_cast<int>(cp);
    EXPECT_FALSE(text_problem(u8(cp) + "abc", TextKind::multiline).empty()) << static_cast<int>(cp);
  }
  for (char32_t cp = 0x2066; cp <= 0x2069; ++cp)
    EXPECT_FALSE(text_problem("x" + u8(cp), TextKind::line).empty()) << static_cast<int>(cp);
  // the neighbours are fine
  for (char32_t cp : {0x2029, 0x202F, 0x2065, 0x206A})
    EXPECT_TRUE(text_problem("x" + u8(cp), TextKind::multiline).empty()) << static_cast<int>(cp);
}

TEST(TextRule, NamesTheCharacter) {
  EXPECT_NE(text_problem(std::string("a\0b", 3), TextKind::line).find("U+0000"), std::string::npos);
  EXPECT_NE(text_problem("a" + u8(0x202E), TextKind::line).find("U+202E"), std::string::npos);
}

TEST(TextRule, InvalidUtf8IsAProblemNotACrash) {
  for (std::string s :
       {std::string("\xC3"), std::string("\xFF\xFE"), std::string("\xE2\x80"), std::string("\xC0\x80")})
    EXPECT_FALSE(text_problem(s, TextKind::line).empty());
}

TEST(JsonBody, EveryTextFieldKeepsTheRuleAndNamesTheField) {
  int code = 0;
  auto b = JsonBody::parse(R"({"name": "站\u0000名", "bell": "a\u0007", "rlo": "abc\u202Edef", "lf": "a\nb",
                              "iso": "\u2066x", "ok": "正常名称", "c1": "a\u0085b", "tab": "a\tb"})");
  EXPECT_NE(api_error([&] { b.str("name"); }, &code).find("name: "), std::string::npos);
  EXPECT_EQ(code, 400);
  EXPECT_NE(api_error([&] { b.opt_str("bell"); }).find("bell: "), std::string::npos);
  EXPECT_NE(api_error([&] { b.opt_str("rlo"); }).find("rlo: "), std::string::npos);
  EXPECT_NE(api_error([&] { b.opt_str("iso"); }).find("iso: "), std::string::npos);
  EXPECT_NE(api_error([&] { b.opt_str("c1"); }).find("c1: "), std::string::npos);
  EXPECT_NE(api_error([&] { b.opt_str("lf"); }).find("lf: "), std::string::npos) << "a name is one line";
  EXPECT_NE(api_error([&] { b.opt_str("tab"); }).find("tab: "), std::string::npos) << "a name is one line";
  EXPECT_EQ(b.str("ok"), "正常名称");
  // multi-line fields opt in explicitly
  EXPECT_EQ(b.opt_str("lf", 255, TextKind::multiline), "a\nb");
  EXPECT_EQ(b.str("tab", 255, TextKind::multiline), "a\tb");
  EXPECT_NE(api_error([&] { b.opt_str("rlo", 255, TextKind::multiline); }).find("rlo: "), std::string::npos);
  EXPECT_NE(api_error([&] { b.opt_str("bell", 255, TextKind::multiline); }).find("bell: "),
            std::string::npos);
}

TEST(JsonBody, CheckedTextForNestedFields) {
  int code = 0;
  EXPECT_EQ(checked_text("leshua.merchantNo", "  M001 ", 64, TextKind::line), "M001");
  EXPECT_NE(api_error([] { checked_text("leshua.merchantNo", "M\x01", 64, TextKind::line); }, &code)
                .find("leshua.merchantNo: "),
            std::string::npos);
  EXPECT_EQ(code, 400);
  EXPECT_NE(api_error([] { checked_text("x", "充电站充电站", 5, TextKind::line); }).find("x: 长度不能超过5"),
            std::string::npos);
}
