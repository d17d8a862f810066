#include "service/order/order_common.hpp"

#include <spdlog/spdlog.h>

#include <ctime>
#include <random>

#include "core/clock.hpp"

namespace zc::order {

std::string new_order_no(char prefix) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::time_t t = static_cast<std::time_t>(now_ms() / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char stamp[16];
  std::strftime(stamp, sizeof stamp, "%y%m%d%H%M%S", &tm);
  std::string digits = std::to_string(rng() % 1'000'000);
  return std::string(1, prefix) + stamp + std::string(6 - digits.size(), '0') + digits;
}

Sweeper::Sweeper(std::string name, std::chrono::milliseconds period, std::function<void()> tick)
    : name_(std::move(name)), period_(period), tick_(std::move(tick)) {}

Sweeper::~Sweeper() {
  stop();
}

void Sweeper::start() {
  std::lock_guard lk(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void Sweeper::stop() {
  {
    std::lock_guard lk(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Sweeper::wake() {
  {
    std::lock_guard lk(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void Sweeper::loop() {
  for (;;) {
    {
      std::unique_lock lk(mu_);
      cv_.wait_for(lk, period_, [this] { return stopping_ || woken_; });
      if (stopping_) return;
      woken_ = false;
    }
    try {
      tick_();
    } catch (const std::exception& e) {
      spdlog::error("{}: {}", name_, e.what());
    }
  }
}

Workers::~Workers() {
  stop();
}

void Workers::start() {
  std::lock_guard lk(mu_);
  if (!running_.empty()) return;
  stopping_ = false;
  for (size_t i = 0; i < threads_; ++i) running_.emplace_back([this] { loop(); });
}

void Workers::stop() {
  {
    std::lock_guard lk(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : running_)
    if (t.joinable()) t.join();
  running_.clear();
}

void Workers::post(std::function<void()> job) {
  {
    std::lock_guard lk(mu_);
    if (stopping_) return;
    jobs_.push_back(std::move(job));
  }
  cv_.notify_one();
}

void Workers::loop() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lk(mu_);
      cv_.wait(lk, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    try {
      job();
    } catch (const std::exception& e) {
      spdlog::error("{}: job failed: {}", name_, e.what());
    }
  }
}

}  // namespace zc::order
