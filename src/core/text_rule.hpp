#pragma once
// The one input rule of every text field (docs/api-system.md "Text fields"): a text never holds a C0/C1
// control character (U+0000–U+001F, U+007F–U+009F) nor a bidirectional override or isolate
// (U+202A–U+202E, U+2066–U+2069). A multi-line field (a description) may also hold newlines (LF, CRLF)
// and tabs. JsonBody applies it to every string it hands out, so a new field inherits it.
#include <cstddef>
#include <string>
#include <string_view>

namespace zc {

enum class TextKind {
  line,       // names, codes, numbers, …: one line
  multiline,  // descriptions (remark, intro, reason): newline and tab allowed
};

// "" when `s` keeps the rule; otherwise why not, naming the character ("不能包含控制字符（U+0007）").
std::string text_problem(std::string_view s, TextKind kind);

// The value of a text field: trimmed, at most `max_len` code points, keeping the rule; otherwise
// ApiError 400 "<field>: …".
std::string checked_text(std::string_view field, std::string_view raw, size_t max_len, TextKind kind);

}  // namespace zc
