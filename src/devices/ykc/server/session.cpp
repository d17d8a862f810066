#include "devices/ykc/server/session.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <deque>
#include <string_view>
#include <variant>

#include "core/clock.hpp"
#include "devices/ykc/messages.hpp"
#include "devices/ykc/pile_rules.hpp"
#include "devices/ykc/record_rules.hpp"
#include "storage/repositories/transaction_repo.hpp"
#include "storage/repositories/ykc_repo.hpp"

namespace zc::devices::ykc {

namespace y = zc::ykc;
constexpr const char* kProtocol = "ykc";
constexpr int64_t kPlugWindowMs = 60000;  // §6.11: a second 0x33 may follow a "not plugged" one within 60 s
constexpr size_t kMaxGuns = 32;

static int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

static std::optional<int64_t> to_int(const std::string& s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

ServerCore::ServerCore(ServerDeps d) : deps(std::move(d)) {
  const auto& c = deps.cfg.ykc;
  crc_policy = c.reply_crc_order == "standard" ? y::CrcReplyPolicy::standard : y::CrcReplyPolicy::mirror;
  login_timeout_ms = std::max<int64_t>(1, c.login_timeout_s) * 1000;
  idle_timeout_ms = std::max<int64_t>(1, c.idle_timeout_s) * 1000;
  command_timeout_ms = std::max<int64_t>(100, c.command_timeout_ms);
  clock_sync_ms = c.clock_sync_interval_s > 0 ? c.clock_sync_interval_s * 1000 : 0;
  max_bad_per_minute = static_cast<int>(std::max<int64_t>(1, c.max_bad_frames_per_minute));
  log_frames = deps.messages.logs_ykc();
}

// What a gun of a logged-in pile remembers between frames.
struct Gun {
  const char* state = nullptr;  // last gun state written (static strings of pile_rules)
  y::IdleReportRule idle;       // the session in progress and its idle reports
  y::Serial serial{};           // serial of the session in progress (zero: none)
  int64_t tx_id = 0;            // its charging-service transaction
  y::Serial pending{};          // remote start answered "not plugged": serial waiting for a second 0x33
  std::string pending_tag;
  int64_t pending_until = 0;  // steady ms
  uint8_t lock_state = 0xFE;  // last 0x61 lock state (0xFE: none yet)
};

struct Pending {
  Command cmd;
  std::function<void(CommandReply)> done;
  int64_t deadline = 0;         // steady ms
  uint8_t expect = 0;           // reply frame type
  uint8_t gun = 0;              // gun the reply must name (0: any)
  int remaining = 1;            // replies still expected (refresh: one 0x13 per gun)
  std::vector<uint8_t> frames;  // what to send (one or more whole frames, sequence filled at send)
  std::vector<uint8_t> types;   // type of each frame, for the message log
  std::optional<tariff::YkcBillingModel> model;  // tariffSync: the model pushed
  std::string note;                              // remoteStart: serial, idTag
  y::Serial serial{};
  std::string id_tag;
};

class Session;

class Session final : public DeviceSession, public std::enable_shared_from_this<Session> {
 public:
  Session(ServerCore& core, Worker& w, tcp::socket s) : core_(core), w_(w), sock_(std::move(s)) {}

  const char* protocol() const override { return kProtocol; }

  void command(const Command& cmd, std::chrono::milliseconds timeout,
               std::function<void(CommandReply)> done) override {
    asio::post(w_.io, [self = shared_from_this(), cmd, timeout, done = std::move(done)]() mutable {
      self->enqueue(cmd, timeout, std::move(done));
    });
  }
  void close(const std::string& reason) override {
    asio::post(w_.io, [self = shared_from_this(), reason] { self->close_now(reason); });
  }

  void start() {
    boost::system::error_code ec;
    auto ep = sock_.remote_endpoint(ec);
    remote_ = ec ? "?" : ep.address().to_string();
    sock_.non_blocking(true, ec);
    sock_.set_option(tcp::no_delay(true), ec);
    connected_at_ = last_frame_ = steady_ms();
    index_ = w_.sessions.size();
    w_.sessions.push_back(this);
    wait_read();
  }

  void sweep(int64_t now, int64_t wall) {
    if (closed_) return;
    if (!logged_in_) {
      if (now - connected_at_ > core_.login_timeout_ms)
        close_now("no login (0x01) within ykc.login_timeout_s");
      return;
    }
    if (now - last_frame_ > core_.idle_timeout_ms) return close_now("no frame within ykc.idle_timeout_s");
    if (inflight_ && now >= inflight_->deadline)
      complete({CommandResult::timeout, "no answer from the pile"});
    if (core_.clock_sync_ms > 0 && now >= next_clock_sync_) {
      next_clock_sync_ = now + core_.clock_sync_ms;
      sync_clock(wall);
    }
  }

  void close_now(const std::string& reason) {
    if (closed_) return;
    closed_ = true;
    // O(1) removal from the worker's sweep list
    w_.sessions[index_] = w_.sessions.back();
    w_.sessions[index_]->index_ = index_;
    w_.sessions.pop_back();
    boost::system::error_code ec;
    sock_.shutdown(tcp::socket::shutdown_both, ec);
    sock_.close(ec);
    finish(reason);
  }

  // ---- frame handlers (registered in register_handlers) -----------------------------------------------
  void on_login(const y::Frame& f, y::Login&& m);
  void on_heartbeat(const y::Frame& f, y::Heartbeat&& m);
  void on_model_verify(const y::Frame& f, y::ModelVerify&& m);
  void on_model_request(const y::Frame& f, y::ModelRequest&& m);
  void on_realtime(const y::Frame& f, y::RealtimeData&& m);
  void on_start_request(const y::Frame& f, y::StartRequest&& m);
  void on_remote_start_reply(const y::Frame& f, y::RemoteStartReply&& m);
  void on_remote_stop_reply(const y::Frame& f, y::RemoteStopReply&& m);
  void on_record(const y::Frame& f, y::TransactionRecord&& m);
  void on_lock_status(const y::Frame& f, y::GroundLockStatus&& m);
  void on_lock_reply(const y::Frame& f, y::GroundLockReply&& m);
  void on_answer(uint8_t type, uint8_t result_ok, const std::string& detail);
  void on_time_sync_reply(const y::Frame& f, y::TimeSyncReply&& m);
  void on_decode_error(const y::Frame& f, const y::Error& e) {
    spdlog::warn("ykc: {} {}: {}", who(), y::frame_type_label(f.type()), e.to_string());
    log_frame(true, f.raw);
    bad_frame();
  }
  void on_unknown(const y::Frame& f) {
    log_frame(true, f.raw);
    spdlog::info("ykc: {} sent {} (not handled)", who(), y::frame_type_label(f.type()));
  }
  bool logged_in() const { return logged_in_; }
  void log_in_frame(const y::Frame& f) { log_frame(true, f.raw); }

 private:
  std::string who() const { return logged_in_ ? code_str_ : "connection from " + remote_; }

  // ---- reading ------------------------------------------------------------------------------------
  void wait_read() {
    reading_ = true;
    sock_.async_wait(
        tcp::socket::wait_read,
        [self = shared_from_this()](const boost::system::error_code& ec) { self->on_readable(ec); });
  }

  void on_readable(const boost::system::error_code& ec) {
    reading_ = false;
    if (closed_) return;
    if (ec) return close_now(ec == asio::error::operation_aborted ? "connection closed" : ec.message());
    for (int round = 0; round < 4; ++round) {
      boost::system::error_code rec;
      size_t n = sock_.read_some(asio::buffer(w_.scratch), rec);
      if (rec == asio::error::would_block || rec == asio::error::try_again) break;
      if (rec) return close_now(rec == asio::error::eof ? "closed by the pile" : rec.message());
      process({w_.scratch.data(), n});
      if (closed_ || blocked_) return;
      if (n < w_.scratch.size()) break;
    }
    wait_read();
  }

  // Decodes `data` (and what the decoder holds) frame by frame. While a handler waits for blocking work
  // (login, start request, record, model) the rest is kept in `held_` and processed in order afterwards.
  void process(std::span<const uint8_t> data) {
    for (;;) {
      while (!blocked_ && !closed_) {
        auto ev = dec_.next();
        if (!ev) break;
        on_event(std::move(*ev));
      }
      if (closed_) return;
      if (blocked_) {
        held_.insert(held_.end(), data.begin(), data.end());
        return;
      }
      if (data.empty()) return;
      data = data.subspan(dec_.feed(data));
    }
  }

  void unblock() {
    if (close_after_write_) return;  // refused login: read nothing more
    blocked_ = false;
    std::vector<uint8_t> rest;
    rest.swap(held_);
    process(rest);
    if (!closed_ && !blocked_ && !reading_) wait_read();
  }

  void on_event(y::DecodeEvent&& ev) {
    if (auto* f = std::get_if<y::Frame>(&ev)) {
      last_frame_ = steady_ms();
      crc_.observe(*f);
      if (logged_in_) {
        int64_t now = now_ms();
        touch(now);
        core_.deps.state.seen(key_, now);
        if (f->crc_order != last_crc_order_) crc_order_changed(f->crc_order);
      } else if (f->type() != y::Login::kType) {
        spdlog::warn("ykc: {} sent {} before logging in: ignored", who(), y::frame_type_label(f->type()));
        bad_frame();
        return;
      }
      core_.dispatch.dispatch(*this, *f);
      return;
    }
    auto& e = std::get<y::DecodeError>(ev);
    spdlog::warn("ykc: {} {} ({} bytes): {} [{}]", who(), y::to_string(e.kind), e.bytes.size(), e.message,
                 y::to_hex(std::span(e.bytes).first(std::min<size_t>(e.bytes.size(), 64))));
    if (logged_in_ && core_.log_frames)
      core_.deps.messages.add_ykc_invalid(key_, now_ms(), y::to_string(e.kind), e.message, e.bytes);
    bad_frame();
  }

  void bad_frame() {
    int64_t now = steady_ms();
    if (now - bad_window_ > 60000) bad_window_ = now, bad_count_ = 0;
    if (++bad_count_ > core_.max_bad_per_minute) {
      spdlog::warn("ykc: {} sent more than {} bad frames in a minute: disconnected", who(),
                   core_.max_bad_per_minute);
      close_now("too many bad frames (ykc.max_bad_frames_per_minute)");
    }
  }

  void crc_order_changed(y::CrcOrder o) {
    last_crc_order_ = o;
    std::string order = o == y::CrcOrder::low_first ? "low_first" : "high_first";
    int64_t id = pile_id_;
    db::Database* db = &core_.deps.db;
    asio::post(core_.pool, [db, id, order] {
      try {
        db->write([&](db::Connection& c) { db::dev::YkcRepo(c).set_crc_order(id, order); });
      } catch (const std::exception& e) {
        spdlog::error("ykc: crc order of pile {}: {}", id, e.what());
      }
    });
  }

  // ---- blocking work ------------------------------------------------------------------------------
  // Runs job() on the pool, then then(result) on this session's thread. With `hold` the pile's further
  // frames wait (in order) until then() has run — the pile waits for the answer anyway.
  template <class Job, class Then>
  void blocking(Job job, Then then, bool hold = true) {
    if (hold) blocked_ = true;
    asio::post(core_.pool, [self = shared_from_this(), job = std::move(job), then = std::move(then),
                            hold]() mutable {
      using R = decltype(job());
      std::optional<R> r;
      std::string err;
      try {
        r.emplace(job());
      } catch (const std::exception& e) {
        err = e.what();
      }
      asio::post(self->w_.io, [self, then = std::move(then), r = std::move(r), err, hold]() mutable {
        if (self->closed_) return;
        if (r)
          then(std::move(*r));
        else
          spdlog::error("ykc: {}: {}", self->who(), err);
        if (hold && !self->closed_) self->unblock();
      });
    });
  }

  template <class Job>
  void background(Job job) {
    std::string who = this->who();
    asio::post(core_.pool, [job = std::move(job), who]() mutable {
      try {
        job();
      } catch (const std::exception& e) {
        spdlog::error("ykc: {}: {}", who, e.what());
      }
    });
  }

  // ---- writing ------------------------------------------------------------------------------------
  y::CrcOrder out_order() const { return crc_.order_for(core_.crc_policy); }

  // The platform's own clock sync (not an operator's clockSync command): its 0x55 is expected.
  void sync_clock(int64_t wall_ms) {
    own_clock_sync_ = true;
    send_new(y::TimeSync{code_, y::cp56_from_epoch_ms(wall_ms, *tz_)});
  }

  // The message log keeps frames raw; they are decoded when an operator views them (y::describe_frame).
  void log_frame(bool inbound, std::span<const uint8_t> raw) {
    if (logged_in_ && core_.log_frames) core_.deps.messages.add_ykc(key_, now_ms(), inbound, raw);
  }

  void write_bytes(std::vector<uint8_t>&& bytes) {
    if (closed_) return;
    log_frame(false, bytes);
    if (out_next_.empty())
      out_next_ = std::move(bytes);
    else
      out_next_.insert(out_next_.end(), bytes.begin(), bytes.end());
    if (!writing_) flush_out();
  }

  template <y::Message Msg>
  void reply(const y::Frame& request, const Msg& msg) {
    write_bytes(y::encode_reply(request, msg, out_order()));
  }
  template <y::Message Msg>
  void send_new(const Msg& msg) {
    write_bytes(y::encode_frame(msg, seq_.next(), out_order()));
  }

  void flush_out() {
    if (out_next_.empty()) {
      if (close_after_write_) close_now(close_reason_);
      return;
    }
    out_busy_.swap(out_next_);
    out_next_.clear();
    writing_ = true;
    asio::async_write(sock_, asio::buffer(out_busy_),
                      [self = shared_from_this()](const boost::system::error_code& ec, size_t) {
                        self->writing_ = false;
                        if (self->closed_) return;
                        if (ec) return self->close_now("write failed: " + ec.message());
                        self->out_busy_.clear();
                        if (self->out_busy_.capacity() > 1024) self->out_busy_.shrink_to_fit();
                        self->flush_out();
                      });
  }

  // ---- lifecycle ----------------------------------------------------------------------------------
  void finish(const std::string& reason) {
    if (inflight_) {
      auto done = std::move(inflight_->done);
      inflight_.reset();
      done({CommandResult::offline, "connection closed before the answer"});
    }
    if (queue_)
      for (auto& p : *queue_) p.done({CommandResult::offline, "connection closed"});
    queue_.reset();
    if (!logged_in_) {
      spdlog::info("ykc: connection from {} closed before login: {}", remote_, reason);
      return;
    }
    if (core_.deps.registry.detach(key_, this)) core_.deps.state.offline(key_, kProtocol, reason, now_ms());
    spdlog::info("ykc: {} offline: {}", code_str_, reason);
  }

  Gun* gun_at(uint8_t bcd_gun) {
    auto g = y::gun_from_bcd(bcd_gun);
    if (!g || *g == 0 || *g > guns_.size()) {
      spdlog::warn("ykc: {} names gun 0x{:02X}, the pile has {}", code_str_, bcd_gun, guns_.size());
      return nullptr;
    }
    return &guns_[*g - 1];
  }
  void set_gun_state(unsigned n, Gun& g, const char* state) {
    if (g.state == state) return;
    g.state = state;
    if (static_cast<int64_t>(n) <= db_guns_) core_.deps.state.connector(key_, n, state);
  }

  // ---- commands -----------------------------------------------------------------------------------
  void enqueue(const Command& cmd, std::chrono::milliseconds timeout, std::function<void(CommandReply)> done);
  void prepare(Pending p);
  void pump();
  void complete(CommandReply r);
  void record_model(uint16_t model_no, const std::string& result);
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
  int bad_count_ = 0;
  int64_t bad_window_ = 0;
  // the pile, after login
  int64_t pile_id_ = 0, area_id_ = 0, db_guns_ = 0;
  y::PileCode code_{};
  std::string code_str_;
  DeviceKey key_{DeviceKind::car_pile, 0};
  DeviceRef ref_;
  std::optional<TimeZone> tz_;
  std::vector<Gun> guns_;
  uint16_t serial_counter_ = 0;
  // Commands are rare: nothing is allocated for them until one arrives (memory per idle pile).
  std::unique_ptr<Pending> inflight_;
  std::unique_ptr<std::deque<Pending>> queue_;

  friend void sweep_sessions(Worker&, int64_t, int64_t);
};

// Memory per pile (bench target: ≤ 4 KiB RSS per pile above idle, docs/ykc.md): the session object
// (1,176 bytes with GCC 12, 592 of them the StreamDecoder), ~100 bytes per gun, the socket's reactor
// state, a registry entry and the meter-store rows. Growing it is a decision, not an accident.
static_assert(sizeof(Session) <= 1280, "YKC session grew: check the per-pile memory budget");

// ---- login ------------------------------------------------------------------------------------------

void Session::on_login(const y::Frame& f, y::Login&& m) {
  if (logged_in_ || login_pending_) {
    log_in_frame(f);
    spdlog::info("ykc: {} logged in again on the same connection: answered", who());
    if (logged_in_) reply(f, y::LoginReply{m.pile_code, y::LoginReply::kSuccess});
    return;
  }
  login_pending_ = true;
  std::string code = m.pile_code.str();
  db::Database* db = &core_.deps.db;
  auto job = [db, code] {
    return db->read([&](db::Connection& c) { return db::dev::YkcRepo(c).find_pile(code); });
  };
  y::Sequence seq = f.seq();
  std::vector<uint8_t> raw(f.raw.begin(), f.raw.end());  // logged once the login is accepted
  blocking(job, [this, m, seq, code, raw = std::move(raw)](std::optional<db::dev::YkcPile> p) {
    login_pending_ = false;
    std::string why = !p                     ? "unknown pile code"
                      : p->protocol != "ykc" ? "protocol is " + p->protocol
                      : p->status != 0       ? "pile disabled"
                                             : "";
    if (!why.empty()) {
      spdlog::warn("ykc: login refused for pile {} from {}: {} (0x02 failure, closing)", code, remote_, why);
      write_bytes(y::encode_frame(y::LoginReply{m.pile_code, y::LoginReply::kFailure}, seq, out_order()));
      close_after_write_ = true;
      close_reason_ = "login refused: " + why;
      blocked_ = true;  // read nothing more
      if (!writing_) flush_out();
      return;
    }
    pile_id_ = p->id;
    area_id_ = p->area_id;
    db_guns_ = p->gun_count;
    code_ = m.pile_code;
    code_str_ = code;
    key_ = {DeviceKind::car_pile, p->id};
    ref_ = {DeviceKind::car_pile, p->id, code};
    tz_ = TimeZone::find(p->timezone);
    if (!tz_) tz_ = TimeZone::shanghai();
    guns_.resize(
        std::clamp<size_t>(std::max<size_t>(m.gun_count, static_cast<size_t>(p->gun_count)), 1, kMaxGuns));
    last_crc_order_ = crc_.seen().value_or(y::CrcOrder::low_first);
    logged_in_ = true;
    int64_t now = now_ms();
    touch(now);
    auto self = shared_from_this();
    if (auto old = core_.deps.registry.attach(key_, self, code_str_, remote_, now))
      old->close("replaced by a new connection");
    core_.deps.state.online(key_, kProtocol, remote_, now);
    log_frame(true, raw);
    db::dev::YkcLogin info;
    info.pile_type = y::pile_type_text(m.pile_type);
    info.gun_count = m.gun_count;
    info.protocol_version = y::protocol_version_text(m.protocol_version);
    info.firmware = m.firmware.str();
    info.sim = m.sim.is_zero() ? "" : m.sim.str();
    info.network = y::network_text(m.network);
    info.network_code = m.network;
    info.carrier = m.carrier;
    info.crc_order = last_crc_order_ == y::CrcOrder::low_first ? "low_first" : "high_first";
    info.remote_ip = remote_;
    db::Database* db = &core_.deps.db;
    int64_t id = pile_id_;
    background([db, id, info, now] {
      db->write([&](db::Connection& c) { db::dev::YkcRepo(c).save_login(id, info, now); });
    });
    spdlog::info("ykc: {} online from {} ({} {} guns, v{}, firmware '{}')", code_str_, remote_,
                 info.pile_type, m.gun_count, info.protocol_version, info.firmware);
    write_bytes(y::encode_frame(y::LoginReply{m.pile_code, y::LoginReply::kSuccess}, seq, out_order()));
    // §8: the platform syncs the pile's clock after login (then every ykc.clock_sync_interval_s).
    sync_clock(now);
    next_clock_sync_ = steady_ms() + core_.clock_sync_ms;
    if (core_.stopping) close_now("server shutting down");
  });
}

// ---- heartbeat, billing model ------------------------------------------------------------------------

void Session::on_heartbeat(const y::Frame& f, y::Heartbeat&& m) {
  log_in_frame(f);
  reply(f, y::HeartbeatReply{code_, m.gun, 0x00});
  auto n = y::gun_from_bcd(m.gun);
  if (Gun* g = gun_at(m.gun)) {
    if (const char* s = y::heartbeat_gun_state(m.gun_status))
      set_gun_state(*n, *g, s);
    else if (!g->state || std::string_view(g->state) == "fault" || std::string_view(g->state) == "offline")
      set_gun_state(*n, *g, "idle");  // normal again; 0x13 gives the precise state
  }
}

void Session::on_model_verify(const y::Frame& f, y::ModelVerify&& m) {
  log_in_frame(f);
  auto lookup = core_.deps.tariffs;
  int64_t area = area_id_;
  y::Sequence seq = f.seq();
  blocking([lookup, area] { return lookup(area); },
           [this, m, seq](std::optional<tariff::YkcBillingModel> model) {
             bool same = model && m.model_no != 0 && m.model_no == model->model_no;
             y::ModelVerifyReply r{
                 code_, m.model_no,
                 same ? y::ModelVerifyReply::kConsistent : y::ModelVerifyReply::kInconsistent};
             write_bytes(y::encode_frame(r, seq, out_order()));
             if (!model)
               spdlog::warn("ykc: {} verifies model {:04}: no tariff in force for its area", code_str_,
                            m.model_no);
             if (same) record_model(m.model_no, "accepted");
           });
}

void Session::on_model_request(const y::Frame& f, y::ModelRequest&&) {
  log_in_frame(f);
  auto lookup = core_.deps.tariffs;
  int64_t area = area_id_;
  y::Sequence seq = f.seq();
  blocking(
      [lookup, area] { return lookup(area); },
      [this, seq](std::optional<tariff::YkcBillingModel> model) {
        if (!model) {
          spdlog::warn(
              "ykc: {} requests its billing model: no tariff in force for its area (not answered; the pile "
              "must not charge)",
              code_str_);
          return;
        }
        y::BillingModelReply r;
        r.pile_code = code_;
        r.model = *model;
        write_bytes(y::encode_frame(r, seq, out_order()));
        record_model(model->model_no, "sent");
      });
}

// ---- real-time data: the hot path (no database, no blocking) ------------------------------------------

void Session::on_realtime(const y::Frame& f, y::RealtimeData&& m) {
  log_in_frame(f);
  Gun* g = gun_at(m.gun);
  if (!g) return;
  unsigned n = static_cast<unsigned>(g - guns_.data()) + 1;
  const char* state = y::gun_state(m.status, m.plugged);
  set_gun_state(n, *g, state);
  bool has_serial = !m.serial.is_zero();
  if (m.status == y::RealtimeData::kCharging && has_serial && (!g->idle.active() || g->serial != m.serial)) {
    // a session the platform did not start on this connection (reconnect, pile-local start)
    g->serial = m.serial;
    g->tx_id = 0;
    g->idle.begin();
    db::Database* db = &core_.deps.db;
    int64_t id = pile_id_;
    std::string serial = m.serial.str();
    blocking(
        [db, id, serial] {
          return db->read([&](db::Connection& c) {
            return db::dev::TransactionRepo(c).find_by_serial("car_pile", id, serial);
          });
        },
        [this, n, s = m.serial](std::optional<int64_t> tx) {
          if (tx) attach_tx(n, s, *tx);
        },
        false);
  }
  if (g->idle.observe(m.status)) {
    std::string serial = g->serial.str();
    spdlog::warn("ykc: {} gun {} reported idle twice during session {}: flagged abnormal (§8.5)", code_str_,
                 n, serial);
    auto* charging = &core_.deps.charging;
    DeviceRef ref = ref_;
    background(
        [charging, ref, n, serial] { charging->flag_transaction(ref, n, serial, y::kTwoIdleReports); });
  }
  int64_t now = now_ms();
  LatestMeter lm;
  lm.time = now;
  // Only a report of the gun's session carries its energy. The idle report a pile sends as the session
  // ends has a zero serial and zero energy: it must not wipe the session's last reading, which an admin's
  // end settles by while the 0x3B record is still on its way.
  bool of_session = has_serial && m.serial == g->serial;
  bool session_figures = of_session || !g->tx_id;  // no session to keep: the report's figures stand
  if (g->tx_id && of_session) lm.transaction_id = g->tx_id;
  if (session_figures) lm.energy = static_cast<int64_t>(m.energy);
  lm.voltage_v = m.voltage / 10.0;
  lm.current_a = m.current / 10.0;
  lm.power_w = lm.voltage_v.value() * lm.current_a.value();
  if (m.soc > 0 || m.status == y::RealtimeData::kCharging) lm.soc = m.soc;
  if (session_figures) lm.amount = static_cast<int64_t>(m.amount);
  lm.state = state;
  lm.abnormal = g->idle.flagged();
  core_.deps.meters.update(key_, n, lm);
  if (g->tx_id && of_session) core_.deps.state.meter(g->tx_id, m.energy, now);
  if (inflight_ && inflight_->expect == y::RealtimeData::kType && --inflight_->remaining <= 0)
    complete({CommandResult::accepted, fmt::format("gun {} {}", n, state)});
}

// ---- charging: pile-initiated start, remote start/stop, records ----------------------------------------

void Session::start_session_tx(unsigned gun, const y::Serial& serial, const std::string& id_tag,
                               const char* method, const std::string& vin, const std::string& card) {
  Gun& g = guns_[gun - 1];
  g.serial = serial;
  g.tx_id = 0;
  g.idle.begin();
  charging::TxStart t;
  t.device = ref_;
  t.connector = gun;
  t.id_tag = id_tag;
  t.timestamp_ms = now_ms();
  t.device_serial = serial.str();
  t.start_method = method;
  t.vin = vin;
  t.card = card;
  auto* charging = &core_.deps.charging;
  blocking([charging, t] { return charging->start_transaction(t).transaction_id; },
           [this, gun, serial](int64_t tx) { attach_tx(gun, serial, tx); }, false);
}

// The transaction id arrives from a background job: a real-time report (0x13) of the session may have come
// first (a pile reports right after the start). Its sample is given the id now — else the order's live
// values would wait for the next report, 15 s later.
void Session::attach_tx(unsigned gun, const y::Serial& serial, int64_t tx) {
  Gun& g = guns_[gun - 1];
  if (g.serial != serial || tx <= 0) return;
  g.tx_id = tx;
  auto m = core_.deps.meters.latest(key_, gun);
  if (!m || m->transaction_id || !m->state || std::string_view(m->state) != "charging") return;
  m->transaction_id = tx;
  core_.deps.meters.update(key_, gun, *m);
  if (m->energy) core_.deps.state.meter(tx, *m->energy, m->time);
}

void Session::on_start_request(const y::Frame& f, y::StartRequest&& m) {
  log_in_frame(f);
  Gun* g = gun_at(m.gun);
  y::Sequence seq = f.seq();
  if (!g) {
    y::StartRequestReply r{{}, code_, m.gun, {}, 0, y::StartRequestReply::kFail, 0x05};
    return write_bytes(y::encode_frame(r, seq, out_order()));
  }
  unsigned n = static_cast<unsigned>(g - guns_.data()) + 1;
  bool by_vin = m.start_mode == y::StartRequest::kVin;
  std::string card = y::to_hex(m.account);
  card.erase(std::remove(card.begin(), card.end(), ' '), card.end());
  std::string vin = m.vin.str();
  std::string tag = by_vin ? "vin:" + vin : "card:" + card;
  if (m.start_mode == y::StartRequest::kAccount) {
    y::StartRequestReply r{{}, code_, m.gun, {}, 0, y::StartRequestReply::kFail, 0x01};
    spdlog::info("ykc: {} gun {} start by account: not supported, refused", code_str_, n);
    return write_bytes(y::encode_frame(r, seq, out_order()));
  }
  y::Serial serial = y::make_serial(code_, n, now_ms(), *tz_, serial_counter_++);
  auto* charging = &core_.deps.charging;
  DeviceRef ref = ref_;
  blocking([charging, ref, tag] { return charging->authorize(ref, tag); },
           [this, m, seq, n, serial, tag, by_vin, vin, card](charging::IdTagResult r) {
             bool ok = r.status == "Accepted";
             y::StartRequestReply out;
             out.serial = serial;
             out.pile_code = code_;
             out.gun = m.gun;
             if (!by_vin) {
               auto lc = y::LogicalCard::parse(card);
               if (lc) out.logical_card = *lc;
             }
             out.balance = ok ? 100000000u : 0;  // 0.01 yuan; balances are the orders module's (docs/ykc.md)
             out.authorized = ok ? y::StartRequestReply::kSuccess : y::StartRequestReply::kFail;
             out.reason = ok ? 0 : by_vin ? 0x09 : 0x01;
             spdlog::info("ykc: {} gun {} start by {}: {}", code_str_, n, tag, r.status);
             write_bytes(y::encode_frame(out, seq, out_order()));
             if (ok)
               start_session_tx(n, serial, tag, by_vin ? "vin" : "card", by_vin ? vin : "",
                                by_vin ? "" : card);
           });
}

void Session::on_remote_start_reply(const y::Frame& f, y::RemoteStartReply&& m) {
  log_in_frame(f);
  Gun* g = gun_at(m.gun);
  if (!g) return;
  unsigned n = static_cast<unsigned>(g - guns_.data()) + 1;
  bool ours = inflight_ && inflight_->expect == y::RemoteStartReply::kType && inflight_->serial == m.serial;
  bool ok = m.result == y::RemoteStartReply::kSuccess;
  if (ours) {
    std::string tag = inflight_->id_tag;
    if (ok) {
      start_session_tx(n, m.serial, tag, "app", "", "");
      complete({CommandResult::accepted, "serial=" + m.serial.str()});
    } else if (m.reason == y::RemoteStartReply::kNotPlugged) {
      g->pending = m.serial;
      g->pending_tag = tag;
      g->pending_until = steady_ms() + kPlugWindowMs;
      complete({CommandResult::rejected,
                "枪未插好 (gun not plugged): the pile starts by itself if plugged within 60 s; "
                "serial=" +
                    m.serial.str()});
    } else {
      complete({CommandResult::rejected, fmt::format("启动失败 (start refused), reason 0x{:02X}", m.reason)});
    }
    return;
  }
  // the second 0x33 of §6.11 (plugged within 60 s) or a late answer
  if (ok && !g->pending.is_zero() && g->pending == m.serial) {
    if (steady_ms() > g->pending_until)
      spdlog::warn("ykc: {} gun {} confirmed start {} after the 60 s window: recorded anyway", code_str_, n,
                   m.serial.str());
    else
      spdlog::info("ykc: {} gun {} plugged in: session {} started", code_str_, n, m.serial.str());
    std::string tag = g->pending_tag;
    g->pending = {};
    start_session_tx(n, m.serial, tag, "app", "", "");
    return;
  }
  spdlog::info("ykc: {} gun {} sent an unexpected 0x33 (serial {}, result {})", code_str_, n, m.serial.str(),
               m.result);
}

void Session::on_remote_stop_reply(const y::Frame& f, y::RemoteStopReply&& m) {
  log_in_frame(f);
  Gun* g = gun_at(m.gun);
  bool ours = inflight_ && inflight_->expect == y::RemoteStopReply::kType && inflight_->gun == m.gun;
  if (m.result == y::RemoteStopReply::kSuccess && g)
    g->idle.end();  // stopping: idle reports are expected now
  if (!ours) return;
  static const char* reasons[] = {"", "pile code mismatch", "gun not charging", "other"};
  if (m.result == y::RemoteStopReply::kSuccess)
    complete({CommandResult::accepted, "stopping"});
  else
    complete(
        {CommandResult::rejected, fmt::format("停止失败 (stop refused): {} (0x{:02X})",
                                              m.reason < 4 ? reasons[m.reason] : "vendor code", m.reason)});
}

void Session::on_record(const y::Frame& f, y::TransactionRecord&& m) {
  log_in_frame(f);
  // Whether the record can belong to this pile and gun (docs/ykc.md "Transaction records"): it is stored
  // in any case, flagged with the reason; one that cannot belong here is answered 0x40 "illegal".
  auto gun = y::gun_from_bcd(m.gun);
  Gun* g = gun && *gun >= 1 && *gun <= guns_.size() ? &guns_[*gun - 1] : nullptr;
  bool of_session = g && g->serial == m.serial;
  y::RecordReview review = y::review_record(m, code_, guns_.size(), of_session && g->idle.flagged());
  unsigned n = g ? static_cast<unsigned>(*gun) : 0;
  static const char* tier_names[] = {"sharp", "peak", "flat", "valley", "tier5"};
  charging::TxRecord r;
  r.device = ref_;
  r.connector = review.connector;
  r.flags = std::move(review.flags);
  r.illegal = review.illegal;
  r.device_serial = m.serial.str();
  r.start_method = y::start_method_text(m.start_type);
  r.vin = m.vin.str();
  if (std::any_of(m.physical_card.begin(), m.physical_card.end(), [](uint8_t b) { return b != 0; })) {
    r.card = y::to_hex(m.physical_card);
    r.card.erase(std::remove(r.card.begin(), r.card.end(), ' '), r.card.end());
  }
  int64_t now = now_ms();
  auto start = y::cp56_to_epoch_ms(m.start_time, *tz_);
  auto stop = y::cp56_to_epoch_ms(m.end_time, *tz_);
  if (!start || !stop)
    spdlog::warn("ykc: {} record {}: bad time ({}), using the receive time", code_str_, r.device_serial,
                 !start ? start.error().to_string() : stop.error().to_string());
  r.stop_ms = stop ? *stop : now;
  r.start_ms = start ? *start : r.stop_ms;
  r.meter_start = static_cast<int64_t>(m.meter_start);
  r.meter_stop = static_cast<int64_t>(m.meter_stop);
  r.energy = m.total_energy;
  r.amount = m.total_amount;
  for (size_t i = 0; i < m.tier_count && i < m.tiers.size(); ++i)
    r.tiers.push_back({tier_names[i], m.tiers[i].unit_price, m.tiers[i].energy, m.tiers[i].amount});
  r.stop_code = m.stop_reason;
  r.stop_reason = y::stop_reason_text(m.stop_reason);
  if (of_session) g->idle.end();
  auto* charging = &core_.deps.charging;
  y::Sequence seq = f.seq();
  std::vector<uint8_t> raw(f.raw.begin(), f.raw.end());
  // 0x40 only once the record is stored (or was): a failure leaves it unanswered — the pile sends it
  // again — and is logged with the frame's bytes, in the server log and in the pile's message log.
  blocking(
      [charging, r]() -> std::variant<charging::TxRecordResult, std::string> {
        try {
          return charging->transaction_record(r);
        } catch (const std::exception& e) {
          return std::string(e.what());
        }
      },
      [this, seq, serial = m.serial, n,
       raw = std::move(raw)](std::variant<charging::TxRecordResult, std::string> out) {
        if (auto* err = std::get_if<std::string>(&out)) {
          spdlog::error("ykc: {} record {} NOT stored ({}), not acknowledged (the pile resends it): {}",
                        code_str_, serial.str(), *err, y::to_hex(raw));
          if (core_.log_frames)
            core_.deps.messages.add_ykc_invalid(key_, now_ms(), "record_not_stored", *err, raw);
          return;
        }
        auto& res = std::get<charging::TxRecordResult>(out);
        spdlog::info("ykc: {} record {} gun {}: {} (transaction {})", code_str_, serial.str(), n, res.message,
                     res.transaction_id);
        y::TransactionRecordAck ack{
            serial, res.accepted ? y::TransactionRecordAck::kAccepted : y::TransactionRecordAck::kIllegal};
        write_bytes(y::encode_frame(ack, seq, out_order()));
        if (n) {
          Gun& g2 = guns_[n - 1];
          if (g2.serial == serial) g2.serial = {}, g2.tx_id = 0;
        }
      });
}

// ---- ground locks -------------------------------------------------------------------------------------

void Session::on_lock_status(const y::Frame& f, y::GroundLockStatus&& m) {
  log_in_frame(f);
  if (m.gun == 0 || m.gun > guns_.size()) return;
  Gun& g = guns_[m.gun - 1];
  if (g.lock_state == m.lock_state) return;
  g.lock_state = m.lock_state;
  const char* state = m.lock_state == y::GroundLockStatus::kRaised    ? "closed"
                      : m.lock_state == y::GroundLockStatus::kLowered ? "open"
                                                                      : "unknown";
  db::Database* db = &core_.deps.db;
  int64_t id = pile_id_;
  int64_t gun = m.gun;
  std::string st = state;
  background([db, id, gun, st] {
    db->write([&](db::Connection& c) {
      db::dev::YkcRepo repo(c);
      if (auto s = repo.lock_spot(id, gun)) repo.set_lock_state(s->spot_id, st);
    });
  });
}

void Session::on_lock_reply(const y::Frame& f, y::GroundLockReply&& m) {
  log_in_frame(f);
  if (!inflight_ || inflight_->expect != y::GroundLockReply::kType || inflight_->gun != m.gun) return;
  if (m.result == y::GroundLockReply::kSuccess)
    complete({CommandResult::accepted, "done"});
  else
    complete({CommandResult::rejected, "地锁操作失败 (the pile reports failure)"});
}

// 0x55, 0x57, 0x91, 0xF1: the answer to the command in flight.
void Session::on_answer(uint8_t type, uint8_t ok, const std::string& detail) {
  if (!inflight_ || inflight_->expect != type) {
    spdlog::info("ykc: {} answered {} without a command waiting", code_str_, y::frame_type_label(type));
    return;
  }
  if (type == y::BillingModelSetReply::kType && inflight_->model)
    record_model(inflight_->model->model_no, ok ? "accepted" : "rejected");
  complete({ok ? CommandResult::accepted : CommandResult::rejected, detail});
}

// 0x55: the answer to an operator's clockSync command, else to the platform's own sync (login, interval).
void Session::on_time_sync_reply(const y::Frame& f, y::TimeSyncReply&& m) {
  log_in_frame(f);
  if (own_clock_sync_ && !(inflight_ && inflight_->expect == y::TimeSyncReply::kType)) {
    own_clock_sync_ = false;
    spdlog::debug("ykc: {} clock set to {}", code_str_, m.time.to_string());
    return;
  }
  on_answer(y::TimeSyncReply::kType, 1, "pile clock set to " + m.time.to_string());
}

// ---- outbound commands --------------------------------------------------------------------------------

void Session::enqueue(const Command& cmd, std::chrono::milliseconds timeout,
                      std::function<void(CommandReply)> done) {
  if (closed_ || !logged_in_) return done({CommandResult::offline, "connection closing"});
  auto arg = [&](const char* k) -> std::string {
    auto it = cmd.args.find(k);
    return it == cmd.args.end() ? std::string() : it->second;
  };
  auto reject = [&](const std::string& m) { done({CommandResult::rejected, m}); };
  Pending p;
  p.cmd = cmd;
  p.deadline = steady_ms() + std::min<int64_t>(timeout.count(), core_.command_timeout_ms);
  auto gun_arg = [&](const char* key) -> std::optional<uint8_t> {
    auto v = to_int(arg(key));
    if (!v || *v < 1 || *v > static_cast<int64_t>(guns_.size())) return std::nullopt;
    return static_cast<uint8_t>(*v);
  };
  auto add = [&](uint8_t type, std::vector<uint8_t> body) {
    p.types.push_back(type);
    p.frames.push_back(static_cast<uint8_t>(body.size()));
    p.frames.insert(p.frames.end(), body.begin(), body.end());
  };
  const std::string& n = cmd.name;
  if (n == "reboot") {
    add(y::Reboot::kType, y::encode(y::Reboot{code_, y::Reboot::kNow}));
    p.expect = y::RebootReply::kType;
  } else if (n == "clockSync") {
    p.expect = y::TimeSyncReply::kType;
    add(y::TimeSync::kType, {});  // the time is taken when the frame is sent
  } else if (n == "refresh") {
    for (unsigned g = 1; g <= guns_.size(); ++g)
      add(y::ReadRealtime::kType, y::encode(y::ReadRealtime{code_, y::gun_to_bcd(g)}));
    p.expect = y::RealtimeData::kType;
    p.remaining = static_cast<int>(guns_.size());
  } else if (n == "hotlineSync") {
    return reject("云快充协议（v1.5/v1.6）没有下发服务热线的指令 (YKC has no hotline frame)");
  } else if (n == "qrSync") {
    // qrUrls "1=<url> 2=<url>": the gun-1 URL minus its gun code is the "prefix + pile code" prefix.
    std::string urls = arg("qrUrls"), first;
    for (size_t i = 0; i < urls.size();) {
      size_t j = urls.find(' ', i);
      if (j == std::string::npos) j = urls.size();
      std::string item = urls.substr(i, j - i);
      if (item.rfind("1=", 0) == 0) first = item.substr(2);
      i = j + 1;
    }
    std::string prefix = y::qr_prefix(first, code_str_ + "01");
    if (prefix.empty()) return reject("qrUrls: no URL of gun 1 ending with its gun code");
    if (prefix.size() > 200) return reject("qrUrls: prefix longer than 200 bytes");
    add(y::QrPrefix::kType, y::encode(y::QrPrefix{code_, y::QrPrefix::kPrefixPile, prefix}));
    p.expect = y::QrPrefixReply::kType;
  } else if (n == "tariffSync") {
    p.expect = y::BillingModelSetReply::kType;
    auto lookup = core_.deps.tariffs;
    int64_t area = area_id_;
    auto self = shared_from_this();
    p.done = std::move(done);
    asio::post(core_.pool, [self, lookup, area, p = std::move(p)]() mutable {
      std::optional<tariff::YkcBillingModel> model;
      std::string err;
      try {
        model = lookup(area);
      } catch (const std::exception& e) {
        err = e.what();
      }
      asio::post(self->w_.io, [self, model, err, p = std::move(p)]() mutable {
        if (!model)
          return p.done({CommandResult::rejected, err.empty() ? "电桩所在区域没有生效的计费规则" : err});
        if (self->closed_) return p.done({CommandResult::offline, "connection closed"});
        y::BillingModelSet set;
        set.pile_code = self->code_;
        set.model = *model;
        auto body = y::encode(set);
        p.types.push_back(y::BillingModelSet::kType);
        p.frames.push_back(static_cast<uint8_t>(body.size()));
        p.frames.insert(p.frames.end(), body.begin(), body.end());
        p.model = model;
        self->prepare(std::move(p));
      });
    });
    return;
  } else if (n == "remoteStart") {
    auto gun = gun_arg("connectorId");
    if (!gun) return reject("connectorId must be a gun number 1–" + std::to_string(guns_.size()));
    std::string tag = arg("idTag");
    if (tag.empty()) return reject("idTag missing");
    int64_t balance = 1000000;  // fen (= 0.01 yuan); the orders module passes the real prepaid amount
    if (!arg("balance").empty()) {
      auto b = to_int(arg("balance"));
      if (!b || *b < 0 || *b > 0xFFFFFFFFLL) return reject("balance must be 0–4294967295 fen");
      balance = *b;
    }
    y::RemoteStart rs;
    rs.serial = y::make_serial(code_, *gun, now_ms(), *tz_, serial_counter_++);
    rs.pile_code = code_;
    rs.gun = y::gun_to_bcd(*gun);
    if (auto lc = y::LogicalCard::parse(tag); lc && tag.size() <= 16) rs.logical_card = *lc;
    rs.balance = static_cast<uint32_t>(balance);
    p.serial = rs.serial;
    p.id_tag = tag;
    p.gun = rs.gun;
    p.expect = y::RemoteStartReply::kType;
    add(y::RemoteStart::kType, y::encode(rs));
    auto* charging = &core_.deps.charging;
    DeviceRef ref = ref_;
    background([charging, ref, tag] { charging->expect_remote_start(ref, tag); });
  } else if (n == "remoteStop") {
    std::optional<uint8_t> gun = gun_arg("connectorId");
    if (!gun && !arg("transactionId").empty()) {
      auto tx = to_int(arg("transactionId"));
      for (size_t i = 0; tx && i < guns_.size(); ++i)
        if (guns_[i].tx_id == *tx) gun = static_cast<uint8_t>(i + 1);
      if (!gun) return reject("transactionId: no running session of this pile has that id");
    }
    if (!gun) return reject("connectorId (gun number) or transactionId required");
    p.gun = y::gun_to_bcd(*gun);
    p.expect = y::RemoteStopReply::kType;
    add(y::RemoteStop::kType, y::encode(y::RemoteStop{code_, p.gun}));
  } else if (n == "lockOpen" || n == "lockClose") {
    auto gun = gun_arg("gun");
    if (!gun) return reject("gun of the ground lock missing");
    y::GroundLockCommand c;
    c.pile_code = code_;
    c.gun = *gun;  // BIN in 0x62
    c.command = n == "lockOpen" ? y::GroundLockCommand::kLower : y::GroundLockCommand::kRaise;
    p.gun = *gun;
    p.expect = y::GroundLockReply::kType;
    add(y::GroundLockCommand::kType, y::encode(c));
  } else {
    return reject("command not supported over YKC: " + n);
  }
  p.done = std::move(done);
  prepare(std::move(p));
}

void Session::prepare(Pending p) {
  if (closed_) return p.done({CommandResult::offline, "connection closed"});
  if (!queue_) queue_ = std::make_unique<std::deque<Pending>>();
  queue_->push_back(std::move(p));
  pump();
}

void Session::pump() {
  while (!inflight_ && queue_ && !queue_->empty() && !closed_) {
    Pending p = std::move(queue_->front());
    queue_->pop_front();
    if (queue_->empty()) queue_.reset();
    if (steady_ms() >= p.deadline) {
      p.done({CommandResult::timeout, "no answer from the pile (queued behind another command)"});
      continue;
    }
    size_t at = 0;
    for (uint8_t type : p.types) {
      size_t len = p.frames[at];
      std::vector<uint8_t> body(p.frames.begin() + at + 1, p.frames.begin() + at + 1 + len);
      at += 1 + len;
      if (type == y::TimeSync::kType)
        body = y::encode(y::TimeSync{code_, y::cp56_from_epoch_ms(now_ms(), *tz_)});
      write_bytes(y::encode_frame(type, seq_.next(), body, out_order()));
    }
    inflight_ = std::make_unique<Pending>(std::move(p));
  }
}

void Session::complete(CommandReply r) {
  Pending p = std::move(*inflight_);
  inflight_.reset();
  spdlog::info("ykc: {} command {} → {} {}", code_str_, p.cmd.name, to_string(r.result), r.message);
  p.done(std::move(r));
  pump();
}

void Session::record_model(uint16_t model_no, const std::string& result) {
  db::Database* db = &core_.deps.db;
  int64_t id = pile_id_;
  int64_t now = now_ms();
  background([db, id, model_no, result, now] {
    db->write([&](db::Connection& c) { db::dev::YkcRepo(c).set_model(id, model_no, result, now); });
  });
}

// ---- wiring -------------------------------------------------------------------------------------------

void register_handlers(ServerCore& core) {
  auto& d = core.dispatch;
  d.on<y::Login>([](Session& s, const y::Frame& f, y::Login&& m) { s.on_login(f, std::move(m)); })
      .on<y::Heartbeat>(
          [](Session& s, const y::Frame& f, y::Heartbeat&& m) { s.on_heartbeat(f, std::move(m)); })
      .on<y::ModelVerify>(
          [](Session& s, const y::Frame& f, y::ModelVerify&& m) { s.on_model_verify(f, std::move(m)); })
      .on<y::ModelRequest>(
          [](Session& s, const y::Frame& f, y::ModelRequest&& m) { s.on_model_request(f, std::move(m)); })
      .on<y::RealtimeData>(
          [](Session& s, const y::Frame& f, y::RealtimeData&& m) { s.on_realtime(f, std::move(m)); })
      .on<y::StartRequest>(
          [](Session& s, const y::Frame& f, y::StartRequest&& m) { s.on_start_request(f, std::move(m)); })
      .on<y::RemoteStartReply>([](Session& s, const y::Frame& f, y::RemoteStartReply&& m) {
        s.on_remote_start_reply(f, std::move(m));
      })
      .on<y::RemoteStopReply>([](Session& s, const y::Frame& f, y::RemoteStopReply&& m) {
        s.on_remote_stop_reply(f, std::move(m));
      })
      .on<y::TransactionRecord>(
          [](Session& s, const y::Frame& f, y::TransactionRecord&& m) { s.on_record(f, std::move(m)); })
      .on<y::GroundLockStatus>(
          [](Session& s, const y::Frame& f, y::GroundLockStatus&& m) { s.on_lock_status(f, std::move(m)); })
      .on<y::GroundLockReply>(
          [](Session& s, const y::Frame& f, y::GroundLockReply&& m) { s.on_lock_reply(f, std::move(m)); })
      .on<y::TimeSyncReply>(
          [](Session& s, const y::Frame& f, y::TimeSyncReply&& m) { s.on_time_sync_reply(f, std::move(m)); })
      .on<y::BillingModelSetReply>([](Session& s, const y::Frame& f, y::BillingModelSetReply&& m) {
        s.log_in_frame(f);
        s.on_answer(y::BillingModelSetReply::kType, m.result == 0x01,
                    m.result == 0x01 ? "model set" : "计费模型设置失败 (the pile refused the model)");
      })
      .on<y::RebootReply>([](Session& s, const y::Frame& f, y::RebootReply&& m) {
        s.log_in_frame(f);
        s.on_answer(y::RebootReply::kType, m.result == 0x01,
                    m.result == 0x01 ? "rebooting" : "重启失败 (reboot refused)");
      })
      .on<y::QrPrefixReply>([](Session& s, const y::Frame& f, y::QrPrefixReply&& m) {
        s.log_in_frame(f);
        s.on_answer(
            y::QrPrefixReply::kType, m.result == 0x01,
            m.result == 0x01 ? "QR prefix set" : "二维码前缀设置失败 (the pile refused the QR prefix)");
      })
      .on_decode_error([](Session& s, const y::Frame& f, const y::Error& e) { s.on_decode_error(f, e); })
      .on_unknown([](Session& s, const y::Frame& f) {
        if (s.logged_in()) s.on_unknown(f);
      });
  // Frames that need no answer and carry nothing the platform keeps yet: logged (BMS data, 0x15–0x25).
  for (uint8_t t : {0x15, 0x17, 0x19, 0x1B, 0x1D, 0x21, 0x23, 0x25})
    d.on_raw(t, [](Session& s, const y::Frame& f) { s.log_in_frame(f); });
}

void start_session(ServerCore& core, Worker& w, tcp::socket socket) {
  auto s = std::make_shared<Session>(core, w, std::move(socket));
  s->start();
}

void sweep_sessions(Worker& w, int64_t now, int64_t wall) {
  // close_now removes from the vector: iterate backwards over a snapshot of the size
  for (size_t i = w.sessions.size(); i-- > 0;) {
    if (i >= w.sessions.size()) continue;
    Session* s = w.sessions[i];
    auto keep = s->shared_from_this();  // a close must not destroy it while we are inside
    s->sweep(now, wall);
  }
}

void close_all(Worker& w, const std::string& reason) {
  while (!w.sessions.empty()) {
    auto keep = w.sessions.back()->shared_from_this();
    keep->close_now(reason);
  }
}

}  // namespace zc::devices::ykc
