#pragma once
// Helpers the car and e-bike orders share: the order number and the sweeper thread that drives their
// timers (start timeout, auto stop, device lost). No I/O of its own.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace zc::order {

// prefix + UTC yyMMddHHmmss + 6 random digits: 19 characters, unique enough for the UNIQUE column (a
// collision is retried by the caller's insert), sortable by time, and ≤ 20 characters so it can be the
// idTag the device sees (OCPP idTag: CiString20).
std::string new_order_no(char prefix);

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

}  // namespace zc::order
