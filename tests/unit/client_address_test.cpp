// The client's address behind trusted proxies (src/http/client_address.*) and the per-address token
// bucket (src/http/rate_limiter.*).
#include <gtest/gtest.h>

#include "http/client_address.hpp"
#include "http/rate_limiter.hpp"

using zc::http::client_address;
using zc::http::parse_address_list;
using zc::http::RateLimiter;

TEST(ClientAddress, ParsesTheTrustedList) {
  EXPECT_EQ(parse_address_list(" 127.0.0.1, ::1 ,,10.0.0.2"),
            (std::vector<std::string>{"127.0.0.1", "::1", "10.0.0.2"}));
  EXPECT_TRUE(parse_address_list("").empty());
}

TEST(ClientAddress, AnUntrustedPeerIsTheClientWhateverItSends) {
  const auto trusted = parse_address_list("127.0.0.1");
  EXPECT_EQ(client_address("198.51.100.1", "203.0.113.9", trusted), "198.51.100.1");
  EXPECT_EQ(client_address("127.0.0.1", "203.0.113.9", {}), "127.0.0.1");
}

TEST(ClientAddress, ReadsFromTheRightPastTrustedHops) {
  const auto trusted = parse_address_list("127.0.0.1,10.0.0.2");
  EXPECT_EQ(client_address("127.0.0.1", "203.0.113.9", trusted), "203.0.113.9");
  // a client prepending an address of its choice does not get it
  EXPECT_EQ(client_address("127.0.0.1", "1.2.3.4, 203.0.113.9", trusted), "203.0.113.9");
  // two proxies: the load balancer (10.0.0.2) forwarded to the local proxy
  EXPECT_EQ(client_address("127.0.0.1", "203.0.113.9, 10.0.0.2", trusted), "203.0.113.9");
  EXPECT_EQ(client_address("127.0.0.1", "", trusted), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", " , ", trusted), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", std::string(100, 'x'), trusted), "127.0.0.1");
}

TEST(RateLimiter, BurstThenRefillPerAddress) {
  RateLimiter limit(2, 3);  // 2 per second, burst 3
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limit.allow("a", 1000));
  EXPECT_FALSE(limit.allow("a", 1000));
  EXPECT_TRUE(limit.allow("b", 1000)) << "another address has its own bucket";
  EXPECT_FALSE(limit.allow("a", 1400));
  EXPECT_TRUE(limit.allow("a", 1500)) << "one token after half a second at 2/s";
  EXPECT_FALSE(limit.allow("a", 1500));
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limit.allow("a", 10000)) << "refilled up to the burst, not beyond";
  EXPECT_FALSE(limit.allow("a", 10000));
}

TEST(RateLimiter, ZeroRateIsNoLimit) {
  RateLimiter off(0, 1);
  EXPECT_FALSE(off.enabled());
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(off.allow("a", 0));
}
