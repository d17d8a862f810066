#pragma once
// Browser and operating system of a login, read from its User-Agent header (the login log's 浏览器 and
// 操作系统 columns, as RuoYi shows them). Pure: no I/O, no allocation beyond the result.
//
// browser: product name and major version — "Chrome 120", "Edge 120", "Firefox 121", "Safari 17",
//          "Opera 106", "WeChat 8" (微信 in-app browser), "QQ Browser 13", "UC Browser 15",
//          "360 Browser", "Sogou Browser", "IE 11"; a non-browser client by its first product token
//          ("curl 8", "okhttp 4"); "" when the header is empty or unreadable.
// os:      "Windows 10/11" (Windows NT 10.0: the header cannot tell them apart), "Windows 7", "macOS 14.2",
//          "iOS 17.2", "iPadOS 16.6", "Android 14", "HarmonyOS", "HarmonyOS 4.0", "ChromeOS", "Linux";
//          "" when unknown.
#include <string>
#include <string_view>

namespace zc::sys {

struct UserAgentInfo {
  std::string browser;
  std::string os;
};

UserAgentInfo parse_user_agent(std::string_view ua);

}  // namespace zc::sys
