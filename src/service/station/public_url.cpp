#include "service/station/public_url.hpp"

#include <algorithm>
#include <cctype>

namespace zc::station {

namespace {

std::string without_trailing_slash(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string unbracketed(const std::string& host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') return host.substr(1, host.size() - 2);
  return host;
}

}  // namespace

bool is_wildcard_host(const std::string& host) {
  std::string h = unbracketed(host);
  return h.empty() || h == "0.0.0.0" || h == "::" || h == "0:0:0:0:0:0:0:0";
}

bool is_loopback_host(const std::string& host) {
  std::string h = lower(unbracketed(host));
  if (h == "localhost" || h.ends_with(".localhost") || h == "::1" || h == "0:0:0:0:0:0:0:1") return true;
  // 127.0.0.0/8: four decimal octets, the first 127
  if (!h.starts_with("127.")) return false;
  int dots = 0;
  for (char c : h) {
    if (c == '.')
      ++dots;
    else if (c < '0' || c > '9')
      return false;
  }
  return dots == 3;
}

std::string resolve_public_url(const std::string& configured, const std::string& listen_host, uint16_t port) {
  std::string base = without_trailing_slash(configured);
  if (!base.empty()) return base;
  std::string host = unbracketed(listen_host);
  if (is_wildcard_host(host)) host = host.find(':') != std::string::npos ? "::1" : "127.0.0.1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";  // an IPv6 literal
  return "http://" + host + ":" + std::to_string(port);
}

std::string url_host(const std::string& url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  std::string rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);
  if (!rest.empty() && rest.front() == '[') return rest.substr(1, rest.find(']') - 1);
  return rest.substr(0, rest.find(':'));
}

std::string public_url_warning(const std::string& base, const std::string& listen_host) {
  if (!is_loopback_host(url_host(base)) || is_loopback_host(listen_host)) return "";
  return "public links (QR codes, exports, the private-pile form, payment notifications) point at " + base +
         ", a loopback address, while the server listens on " +
         (is_wildcard_host(listen_host) ? std::string("every interface") : listen_host) +
         ": phones and piles elsewhere cannot open them — set app.public_url (ZHICHONG_APP_PUBLIC_URL) to "
         "the "
         "address they reach this server at";
}

std::string public_base(const Config& cfg) {
  return without_trailing_slash(cfg.app.public_url);
}

std::string public_link(const Config& cfg, const std::string& path) {
  return public_base(cfg) + path;
}

}  // namespace zc::station
