#include "http/client_address.hpp"

#include <algorithm>

namespace zc::http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string> parse_address_list(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    size_t comma = s.find(',');
    std::string_view part = trim(s.substr(0, comma));
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

std::string client_address(std::string_view peer, std::string_view x_forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  auto trusted = [&](std::string_view a) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), a) != trusted_proxies.end();
  };
  std::string current(peer);
  if (!trusted(current)) return current;
  std::vector<std::string> hops = parse_address_list(x_forwarded_for);
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    if (it->size() > 64) break;  // not an address: keep the last hop we could vouch for
    current = *it;
    if (!trusted(current)) break;
  }
  return current;
}

}  // namespace zc::http
