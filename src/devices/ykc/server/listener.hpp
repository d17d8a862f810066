#pragma once
// The YKC (云快充) pile listener: TCP on its own port (ykc.host / ykc.port), one Session per connection
// on a small set of network threads (ykc.threads), blocking work (database, charging service) on a
// worker pool. A pile logs in with 0x01 and is then a car pile session of the gateway core (registry,
// state writer, message log, meter store, DeviceSession commands) — docs/ykc.md.
//
// Memory per pile is kept small on purpose (bench target: 19,000 piles, ≤ 4 KiB each): no coroutine
// frame and no timer per connection — each network thread sweeps its sessions every 250 ms for the login
// timeout, the idle timeout, command deadlines and the daily clock sync; reads wait for readiness and
// then read into a per-thread buffer, so an idle pile holds no read buffer.
#include <cstdint>
#include <memory>

#include "devices/session_deps.hpp"

namespace zc::devices::ykc {

class YkcServer {
 public:
  explicit YkcServer(SessionDeps deps);
  ~YkcServer();
  YkcServer(const YkcServer&) = delete;
  YkcServer& operator=(const YkcServer&) = delete;

  // Binds ykc.host:ykc.port and starts the network threads; returns the bound port (ykc.port 0 = any).
  // Throws std::runtime_error naming the address when the bind fails.
  uint16_t start();
  // Stops accepting, closes every session (their offline state and log rows are handed to the state
  // writer before this returns) and joins the threads. Idempotent.
  void stop();

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace zc::devices::ykc
