// The login log's 浏览器 / 操作系统 columns: real User-Agent headers of the browsers and systems operators
// and drivers use, and of non-browser clients.
#include <gtest/gtest.h>

#include "service/system/user_agent.hpp"

using zc::sys::parse_user_agent;

struct UaCase {
  const char* ua;
  const char* browser;
  const char* os;
};

static void expect_all(std::initializer_list<UaCase> cases) {
  for (const auto& c : cases) {
    auto r = parse_user_agent(c.ua);
    EXPECT_EQ(r.browser, c.browser) << c.ua;
    EXPECT_EQ(r.os, c.os) << c.ua;
  }
}

TEST(UserAgent, DesktopBrowsers) {
  expect_all({
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
       "Safari/537.36",
       "Chrome 120", "Windows 10/11"},
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
       "Safari/537.36 Edg/120.0.2210.91",
       "Edge 120", "Windows 10/11"},
      {"Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0", "Firefox 115",
       "Windows 7"},
      {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "Version/17.2 Safari/605.1.15",
       "Safari 17", "macOS 10.15"},
      {"Mozilla/5.0 (Macintosh; Intel Mac OS X 14.2; rv:121.0) Gecko/20100101 Firefox/121.0", "Firefox 121",
       "macOS 14.2"},
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 "
       "Safari/537.36 OPR/105.0.0.0",
       "Opera 105", "Windows 10/11"},
      {"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
       "Safari/537.36",
       "Chrome 120", "Linux"},
      {"Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", "Firefox 121",
       "Linux"},
      {"Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
       "Safari/537.36",
       "Chrome 120", "ChromeOS"},
      {"Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko", "IE 11", "Windows 7"},
      {"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.28 "
       "Safari/537.36",
       "Headless Chrome 120", "Linux"},
  });
}

TEST(UserAgent, ChineseBrowsers) {
  expect_all({
      // 360安全浏览器 / 极速浏览器 in their marked modes
      {"Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 "
       "Safari/537.36 QIHU 360SE",
       "360 Browser", "Windows 10/11"},
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 "
       "Safari/537.36 QIHU 360EE",
       "360 Browser", "Windows 10/11"},
      // 搜狗浏览器
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.87 "
       "Safari/537.36 SE 2.X MetaSr 1.0",
       "Sogou Browser", "Windows 10/11"},
      // QQ浏览器 (desktop, mobile)
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/94.0.4606.71 "
       "Safari/537.36 Core/1.94.225.400 QQBrowser/12.2.5544.400",
       "QQ Browser 12", "Windows 10/11"},
      {"Mozilla/5.0 (Linux; U; Android 13; zh-cn; PGT-AN10 Build/HONORPGT-AN10) AppleWebKit/537.36 (KHTML, "
       "like "
       "Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.3 Mobile Safari/537.36",
       "QQ Browser 14", "Android 13"},
      // UC浏览器
      {"Mozilla/5.0 (Linux; U; Android 12; zh-CN; V2183A Build/SP1A.210812.003) AppleWebKit/537.36 (KHTML, "
       "like Gecko) Version/4.0 Chrome/100.0.4896.58 UCBrowser/15.5.0.1262 Mobile Safari/537.36",
       "UC Browser 15", "Android 12"},
  });
}

TEST(UserAgent, MobileAndInApp) {
  expect_all({
      // 微信 on iPhone and on Android
      {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN",
       "WeChat 8", "iOS 17.2"},
      {"Mozilla/5.0 (Linux; Android 14; 23127PN0CC Build/UKQ1.230804.001; wv) AppleWebKit/537.36 (KHTML, "
       "like "
       "Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 "
       "MMWEBID/2247 MicroMessenger/8.0.45.2521(0x28002D3D) WeChat/arm64 Weixin NetType/WIFI "
       "Language/zh_CN ABI/arm64",
       "WeChat 8", "Android 14"},
      {"Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "Version/16.6 Mobile/15E148 Safari/604.1",
       "Safari 16", "iOS 16.6"},
      {"Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 "
       "Mobile/15E148 Safari/604.1",
       "Safari 16", "iPadOS 16.6"},
      {"Mozilla/5.0 (iPad; CPU OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "Version/12.1.2 Mobile/15E148 Safari/604.1",
       "Safari 12", "iOS 12.5"},
      {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1",
       "Chrome 120", "iOS 17.2"},
      {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "FxiOS/121.0 Mobile/15E148 Safari/605.1.15",
       "Firefox 121", "iOS 17.2"},
      {"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile "
       "Safari/537.36 EdgA/120.0.0.0",
       "Edge 120", "Android 10"},
      {"Mozilla/5.0 (Linux; Android 8.1.0; Redmi 5 Plus) AppleWebKit/537.36 (KHTML, like Gecko) "
       "Chrome/120.0.6099.144 Mobile Safari/537.36",
       "Chrome 120", "Android 8.1"},
      // HarmonyOS 2–4 (Android-compatible, names itself) and HarmonyOS NEXT (OpenHarmony, ArkWeb)
      {"Mozilla/5.0 (Linux; Android 10; HarmonyOS; NOH-AN00; HMSCore 6.13.0.302) AppleWebKit/537.36 (KHTML, "
       "like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.5.302 Mobile Safari/537.36",
       "Huawei Browser 14", "HarmonyOS"},
      {"Mozilla/5.0 (Phone; OpenHarmony 4.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 "
       "Safari/537.36 ArkWeb/4.1.6.1 Mobile HuaweiBrowser/5.0.4.300",
       "Huawei Browser 5", "HarmonyOS"},
  });
}

TEST(UserAgent, OtherClientsAndGarbage) {
  expect_all({
      {"curl/8.4.0", "curl 8", ""},
      {"Wget/1.21.3", "Wget 1", ""},
      {"okhttp/4.12.0", "okhttp 4", ""},
      {"PostmanRuntime/7.36.0", "PostmanRuntime 7", ""},
      {"node", "node", ""},
      {"python-requests/2.31.0", "python-requests 2", ""},
      {"", "", ""},
      {"   ", "", ""},
      {"Mozilla/5.0 (compatible)", "", ""},
      {"<script>alert(1)</script>", "", ""},
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/", "Chrome", "Windows 10/11"},
      {"Mozilla/5.0 (Macintosh; Intel Mac OS X ", "", "macOS"},
  });
}
