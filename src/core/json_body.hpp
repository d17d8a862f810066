#pragma once
// Typed, validating access to a JSON request body. Every failure is a 400 whose message names the
// field, so handlers read a DTO in a few lines and never crash on a wrong type.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_rule.hpp"

namespace zc {

class JsonBody {
 public:
  // Throws ApiError(400) when the text is not a JSON object.
  static JsonBody parse(std::string_view text);
  explicit JsonBody(boost::json::object obj) : obj_(std::move(obj)) {}

  bool has(std::string_view key) const;  // present and not null

  // Text fields: trimmed; `max_len` counts UTF-8 code points; the text rule of core/text_rule.hpp holds
  // (no control characters, no bidi overrides) — a multi-line field (a description) opts in to newlines
  // and tabs with TextKind::multiline.
  std::string str(std::string_view key, size_t max_len = 255,
                  TextKind kind = TextKind::line) const;  // required, non-empty
  std::optional<std::string> opt_str(std::string_view key, size_t max_len = 255,
                                     TextKind kind = TextKind::line) const;
  int64_t i64(std::string_view key) const;  // required
  std::optional<int64_t> opt_i64(std::string_view key) const;
  std::vector<int64_t> id_list(std::string_view key) const;  // optional array of integers
  std::optional<std::vector<int64_t>> opt_id_list(std::string_view key) const;

  const boost::json::object& object() const { return obj_; }

 private:
  const boost::json::value* find(std::string_view key) const;
  boost::json::object obj_;
};

size_t utf8_length(std::string_view s);
std::string trim(std::string_view s);

}  // namespace zc
