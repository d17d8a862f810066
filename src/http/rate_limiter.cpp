#include "http/rate_limiter.hpp"

#include <algorithm>

namespace zc::http {

namespace {
constexpr size_t kMaxBuckets = 100000;  // beyond this, idle addresses are forgotten first
}

bool RateLimiter::allow(const std::string& key, int64_t now_ms) {
  if (!enabled()) return true;
  std::lock_guard lock(mu_);
  if (buckets_.size() >= kMaxBuckets) drop_idle(now_ms);
  auto [it, fresh] = buckets_.try_emplace(key, Bucket{static_cast<double>(burst_), now_ms});
  Bucket& b = it->second;
  if (!fresh) {
    double refill =
        static_cast<double>(std::max<int64_t>(0, now_ms - b.at_ms)) * static_cast<double>(rate_) / 1000.0;
    b.tokens = std::min(static_cast<double>(burst_), b.tokens + refill);
    b.at_ms = now_ms;
  }
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

void RateLimiter::drop_idle(int64_t now_ms) {
  // an address idle long enough to have refilled its whole burst holds nothing worth keeping
  const int64_t full_after_ms = burst_ * 1000 / rate_ + 1;
  std::erase_if(buckets_, [&](const auto& kv) { return now_ms - kv.second.at_ms >= full_after_ms; });
  if (buckets_.size() >= kMaxBuckets) buckets_.clear();  // a flood of distinct addresses: start over
}

}  // namespace zc::http
