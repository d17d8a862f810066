#pragma once
// Internal to the YKC server: one pile connection. Its code is split by concern: connection I/O and the
// handler table (session.cpp), login and billing model (handlers_login.cpp), real-time data and charging
// sessions (handlers_charging.cpp), ground locks (handlers_locks.cpp), commands and their answers
// (commands.cpp, the one place typed commands become YKC frames).
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "devices/blocking_work.hpp"
#include "devices/command_queue.hpp"
#include "devices/network_thread.hpp"
#include "devices/ykc/messages.hpp"
#include "devices/ykc/pile_rules.hpp"
#include "devices/ykc/record_rules.hpp"
#include "devices/ykc/server/session.hpp"

namespace zc::devices::ykc {

namespace y = zc::ykc;
inline constexpr const char* kProtocol = "ykc";
inline constexpr int64_t kPlugWindowMs =
    60000;  // §6.11: a second 0x33 may follow a "not plugged" one within 60 s
inline constexpr size_t kMaxGuns = 32;

// What a gun of a logged-in pile remembers between frames.
struct Gun {
  const char* state = nullptr;  // last gun state written (static strings of pile_rules)
  y::IdleReportRule idle;       // the session in progress and its idle reports
  y::Serial serial{};           // serial of the session in progress (zero: none)
  int64_t tx_id = 0;            // its charging-service transaction
  y::Serial pending{};          // remote start answered "not plugged": serial waiting for a second 0x33
  std::string pending_tag;
  int64_t pending_until = 0;          // steady ms
  uint32_t lock_report = 0xFFFFFFFF;  // last 0x61 state, bay, battery and alarm bytes (none yet)
};

// The pile's answers to remote start (refused: 0x33 result 0) and remote stop (0x35) as typed replies
// (commands.cpp).
CommandReply remote_start_refusal(const y::RemoteStartReply& m);
CommandReply remote_stop_reply(const y::RemoteStopReply& m);

// A command with its YKC frames and the answer it waits for.
struct Pending : QueuedCommand {
  uint8_t expect = 0;           // reply frame type
  uint8_t gun = 0;              // gun the reply must name (0: any)
  int remaining = 1;            // replies still expected (refresh: one 0x13 per gun)
  std::vector<uint8_t> frames;  // what to send (one or more whole frames, sequence filled at send)
  std::vector<uint8_t> types;   // type of each frame, for the message log
  std::optional<tariff::YkcBillingModel> model;  // tariffSync: the model pushed
  y::Serial serial{};                            // remoteStart: the serial and the id tag
  std::string id_tag;
};

class Session final : public DeviceSession, public std::enable_shared_from_this<Session> {
 public:
  Session(ServerCore& core, Worker& w, tcp::socket s) : core_(core), w_(w), sock_(std::move(s)) {}

  const char* protocol() const override { return kProtocol; }

  void command(const DeviceCommand& cmd, std::chrono::milliseconds timeout, ReplyHandler done) override {
    asio::post(w_.io, [self = shared_from_this(), cmd, timeout, done = std::move(done)]() mutable {
      self->enqueue(cmd, timeout, std::move(done));
    });
  }
  void close(const std::string& reason) override {
    asio::post(w_.io, [self = shared_from_this(), reason] { self->close_now(reason); });
  }

  // connection I/O (session.cpp)
  void start();
  void sweep(int64_t now, int64_t wall);
  void close_now(const std::string& reason);

  // ---- frame handlers (the table in register_handlers) ------------------------------------------------
  // login, heartbeat, billing model (handlers_login.cpp)
  void on_login(const y::Frame& f, y::Login&& m);
  void on_heartbeat(const y::Frame& f, y::Heartbeat&& m);
  void on_model_verify(const y::Frame& f, y::ModelVerify&& m);
  void on_model_request(const y::Frame& f, y::ModelRequest&& m);
  // real-time data, starts, stops, records (handlers_charging.cpp)
  void on_realtime(const y::Frame& f, y::RealtimeData&& m);
  void on_start_request(const y::Frame& f, y::StartRequest&& m);
  void on_remote_start_reply(const y::Frame& f, y::RemoteStartReply&& m);
  void on_remote_stop_reply(const y::Frame& f, y::RemoteStopReply&& m);
  void on_record(const y::Frame& f, y::TransactionRecord&& m);
  // ground locks (handlers_locks.cpp)
  void on_lock_status(const y::Frame& f, y::GroundLockStatus&& m);
  void on_lock_reply(const y::Frame& f, y::GroundLockReply&& m);
  // answers to commands (commands.cpp)
  void on_time_sync_reply(const y::Frame& f, y::TimeSyncReply&& m);
  void on_model_set_reply(const y::Frame& f, y::BillingModelSetReply&& m);
  void on_reboot_reply(const y::Frame& f, y::RebootReply&& m);
  void on_qr_prefix_reply(const y::Frame& f, y::QrPrefixReply&& m);
  void on_balance_reply(const y::Frame& f, y::BalanceUpdateReply&& m);
  void on_card_sync_reply(const y::Frame& f, y::OfflineCardSyncReply&& m);
  void on_card_clear_reply(const y::Frame& f, y::OfflineCardClearReply&& m);
  void on_card_query_reply(const y::Frame& f, y::OfflineCardQueryReply&& m);
  // frames the platform keeps nothing of yet: logged
  void on_logged_only(const y::Frame& f) { log_in_frame(f); }
  void on_decode_error(const y::Frame& f, const y::Error& e) {
    spdlog::warn("ykc: {} {}: {}", who(), y::frame_type_label(f.type()), e.to_string());
    log_frame(true, f.raw);
    bad_frame();
  }
  void on_unknown(const y::Frame& f) {
    log_frame(true, f.raw);
    spdlog::info("ykc: {} sent {} (not handled)", who(), y::frame_type_label(f.type()));
  }
  void on_unknown_if_logged_in(const y::Frame& f) {
    if (logged_in_) on_unknown(f);
  }
  void log_in_frame(const y::Frame& f) { log_frame(true, f.raw); }

 private:
  std::string who() const { return logged_in_ ? code_str_ : "connection from " + remote_; }
  void wait_read();
  void on_readable(const boost::system::error_code& ec);
  void process(std::span<const uint8_t> data);
  void unblock();
  void on_event(y::DecodeEvent&& ev);
  void bad_frame();
  void crc_order_changed(y::CrcOrder o);

  // ---- blocking work ------------------------------------------------------------------------------
  // Runs job() on the pool, then then(result) on this session's thread. With `hold` the pile's further
  // frames wait (in order) until then() has run — the pile waits for the answer anyway.
  template <class Job, class Then>
  void blocking(Job job, Then then, bool hold = true) {
    if (hold) blocked_ = true;
    run_blocking(core_.pool, w_.io.get_executor(), std::move(job),
                 [self = shared_from_this(), then = std::move(then), hold](auto out) mutable {
                   if (self->closed_) return;
                   if (out.value)
                     then(std::move(*out.value));
                   else
                     spdlog::error("ykc: {}: {}", self->who(), out.what());
                   if (hold && !self->closed_) self->unblock();
                 });
  }

  // Work whose result the pile does not wait for (login data, model and lock state recorded).
  template <class Job>
  void background(Job job) {
    run_detached(core_.pool, "ykc: " + who(), std::move(job));
  }

  // ---- writing ------------------------------------------------------------------------------------
  y::CrcOrder out_order() const { return crc_.order_for(core_.crc_policy); }
  // The platform's own clock sync (not an operator's clockSync command): its 0x55 is expected.
  void sync_clock(int64_t wall_ms);

  // The message log keeps frames raw; they are decoded when an operator views them (y::describe_frame).
  void log_frame(bool inbound, std::span<const uint8_t> raw) {
    if (logged_in_ && core_.log_frames) core_.deps.messages.add_ykc(key_, now_ms(), inbound, raw);
  }

  void write_bytes(std::vector<uint8_t>&& bytes);

  template <y::Message Msg>
  void reply(const y::Frame& request, const Msg& msg) {
    write_bytes(y::encode_reply(request, msg, out_order()));
  }
  template <y::Message Msg>
  void send_new(const Msg& msg) {
    write_bytes(y::encode_frame(msg, seq_.next(), out_order()));
  }
  void flush_out();
  void finish(const std::string& reason);

  Gun* gun_at(uint8_t bcd_gun) {
    auto g = y::gun_from_bcd(bcd_gun);
    if (!g || *g == 0 || *g > guns_.size()) {
      spdlog::warn("ykc: {} names gun 0x{:02X}, the pile has {}", code_str_, bcd_gun, guns_.size());
      return nullptr;
    }
    return &guns_[*g - 1];
  }
  // `fault`: the 0x13 hardware-fault bits when the gun reports a fault.
  void set_gun_state(unsigned n, Gun& g, const char* state, const std::string& fault = "") {
    if (g.state == state) return;
    g.state = state;
    if (static_cast<int64_t>(n) <= db_guns_) core_.deps.state.connector(key_, n, state, fault);
  }

  // ---- commands -----------------------------------------------------------------------------------
  void enqueue(const DeviceCommand& cmd, std::chrono::milliseconds timeout, ReplyHandler done);
  std::optional<CommandReply> translate(Pending& p);
  void send_model(Pending p);
  void prepare(Pending p);
  void pump();
  void complete(CommandReply r);
  // The answer to the command in flight when it waits for `type` (0x55, 0x57, 0x91, 0xF1).
  void on_answer(uint8_t type, CommandReply r);
  void record_model(uint16_t model_no, const std::string& result);
  // A session the pile starts: its start record (tx_start), the gun's session state (begin_session).
  charging::TxStart tx_start(unsigned gun, const y::Serial& serial, const std::string& id_tag,
                             const char* method, const std::string& vin, const std::string& card) const;
  void begin_session(unsigned gun, const y::Serial& serial);
  void start_session_tx(unsigned gun, const y::Serial& serial, const std::string& id_tag, const char* method,
                        const std::string& vin, const std::string& card);
  void attach_tx(unsigned gun, const y::Serial& serial, int64_t tx);

  ServerCore& core_;
  Worker& w_;
  tcp::socket sock_;
  y::StreamDecoder dec_;
  size_t index_ = 0;
  int64_t connected_at_ = 0, last_frame_ = 0, next_clock_sync_ = 0;
  bool reading_ = false, writing_ = false, blocked_ = false, closed_ = false, logged_in_ = false,
       login_pending_ = false, close_after_write_ = false;
  bool own_clock_sync_ = false;  // the platform's own 0x56 (login, ykc.clock_sync_interval_s) awaits its 0x55
  std::string close_reason_;
  std::string remote_;
  std::vector<uint8_t> held_, out_next_, out_busy_;
  y::CrcOrderMemory crc_;
  y::CrcOrder last_crc_order_ = y::CrcOrder::low_first;
  y::SequenceCounter seq_;
  BadFrameLimiter bad_;
  // the pile, after login
  int64_t pile_id_ = 0, area_id_ = 0, db_guns_ = 0;
  y::PileCode code_{};
  std::string code_str_;
  DeviceKey key_{DeviceKind::car_pile, 0};
  DeviceRef ref_;
  std::optional<TimeZone> tz_;
  std::vector<Gun> guns_;
  uint16_t serial_counter_ = 0;
  CommandQueue<Pending> cmds_;

  friend void sweep_sessions(Worker&, int64_t, int64_t);
};

// Memory per pile (bench target: ≤ 4 KiB RSS per pile above idle, docs/ykc.md): the session object
// (1,176 bytes with GCC 12, 592 of them the StreamDecoder), ~100 bytes per gun, the socket's reactor
// state, a registry entry and the meter-store rows. Growing it is a decision, not an accident.
static_assert(sizeof(Session) <= 1280, "YKC session grew: check the per-pile memory budget");

}  // namespace zc::devices::ykc
