#include "http/types.hpp"

#include <charconv>

#include "core/error.hpp"

namespace zc::http {

const std::string& Request::param(std::string_view name) const {
  for (const auto& [k, v] : path_params)
    if (k == name) return v;
  static const std::string empty;
  return empty;
}

static bool parse_id(std::string_view s, int64_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && out > 0;
}

int64_t Request::id_param(std::string_view name) const {
  int64_t id = 0;
  if (!parse_id(param(name), id)) fail_bad_request(std::string(name) + ": 应为正整数");
  return id;
}

std::vector<int64_t> Request::id_list_param(std::string_view name) const {
  std::vector<int64_t> ids;
  std::string_view s = param(name);
  while (!s.empty()) {
    auto comma = s.find(',');
    std::string_view part = s.substr(0, comma);
    int64_t id = 0;
    if (!parse_id(part, id)) fail_bad_request(std::string(name) + ": 应为逗号分隔的正整数");
    ids.push_back(id);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  if (ids.empty() || ids.size() > 500) fail_bad_request(std::string(name) + ": 数量必须在1到500之间");
  return ids;
}

}  // namespace zc::http
