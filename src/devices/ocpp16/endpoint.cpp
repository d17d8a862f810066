// The OCPP endpoint (endpoint.hpp): its network threads, the WebSocket upgrade of a charger, and the
// hand-off of the upgraded socket to a session (session.hpp) on one of the threads.
#include "devices/ocpp16/endpoint.hpp"

#include <sodium.h>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "devices/device_password.hpp"
#include "devices/ocpp16/session.hpp"

namespace zc::devices::ocpp16 {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);
constexpr const char* kProtocol = "ocpp1.6";

OcppEndpoint::Impl::Impl(SessionDeps deps) : d(std::move(deps)) {
  size_t n = static_cast<size_t>(std::clamp<int64_t>(d.cfg.http.threads, 1, 64));
  for (size_t i = 0; i < n; ++i) workers.push_back(std::make_unique<Worker>());
  for (auto& w : workers) {
    sweep(*w);
    poll(*w);
    w->thread = std::thread([w = w.get()] { run_network_thread(w->io, "ocpp"); });
  }
}

namespace {

// Runs f() on the pool and resumes the awaiting coroutine on its own executor with the result (or its
// exception). Only the upgrade (device lookup) uses it. Callers pass a named lambda: GCC 12 relocates
// temporaries of a co_await operand bitwise.
template <class F>
auto blocking(asio::thread_pool& pool, F&& f) {
  using Fn = std::decay_t<F>;
  using R = decltype(f());
  auto job = std::make_shared<Fn>(std::forward<F>(f));  // moved once; the copies share it
  return asio::async_initiate<decltype(asio::use_awaitable), void(std::exception_ptr, R)>(
      [&pool, job](auto handler) {
        auto home = asio::get_associated_executor(handler);
        run_blocking(
            pool, home, [job] { return (*job)(); },
            [handler = std::move(handler)](Outcome<R> out) mutable {
              std::move(handler)(out.error, out.value ? std::move(*out.value) : R{});
            });
      },
      asio::use_awaitable);
}

asio::awaitable<void> refuse(beast::tcp_stream& s, bhttp::status status, std::string body,
                             bool challenge = false) {
  bhttp::response<bhttp::string_body> res{status, 11};
  res.set(bhttp::field::server, "zhichong");
  res.set(bhttp::field::content_type, "text/plain; charset=utf-8");
  if (challenge) res.set(bhttp::field::www_authenticate, "Basic realm=\"zhichong\"");
  res.keep_alive(false);
  res.body() = std::move(body);
  res.prepare_payload();
  s.expires_after(std::chrono::seconds(10));
  co_await bhttp::async_write(s, res, no_throw);
  beast::error_code ignored;
  s.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
}

// Beast's side of the upgrade: request checks and the 101 answer with Sec-WebSocket-Accept and our
// subprotocol. Its stream lives only for this; the connection goes on as a raw socket.
asio::awaitable<bool> accept_websocket(beast::tcp_stream& s, const bhttp::request<bhttp::string_body>& req) {
  websocket::stream<beast::tcp_stream&> hs(s);
  hs.set_option(websocket::stream_base::decorator([](websocket::response_type& r) {
    r.set(bhttp::field::server, "zhichong");
    r.set(bhttp::field::sec_websocket_protocol, kProtocol);
  }));
  s.expires_after(std::chrono::seconds(30));
  auto [ec] = co_await hs.async_accept(req, no_throw);
  co_return !ec;
}

bool offers_ocpp16(std::string_view header) {
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == kProtocol) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

// "Basic base64(user:password)" → password when user == expected_user.
std::optional<std::string> basic_password(std::string_view auth, const std::string& expected_user) {
  if (auth.size() < 7 || !beast::iequals(auth.substr(0, 6), "Basic ")) return std::nullopt;
  std::string_view b64 = auth.substr(6);
  std::string bin(b64.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bin.data()), bin.size(), b64.data(), b64.size(),
                        nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  bin.resize(len);
  size_t colon = bin.find(':');
  if (colon == std::string::npos || bin.substr(0, colon) != expected_user) return std::nullopt;
  return bin.substr(colon + 1);
}

}  // namespace

void OcppEndpoint::Impl::sweep(Worker& w) {
  w.sweep.expires_after(kSweepEvery);
  w.sweep.async_wait([this, &w](const boost::system::error_code& ec) {
    if (ec) return;
    sweep(w);  // re-armed first (a session that throws does not stop the sweeps)
    int64_t now = steady_ms();
    // a session may close (and leave the list) during its sweep: walk a copy of the pointers' order
    for (size_t i = 0; i < w.sessions.size();) {
      Session* s = w.sessions[i].get();
      try {
        s->sweep(now);
      } catch (const std::exception& e) {
        spdlog::error("ocpp: session failed: {}", e.what());
        s->close_now(std::string("internal error: ") + e.what());
      }
      if (i < w.sessions.size() && w.sessions[i].get() == s) ++i;
    }
    w.closed.clear();
  });
}

void OcppEndpoint::Impl::poll(Worker& w) {
  w.epoll.async_wait(
      asio::posix::stream_descriptor::wait_read, [this, &w](const boost::system::error_code& ec) {
        if (ec) return;
        int n = ::epoll_wait(w.epoll.native_handle(), w.events.data(), static_cast<int>(w.events.size()), 0);
        poll(w);  // re-armed first: whatever a session throws, the others are still served
        for (int i = 0; i < n; ++i) {
          auto* s = static_cast<Session*>(w.events[i].data.ptr);
          try {
            s->on_event(w.events[i].events);
          } catch (const std::exception& e) {
            spdlog::error("ocpp: session failed: {}", e.what());
            s->close_now(std::string("internal error: ") + e.what());
          }
        }
        w.closed.clear();
      });
}

void OcppEndpoint::Impl::join() {
  if (joined) return;
  joined = true;
  stopping = true;
  on_each_thread(workers, [](Worker& w) {
    w.sweep.cancel();
    w.epoll.cancel();
    while (!w.sessions.empty()) w.sessions.back()->close_now("server shutting down");
    w.closed.clear();
  });
  pool.join();
  for (auto& w : workers) {
    w->guard.reset();
    w->io.stop();
  }
  for (auto& w : workers)
    if (w->thread.joinable()) w->thread.join();
}

// GCC 12 at -O1 (the ASan build) reports the coroutine frame's own operator new/delete pair of this
// function as mismatched (-Wmismatched-new-delete): a false positive of its inliner on Asio's frame
// allocator; the frame is allocated and freed by awaitable_frame_base.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
asio::awaitable<void> OcppEndpoint::Impl::handle(UpgradeRequest& up) {
  auto self = shared_from_this();
  auto& req = up.request;
  std::string id = up.path.substr(std::string_view("/ocpp/").size());
  if (id.empty() || id.size() > 64 || id.find('/') != std::string::npos) {
    spdlog::warn("ocpp: refused upgrade from {}: bad charge point id '{}'", up.remote_ip, id.substr(0, 80));
    co_return co_await refuse(up.stream, bhttp::status::not_found, "unknown charge point");
  }
  if (!websocket::is_upgrade(req))
    co_return co_await refuse(up.stream, bhttp::status::bad_request, "not a WebSocket upgrade");
  if (!offers_ocpp16(req[bhttp::field::sec_websocket_protocol])) {
    spdlog::warn("ocpp: refused {} from {}: subprotocol '{}' is not ocpp1.6", id, up.remote_ip,
                 std::string(req[bhttp::field::sec_websocket_protocol]));
    co_return co_await refuse(up.stream, bhttp::status::bad_request, "subprotocol ocpp1.6 required");
  }
  if (stopping) co_return co_await refuse(up.stream, bhttp::status::service_unavailable, "shutting down");
  bool check_auth = d.cfg.ocpp.basic_auth;
  // A named job, not a temporary in the co_await operand: GCC 12 relocates such temporaries bitwise.
  auto lookup = [this, id, check_auth] { return d.directory.find_ocpp_device(id, check_auth); };
  auto found = co_await blocking(pool, lookup);
  auto& dev = found.device;
  std::string why = !dev                        ? "unknown"
                    : dev->protocol != "ocpp16" ? "protocol is " + dev->protocol
                    : dev->status != 0          ? "disabled"
                                                : "";
  if (!why.empty()) {
    spdlog::warn("ocpp: refused charge point '{}' from {}: {}", id, up.remote_ip, why);
    co_return co_await refuse(up.stream, bhttp::status::not_found, "unknown charge point");
  }
  if (check_auth) {
    auto pw = basic_password(req[bhttp::field::authorization], id);
    if (!found.secret || !pw || !check_device_password(found.secret->first, found.secret->second, *pw)) {
      spdlog::warn("ocpp: refused charge point '{}' from {}: {}", id, up.remote_ip,
                   !found.secret ? "no password set" : "wrong password");
      co_return co_await refuse(up.stream, bhttp::status::unauthorized, "authentication required", true);
    }
  }
  // A named awaitable, not a temporary in the co_await operand (GCC 12, see blocking()).
  const uint64_t no = ++upgrades;  // before the 101: the order the charger sees its connections in
  // Counted live from before the 101: a shutdown that begins while the charger already sees the
  // connection open waits for it, and the session it becomes closes it with "going away" (Session::start)
  // instead of a dropped socket.
  ++live;
  bool handed_over = false;
  struct Uncount {
    std::atomic<size_t>& live;
    const bool& handed_over;
    ~Uncount() {
      if (!handed_over) --live;
    }
  } uncount{live, handed_over};
  auto handshake = accept_websocket(up.stream, req);
  if (!co_await std::move(handshake)) co_return;
  up.stream.expires_never();
  req = {};
  // From here the connection is a raw socket on one of the endpoint's network threads: the HTTP
  // connection's coroutine (request, parser, buffers) and this one end now.
  boost::system::error_code ec;
  int fd = up.stream.socket().release(ec);
  if (ec) co_return;
  std::string early(static_cast<const char*>(up.buffer.data().data()), up.buffer.size());
  up.buffer.consume(up.buffer.size());
  Worker& w = *workers[next_worker++ % workers.size()];
  handed_over = true;  // the session decrements `live` when it closes
  asio::post(w.io, [self, &w, fd, no, dev = std::move(*dev), remote = up.remote_ip,
                    early = std::move(early)]() mutable {
    auto session = std::make_shared<Session>(*self, w, fd, dev, std::move(remote));
    session->upgrade_no_ = no;
    session->start(std::move(early));
  });
}

#pragma GCC diagnostic pop

OcppEndpoint::OcppEndpoint(SessionDeps deps) : impl_(std::make_shared<Impl>(std::move(deps))) {}

OcppEndpoint::~OcppEndpoint() {
  impl_->join();
}

UpgradeRoute OcppEndpoint::route() {
  auto impl = impl_;
  return {"/ocpp/", [impl](UpgradeRequest& up) { return impl->handle(up); }, [this] { shutdown(); },
          [impl] { return impl->live.load(); }};
}

void OcppEndpoint::shutdown() {
  impl_->stopping = true;
  for (auto& s : impl_->d.registry.all()) s->close("server shutting down");
}

}  // namespace zc::devices::ocpp16
