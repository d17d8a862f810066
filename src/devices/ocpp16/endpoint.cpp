#include "devices/ocpp16/endpoint.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <charconv>
#include <cmath>
#include <future>
#include <thread>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

#include "core/clock.hpp"
#include "devices/command_queue.hpp"
#include "devices/device_password.hpp"
#include "devices/ocpp16/commands.hpp"
#include "devices/ocpp16/frame.hpp"
#include "devices/ocpp16/messages.hpp"
#include "devices/ocpp16/ws_framer.hpp"

namespace zc::devices::ocpp16 {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using Reply = std::variant<json::object, CallError>;
constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);
constexpr int kMaxBadFrames = 20;  // malformed frames per minute before the connection is closed
constexpr const char* kProtocol = "ocpp1.6";
constexpr auto kSweepEvery = std::chrono::milliseconds(250);
constexpr int64_t kCloseWaitMs = 5000;  // our close frame sent: how long the charger has to answer it

static int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// OCPP ChargePointStatus → car gun state (docs/api-car.md: offline, idle, plugged, charging, fault) or
// e-bike socket state (docs/api-bike.md: offline, idle, charging, fault — a plugged socket is idle).
static std::string connector_state(DeviceKind kind, const std::string& status) {
  if (status == "Available" || status == "Reserved") return "idle";
  if (status == "Preparing" || status == "Finishing")
    return kind == DeviceKind::bike_device ? "idle" : "plugged";
  if (status == "Charging" || status == "SuspendedEV" || status == "SuspendedEVSE") return "charging";
  return "fault";  // Faulted, Unavailable
}

namespace {
class Session;
}

// One network thread of the endpoint: its io_context, the sessions it owns (swept every 250 ms for the
// idle timeout, keep-alive pings, command deadlines and unanswered close frames) and the buffers all of
// them share — a session reads, decodes, handles and writes before the next one on this thread runs, so
// an idle charger holds no read buffer, no parser and no write buffer.
//
// The sockets are not Asio's: each is registered once (edge-triggered, in and out) in the worker's own
// epoll set, whose descriptor the io_context watches. Asio re-arms a descriptor with epoll_ctl for every
// wait; this way a message costs one recv and one send, and one epoll_wait serves every ready charger.
struct Worker {
  asio::io_context io{1};
  asio::executor_work_guard<asio::io_context::executor_type> guard{io.get_executor()};
  asio::steady_timer sweep{io};
  asio::posix::stream_descriptor epoll{io, ::epoll_create1(EPOLL_CLOEXEC)};
  std::array<epoll_event, 256> events{};
  std::vector<std::shared_ptr<Session>> sessions;  // the owners of the sessions
  std::vector<std::shared_ptr<Session>> closed;    // closed during a callback: released after it
  std::array<uint8_t, 16384> scratch{};            // socket reads
  std::string wbuf;  // frames to write, of wbuf_owner (flushed before another's)
  Session* wbuf_owner = nullptr;
  std::string text;  // an answer being encoded
  alignas(16) std::array<unsigned char, 16384> dom_buf{};
  json::monotonic_resource dom{dom_buf.data(), dom_buf.size()};  // a frame's DOM, released per frame
  std::thread thread;
};

struct OcppEndpoint::Impl : std::enable_shared_from_this<OcppEndpoint::Impl> {
  explicit Impl(EndpointDeps deps) : d(deps), pool(2) {
    size_t n = static_cast<size_t>(std::clamp<int64_t>(d.cfg.http.threads, 1, 64));
    for (size_t i = 0; i < n; ++i) workers.push_back(std::make_unique<Worker>());
    for (auto& w : workers) {
      sweep(*w);
      poll(*w);
      w->thread = std::thread([w = w.get()] {
        for (;;) {
          try {
            w->io.run();
            break;
          } catch (const std::exception& e) {
            spdlog::error("ocpp: network thread: {}", e.what());
          }
        }
      });
    }
  }
  EndpointDeps d;
  asio::thread_pool pool;  // blocking work (database) of the sessions
  std::vector<std::unique_ptr<Worker>> workers;
  std::atomic<size_t> next_worker{0};
  std::atomic<bool> stopping{false};
  std::atomic<uint64_t> upgrades{0};  // numbers the accepted upgrades (which connection is newest)
  std::atomic<size_t> live{0};        // sessions open (the server waits for them on shutdown)
  bool joined = false;

  void sweep(Worker& w);
  void poll(Worker& w);  // waits for the worker's epoll set, then hands the ready sessions their events
  void join();           // closes every session, stops the threads

  // Runs f() on the pool and resumes the awaiting coroutine on its own executor with the result (or
  // its exception). Only the upgrade (device lookup) uses it. Callers pass a named lambda: GCC 12
  // relocates temporaries of a co_await operand bitwise.
  template <class F>
  auto blocking(F&& f) {
    using Fn = std::decay_t<F>;
    using R = decltype(f());
    Fn* job = new Fn(std::forward<F>(f));  // travels as a raw pointer, moved once
    return asio::async_initiate<decltype(asio::use_awaitable), void(std::exception_ptr, R)>(
        [this, job](auto handler) {
          asio::post(pool, [handler = std::move(handler), job]() mutable {
            std::unique_ptr<Fn> own(job);
            std::exception_ptr err;
            R r{};
            try {
              r = (*own)();
            } catch (...) {
              err = std::current_exception();
            }
            own.reset();
            auto ex = asio::get_associated_executor(handler);
            asio::dispatch(ex, [handler = std::move(handler), err, r = std::move(r)]() mutable {
              std::move(handler)(err, std::move(r));
            });
          });
        },
        asio::use_awaitable);
  }

  asio::awaitable<void> handle(UpgradeRequest& up);
};

namespace {

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

std::optional<double> to_double(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

struct Pending : QueuedCommand {
  OutboundCall call;
  std::string msg_id;
};

// One charger's WebSocket after the upgrade: the raw socket, the RFC 6455 framer (ws_framer.hpp) and
// the OCPP-J logic. Everything runs on its worker's thread; other threads reach it only through
// DeviceSession::command / close, which post to that thread. Reads wait for readiness and then read
// everything available into the worker's buffer; the answers to what was read go out in one write.
class Session final : public DeviceSession, public std::enable_shared_from_this<Session>, ws::FrameSink {
 public:
  Session(OcppEndpoint::Impl& ep, Worker& w, int fd, const DeviceIdentity& dev, std::string remote)
      : ep_(ep),
        w_(w),
        fd_(fd),
        reader_(static_cast<uint32_t>(std::clamp<int64_t>(ep.d.cfg.ocpp.max_frame_bytes, 1024, 1 << 30))),
        ref_{dev.kind, dev.id, dev.code},
        connectors_(dev.connectors),
        remote_(std::move(remote)) {}

  const char* protocol() const override { return "ocpp16"; }

  void command(const DeviceCommand& cmd, std::chrono::milliseconds timeout, ReplyHandler done) override {
    asio::post(w_.io, [self = shared_from_this(), cmd, timeout, done = std::move(done)]() mutable {
      self->enqueue(cmd, timeout, std::move(done));
      self->flush();
    });
  }

  void close(const std::string& reason) override {
    asio::post(w_.io, [self = shared_from_this(), reason] {
      self->start_close(ws::going_away, reason);
      self->flush();
    });
  }

  // On the worker's thread, right after the 101 answer. `early`: bytes the HTTP server read past the
  // upgrade request.
  ~Session() override {
    if (fd_ >= 0) ::close(fd_);
  }

  void start(std::string early) {
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    last_rx_ = steady_ms();
    index_ = w_.sessions.size();
    w_.sessions.push_back(shared_from_this());
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    ev.data.ptr = this;
    if (::epoll_ctl(w_.epoll.native_handle(), EPOLL_CTL_ADD, fd_, &ev) != 0) {
      spdlog::error("ocpp: {}: epoll_ctl: {}", ref_.code, std::strerror(errno));
      return close_now("internal error (epoll)");
    }
    int64_t now = now_ms();
    touch(now);
    // The charger's newest connection wins. Sessions start on their threads in any order, so an older
    // one (answered 101 first) may start after a newer one: it then hands the device back and leaves.
    if (auto old = ep_.d.registry.attach(key(), shared_from_this(), ref_.code, remote_, now)) {
      auto* prev = dynamic_cast<Session*>(old.get());
      if (prev && prev->upgrade_no_ > upgrade_no_) {
        ep_.d.registry.attach(key(), old, ref_.code, prev->remote_, now);
        start_close(ws::going_away, "replaced by a new connection");
        flush();
        return on_readable();  // for the charger's answer to the close frame
      }
      old->close("replaced by a new connection");
    }
    ep_.d.state.online(key(), protocol(), remote_, now);
    spdlog::info("ocpp: {} connected from {}", ref_.code, remote_);
    if (ep_.stopping) start_close(ws::going_away, "server shutting down");
    if (!early.empty()) reader_.feed({reinterpret_cast<uint8_t*>(early.data()), early.size()}, *this);
    flush();
    on_readable();  // what arrived before the registration (edge-triggered: no event for it)
  }

  // Readiness from the worker's epoll set.
  void on_event(uint32_t events) {
    if (closed_) return;
    if ((events & EPOLLOUT) && !out_.empty()) write_pending();
    if (!closed_ && (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))) on_readable();
  }

  void sweep(int64_t now) {
    if (closed_) return;
    if (closing_ && now >= close_deadline_) return close_now(close_reason_);
    int64_t idle = std::max<int64_t>(2, ep_.d.cfg.ocpp.idle_timeout_s) * 1000;
    if (now - last_rx_ > idle) return close_now("no frame or pong within ocpp.idle_timeout_s");
    if (!ping_sent_ && !closing_ && now - last_rx_ > idle / 2) {
      ping_sent_ = true;
      ws::append_ping(out_buffer());
    }
    if (cmds_.expired(now)) complete_inflight(CommandReply::timeout("no answer from the device"));
    flush();
  }

  // Closes the socket at once (no close handshake) and ends the session.
  void close_now(const std::string& reason) {
    if (closed_) return;
    closed_ = true;
    if (w_.wbuf_owner == this) {
      w_.wbuf_owner = nullptr;
      w_.wbuf.clear();
    }
    // O(1) removal; `this` lives on in w_.closed until the callback that closed it has returned
    w_.closed.push_back(std::move(w_.sessions[index_]));
    if (index_ + 1 < w_.sessions.size()) {
      w_.sessions[index_] = std::move(w_.sessions.back());
      w_.sessions[index_]->index_ = index_;
    }
    w_.sessions.pop_back();
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);  // leaves the epoll set too
    fd_ = -1;
    std::string().swap(out_);
    finish(reason);
  }

 private:
  DeviceKey key() const { return {ref_.kind, ref_.id}; }

  // ---- reading ------------------------------------------------------------------------------------
  // Reads until the socket is drained (edge-triggered), decoding as it goes; the answers go out in one
  // write at the end. While a handler waits for blocking work nothing is read (unblock() reads on).
  void on_readable() {
    if (closed_ || blocked_ || reader_.done()) return;
    for (int round = 0;; ++round) {
      if (round == 8) {  // a fast sender: let the other chargers of this thread run first
        asio::post(w_.io, [self = shared_from_this()] {
          self->on_readable();
          self->flush();
        });
        break;
      }
      ssize_t n = ::recv(fd_, w_.scratch.data(), w_.scratch.size(), 0);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) break;
        flush();
        return close_now(closing_ ? close_reason_ : std::strerror(errno));
      }
      if (n == 0) {
        flush();
        return close_now(closing_ ? close_reason_ : "End of file");
      }
      last_rx_ = steady_ms();
      ping_sent_ = false;
      reader_.feed({w_.scratch.data(), static_cast<size_t>(n)}, *this);
      if (closed_ || blocked_ || reader_.done() || static_cast<size_t>(n) < w_.scratch.size()) break;
    }
    flush();
  }

  // ws::FrameSink
  bool on_message(std::string_view text, bool /*binary*/) override {
    if (closing_) return true;  // our close frame is out: the charger's last messages are dropped
    seen();
    on_text(text);
    return !blocked_ && !closed_;
  }
  void on_ping(std::string_view payload) override {
    seen();
    if (!closing_) ws::append_pong(out_buffer(), payload);
  }
  void on_pong() override { seen(); }
  void on_close(uint16_t code, std::string_view /*reason*/) override {
    if (closing_) return close_after_write(close_reason_);  // the answer to our close frame
    ws::append_close(out_buffer(), code == 1005 ? 0 : code, {});
    closing_ = true;
    close_after_write("closed by the charger");
  }
  void on_protocol_error(uint16_t code, const char* reason) override {
    spdlog::warn("ocpp: {} WebSocket protocol error: {}", ref_.code, reason);
    if (!closing_) ws::append_close(out_buffer(), code, reason);
    closing_ = true;
    close_after_write(reason);
  }

  void seen() {
    int64_t now = now_ms();
    touch(now);
    ep_.d.state.seen(key(), now);
  }

  // ---- writing ------------------------------------------------------------------------------------
  // Where a frame goes: behind bytes the socket did not take yet, or into the worker's buffer (written
  // by flush() at the end of the callback).
  std::string& out_buffer() {
    if (!out_.empty()) return out_;
    if (w_.wbuf_owner != this) {
      if (w_.wbuf_owner) w_.wbuf_owner->flush();
      w_.wbuf_owner = this;
    }
    return w_.wbuf;
  }

  // Writes what this session has in the worker's buffer: at once when the socket takes it (the usual
  // case); the rest waits in the session's own buffer for EPOLLOUT.
  void flush() {
    if (w_.wbuf_owner == this) {
      w_.wbuf_owner = nullptr;
      if (!closed_ && !w_.wbuf.empty()) {
        size_t sent = 0;
        if (!send_some(w_.wbuf.data(), w_.wbuf.size(), sent)) {
          w_.wbuf.clear();
          return;
        }
        if (sent < w_.wbuf.size()) out_.assign(w_.wbuf, sent, std::string::npos);
      }
      w_.wbuf.clear();
    }
    if (!closed_ && out_.empty() && close_after_write_) close_now(close_reason_);
  }

  void write_pending() {
    size_t sent = 0;
    if (!send_some(out_.data(), out_.size(), sent)) return;
    out_.erase(0, sent);
    if (out_.empty()) {
      std::string().swap(out_);
      if (close_after_write_) close_now(close_reason_);
    }
  }

  // false: the connection failed (and is closed).
  bool send_some(const char* p, size_t n, size_t& sent) {
    while (sent < n) {
      ssize_t k = ::send(fd_, p + sent, n - sent, MSG_NOSIGNAL);
      if (k >= 0) {
        sent += static_cast<size_t>(k);
        continue;
      }
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
      close_now(std::string("write failed: ") + std::strerror(errno));
      return false;
    }
    return true;
  }

  void close_after_write(const std::string& reason) {
    close_after_write_ = true;
    close_reason_ = reason;
  }

  // Our close frame: the charger answers with its own, then the socket is closed (or after kCloseWaitMs).
  void start_close(uint16_t code, const std::string& reason) {
    if (closing_ || closed_) return;
    closing_ = true;
    close_reason_ = reason;
    close_deadline_ = steady_ms() + kCloseWaitMs;
    ws::append_close(out_buffer(), code, reason);
  }

  void send_text(std::string_view text, LoggedKind kind) {
    if (closed_ || closing_) return;
    log(false, kind, text);
    ws::append_text(out_buffer(), text);
  }

  // The log keeps the text and the kind; action and message id are read from the text when viewed.
  void log(bool inbound, LoggedKind kind, std::string_view text) {
    if (ep_.d.messages.logs_ocpp()) ep_.d.messages.add_ocpp(key(), now_ms(), inbound, kind, text);
  }

  void finish(const std::string& reason) {
    cmds_.finish();
    if (ep_.d.registry.detach(key(), this)) ep_.d.state.offline(key(), protocol(), reason, now_ms());
    spdlog::info("ocpp: {} disconnected: {}", ref_.code, reason);
    --ep_.live;
  }

  // ---- outbound commands ------------------------------------------------------------------------
  // The wire form comes from ocpp16/commands.cpp; here only the queue and the session's side effects.
  void enqueue(const DeviceCommand& cmd, std::chrono::milliseconds timeout, ReplyHandler done) {
    if (closed_ || closing_) return done(CommandReply::offline("connection closing"));
    auto t = to_call(cmd);
    if (auto* r = std::get_if<CommandReply>(&t)) return done(std::move(*r));
    if (const auto* start = std::get_if<RemoteStart>(&cmd))
      ep_.d.charging.expect_remote_start(ref_, start->id_tag);
    Pending p;
    p.call = std::get<OutboundCall>(std::move(t));
    // Our own request must satisfy the official schema too (e.g. a ChangeConfiguration value ≤ 500).
    if (auto e = Schemas::get().validate(p.call.action, true, p.call.payload))
      return done(CommandReply::rejected(RejectReason::invalid_argument, "not sent: " + e->description));
    p.cmd = cmd;
    p.done = std::move(done);
    p.deadline = steady_ms() + std::min<int64_t>(timeout.count(), ep_.d.cfg.ocpp.command_timeout_ms);
    cmds_.enqueue(std::move(p));
    pump();
  }

  void pump() {
    if (closed_) return;
    cmds_.pump(steady_ms(), [this](Pending& p) {
      p.msg_id = std::to_string(++next_id_);
      send_text(encode_call(p.msg_id, p.call.action, p.call.payload), LoggedKind::ocpp_call);
    });
  }

  void complete_inflight(CommandReply r) {
    Pending p = cmds_.take();
    spdlog::info("ocpp: {} command {} ({}) → {} {}", ref_.code, command_name(p.cmd), p.call.action,
                 reason_code(r), r.detail);
    p.done(std::move(r));
    pump();
  }

  void on_answer(const Frame& f) {
    const Pending* p = cmds_.inflight();
    if (!p || p->msg_id != f.id) {
      spdlog::warn("ocpp: {} answered unknown message id {}", ref_.code, f.id);
      return;
    }
    complete_inflight(f.type == 4 ? reply_of_error(f.error_code, f.error_description)
                                  : reply_of(p->call.action, f.payload));
  }

  // ---- inbound ------------------------------------------------------------------------------------
  // The frame's DOM lives in the worker's monotonic buffer, released when the frame is handled.
  void on_text(std::string_view text) {
    {
      auto parsed = parse_frame(text, json::storage_ptr(&w_.dom));
      on_frame(text, parsed);
    }
    w_.dom.release();
  }

  void on_frame(std::string_view text, std::variant<Frame, FrameError>& parsed) {
    if (auto* fe = std::get_if<FrameError>(&parsed)) {
      log(true, LoggedKind::ocpp_invalid, text);
      spdlog::warn("ocpp: {} malformed frame ({}): {}", ref_.code, fe->error.description,
                   text.substr(0, 256));
      if (fe->reply) send_error(fe->id, fe->error);
      bad_frame();
      return;
    }
    auto& f = std::get<Frame>(parsed);
    if (f.type != 2) {
      log(true, f.type == 3 ? LoggedKind::ocpp_result : LoggedKind::ocpp_error, text);
      on_answer(f);
      return;
    }
    log(true, LoggedKind::ocpp_call, text);
    if (auto r = dispatch(f.id, f.action, f.payload)) answer(f.id, f.action, *r);
  }

  void send_error(std::string_view id, const CallError& e) {
    auto& t = w_.text;
    t.clear();
    append_error(t, id, e.code, e.description);
    send_text(t, LoggedKind::ocpp_error);
  }

  void answer(const std::string& id, const std::string& action, const Reply& r) {
    if (auto* e = std::get_if<CallError>(&r)) {
      send_error(id, *e);
      if (e->code != "InternalError") {
        spdlog::warn("ocpp: {} {} refused ({}): {}", ref_.code, action, e->code, e->description);
        bad_frame();
      }
      return;
    }
    auto& t = w_.text;
    t.clear();
    append_result(t, id, std::get<json::object>(r));
    send_text(t, LoggedKind::ocpp_result);
  }

  void bad_frame() {
    if (bad_.exceeded(steady_ms(), kMaxBadFrames)) {
      spdlog::warn("ocpp: {} sent more than {} malformed frames in a minute: disconnected", ref_.code,
                   kMaxBadFrames);
      start_close(ws::policy_error, "too many malformed frames");
    }
  }

  // A handler answers at once, or (nullopt) starts blocking work that answers later (answer_later).
  using Handler = std::optional<Reply> (Session::*)(const std::string& id, const json::value&);

  std::optional<Reply> dispatch(const std::string& id, const std::string& action,
                                const json::value& payload) {
    static const std::unordered_map<std::string, Handler> table = {
        {"BootNotification", &Session::on_boot},
        {"Heartbeat", &Session::on_heartbeat},
        {"StatusNotification", &Session::on_status},
        {"MeterValues", &Session::on_meter_values},
        {"Authorize", &Session::on_authorize},
        {"StartTransaction", &Session::on_start},
        {"StopTransaction", &Session::on_stop},
        {"DataTransfer", &Session::on_data_transfer},
        {"FirmwareStatusNotification", &Session::on_firmware_status},
        {"DiagnosticsStatusNotification", &Session::on_diagnostics_status},
    };
    auto it = table.find(action);
    if (it == table.end()) {
      if (Schemas::get().known(action))
        return CallError{"NotSupported", action + " is sent by the central system, not by a charge point"};
      return CallError{"NotImplemented", "unknown action " + action.substr(0, 64)};
    }
    try {
      return (this->*(it->second))(id, payload);
    } catch (const std::exception& e) {
      spdlog::error("ocpp: {} {}: {}", ref_.code, action, e.what());
      return internal_error();
    }
  }

  static Reply internal_error() {
    return CallError{"InternalError", "the central system could not process the message"};
  }

  // Runs job() on the pool; then(result) → the answer to CALL `id`, on this session's thread. The
  // charger's further frames wait (in order) until then: it waits for the answer anyway.
  template <class Job, class Then>
  void answer_later(const std::string& id, const char* action, Job job, Then then) {
    blocked_ = true;
    asio::post(ep_.pool, [self = shared_from_this(), id, action, job = std::move(job),
                          then = std::move(then)]() mutable {
      using R = decltype(job());
      std::optional<R> r;
      try {
        r.emplace(job());
      } catch (const std::exception& e) {
        spdlog::error("ocpp: {} {}: {}", self->ref_.code, action, e.what());
      }
      asio::post(self->w_.io,
                 [self, id = std::move(id), action, then = std::move(then), r = std::move(r)]() mutable {
                   if (self->closed_) return;
                   Reply reply = internal_error();
                   if (r) {
                     try {
                       reply = then(std::move(*r));
                     } catch (const std::exception& e) {
                       spdlog::error("ocpp: {} {}: {}", self->ref_.code, action, e.what());
                     }
                   }
                   self->answer(id, action, reply);
                   self->unblock();
                 });
    });
  }

  void unblock() {
    blocked_ = false;
    reader_.resume(*this);
    on_readable();  // what arrived meanwhile (its readiness event was skipped)
    flush();
  }

  template <class T>
  static const CallError* error_of(const Decoded<T>& d) {
    return std::get_if<CallError>(&d);
  }

  std::optional<Reply> on_boot(const std::string&, const json::value& v) {
    auto d = decode_boot(v);
    if (auto* e = error_of(d)) return *e;
    const auto& b = std::get<BootNotificationReq>(d);
    spdlog::info("ocpp: {} boot: {} {} firmware {}", ref_.code, b.vendor, b.model, b.firmware.value_or("?"));
    return boot_conf("Accepted", now_ms(), ep_.d.cfg.ocpp.heartbeat_interval_s);
  }

  std::optional<Reply> on_heartbeat(const std::string&, const json::value& v) {
    auto d = decode_heartbeat(v);
    if (auto* e = error_of(d)) return *e;
    return heartbeat_conf(now_ms());
  }

  std::optional<Reply> on_status(const std::string&, const json::value& v) {
    auto d = decode_status(v);
    if (auto* e = error_of(d)) return *e;
    const auto& s = std::get<StatusNotificationReq>(d);
    // A connector the platform does not know is not the charger's fault: answered, not stored.
    if (s.connector_id <= connectors_)
      ep_.d.state.connector(key(), s.connector_id, connector_state(ref_.kind, s.status));
    if (s.status == "Faulted")
      spdlog::warn("ocpp: {} connector {} faulted: {} {}", ref_.code, s.connector_id, s.error_code,
                   s.info.value_or(""));
    return json::object{};
  }

  void take_meter(int64_t connector, std::optional<int64_t> tx, const std::vector<MeterValue>& values) {
    for (const auto& mv : values) {
      LatestMeter m;
      m.time = mv.timestamp;
      m.transaction_id = tx;
      for (const auto& s : mv.sampled) {
        auto x = to_double(s.value);
        if (!x || s.format != "Raw") continue;
        const std::string& ms = s.measurand;
        bool kilo = s.unit.size() > 1 && s.unit[0] == 'k';
        if (ms == "Energy.Active.Import.Register")
          m.energy = std::llround(*x * (kilo ? 10000.0 : 10.0));  // → 0.0001 kWh
        else if (ms == "Power.Active.Import" && !s.phase)
          m.power_w = *x * (kilo ? 1000.0 : 1.0);
        else if (ms == "Current.Import" && !s.phase)
          m.current_a = *x;
        else if (ms == "Voltage" && !s.phase)
          m.voltage_v = *x;
        else if (ms == "SoC")
          m.soc = *x;
      }
      ep_.d.meters.update(key(), connector, m);
      if (tx && m.energy) ep_.d.state.meter(*tx, *m.energy, m.time);
    }
  }

  std::optional<Reply> on_meter_values(const std::string&, const json::value& v) {
    auto d = decode_meter_values(v);
    if (auto* e = error_of(d)) return *e;
    const auto& m = std::get<MeterValuesReq>(d);
    take_meter(m.connector_id, m.transaction_id, m.values);
    return json::object{};
  }

  std::optional<Reply> on_authorize(const std::string& id, const json::value& v) {
    auto d = decode_authorize(v);
    if (auto* e = error_of(d)) return *e;
    std::string tag = std::get<AuthorizeReq>(d).id_tag;
    answer_later(
        id, "Authorize", [this, tag] { return ep_.d.charging.authorize(ref_, tag); },
        [](const charging::IdTagResult& r) -> Reply {
          return authorize_conf(IdTagInfo{r.status, r.expiry_ms, {}});
        });
    return std::nullopt;
  }

  std::optional<Reply> on_start(const std::string& id, const json::value& v) {
    auto d = decode_start(v);
    if (auto* e = error_of(d)) return *e;
    const auto& s = std::get<StartTransactionReq>(d);
    charging::TxStart t{ref_, s.connector_id, s.id_tag, s.meter_start, s.timestamp, s.reservation_id};
    answer_later(
        id, "StartTransaction", [this, t] { return ep_.d.charging.start_transaction(t); },
        [this, connector = s.connector_id, time = s.timestamp,
         meter_start = s.meter_start](const charging::TxStartResult& r) -> Reply {
          LatestMeter m;
          m.time = time;
          m.transaction_id = r.transaction_id;
          m.energy = meter_start * 10;
          ep_.d.meters.update(key(), connector, m);
          return start_conf(r.transaction_id, IdTagInfo{r.id_tag.status, r.id_tag.expiry_ms, {}});
        });
    return std::nullopt;
  }

  std::optional<Reply> on_stop(const std::string& id, const json::value& v) {
    auto d = decode_stop(v);
    if (auto* e = error_of(d)) return *e;
    const auto& s = std::get<StopTransactionReq>(d);
    charging::TxStop t{ref_, s.transaction_id, s.id_tag, s.meter_stop, s.timestamp, s.reason};
    answer_later(
        id, "StopTransaction",
        [this, t, frame = json::serialize(v)] {
          try {
            return ep_.d.charging.stop_transaction(t);
          } catch (const std::exception&) {  // answered InternalError: the charger sends it again
            spdlog::error("ocpp: {} StopTransaction NOT stored: {}", ref_.code, frame);
            throw;
          }
        },
        [](const std::optional<charging::IdTagResult>& r) -> Reply {
          std::optional<IdTagInfo> info;
          if (r) info = IdTagInfo{r->status, r->expiry_ms, {}};
          return stop_conf(info);
        });
    return std::nullopt;
  }

  std::optional<Reply> on_data_transfer(const std::string&, const json::value& v) {
    auto d = decode_data_transfer(v);
    if (auto* e = error_of(d)) return *e;
    return data_transfer_conf("UnknownVendorId");
  }

  std::optional<Reply> on_firmware_status(const std::string&, const json::value& v) {
    auto d = decode_firmware_status(v);
    if (auto* e = error_of(d)) return *e;
    spdlog::info("ocpp: {} firmware status {}", ref_.code, std::get<FirmwareStatusNotificationReq>(d).status);
    return json::object{};
  }

  std::optional<Reply> on_diagnostics_status(const std::string&, const json::value& v) {
    auto d = decode_diagnostics_status(v);
    if (auto* e = error_of(d)) return *e;
    spdlog::info("ocpp: {} diagnostics status {}", ref_.code,
                 std::get<DiagnosticsStatusNotificationReq>(d).status);
    return json::object{};
  }

  OcppEndpoint::Impl& ep_;
  Worker& w_;
  int fd_;
  ws::FrameReader reader_;
  DeviceRef ref_;
  int64_t connectors_ = 0;

 public:
  uint64_t upgrade_no_ = 0;  // order of the 101 answers (Impl::upgrades)

 private:
  std::string remote_;
  std::string out_;  // bytes the socket did not take yet (written on EPOLLOUT)
  std::string close_reason_;
  size_t index_ = 0;                          // in w_.sessions
  int64_t last_rx_ = 0, close_deadline_ = 0;  // steady ms
  uint64_t next_id_ = 0;
  BadFrameLimiter bad_;
  bool blocked_ = false, closing_ = false, closed_ = false, close_after_write_ = false, ping_sent_ = false;
  CommandQueue<Pending> cmds_;
};
// 19,000 chargers on one server: every byte here is 19 KB (bench/ocpp, goal ≤ 8 KiB per connection).
static_assert(sizeof(Session) <= 384, "OCPP session grew: check the per-connection memory budget");

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
  std::vector<std::future<void>> done;
  for (auto& w : workers) {
    auto pr = std::make_shared<std::promise<void>>();
    done.push_back(pr->get_future());
    asio::post(w->io, [w = w.get(), pr] {
      w->sweep.cancel();
      w->epoll.cancel();
      while (!w->sessions.empty()) w->sessions.back()->close_now("server shutting down");
      w->closed.clear();
      pr->set_value();
    });
  }
  for (auto& f : done) f.wait_for(std::chrono::seconds(10));
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
  auto found = co_await blocking(lookup);
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
  auto handshake = accept_websocket(up.stream, req);
  if (!co_await std::move(handshake)) co_return;
  up.stream.expires_never();
  req = {};
  if (stopping) co_return;
  // From here the connection is a raw socket on one of the endpoint's network threads: the HTTP
  // connection's coroutine (request, parser, buffers) and this one end now.
  boost::system::error_code ec;
  int fd = up.stream.socket().release(ec);
  if (ec) co_return;
  std::string early(static_cast<const char*>(up.buffer.data().data()), up.buffer.size());
  up.buffer.consume(up.buffer.size());
  Worker& w = *workers[next_worker++ % workers.size()];
  ++live;
  asio::post(w.io, [self, &w, fd, no, dev = std::move(*dev), remote = up.remote_ip,
                    early = std::move(early)]() mutable {
    auto session = std::make_shared<Session>(*self, w, fd, dev, std::move(remote));
    session->upgrade_no_ = no;
    session->start(std::move(early));
  });
}

#pragma GCC diagnostic pop

OcppEndpoint::OcppEndpoint(EndpointDeps deps) : impl_(std::make_shared<Impl>(deps)) {}

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
