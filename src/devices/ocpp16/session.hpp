#pragma once
// Internal to the OCPP endpoint: the per-process core, the per-thread worker and one charger's session.
// The session's code is split by concern: connection I/O and WebSocket framing (session.cpp), CALLs both
// ways — the inbound handler table, answers, the outbound command queue and CALLRESULT matching
// (calls.cpp), boot / heartbeat / status reports (handlers_status.cpp), transactions and meter values
// (handlers_transactions.cpp); commands.cpp is the one place typed commands become OCPP CALLs.
#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include <sys/epoll.h>

#include "core/clock.hpp"
#include "devices/blocking_work.hpp"
#include "devices/command_queue.hpp"
#include "devices/network_thread.hpp"
#include "devices/ocpp16/commands.hpp"
#include "devices/ocpp16/endpoint.hpp"
#include "devices/ocpp16/frame.hpp"
#include "devices/ocpp16/messages.hpp"
#include "devices/ocpp16/ws_framer.hpp"

namespace zc::devices::ocpp16 {

namespace asio = boost::asio;
using Reply = std::variant<json::object, CallError>;
inline constexpr int kMaxBadFrames = 20;       // malformed frames per minute before the connection is closed
inline constexpr int64_t kCloseWaitMs = 5000;  // our close frame sent: how long the charger has to answer

class Session;

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
  explicit Impl(SessionDeps deps);
  SessionDeps d;
  asio::thread_pool pool{2};  // blocking work (database) of the sessions
  std::vector<std::unique_ptr<Worker>> workers;
  std::atomic<size_t> next_worker{0};
  std::atomic<bool> stopping{false};
  std::atomic<uint64_t> upgrades{0};  // numbers the accepted upgrades (which connection is newest)
  std::atomic<size_t> live{0};        // sessions open (the server waits for them on shutdown)
  bool joined = false;

  void sweep(Worker& w);
  void poll(Worker& w);  // waits for the worker's epoll set, then hands the ready sessions their events
  void join();           // closes every session, stops the threads

  asio::awaitable<void> handle(UpgradeRequest& up);
};

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
  ~Session() override;

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

  // ---- connection I/O (session.cpp) ---------------------------------------------------------------
  // On the worker's thread, right after the 101 answer. `early`: bytes the HTTP server read past the
  // upgrade request.
  void start(std::string early);
  void on_event(uint32_t events);  // readiness from the worker's epoll set
  void sweep(int64_t now);
  void close_now(const std::string& reason);  // closes the socket at once (no close handshake)

  uint64_t upgrade_no_ = 0;  // order of the 101 answers (Impl::upgrades)

 private:
  DeviceKey key() const { return {ref_.kind, ref_.id}; }

  void on_readable();
  bool on_message(std::string_view text, bool binary) override;
  void on_ping(std::string_view payload) override;
  void on_pong() override { seen(); }
  void on_close(uint16_t code, std::string_view reason) override;
  void on_protocol_error(uint16_t code, const char* reason) override;
  void seen();
  std::string& out_buffer();
  void flush();
  void write_pending();
  bool send_some(const char* p, size_t n, size_t& sent);
  void close_after_write(const std::string& reason);
  void start_close(uint16_t code, const std::string& reason);
  void send_text(std::string_view text, LoggedKind kind);
  void log(bool inbound, LoggedKind kind, std::string_view text);
  void finish(const std::string& reason);
  void unblock();

  // ---- CALLs both ways (calls.cpp) ----------------------------------------------------------------
  void on_text(std::string_view text);
  void on_frame(std::string_view text, std::variant<Frame, FrameError>& parsed);
  void send_error(std::string_view id, const CallError& e);
  void answer(const std::string& id, const std::string& action, const Reply& r);
  void bad_frame();
  std::optional<Reply> dispatch(const std::string& id, const std::string& action, const json::value& payload);
  void enqueue(const DeviceCommand& cmd, std::chrono::milliseconds timeout, ReplyHandler done);
  void pump();
  void complete_inflight(CommandReply r);
  void on_answer(const Frame& f);

  static Reply internal_error() {
    return CallError{"InternalError", "the central system could not process the message"};
  }

  // Runs job() on the pool; then(result) → the answer to CALL `id`, on this session's thread. The
  // charger's further frames wait (in order) until then: it waits for the answer anyway.
  template <class Job, class Then>
  void answer_later(const std::string& id, const char* action, Job job, Then then) {
    blocked_ = true;
    run_blocking(ep_.pool, w_.io.get_executor(), std::move(job),
                 [self = shared_from_this(), id, action, then = std::move(then)](auto out) mutable {
                   if (self->closed_) return;
                   Reply reply = internal_error();
                   try {
                     if (!out.value) std::rethrow_exception(out.error);
                     reply = then(std::move(*out.value));
                   } catch (const std::exception& e) {
                     spdlog::error("ocpp: {} {}: {}", self->ref_.code, action, e.what());
                   }
                   self->answer(id, action, reply);
                   self->unblock();
                 });
  }

  // ---- handlers: what a charge point sends --------------------------------------------------------
  // The table in calls.cpp holds typed<decode, handler>: the payload is validated and decoded (a
  // CallError answers a bad one), then the handler gets the request; it answers at once, or (nullopt)
  // starts blocking work that answers later (answer_later). `payload` is the frame as received.
  using Handler = std::optional<Reply> (Session::*)(const std::string& id, const json::value& payload);
  template <auto Decode, auto On>
  std::optional<Reply> typed(const std::string& id, const json::value& payload) {
    auto d = Decode(payload);
    if (auto* e = std::get_if<CallError>(&d)) return *e;
    return (this->*On)(id, std::get<0>(d), payload);
  }
  // boot, heartbeat, status reports (handlers_status.cpp)
  std::optional<Reply> on_boot(const std::string&, const BootNotificationReq& b, const json::value&);
  std::optional<Reply> on_heartbeat(const std::string&, const HeartbeatReq&, const json::value&);
  std::optional<Reply> on_status(const std::string&, const StatusNotificationReq& s, const json::value&);
  std::optional<Reply> on_data_transfer(const std::string&, const DataTransferReq&, const json::value&);
  std::optional<Reply> on_firmware_status(const std::string&, const FirmwareStatusNotificationReq& r,
                                          const json::value&);
  std::optional<Reply> on_diagnostics_status(const std::string&, const DiagnosticsStatusNotificationReq& r,
                                             const json::value&);
  // transactions and meter values (handlers_transactions.cpp)
  void take_meter(int64_t connector, std::optional<int64_t> tx, const std::vector<MeterValue>& values);
  std::optional<Reply> on_meter_values(const std::string&, const MeterValuesReq& m, const json::value&);
  std::optional<Reply> on_authorize(const std::string& id, const AuthorizeReq& a, const json::value&);
  std::optional<Reply> on_start(const std::string& id, const StartTransactionReq& s, const json::value&);
  std::optional<Reply> on_stop(const std::string& id, const StopTransactionReq& s, const json::value& v);

  OcppEndpoint::Impl& ep_;
  Worker& w_;
  int fd_;
  ws::FrameReader reader_;
  DeviceRef ref_;
  int64_t connectors_ = 0;
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

}  // namespace zc::devices::ocpp16
