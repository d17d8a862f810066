// Issue 13 item 11: the one rule of every public link (src/service/station/public_url.hpp) — app.public_url
// when set, else the listen address with the port actually bound — and the start-up warning when links would
// point at loopback while the server listens on other interfaces.
#include <gtest/gtest.h>

#include <string>

#include "core/config.hpp"
#include "service/station/public_url.hpp"

using namespace zc::station;

TEST(PublicUrl, ConfiguredUrlWinsWithoutTrailingSlash) {
  EXPECT_EQ(resolve_public_url("https://zc.example.com/", "0.0.0.0", 8090), "https://zc.example.com");
  EXPECT_EQ(resolve_public_url("https://zc.example.com//", "127.0.0.1", 8090), "https://zc.example.com");
  EXPECT_EQ(resolve_public_url("http://10.0.0.5:9000/charge", "127.0.0.1", 1), "http://10.0.0.5:9000/charge");
}

TEST(PublicUrl, UnsetIsDerivedFromTheListenAddressAndTheBoundPort) {
  struct Case {
    const char* host;
    uint16_t port;
    const char* expected;
  };
  const Case cases[] = {
      {"127.0.0.1", 8090, "http://127.0.0.1:8090"},    // not 8080: the port actually bound
      {"127.0.0.1", 41234, "http://127.0.0.1:41234"},  // port 0 → the one the OS chose
      {"192.168.1.20", 8080, "http://192.168.1.20:8080"},
      {"0.0.0.0", 8090, "http://127.0.0.1:8090"},  // a wildcard: loopback (and a warning)
      {"", 8090, "http://127.0.0.1:8090"},
      {"::", 8090, "http://[::1]:8090"},
      {"::1", 8090, "http://[::1]:8090"},
      {"[fe80::1]", 80, "http://[fe80::1]:80"},
      {"localhost", 8090, "http://localhost:8090"},
  };
  for (const Case& c : cases) EXPECT_EQ(resolve_public_url("", c.host, c.port), c.expected) << c.host;
}

TEST(PublicUrl, HostsAndLoopback) {
  EXPECT_EQ(url_host("http://127.0.0.1:8090/app/gun/1"), "127.0.0.1");
  EXPECT_EQ(url_host("https://user@zc.example.com/x?y=1"), "zc.example.com");
  EXPECT_EQ(url_host("http://[::1]:80"), "::1");
  EXPECT_EQ(url_host("no scheme"), "");
  for (const char* h : {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST", "a.localhost"})
    EXPECT_TRUE(is_loopback_host(h)) << h;
  for (const char* h : {"0.0.0.0", "192.168.1.20", "127.example.com", "1270.0.0.1", "zc.example.com", ""})
    EXPECT_FALSE(is_loopback_host(h)) << h;
  for (const char* h : {"", "0.0.0.0", "::", "[::]"}) EXPECT_TRUE(is_wildcard_host(h)) << h;
  EXPECT_FALSE(is_wildcard_host("127.0.0.1"));
}

TEST(PublicUrl, WarnsWhenLinksPointAtLoopbackWhileListeningElsewhere) {
  // listening on every interface, links on loopback: phones and piles cannot open them
  std::string w = public_url_warning("http://127.0.0.1:8090", "0.0.0.0");
  EXPECT_NE(w.find("loopback"), std::string::npos) << w;
  EXPECT_NE(w.find("app.public_url"), std::string::npos) << w;
  EXPECT_NE(w.find("every interface"), std::string::npos) << w;
  EXPECT_NE(public_url_warning("http://localhost:8090", "192.168.1.20").find("192.168.1.20"),
            std::string::npos);
  // no warning: listening on loopback only, or links that leave the machine
  EXPECT_EQ(public_url_warning("http://127.0.0.1:8090", "127.0.0.1"), "");
  EXPECT_EQ(public_url_warning("http://[::1]:8090", "::1"), "");
  EXPECT_EQ(public_url_warning("https://zc.example.com", "0.0.0.0"), "");
  EXPECT_EQ(public_url_warning("http://192.168.1.20:8080", "0.0.0.0"), "");
}

TEST(PublicUrl, PublicBaseReadsTheResolvedValue) {
  zc::Config cfg;
  EXPECT_EQ(cfg.app.public_url, "") << "unset by default: derived at start";
  cfg.app.public_url = resolve_public_url(cfg.app.public_url, "127.0.0.1", 8090);
  EXPECT_EQ(public_base(cfg), "http://127.0.0.1:8090");
  EXPECT_EQ(public_link(cfg, "/app/gun/8800000000000101"), "http://127.0.0.1:8090/app/gun/8800000000000101");
}
