#pragma once
// The network threads of the protocol servers (OCPP endpoint, YKC listener): each runs one io_context that
// owns its sessions and sweeps them every kSweepEvery for timeouts and command deadlines.
#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <chrono>
#include <cstdint>
#include <future>
#include <memory>
#include <vector>

namespace zc::devices {

inline constexpr auto kSweepEvery = std::chrono::milliseconds(250);

// Monotonic milliseconds: idle timeouts, deadlines and bad-frame windows (never stored).
inline int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Runs `io` until it is stopped; a handler that throws is logged and the thread goes on serving.
inline void run_network_thread(boost::asio::io_context& io, const char* protocol) {
  for (;;) {
    try {
      io.run();
      return;
    } catch (const std::exception& e) {
      spdlog::error("{}: network thread: {}", protocol, e.what());
    }
  }
}

// Runs f(worker) on each worker's own thread (`worker->io`) and waits until all have run (at most 10 s
// each): how a server closes the sessions each thread owns.
template <class Workers, class F>
void on_each_thread(Workers& workers, F f) {
  std::vector<std::future<void>> done;
  for (auto& w : workers) {
    auto pr = std::make_shared<std::promise<void>>();
    done.push_back(pr->get_future());
    boost::asio::post(w->io, [w = w.get(), pr, f] {
      f(*w);
      pr->set_value();
    });
  }
  for (auto& fut : done) fut.wait_for(std::chrono::seconds(10));
}

}  // namespace zc::devices
