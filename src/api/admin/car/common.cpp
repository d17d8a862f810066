#include "api/admin/car/common.hpp"

#include <cmath>
#include <cstdlib>

namespace zc::api::car {

namespace json = boost::json;

bool opt_bool(const JsonBody& b, std::string_view key, bool def) {
  auto it = b.object().find(key);
  if (it == b.object().end() || it->value().is_null()) return def;
  const auto& v = it->value();
  if (v.is_bool()) return v.as_bool();
  if (v.is_int64() && (v.as_int64() == 0 || v.as_int64() == 1)) return v.as_int64() == 1;
  fail_bad_request(std::string(key) + ": 应为布尔值");
}

std::optional<int64_t> opt_micro_degrees(const JsonBody& b, std::string_view key) {
  auto it = b.object().find(key);
  if (it == b.object().end() || it->value().is_null()) return std::nullopt;
  const auto& v = it->value();
  double d = 0;
  if (v.is_int64()) {
    d = static_cast<double>(v.as_int64());
  } else if (v.is_uint64()) {
    d = static_cast<double>(v.as_uint64());
  } else if (v.is_double()) {
    d = v.as_double();
  } else if (v.is_string()) {
    std::string s(v.as_string());
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    d = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) fail_bad_request(std::string(key) + ": 应为数字");
  } else {
    fail_bad_request(std::string(key) + ": 应为数字");
  }
  if (!std::isfinite(d) || std::fabs(d) > 1000) fail_bad_request(std::string(key) + ": 超出范围");
  return static_cast<int64_t>(std::llround(d * 1e6));
}

int64_t int_or(const JsonBody& b, std::string_view key, int64_t def) {
  return b.opt_i64(key).value_or(def);
}

std::vector<int64_t> int_list(const JsonBody& b, std::string_view key) {
  auto it = b.object().find(key);
  if (it == b.object().end() || it->value().is_null()) return {};
  if (!it->value().is_array()) fail_bad_request(std::string(key) + ": 应为整数数组");
  std::vector<int64_t> out;
  const auto& a = it->value().as_array();
  if (a.size() > 100) fail_bad_request(std::string(key) + ": 元素过多");
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_int64()) fail_bad_request(std::string(key) + "[" + std::to_string(i) + "]: 应为整数");
    out.push_back(a[i].as_int64());
  }
  return out;
}

QueryParams filters_of(const JsonBody& b) {
  QueryParams q;
  for (const auto& kv : b.object()) {
    const auto& v = kv.value();
    std::string key(kv.key());
    if (v.is_string())
      q[key] = std::string(v.as_string());
    else if (v.is_int64())
      q[key] = std::to_string(v.as_int64());
    else if (v.is_uint64())
      q[key] = std::to_string(v.as_uint64());
    else if (v.is_bool())
      q[key] = v.as_bool() ? "1" : "0";
  }
  return q;
}

http::Response png(std::string bytes, const std::string& file_name) {
  http::Response r;
  r.content_type = "image/png";
  r.body = std::move(bytes);
  r.headers.emplace_back("Content-Disposition", "inline; filename=\"" + file_name + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace zc::api::car
