#include "http/router.hpp"

#include <algorithm>

#include <stdexcept>

namespace zc::http {

static std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

void Router::add(std::string method, std::string pattern, RouteOptions options, Handler handler) {
  auto r = std::make_unique<Route>();
  max_body_limit_ = std::max(max_body_limit_, options.body_limit);
  r->method = std::move(method);
  r->pattern = pattern;
  bool has_param = false;
  for (auto s : split(pattern)) {
    r->segments.emplace_back(s);
    if (s.front() == '{') has_param = true;
  }
  if (r->segments.empty()) throw std::logic_error("empty route pattern");
  r->options = std::move(options);
  r->handler = std::move(handler);
  if (!has_param) {
    auto key = r->method + " " + pattern;
    if (exact_.count(key)) throw std::logic_error("duplicate route " + key);
    exact_[key] = r.get();
  }
  routes_.push_back(std::move(r));
}

Router::Match Router::match(std::string_view method, std::string_view path,
                            std::vector<std::pair<std::string, std::string>>& params) const {
  Match m;
  std::string key;
  key.reserve(method.size() + 1 + path.size());
  key.append(method).append(" ").append(path);
  if (auto it = exact_.find(key); it != exact_.end()) {
    m.route = it->second;
    m.path_known = true;
    return m;
  }
  auto segs = split(path);
  // Literal segments beat parameters: pick the route with the most literal matches.
  int best_score = -1;
  for (const auto& r : routes_) {
    if (r->segments.size() != segs.size()) continue;
    int score = 0;
    bool ok = true;
    for (size_t i = 0; i < segs.size() && ok; ++i) {
      if (r->segments[i].front() == '{') continue;
      if (r->segments[i] == segs[i])
        ++score;
      else
        ok = false;
    }
    if (!ok) continue;
    m.path_known = true;
    if (r->method == method && score > best_score) {
      best_score = score;
      m.route = r.get();
    }
  }
  if (m.route) {
    params.clear();
    for (size_t i = 0; i < segs.size(); ++i) {
      const auto& s = m.route->segments[i];
      if (s.front() == '{') params.emplace_back(s.substr(1, s.size() - 2), std::string(segs[i]));
    }
  }
  return m;
}

}  // namespace zc::http
