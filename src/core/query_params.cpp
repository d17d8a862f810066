#include "core/query_params.hpp"

#include <charconv>

#include "core/error.hpp"

namespace zc {

std::optional<std::string> query_str(const QueryParams& q, std::string_view name) {
  auto it = q.find(name);
  if (it == q.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::optional<int64_t> query_int(const QueryParams& q, std::string_view name) {
  auto s = query_str(q, name);
  if (!s) return std::nullopt;
  int64_t n = 0;
  auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), n);
  if (ec != std::errc() || p != s->data() + s->size()) fail_bad_request(std::string(name) + ": 应为整数");
  return n;
}

}  // namespace zc
