#pragma once
// A fixed-size blocking pool of connections, shared by both drivers.
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/database.hpp"

namespace zc::db {

class ConnectionPool {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;
  ConnectionPool(size_t size, Factory factory) : factory_(std::move(factory)), capacity_(size) {}

  // Blocks until a connection is free; opens one lazily up to the capacity.
  std::unique_ptr<Connection> take() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !idle_.empty() || opened_ < capacity_; });
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
    ++opened_;
    lock.unlock();
    try {
      return factory_();
    } catch (...) {
      std::lock_guard g(mu_);
      --opened_;
      cv_.notify_one();
      throw;
    }
  }

  void give_back(std::unique_ptr<Connection> c, bool healthy) {
    std::lock_guard g(mu_);
    if (healthy)
      idle_.push_back(std::move(c));
    else
      --opened_;
    cv_.notify_one();
  }

 private:
  Factory factory_;
  size_t capacity_;
  size_t opened_ = 0;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::mutex mu_;
  std::condition_variable cv_;
};

}  // namespace zc::db
