#include "service/system/user_agent.hpp"

#include <cctype>
#include <utility>
#include <vector>

namespace zc::sys {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The digits right after `token` (e.g. "Chrome/" → "120"); nullopt-like "" when absent.
// `found` tells whether the token occurs at all.
std::string major_after(std::string_view ua, std::string_view token, bool* found = nullptr) {
  size_t at = ua.find(token);
  if (found) *found = at != std::string_view::npos;
  if (at == std::string_view::npos) return "";
  size_t i = at + token.size();
  std::string out;
  while (i < ua.size() && is_digit(ua[i]) && out.size() < 6) out += ua[i++];
  return out;
}

// "10_15_7" / "14.2.1" after `token` → "10.15" / "14.2" (at most major.minor; '_' read as '.').
std::string version_after(std::string_view ua, std::string_view token) {
  size_t at = ua.find(token);
  if (at == std::string_view::npos) return "";
  size_t i = at + token.size();
  std::string out;
  int parts = 0;
  while (i < ua.size() && parts < 2) {
    std::string part;
    while (i < ua.size() && is_digit(ua[i]) && part.size() < 4) part += ua[i++];
    if (part.empty()) break;
    out += (parts ? "." : "") + part;
    ++parts;
    if (i < ua.size() && (ua[i] == '_' || ua[i] == '.') && i + 1 < ua.size() && is_digit(ua[i + 1]))
      ++i;
    else
      break;
  }
  return out;
}

bool has(std::string_view ua, std::string_view token) {
  return ua.find(token) != std::string_view::npos;
}

std::string named(std::string name, const std::string& version) {
  return version.empty() ? name : name + " " + version;
}

std::string browser_of(std::string_view ua) {
  bool found = false;
  // In-app and Chinese browsers first: they also carry Chrome/Safari tokens.
  if (auto v = major_after(ua, "MicroMessenger/", &found); found) return named("WeChat", v);
  // Shells on Chrome that mark themselves without a version.
  if (has(ua, "360SE") || has(ua, "360EE")) return "360 Browser";
  if (has(ua, "MetaSr") || has(ua, "SogouMSE")) return "Sogou Browser";
  if (has(ua, "UCWEB")) return "UC Browser";
  struct Product {
    std::string_view token, name;
  };
  static const Product kOrdered[] = {
      {"EdgA/", "Edge"},
      {"EdgiOS/", "Edge"},
      {"Edg/", "Edge"},
      {"Edge/", "Edge"},
      {"OPR/", "Opera"},
      {"OPT/", "Opera"},
      {"OPiOS/", "Opera"},
      {"MQQBrowser/", "QQ Browser"},
      {"QQBrowser/", "QQ Browser"},
      {"UCBrowser/", "UC Browser"},
      {"UBrowser/", "UC Browser"},
      {"QihooBrowser/", "360 Browser"},
      {"SogouMobileBrowser/", "Sogou Browser"},
      {"SamsungBrowser/", "Samsung Internet"},
      {"HuaweiBrowser/", "Huawei Browser"},
      {"FxiOS/", "Firefox"},
      {"Firefox/", "Firefox"},
      {"CriOS/", "Chrome"},
      {"HeadlessChrome/", "Headless Chrome"},
      {"Chromium/", "Chromium"},
      {"Chrome/", "Chrome"},
  };
  for (const auto& p : kOrdered)
    if (auto v = major_after(ua, p.token, &found); found) return named(std::string(p.name), v);
  if (has(ua, "Opera")) return named("Opera", major_after(ua, "Version/"));
  if (has(ua, "Safari/") && has(ua, "Version/")) return named("Safari", major_after(ua, "Version/"));
  if (auto v = major_after(ua, "MSIE ", &found); found) return named("IE", v);
  if (has(ua, "Trident/7")) return "IE 11";
  if (ua.starts_with("Mozilla/")) return "";
  // A client that is not a browser: its first product token ("curl/8.4.0" → "curl 8").
  std::string name;
  size_t i = 0;
  while (i < ua.size() && i < 40 && ua[i] != '/' && ua[i] != ' ' && ua[i] != '(' && ua[i] != ';') {
    unsigned char ch = static_cast<unsigned char>(ua[i]);
    if (!std::isalnum(ch) && ch != '-' && ch != '_' && ch != '.') return "";
    name += ua[i++];
  }
  if (name.empty()) return "";
  std::string version;
  if (i < ua.size() && ua[i] == '/')
    while (++i < ua.size() && is_digit(ua[i]) && version.size() < 6) version += ua[i];
  return named(name, version);
}

std::string windows_of(std::string_view ua) {
  static const std::pair<std::string_view, std::string_view> kNt[] = {
      {"Windows NT 10.0", "Windows 10/11"}, {"Windows NT 6.3", "Windows 8.1"},
      {"Windows NT 6.2", "Windows 8"},      {"Windows NT 6.1", "Windows 7"},
      {"Windows NT 6.0", "Windows Vista"},  {"Windows NT 5.2", "Windows XP"},
      {"Windows NT 5.1", "Windows XP"},
  };
  for (const auto& [token, name] : kNt)
    if (has(ua, token)) return std::string(name);
  return "Windows";
}

std::string os_of(std::string_view ua) {
  if (has(ua, "HarmonyOS") || has(ua, "OpenHarmony"))
    return named("HarmonyOS", version_after(ua, "HarmonyOS "));
  if (has(ua, "Windows Phone")) return named("Windows Phone", version_after(ua, "Windows Phone "));
  if (has(ua, "Windows")) return windows_of(ua);
  if (has(ua, "iPad")) {
    std::string v = version_after(ua, "CPU OS ");
    bool ipados = !v.empty() && std::stoi(v.substr(0, v.find('.'))) >= 13;
    return named(ipados ? "iPadOS" : "iOS", v);
  }
  if (has(ua, "iPhone") || has(ua, "iPod")) return named("iOS", version_after(ua, "iPhone OS "));
  if (has(ua, "Android")) return named("Android", version_after(ua, "Android "));
  if (has(ua, "CrOS")) return "ChromeOS";
  if (has(ua, "Macintosh") || has(ua, "Mac OS X")) return named("macOS", version_after(ua, "Mac OS X "));
  if (has(ua, "Linux") || has(ua, "X11")) return "Linux";
  return "";
}

}  // namespace

UserAgentInfo parse_user_agent(std::string_view ua) {
  while (!ua.empty() && (ua.front() == ' ' || ua.front() == '\t')) ua.remove_prefix(1);
  if (ua.empty()) return {};
  return {browser_of(ua), os_of(ua)};
}

}  // namespace zc::sys
