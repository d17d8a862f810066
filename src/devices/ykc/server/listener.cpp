#include "devices/ykc/server/listener.hpp"

#include <spdlog/spdlog.h>

#include <thread>

#include "core/clock.hpp"
#include "devices/network_thread.hpp"
#include "devices/ykc/server/session.hpp"

namespace zc::devices::ykc {

struct YkcServer::Impl {
  explicit Impl(SessionDeps d) : core(std::move(d)) { register_handlers(core); }
  ServerCore core;
  std::vector<std::unique_ptr<Worker>> workers;
  std::unique_ptr<tcp::acceptor> acceptor;  // on workers[0]
  std::vector<std::thread> threads;
  size_t next = 0;
  bool started = false, stopped = false;

  void accept() {
    Worker& target = *workers[next++ % workers.size()];
    acceptor->async_accept(target.io, [this, &target](const boost::system::error_code& ec, tcp::socket s) {
      if (ec == asio::error::operation_aborted || !acceptor->is_open()) return;
      if (ec) {
        spdlog::warn("ykc: accept failed: {}", ec.message());
      } else if (core.stopping) {
        boost::system::error_code ignored;
        s.close(ignored);
      } else {
        // the socket belongs to target's io_context: start it on that thread
        asio::post(target.io, [this, &target, s = std::move(s)]() mutable {
          start_session(core, target, std::move(s));
        });
      }
      accept();
    });
  }

  void sweep(Worker& w) {
    w.sweep->expires_after(kSweepEvery);
    w.sweep->async_wait([this, &w](const boost::system::error_code& ec) {
      if (ec || core.stopping) return;
      sweep_sessions(w, steady_ms(), now_ms());
      sweep(w);
    });
  }
};

YkcServer::YkcServer(SessionDeps deps) : impl_(std::make_shared<Impl>(std::move(deps))) {}

YkcServer::~YkcServer() {
  stop();
}

uint16_t YkcServer::start() {
  auto& im = *impl_;
  const auto& cfg = im.core.deps.cfg.ykc;
  size_t n = static_cast<size_t>(std::clamp<int64_t>(cfg.threads, 1, 64));
  for (size_t i = 0; i < n; ++i) {
    auto w = std::make_unique<Worker>();
    w->sweep = std::make_unique<asio::steady_timer>(w->io);
    im.workers.push_back(std::move(w));
  }
  boost::system::error_code ec;
  auto addr = asio::ip::make_address(cfg.host, ec);
  if (ec) throw std::runtime_error("ykc.host: not an IP address: " + cfg.host);
  tcp::endpoint ep(addr, static_cast<uint16_t>(cfg.port));
  im.acceptor = std::make_unique<tcp::acceptor>(im.workers[0]->io);
  im.acceptor->open(ep.protocol(), ec);
  if (!ec) im.acceptor->set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) im.acceptor->bind(ep, ec);
  if (!ec) im.acceptor->listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error("ykc: cannot listen on " + cfg.host + ":" + std::to_string(cfg.port) + ": " +
                             ec.message());
  uint16_t port = im.acceptor->local_endpoint().port();
  im.accept();
  for (auto& w : im.workers) {
    im.sweep(*w);
    im.threads.emplace_back([w = w.get()] { run_network_thread(w->io, "ykc"); });
  }
  im.started = true;
  spdlog::info("ykc: listening on {}:{} ({} thread(s))", cfg.host, port, n);
  return port;
}

void YkcServer::stop() {
  auto& im = *impl_;
  if (!im.started || im.stopped) return;
  im.stopped = true;
  im.core.stopping = true;
  // Close the acceptor and every session on its own thread; wait until all are closed, so their offline
  // state reaches the state writer before the caller flushes it.
  on_each_thread(im.workers, [&im](Worker& w) {
    if (&w == im.workers[0].get()) {
      boost::system::error_code ignored;
      im.acceptor->close(ignored);
    }
    w.sweep->cancel();
    close_all(w, "server shutting down");
  });
  im.core.pool.join();  // pending database work (login records, model results) finishes
  for (auto& w : im.workers) w->io.stop();
  for (auto& t : im.threads)
    if (t.joinable()) t.join();
}

}  // namespace zc::devices::ykc
