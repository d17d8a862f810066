#pragma once
// Helpers the car and e-bike orders share: the order number, the sweeper thread that drives their
// timers (start timeout, auto stop, device lost) and the workers that send device commands. No I/O of
// its own.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace zc::order {

// prefix + UTC yyMMddHHmmss + 6 random digits: 19 characters, unique enough for the UNIQUE column (a
// collision is retried by the caller's insert), sortable by time, and ≤ 20 characters so it can be the
// idTag the device sees (OCPP idTag: CiString20).
std::string new_order_no(char prefix);

// Payments whose start never happened (recover_unstarted of the car and e-bike orders): the start follows
// a payment within seconds, so one still without an order after kUnstartedGraceMs was lost (the process
// stopped in between; 2 minutes leave room for a backlog of starts). Looked for every kRecoveryEveryMs,
// kRecoveryWindowMs back.
inline constexpr int64_t kUnstartedGraceMs = 120'000;
inline constexpr int64_t kRecoveryEveryMs = 30'000;
inline constexpr int64_t kRecoveryWindowMs = 7 * 86'400'000LL;

// Runs `tick` every `period` on its own thread until stop() (or destruction). A tick that throws is
// logged and the next one runs as usual. Never on a network thread: ticks may block on the database.
class Sweeper {
 public:
  Sweeper(std::string name, std::chrono::milliseconds period, std::function<void()> tick);
  ~Sweeper();
  Sweeper(const Sweeper&) = delete;
  Sweeper& operator=(const Sweeper&) = delete;
  void start();
  void stop();
  void wake();  // run the next tick now (a state change the sweeper should look at)

 private:
  void loop();
  std::string name_;
  std::chrono::milliseconds period_;
  std::function<void()> tick_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false, woken_ = false;
  std::thread thread_;
};

// `threads` worker threads running posted jobs in the order they were posted. For work that waits (a device
// command waits for the device's answer): never on the network threads nor in a request. A job that
// throws is logged; jobs posted after stop() are dropped.
class Workers {
 public:
  Workers(std::string name, size_t threads)
      : name_(std::move(name)), threads_(std::max<size_t>(1, threads)) {}
  ~Workers();
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;
  void start();
  void stop();
  void post(std::function<void()> job);

 private:
  void loop();
  std::string name_;
  size_t threads_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> running_;
};

}  // namespace zc::order
