#pragma once
// Requests per client address on the routes anyone may call (sign-in, SMS codes, the private-pile form,
// payment notifications, the driver API before its own checks): a token bucket per address, so one
// address flooding gets 429 while every other address is served as before (issue 22). Bounded memory:
// idle buckets (full again) are dropped when the table grows.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace zc::http {

class RateLimiter {
 public:
  // `per_second` tokens refill per second up to `burst`; per_second 0 = no limit.
  RateLimiter(int64_t per_second, int64_t burst) : rate_(per_second), burst_(burst < 1 ? 1 : burst) {}
  bool enabled() const { return rate_ > 0; }
  // Takes one token of `key` at `now_ms`; false = over the limit (the caller answers 429).
  bool allow(const std::string& key, int64_t now_ms);
  // The Retry-After of a refused request: a token is back within a second at any rate ≥ 1/s.
  static constexpr int64_t kRetryAfterS = 1;

 private:
  struct Bucket {
    double tokens = 0;
    int64_t at_ms = 0;
  };
  void drop_idle(int64_t now_ms);
  const int64_t rate_, burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace zc::http
