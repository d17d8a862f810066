#include "core/json_body.hpp"

#include <boost/json/parse.hpp>

#include "core/error.hpp"

namespace zc {

namespace json = boost::json;

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string trim(std::string_view s) {
  const char* ws = " \t\r\n";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(ws);
  return std::string(s.substr(b, e - b + 1));
}

JsonBody JsonBody::parse(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) fail_bad_request("请求体不是合法的JSON: " + ec.message());
  if (!v.is_object()) fail_bad_request("请求体必须是JSON对象");
  return JsonBody(std::move(v.as_object()));
}

const json::value* JsonBody::find(std::string_view key) const {
  auto it = obj_.find(key);
  if (it == obj_.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

bool JsonBody::has(std::string_view key) const {
  return find(key) != nullptr;
}

std::optional<std::string> JsonBody::opt_str(std::string_view key, size_t max_len, TextKind kind) const {
  const json::value* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) fail_bad_request(std::string(key) + ": 应为字符串");
  return checked_text(key, v->as_string(), max_len, kind);
}

std::string JsonBody::str(std::string_view key, size_t max_len, TextKind kind) const {
  auto s = opt_str(key, max_len, kind);
  if (!s || s->empty()) fail_bad_request(std::string(key) + ": 不能为空");
  return *s;
}

static int64_t as_int(std::string_view key, const json::value& v) {
  if (v.is_int64()) return v.as_int64();
  if (v.is_uint64() && v.as_uint64() <= static_cast<uint64_t>(INT64_MAX))
    return static_cast<int64_t>(v.as_uint64());
  if (v.is_double()) {
    double d = v.as_double();
    if (d == static_cast<double>(static_cast<int64_t>(d)) && d > -9e15 && d < 9e15)
      return static_cast<int64_t>(d);
  }
  fail_bad_request(std::string(key) + ": 应为整数");
}

std::optional<int64_t> JsonBody::opt_i64(std::string_view key) const {
  const json::value* v = find(key);
  if (!v) return std::nullopt;
  if (v->is_string() && v->as_string().empty()) return std::nullopt;
  return as_int(key, *v);
}

int64_t JsonBody::i64(std::string_view key) const {
  auto n = opt_i64(key);
  if (!n) fail_bad_request(std::string(key) + ": 不能为空");
  return *n;
}

std::optional<std::vector<int64_t>> JsonBody::opt_id_list(std::string_view key) const {
  const json::value* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_array()) fail_bad_request(std::string(key) + ": 应为整数数组");
  std::vector<int64_t> out;
  out.reserve(v->as_array().size());
  for (const auto& e : v->as_array()) out.push_back(as_int(key, e));
  return out;
}

std::vector<int64_t> JsonBody::id_list(std::string_view key) const {
  auto l = opt_id_list(key);
  return l ? *l : std::vector<int64_t>{};
}

}  // namespace zc
