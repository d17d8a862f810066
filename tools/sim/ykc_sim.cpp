// zhichong-sim ykc: simulated YKC v1.6 car piles over plain TCP (shared/protocols/ykc-v1.6.md §8 flows).
//
// Shape: one io_context per thread, piles spread round-robin over them; everything of one pile runs on its
// io_context's single thread, so a pile needs no locks. Per connection: a reader coroutine (bytes → the
// codec's StreamDecoder → on_frame, which answers at once), a writer coroutine (one buffer being written,
// one being filled: frames are appended with append_frame, no allocation once warm) and the main loop
// (heartbeats, real-time data, sessions, records, retries — it sleeps until the next thing is due and
// the reader wakes it). Gun and record state live in the Pile, so sessions survive reconnects.
#include "ykc_sim.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "devices/ykc/codec.hpp"
#include "devices/ykc/messages.hpp"
#include "ykc_record.hpp"

namespace zc::sim {

namespace asio = boost::asio;
namespace json = boost::json;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using namespace zc::ykc;
constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

namespace {

Clock::duration secs(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}
int64_t utc_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
std::string hex_byte(uint8_t b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

// Latency histogram: 8 buckets per octave of microseconds (upper bounds within 9 %).
struct Histogram {
  static constexpr int kBuckets = 8 * 34;
  std::array<std::atomic<uint64_t>, kBuckets> counts{};
  std::atomic<uint64_t> total{0}, sum_us{0};
  void add(Clock::duration d) {
    const auto us = static_cast<uint64_t>(
        std::max<int64_t>(1, std::chrono::duration_cast<std::chrono::microseconds>(d).count()));
    const int idx = std::min(kBuckets - 1, static_cast<int>(std::log2(static_cast<double>(us)) * 8.0));
    counts[static_cast<size_t>(idx)].fetch_add(1, std::memory_order_relaxed);
    total.fetch_add(1, std::memory_order_relaxed);
    sum_us.fetch_add(us, std::memory_order_relaxed);
  }
  double percentile_ms(double p) const {
    const uint64_t n = total.load();
    if (n == 0) return 0;
    const auto want = static_cast<uint64_t>(std::ceil(p * static_cast<double>(n)));
    uint64_t seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
      seen += counts[static_cast<size_t>(i)].load();
      if (seen >= want) return std::exp2(static_cast<double>(i + 1) / 8.0) / 1000.0;
    }
    return 0;
  }
};

struct Stats {
  std::atomic<uint64_t> connects{0}, connect_failures{0}, disconnects{0}, logins_ok{0}, logins_refused{0},
      frames_sent{0}, frames_received{0}, bytes_sent{0}, heartbeats{0}, heartbeat_answers{0}, realtime{0},
      models{0}, commands{0}, starts{0}, start_refusals{0}, stops{0}, records_sent{0}, records_confirmed{0},
      decode_errors{0}, unknown_frames{0};
  std::atomic<int64_t> online{0};
  // bench (counted only while measuring)
  std::atomic<uint64_t> bench_windows{0}, bench_frames{0}, bench_timeouts{0};
  Histogram window_rtt;
};

struct Shared {
  const YkcOptions& o;
  tcp::endpoint endpoint;
  TimeZone tz;
  Stats stats;
  std::atomic<bool> stopping{false};
  std::atomic<bool> measuring{false};
  std::mutex out_mu;  // stdout lines (events, stats) from several threads

  void emit(json::object ev) {
    if (!o.events) return;
    ev["t"] = utc_now_ms();
    std::string line = json::serialize(ev);
    line.push_back('\n');
    std::lock_guard lock(out_mu);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fflush(stdout);
  }
};

const char* tier_key(size_t i) {
  static constexpr const char* kNames[] = {"sharp", "peak", "flat", "valley"};
  return kNames[i];
}

// One simulated pile.
class Pile {
 public:
  Pile(asio::io_context& ioc, Shared& sh, PileCode code)
      : ioc_(ioc),
        sh_(sh),
        o_(sh.o),
        code_(code),
        code_str_(code.str()),
        sock_(ioc),
        wake_(ioc),
        write_wake_(ioc),
        order_(sh.o.crc_high_first ? CrcOrder::high_first : CrcOrder::low_first),
        rng_(std::hash<std::string>{}(code_str_)) {
    guns_.resize(static_cast<size_t>(o_.guns));
    for (size_t i = 0; i < guns_.size(); ++i) {
      guns_[i].no = static_cast<uint8_t>(i + 1);
      guns_[i].plugged = o_.charge_after_s <= 0;
    }
    out_.reserve(512);
    inflight_.reserve(512);
    if (auto card = parse_hex(o_.card); card.ok() && card->size() == card_.size())
      std::copy(card->begin(), card->end(), card_.begin());
  }

  asio::awaitable<void> run(Clock::duration initial_delay) {
    if (initial_delay.count() > 0) co_await sleep_until(Clock::now() + initial_delay);
    const auto first = Clock::now();
    if (o_.card_start_after_s >= 0) card_at_ = first + secs(o_.card_start_after_s);
    if (o_.vin_start_after_s >= 0) vin_at_ = first + secs(o_.vin_start_after_s);
    while (!sh_.stopping) {
      co_await session();
      if (sh_.stopping) break;
      co_await sleep_until(Clock::now() + secs(o_.reconnect_s));
    }
    done_ = true;
  }

  // From any thread: posted to the pile's io_context.
  void stop() {
    asio::post(ioc_, [this] {
      wake_.cancel();
      write_wake_.cancel();
      boost::system::error_code ignored;
      if (sock_.is_open()) {
        sock_.shutdown(tcp::socket::shutdown_both, ignored);
        sock_.close(ignored);
      }
    });
  }

 private:
  struct Gun {
    uint8_t no = 1;
    bool plugged = true;
    bool charging = false;
    Serial serial;
    uint8_t start_type = TransactionRecord::kApp;
    PhysicalCard card{};
    Vin vin;
    int64_t start_ms = 0;  // pile clock, UTC epoch ms
    Clock::time_point started{}, stop_at = Clock::time_point::max(), next_realtime{};
    uint64_t meter = 0;             // meter reading, 0.0001 kWh, at the end of the last session
    tariff::YkcBillingModel model;  // the model in force at the start: the whole session is billed by it
    // a remote start waiting for the car to be plugged in (answered 0x33 fail / 0x05 first)
    bool plug_wait = false;
    Clock::time_point plug_at{}, command_at{};
    Serial plug_serial;
    PhysicalCard plug_card{};
    // a pile-initiated start (0x31) waiting for the platform's 0x32
    bool auth_wait = false;
    uint8_t auth_mode = 0;
    Clock::time_point auth_deadline{};
    int hb_missed = 0;
    uint8_t lock_state = GroundLockStatus::kRaised;
  };
  struct PendingRecord {
    TransactionRecord rec;
    int64_t copies_left = 0;  // duplicates still to send (--retransmit-record)
    int64_t copy = 0;         // 0 = the original
    int attempts = 0;         // sends of the current copy
    bool awaiting = false;    // sent, 0x40 not yet seen
    Clock::time_point next_send{};
  };
  enum class ModelStep : uint8_t { verify, request, done };

  void log(const char* fmt, ...) __attribute__((format(printf, 2, 3))) {
    if (o_.quiet) return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    std::lock_guard lock(sh_.out_mu);
    std::fprintf(stderr, "[%s] %s\n", code_str_.c_str(), buf);
  }
  json::object event(const char* name) const {
    json::object ev;
    ev["event"] = name;
    ev["code"] = code_str_;
    return ev;
  }

  asio::awaitable<void> sleep_until(Clock::time_point t) {
    if (sh_.stopping) co_return;
    wake_.expires_at(t);
    co_await wake_.async_wait(no_throw);
  }
  void wake() { wake_.cancel(); }

  int64_t pile_now_ms() const { return utc_now_ms() + skew_ms_; }
  Gun* gun_bcd(uint8_t wire) {
    auto n = gun_from_bcd(wire);
    return n && *n >= 1 && *n <= guns_.size() ? &guns_[*n - 1] : nullptr;
  }
  Gun* gun_bin(uint8_t wire) { return wire >= 1 && wire <= guns_.size() ? &guns_[wire - 1] : nullptr; }
  bool all_idle() const {
    return std::none_of(guns_.begin(), guns_.end(), [](const Gun& g) { return g.charging; });
  }

  // ---- writing ----------------------------------------------------------------------------------------
  template <Message Msg>
  void send_seq(const Msg& msg, Sequence seq) {
    if (!connected_ || silent_) return;
    const auto body = encode(msg);
    append_frame(out_, Msg::kType, seq, body, order_);
    sh_.stats.frames_sent.fetch_add(1, std::memory_order_relaxed);
    write_wake_.cancel();
  }
  template <Message Msg>
  void send(const Msg& msg) {
    send_seq(msg, seq_.next());
  }
  template <Message Msg>
  void reply(const Frame& request, const Msg& msg) {
    send_seq(msg, Sequence(request.seq()));
  }

  asio::awaitable<void> writer() {
    std::uniform_int_distribution<size_t> chunk(1, 16);
    asio::steady_timer pause(ioc_);
    while (connected_) {
      if (out_.empty()) {
        write_wake_.expires_at(Clock::time_point::max());
        co_await write_wake_.async_wait(no_throw);
        continue;
      }
      if (o_.split_frames) {  // let several frames pile up: they go out concatenated, cut anywhere
        pause.expires_after(std::chrono::milliseconds(5));
        co_await pause.async_wait(no_throw);
      }
      std::swap(out_, inflight_);
      if (silent_) {
        inflight_.clear();
        continue;
      }
      writing_ = true;
      boost::system::error_code ec;
      if (!o_.split_frames) {
        auto [wec, n] = co_await asio::async_write(sock_, asio::buffer(inflight_), no_throw);
        ec = wec;
      } else {
        for (size_t at = 0; at < inflight_.size() && !ec;) {
          const size_t n = std::min(chunk(rng_), inflight_.size() - at);
          auto [wec, w] = co_await asio::async_write(sock_, asio::buffer(inflight_.data() + at, n), no_throw);
          ec = wec;
          at += n;
          pause.expires_after(std::chrono::microseconds(300));
          co_await pause.async_wait(no_throw);
        }
      }
      sh_.stats.bytes_sent.fetch_add(inflight_.size(), std::memory_order_relaxed);
      inflight_.clear();
      writing_ = false;
      if (ec) break;
    }
    writing_ = false;
    writer_done_ = true;
    wake();
  }

  // Waits (≤ 2 s) until what is queued has been written, e.g. the 0x91 before a reboot.
  asio::awaitable<void> flush() {
    const auto until = Clock::now() + std::chrono::seconds(2);
    asio::steady_timer t(ioc_);
    while (connected_ && (!out_.empty() || writing_) && Clock::now() < until) {
      t.expires_after(std::chrono::milliseconds(5));
      co_await t.async_wait(no_throw);
    }
  }

  // ---- reading ----------------------------------------------------------------------------------------
  asio::awaitable<void> reader() {
    for (;;) {
      auto [ec, n] = co_await sock_.async_read_some(asio::buffer(rbuf_), no_throw);
      if (ec) break;
      dec_.push(std::span<const uint8_t>(rbuf_.data(), n), [this](DecodeEvent&& ev) {
        if (auto* f = std::get_if<Frame>(&ev)) {
          sh_.stats.frames_received.fetch_add(1, std::memory_order_relaxed);
          if (!silent_) on_frame(*f);
        } else {
          const auto& e = std::get<DecodeError>(ev);
          sh_.stats.decode_errors.fetch_add(1, std::memory_order_relaxed);
          log("undecodable bytes from the platform (%s): %s", to_string(e.kind), to_hex(e.bytes).c_str());
        }
      });
    }
    connected_ = false;
    reader_done_ = true;
    write_wake_.cancel();
    wake();
  }

  template <Message Msg>
  std::optional<Msg> body_of(const Frame& f) {
    auto m = decode<Msg>(f.body);
    if (m) return std::move(m).value();
    sh_.stats.decode_errors.fetch_add(1, std::memory_order_relaxed);
    log("bad 0x%02X from the platform: %s (%s)", f.type(), m.error().to_string().c_str(),
        to_hex(f.raw).c_str());
    return std::nullopt;
  }

  void command_event(uint8_t type, const char* answer, json::object extra = {}) {
    sh_.stats.commands.fetch_add(1, std::memory_order_relaxed);
    if (!o_.events) return;
    auto ev = event("command");
    ev["type"] = hex_byte(type);
    if (answer)
      ev["answer"] = answer;
    else
      ev["answer"] = nullptr;
    for (auto& kv : extra) ev[kv.key()] = kv.value();
    sh_.emit(std::move(ev));
  }

  void on_frame(const Frame& f) {
    if (f.header.encryption != kPlain) {
      log("encrypted frame 0x%02X ignored", f.type());
      return;
    }
    switch (f.type()) {
      case LoginReply::kType:
        if (auto m = body_of<LoginReply>(f)) {
          if (login_result_ >= 0) break;  // a repeated 0x02
          login_result_ = m->result == LoginReply::kSuccess ? 0 : 1;
          if (o_.events) {  // here, so the event precedes those of frames that follow the 0x02 (0x56 …)
            auto ev = event("login");
            ev["result"] = login_result_ == 0 ? "ok" : "refused";
            sh_.emit(std::move(ev));
          }
          wake();
        }
        break;
      case HeartbeatReply::kType:
        if (auto m = body_of<HeartbeatReply>(f)) on_heartbeat_reply(*m);
        break;
      case ModelVerifyReply::kType:
        if (auto m = body_of<ModelVerifyReply>(f)) {
          if (model_step_ != ModelStep::verify) break;
          if (m->result == ModelVerifyReply::kConsistent && have_model_) {
            model_step_ = ModelStep::done;
          } else {
            model_step_ = ModelStep::request;
            model_deadline_ = Clock::now() + secs(o_.reply_timeout_s);
            send(ModelRequest{code_});
          }
          wake();
        }
        break;
      case BillingModelReply::kType:
        if (auto m = body_of<BillingModelReply>(f)) accept_model(m->model, "0x0A");
        break;
      case BillingModelSet::kType:
        if (auto m = body_of<BillingModelSet>(f)) {
          accept_model(m->model, "0x58");
          reply(f, BillingModelSetReply{code_, 0x01});
        }
        break;
      case ReadRealtime::kType:
        if (auto m = body_of<ReadRealtime>(f)) {
          if (Gun* g = gun_bcd(m->gun)) {
            reply(f, realtime(*g));
            sh_.stats.realtime.fetch_add(1, std::memory_order_relaxed);
            command_event(f.type(), "0x13", {{"gun", g->no}});
          } else {
            command_event(f.type(), nullptr, {{"gun", m->gun}, {"error", "no such gun"}});
          }
        }
        break;
      case RemoteStart::kType:
        if (auto m = body_of<RemoteStart>(f)) on_remote_start(f, *m);
        break;
      case RemoteStop::kType:
        if (auto m = body_of<RemoteStop>(f)) on_remote_stop(f, *m);
        break;
      case StartRequestReply::kType:
        if (auto m = body_of<StartRequestReply>(f)) on_start_reply(*m);
        break;
      case TransactionRecordAck::kType:
        if (auto m = body_of<TransactionRecordAck>(f)) on_record_ack(*m);
        break;
      case TimeSync::kType:
        if (auto m = body_of<TimeSync>(f)) {
          auto t = cp56_to_epoch_ms(m->time, sh_.tz);
          if (t) skew_ms_ = *t - utc_now_ms();
          reply(f, TimeSyncReply{code_, m->time});
          command_event(f.type(), "0x55", {{"time", m->time.to_string()}, {"skewMs", skew_ms_}});
        }
        break;
      case GroundLockCommand::kType:
        if (auto m = body_of<GroundLockCommand>(f)) on_lock_command(f, *m);
        break;
      case Reboot::kType:
        if (auto m = body_of<Reboot>(f)) {
          reply(f, RebootReply{code_, 0x01});
          command_event(f.type(), "0x91", {{"control", m->control}});
          if (m->control == Reboot::kWhenIdle && !all_idle())
            reboot_pending_ = true;
          else
            reboot_now_ = true;
          wake();
        }
        break;
      case QrPrefix::kType:
        if (auto m = body_of<QrPrefix>(f)) {
          qr_prefix_ = m->prefix;
          reply(f, QrPrefixReply{code_, 0x01});
          command_event(f.type(), "0xF1", {{"prefix", m->prefix}, {"prefixType", m->prefix_type}});
        }
        break;
      case QrGbSet::kType:
        if (auto m = body_of<QrGbSet>(f)) {
          reply(f, QrGbReply{code_, m->gun, 0x01});
          command_event(f.type(), "0x59", {{"data", m->data}});
        }
        break;
      case QrTldSet::kType:
        if (auto m = body_of<QrTldSet>(f)) {
          reply(f, QrTldReply{code_, m->gun, 0x01});
          command_event(f.type(), "0x9B", {{"data", m->data}});
        }
        break;
      case WorkParams::kType:
        if (auto m = body_of<WorkParams>(f)) {
          reply(f, WorkParamsReply{code_, 0x01});
          command_event(f.type(), "0x51", {{"work", m->work}, {"maxPowerPercent", m->max_power_percent}});
        }
        break;
      case BalanceUpdate::kType:
        if (auto m = body_of<BalanceUpdate>(f)) {
          reply(f, BalanceUpdateReply{code_, m->physical_card, BalanceUpdateReply::kSuccess});
          command_event(f.type(), "0x41", {{"balance", m->balance}});
        }
        break;
      case OfflineCardSync::kType:
        if (auto m = body_of<OfflineCardSync>(f)) {
          for (auto& c : m->cards)
            if (std::find(offline_cards_.begin(), offline_cards_.end(), c.physical_card) ==
                offline_cards_.end())
              offline_cards_.push_back(c.physical_card);
          reply(f, OfflineCardSyncReply{code_, OfflineCardSyncReply::kSuccess, 0});
          command_event(f.type(), "0x43", {{"cards", m->cards.size()}});
        }
        break;
      case OfflineCardClear::kType:
        if (auto m = body_of<OfflineCardClear>(f)) {
          OfflineCardClearReply r{code_, {}};
          for (auto& c : m->cards) {
            std::erase(offline_cards_, c.physical_card);
            r.results.push_back({c.physical_card, 1, 0});
          }
          reply(f, r);
          command_event(f.type(), "0x45", {{"cards", m->cards.size()}});
        }
        break;
      case OfflineCardQuery::kType:
        if (auto m = body_of<OfflineCardQuery>(f)) {
          OfflineCardQueryReply r{code_, {}};
          for (auto& c : m->cards) {
            const bool present = std::find(offline_cards_.begin(), offline_cards_.end(), c.physical_card) !=
                                 offline_cards_.end();
            r.results.push_back({c.physical_card, static_cast<uint8_t>(present ? 1 : 0)});
          }
          reply(f, r);
          command_event(f.type(), "0x47", {{"cards", m->cards.size()}});
        }
        break;
      case RemoteUpdate::kType:
        if (auto m = body_of<RemoteUpdate>(f)) {
          // The simulator has no FTP client: it says so the way a pile would (download timeout).
          reply(f, UpdateReply{code_, 0x03});
          command_event(f.type(), "0x93",
                        {{"server", m->server.str()}, {"path", m->path.str()}, {"status", 3}});
        }
        break;
      case ParallelRemoteStart::kType:
        if (auto m = body_of<ParallelRemoteStart>(f)) {
          ParallelRemoteStartReply r;
          r.serial = m->serial;
          r.pile_code = code_;
          r.gun = m->gun;
          r.result = RemoteStartReply::kFail;
          r.reason = 0x03;
          r.parallel_no = m->parallel_no;
          reply(f, r);
          command_event(f.type(), "0xA3", {{"result", "fail"}, {"error", "parallel charging not simulated"}});
        }
        break;
      default:
        sh_.stats.unknown_frames.fetch_add(1, std::memory_order_relaxed);
        log("unexpected frame 0x%02X: %s", f.type(), to_hex(f.raw).c_str());
    }
  }

  void on_heartbeat_reply(const HeartbeatReply& m) {
    sh_.stats.heartbeat_answers.fetch_add(1, std::memory_order_relaxed);
    if (Gun* g = gun_bcd(m.gun)) g->hb_missed = 0;
    if (bench_wait_) {
      bench_wait_ = false;
      if (sh_.measuring.load(std::memory_order_relaxed)) {
        sh_.stats.window_rtt.add(Clock::now() - bench_sent_);
        sh_.stats.bench_windows.fetch_add(1, std::memory_order_relaxed);
        sh_.stats.bench_frames.fetch_add(static_cast<uint64_t>(o_.bench_window) + 1,
                                         std::memory_order_relaxed);
      }
      wake();
    }
  }

  void accept_model(const tariff::YkcBillingModel& model, const char* via) {
    model_ = model;
    have_model_ = true;
    model_step_ = ModelStep::done;
    sh_.stats.models.fetch_add(1, std::memory_order_relaxed);
    log("billing model %04u accepted (%s)", static_cast<unsigned>(model.model_no), via);
    if (o_.events) {
      auto ev = event("model");
      ev["modelNo"] = model.model_no;
      ev["via"] = via;
      json::array rates, slots;
      for (auto& r : model.rates) rates.push_back(json::object{{"energy", r.energy}, {"service", r.service}});
      for (auto s : model.slots) slots.push_back(s);
      ev["rates"] = std::move(rates);
      ev["slots"] = std::move(slots);
      sh_.emit(std::move(ev));
    }
    wake();
  }

  void start_event(const Gun& g, const char* via, const Serial& serial, const char* result, int reason = -1) {
    if (!o_.events) return;
    auto ev = event("start");
    ev["gun"] = g.no;
    ev["serial"] = serial.str();
    ev["via"] = via;
    ev["result"] = result;
    if (reason >= 0) ev["reason"] = reason;
    sh_.emit(std::move(ev));
  }

  void on_remote_start(const Frame& f, const RemoteStart& m) {
    Gun* g = gun_bcd(m.gun);
    RemoteStartReply r;
    r.serial = m.serial;
    r.pile_code = code_;
    r.gun = m.gun;
    r.result = RemoteStartReply::kFail;
    if (o_.no_start_confirm) {  // a pile that swallows the command: no 0x33, no start
      command_event(f.type(), nullptr, {{"gun", m.gun}, {"serial", m.serial.str()}});
      return;
    }
    const char* result = "refused";
    if (m.pile_code != code_) {
      r.reason = 0x01;
    } else if (!g) {
      r.reason = 0x03;
    } else if (o_.refuse_start) {
      r.reason = 0x03;  // device fault
    } else if (g->charging || g->plug_wait || g->auth_wait) {
      r.reason = 0x02;
    } else if (!have_model_) {
      r.reason = 0x06;  // vendor code: no valid billing model yet (charging forbidden until obtained)
    } else if (!g->plugged) {
      r.reason = RemoteStartReply::kNotPlugged;
      result = "unplugged";
      g->plug_wait = true;
      g->command_at = Clock::now();
      g->plug_at = g->command_at + secs(o_.charge_after_s);
      g->plug_serial = m.serial;
      g->plug_card = m.physical_card;
      wake();
    } else {
      r.result = RemoteStartReply::kSuccess;
      result = "ok";
    }
    reply(f, r);
    command_event(f.type(), "0x33",
                  {{"gun", m.gun}, {"serial", m.serial.str()}, {"result", result}, {"reason", r.reason}});
    if (r.result == RemoteStartReply::kSuccess) {
      start_charging(*g, m.serial, TransactionRecord::kApp, m.physical_card, Vin{}, "remote");
    } else if (g) {
      if (r.reason != RemoteStartReply::kNotPlugged) sh_.stats.start_refusals.fetch_add(1);
      start_event(*g, "remote", m.serial, result, r.reason);
    }
  }

  void on_remote_stop(const Frame& f, const RemoteStop& m) {
    Gun* g = gun_bcd(m.gun);
    RemoteStopReply r{code_, m.gun, RemoteStopReply::kFail, 0};
    if (m.pile_code != code_)
      r.reason = 0x01;
    else if (!g || !g->charging)
      r.reason = 0x02;
    else
      r.result = RemoteStopReply::kSuccess;
    if (g && g->plug_wait) g->plug_wait = false;  // the platform closed the order
    reply(f, r);
    command_event(f.type(), "0x35",
                  {{"gun", m.gun},
                   {"result", r.result == RemoteStopReply::kSuccess ? "ok" : "fail"},
                   {"reason", r.reason}});
    if (r.result == RemoteStopReply::kSuccess) end_session(*g, 0x40);  // finished: APP remote stop
  }

  void on_start_reply(const StartRequestReply& m) {
    Gun* g = gun_bcd(m.gun);
    if (!g || !g->auth_wait) {
      log("0x32 for gun %u that asked for nothing", static_cast<unsigned>(m.gun));
      return;
    }
    g->auth_wait = false;
    const bool by_card = g->auth_mode == StartRequest::kCard;
    const char* via = by_card ? "card" : "vin";
    if (m.authorized != StartRequestReply::kSuccess) {
      sh_.stats.start_refusals.fetch_add(1);
      log("start by %s refused by the platform (reason %u)", via, static_cast<unsigned>(m.reason));
      start_event(*g, via, m.serial, "refused", m.reason);
      return;
    }
    start_charging(*g, m.serial, by_card ? TransactionRecord::kCard : TransactionRecord::kVin,
                   by_card ? card_ : PhysicalCard{}, by_card ? Vin{} : Vin::from(o_.vin), via);
  }

  void on_record_ack(const TransactionRecordAck& m) {
    auto it = std::find_if(records_.begin(), records_.end(),
                           [&](const PendingRecord& p) { return p.awaiting && p.rec.serial == m.serial; });
    if (it == records_.end()) {
      log("0x40 for unknown record %s", m.serial.str().c_str());
      return;
    }
    sh_.stats.records_confirmed.fetch_add(1, std::memory_order_relaxed);
    record_event(*it, true, m.result == TransactionRecordAck::kAccepted ? "ok" : "illegal");
    if (it->copies_left > 0) {  // --retransmit-record: send the very same record again
      --it->copies_left;
      ++it->copy;
      it->attempts = 0;
      it->awaiting = false;
      it->next_send = Clock::now();
      wake();
    } else {
      records_.erase(it);
    }
  }

  void record_event(const PendingRecord& p, bool confirmed, const char* result) {
    if (!o_.events) return;
    auto ev = event("record");
    const auto& r = p.rec;
    ev["gun"] = gun_from_bcd(r.gun).value_or(0);
    ev["serial"] = r.serial.str();
    json::array tiers;
    for (size_t i = 0; i < 4; ++i)
      tiers.push_back(json::object{{"tier", tier_key(i)},
                                   {"unitPrice", r.tiers[i].unit_price},
                                   {"energy", r.tiers[i].energy},
                                   {"amount", r.tiers[i].amount}});
    ev["tiers"] = std::move(tiers);
    ev["totalEnergy"] = r.total_energy;
    ev["totalAmount"] = r.total_amount;
    ev["meterStart"] = r.meter_start;
    ev["meterStop"] = r.meter_stop;
    ev["startType"] = r.start_type;
    ev["stopReason"] = hex_byte(r.stop_reason);
    ev["start"] = r.start_time.to_string();
    ev["end"] = r.end_time.to_string();
    ev["copy"] = p.copy;
    ev["attempt"] = p.attempts;
    ev["confirmed"] = confirmed;
    if (result) ev["result"] = result;
    sh_.emit(std::move(ev));
  }

  void on_lock_command(const Frame& f, const GroundLockCommand& m) {
    Gun* g = gun_bin(m.gun);
    const bool ok = g && (m.command == GroundLockCommand::kRaise || m.command == GroundLockCommand::kLower);
    reply(f, GroundLockReply{code_, m.gun, ok ? GroundLockReply::kSuccess : GroundLockReply::kFail, {}});
    if (ok) {
      g->lock_state =
          m.command == GroundLockCommand::kRaise ? GroundLockStatus::kRaised : GroundLockStatus::kLowered;
      send(lock_status(*g));
    }
    sh_.stats.commands.fetch_add(1, std::memory_order_relaxed);
    if (o_.events) {
      auto ev = event("lock");
      ev["gun"] = m.gun;
      ev["command"] = m.command == GroundLockCommand::kRaise   ? "raise"
                      : m.command == GroundLockCommand::kLower ? "lower"
                                                               : hex_byte(m.command);
      ev["result"] = ok ? "ok" : "fail";
      if (g) ev["state"] = g->lock_state == GroundLockStatus::kRaised ? "raised" : "lowered";
      ev["answer"] = "0x63";
      sh_.emit(std::move(ev));
    }
  }

  // ---- pile data ----------------------------------------------------------------------------------------
  GroundLockStatus lock_status(const Gun& g) const {
    GroundLockStatus s;
    s.pile_code = code_;
    s.gun = g.no;
    s.lock_state = g.lock_state;
    s.bay_state = g.plugged ? 0xFF : 0x00;
    s.battery_percent = 90;
    return s;
  }

  int64_t session_energy(const Gun& g, Clock::time_point now) const {
    return energy_delivered(o_.power_kw,
                            std::chrono::duration_cast<std::chrono::milliseconds>(now - g.started).count());
  }

  RealtimeData realtime(const Gun& g) const {
    RealtimeData d;
    d.pile_code = code_;
    d.gun = gun_to_bcd(g.no);
    d.plugged = g.plugged ? 1 : 0;
    d.holstered = g.plugged ? 0 : 1;
    d.cable_temp = 25 + kTempOffset;
    if (!g.charging) {
      d.status = RealtimeData::kIdle;
      return d;
    }
    const auto now = Clock::now();
    const int64_t energy = session_energy(g, now);
    const double volts = o_.ac ? 220.0 : 500.0;
    d.serial = g.serial;
    d.status = RealtimeData::kCharging;
    d.voltage = static_cast<uint16_t>(volts * 10);
    d.current = static_cast<uint16_t>(std::min(6553.0, o_.power_kw * 1000.0 / volts * 10.0));
    d.charge_minutes =
        static_cast<uint16_t>(std::chrono::duration_cast<std::chrono::minutes>(now - g.started).count());
    d.energy = static_cast<uint32_t>(energy);
    d.loss_energy = d.energy;
    try {
      d.amount = record_tiers(g.model, sh_.tz, g.start_ms, pile_now_ms(), energy).total_amount;
    } catch (const std::exception&) {
    }
    if (!o_.ac) {  // a 60 kWh battery from 20 %
      const double soc = std::min(100.0, 20.0 + static_cast<double>(energy) / 10000.0 / 60.0 * 100.0);
      d.soc = static_cast<uint8_t>(soc);
      d.battery_max_temp = 30 + kTempOffset;
      d.remaining_minutes =
          static_cast<uint16_t>(o_.power_kw > 0 ? (100.0 - soc) / 100.0 * 60.0 / o_.power_kw * 60.0 : 0);
    }
    return d;
  }

  void send_realtime(Gun& g, Clock::time_point now) {
    send(realtime(g));
    sh_.stats.realtime.fetch_add(1, std::memory_order_relaxed);
    g.next_realtime = now + secs(g.charging ? o_.realtime_interval_s : o_.idle_interval_s);
  }

  void start_charging(Gun& g, const Serial& serial, uint8_t start_type, const PhysicalCard& card,
                      const Vin& vin, const char* via) {
    const auto now = Clock::now();
    g.charging = true;
    g.plugged = true;
    g.serial = serial;
    g.start_type = start_type;
    g.card = card;
    g.vin = vin;
    g.start_ms = pile_now_ms();
    g.started = now;
    g.model = model_;
    g.stop_at = o_.charge_duration_s > 0 ? now + secs(o_.charge_duration_s) : Clock::time_point::max();
    sh_.stats.starts.fetch_add(1, std::memory_order_relaxed);
    log("gun %u charging, serial %s (%s)", static_cast<unsigned>(g.no), serial.str().c_str(), via);
    start_event(g, via, serial, "ok");
    if (!o_.ac) {  // DC: BMS handshake and parameters once (GB/T 27930 data as the pile relays it)
      BmsHandshake h;
      h.serial = serial;
      h.pile_code = code_;
      h.gun = gun_to_bcd(g.no);
      h.bms_version = {0x01, 0x01, 0x00};
      h.battery_type = 0x03;  // LFP
      h.rated_capacity = 1500;
      h.rated_voltage = 4000;
      h.vin = vin.is_zero() ? Vin::from(o_.vin) : vin;
      send(h);
      BmsParameters p;
      p.serial = serial;
      p.pile_code = code_;
      p.gun = gun_to_bcd(g.no);
      p.max_cell_voltage = 365;
      p.max_charge_current = 4000 + 2500;
      p.nominal_energy = 600;
      p.max_total_voltage = 5500;
      p.max_temp = 60 + kTempOffset;
      p.soc = 200;
      p.battery_voltage = 4800;
      p.pile_max_voltage = 7500;
      p.pile_min_voltage = 2000;
      p.pile_max_current = 4000 + 2500;
      p.pile_min_current = 4000;
      send(p);
    }
    send_realtime(g, now);
    wake();
  }

  // The session on `g` ends (remote stop, duration reached, reboot): 0x13 idle, DC 0x19, and the 0x3B
  // (queued; sent now when online, else after the next login).
  void end_session(Gun& g, uint8_t stop_reason) {
    if (!g.charging) return;
    const auto now = Clock::now();
    const int64_t energy = session_energy(g, now);
    const int64_t end_ms = pile_now_ms();
    PendingRecord p;
    TransactionRecord& r = p.rec;
    r.serial = g.serial;
    r.pile_code = code_;
    r.gun = gun_to_bcd(g.no);
    r.start_time = cp56_from_epoch_ms(g.start_ms, sh_.tz);
    r.end_time = cp56_from_epoch_ms(end_ms, sh_.tz);
    try {
      const RecordTiers t = record_tiers(g.model, sh_.tz, g.start_ms, end_ms, energy);
      std::copy(t.tiers.begin(), t.tiers.end(), r.tiers.begin());
      r.total_energy = t.total_energy;
      r.total_amount = t.total_amount;
    } catch (const std::exception& e) {
      log("tier split failed: %s", e.what());
      r.total_energy = static_cast<uint32_t>(energy);
    }
    r.total_loss_energy = r.total_energy;
    r.meter_start = g.meter;
    r.meter_stop = g.meter + static_cast<uint64_t>(energy);
    r.vin = g.vin;
    r.start_type = g.start_type;
    r.trade_time = r.end_time;
    r.stop_reason = stop_reason;
    r.physical_card = g.card;
    g.meter = r.meter_stop;
    g.charging = false;
    if (o_.charge_after_s > 0) g.plugged = false;  // the car leaves; the next one plugs in later
    if (!o_.ac) {
      BmsChargeEnd e;
      e.serial = g.serial;
      e.pile_code = code_;
      e.gun = gun_to_bcd(g.no);
      const RealtimeData last = realtime_at_end(g, energy);
      e.end_soc = last.soc;
      e.charge_minutes = last.charge_minutes;
      e.output_energy = static_cast<uint16_t>(std::min<int64_t>(65535, energy / 1000));
      send(e);
    }
    g.serial = Serial{};
    sh_.stats.stops.fetch_add(1, std::memory_order_relaxed);
    log("gun %u stopped (reason 0x%02X), %u.%04u kWh", static_cast<unsigned>(g.no), stop_reason,
        r.total_energy / 10000, r.total_energy % 10000);
    if (o_.events) {
      auto ev = event("stop");
      ev["gun"] = g.no;
      ev["serial"] = r.serial.str();
      ev["reason"] = hex_byte(stop_reason);
      ev["energy"] = r.total_energy;
      ev["amount"] = r.total_amount;
      sh_.emit(std::move(ev));
    }
    send_realtime(g, now);
    p.copies_left = o_.retransmit_record;
    p.next_send = now;
    records_.push_back(std::move(p));
    if (reboot_pending_ && all_idle()) reboot_now_ = true;
    wake();
  }
  RealtimeData realtime_at_end(const Gun& g, int64_t energy) const {
    RealtimeData d;
    d.soc =
        static_cast<uint8_t>(std::min(100.0, 20.0 + static_cast<double>(energy) / 10000.0 / 60.0 * 100.0));
    d.charge_minutes = static_cast<uint16_t>(
        std::chrono::duration_cast<std::chrono::minutes>(Clock::now() - g.started).count());
    return d;
  }

  void send_start_request(Gun& g, uint8_t mode) {
    StartRequest s;
    s.pile_code = code_;
    s.gun = gun_to_bcd(g.no);
    s.start_mode = mode;
    if (mode == StartRequest::kCard) s.account = card_;
    if (mode == StartRequest::kVin) s.vin = Vin::from(o_.vin);
    g.plugged = true;
    g.auth_wait = true;
    g.auth_mode = mode;
    g.auth_deadline = Clock::now() + secs(std::max(o_.reply_timeout_s, 30.0));
    send(s);
    log("gun %u asks to start by %s", static_cast<unsigned>(g.no),
        mode == StartRequest::kCard ? "card" : "VIN");
  }
  Gun* free_gun() {
    for (auto& g : guns_)
      if (!g.charging && !g.plug_wait && !g.auth_wait) return &g;
    return nullptr;
  }

  // ---- the connection ---------------------------------------------------------------------------------
  void disconnect_event(const char* reason) {
    log("disconnected: %s", reason);
    if (!o_.events) return;
    auto ev = event("disconnect");
    ev["reason"] = reason;
    sh_.emit(std::move(ev));
  }
  void close_socket() {
    boost::system::error_code ignored;
    if (sock_.is_open()) {
      sock_.shutdown(tcp::socket::shutdown_both, ignored);
      sock_.close(ignored);
    }
  }

  asio::awaitable<void> session() {
    sock_ = tcp::socket(ioc_);
    auto [cec] = co_await sock_.async_connect(sh_.endpoint, no_throw);
    if (cec || sh_.stopping) {
      sh_.stats.connect_failures.fetch_add(1, std::memory_order_relaxed);
      if (!sh_.stopping) log("connect failed: %s", cec.message().c_str());
      close_socket();
      co_return;
    }
    boost::system::error_code ignored;
    sock_.set_option(tcp::no_delay(true), ignored);
    sh_.stats.connects.fetch_add(1, std::memory_order_relaxed);
    dec_.reset();
    seq_.reset();
    out_.clear();
    inflight_.clear();
    connected_ = true;
    silent_ = false;
    login_result_ = -1;
    reader_done_ = writer_done_ = false;
    reboot_now_ = reboot_pending_ = false;
    bench_wait_ = false;
    asio::co_spawn(ioc_, reader(), asio::detached);
    asio::co_spawn(ioc_, writer(), asio::detached);

    const char* reason = co_await logged_in_loop();

    close_socket();
    while (!reader_done_ || !writer_done_) {  // both end once the socket is closed
      wake_.expires_after(std::chrono::milliseconds(5));
      co_await wake_.async_wait(no_throw);
    }
    if (logged_in_) {
      logged_in_ = false;
      sh_.stats.online.fetch_sub(1);
    }
    sh_.stats.disconnects.fetch_add(1, std::memory_order_relaxed);
    disconnect_event(reason);
  }

  // Login, then the pile's life until the connection ends; returns why it ended.
  asio::awaitable<const char*> logged_in_loop() {
    Login login;
    login.pile_code = code_;
    login.pile_type = o_.ac ? Login::kAc : Login::kDc;
    login.gun_count = static_cast<uint8_t>(guns_.size());
    login.protocol_version = Login::kV16;
    login.firmware = Ascii<8>::from("SIM1.6.0");
    login.network = 0x01;  // LAN
    login.carrier = 0x04;
    send(login);
    const auto login_deadline = Clock::now() + secs(o_.reply_timeout_s);
    while (login_result_ < 0 && connected_ && !sh_.stopping && Clock::now() < login_deadline)
      co_await sleep_until(login_deadline);
    if (sh_.stopping) co_return "stop";
    if (login_result_ != 0) {
      const bool refused = login_result_ == 1;
      (refused ? sh_.stats.logins_refused : sh_.stats.connect_failures).fetch_add(1);
      log("login %s", refused ? "refused" : "not answered");
      if (o_.events && !refused) {
        auto ev = event("login");
        ev["result"] = "no-answer";
        sh_.emit(std::move(ev));
      }
      co_return refused ? "login refused" : "login not answered";
    }
    logged_in_ = true;
    sh_.stats.logins_ok.fetch_add(1, std::memory_order_relaxed);
    sh_.stats.online.fetch_add(1);
    log("logged in");
    auto now = Clock::now();
    for (auto& p : records_) {  // stored records first (flow §8.1)
      p.awaiting = false;
      p.next_send = now;
    }
    model_step_ = ModelStep::verify;
    model_deadline_ = now + secs(o_.reply_timeout_s);
    send(ModelVerify{code_, have_model_ ? model_.model_no : uint16_t{0}});
    for (auto& g : guns_) {
      g.hb_missed = 0;
      send_realtime(g, now);
      send(lock_status(g));
    }
    if (o_.bench_window > 0) co_return co_await bench_loop();

    auto next_hb = now + secs(o_.heartbeat_s);
    const auto silent_at = o_.silent_disconnect_after_s >= 0 ? now + secs(o_.silent_disconnect_after_s)
                                                             : Clock::time_point::max();
    while (connected_ && !sh_.stopping) {
      now = Clock::now();
      if (!silent_ && now >= silent_at) {
        silent_ = true;  // no more frames, no FIN: the platform has to notice by itself
        log("going silent");
        if (o_.events) sh_.emit(event("silent"));
      }
      if (silent_) {
        co_await sleep_until(Clock::time_point::max());
        continue;
      }
      if (reboot_now_) {
        for (auto& g : guns_) end_session(g, 0x83);  // the pile loses power: records go out after the reboot
        co_await flush();
        co_return "reboot";
      }
      if (now >= next_hb) {
        for (auto& g : guns_) {
          if (g.hb_missed >= 3) co_return "heartbeat not answered 3 times";
          send(Heartbeat{code_, gun_to_bcd(g.no), Heartbeat::kNormal});
          ++g.hb_missed;
          sh_.stats.heartbeats.fetch_add(1, std::memory_order_relaxed);
        }
        next_hb = now + secs(o_.heartbeat_s);
      }
      if (model_step_ != ModelStep::done && now >= model_deadline_) {  // repeat until answered (§8.1)
        if (model_step_ == ModelStep::verify)
          send(ModelVerify{code_, have_model_ ? model_.model_no : uint16_t{0}});
        else
          send(ModelRequest{code_});
        model_deadline_ = now + secs(o_.reply_timeout_s);
      }
      for (auto& p : records_) {
        if (now < p.next_send) continue;
        if (p.awaiting) record_event(p, false, nullptr);  // no 0x40 in time: send it again
        send(p.rec);
        ++p.attempts;
        p.awaiting = true;
        p.next_send = now + secs(o_.record_retry_s);
        sh_.stats.records_sent.fetch_add(1, std::memory_order_relaxed);
      }
      for (auto& g : guns_) {
        if (g.plug_wait && now >= g.plug_at) {  // the car is plugged in now
          g.plug_wait = false;
          g.plugged = true;
          if (now - g.command_at <= std::chrono::seconds(60)) {  // second 0x33: success (§6.11)
            RemoteStartReply r{g.plug_serial, code_, gun_to_bcd(g.no), RemoteStartReply::kSuccess, 0};
            send(r);
            start_charging(g, g.plug_serial, TransactionRecord::kApp, g.plug_card, Vin{}, "remote");
          } else {
            send_realtime(g, now);  // plugged too late: no start, only the plug change
          }
        }
        if (g.auth_wait && now >= g.auth_deadline) {
          g.auth_wait = false;
          log("no 0x32 for gun %u", static_cast<unsigned>(g.no));
          start_event(g, g.auth_mode == StartRequest::kCard ? "card" : "vin", Serial{}, "no-answer");
        }
        if (g.charging && now >= g.stop_at) end_session(g, 0x45);  // finished at the pile
        if (now >= g.next_realtime) {
          send_realtime(g, now);
          if (g.charging && !o_.ac) send(bms_demand(g));  // DC: BMS demand/output with every 0x13
        }
      }
      if (card_at_ && now >= *card_at_ && have_model_) {
        if (Gun* g = free_gun()) {
          card_at_.reset();
          send_start_request(*g, StartRequest::kCard);
        }
      }
      if (vin_at_ && now >= *vin_at_ && have_model_) {
        if (Gun* g = free_gun()) {
          vin_at_.reset();
          send_start_request(*g, StartRequest::kVin);
        }
      }
      if (reboot_pending_ && all_idle()) reboot_now_ = true;
      if (reboot_now_) continue;
      // Sleep until the next thing is due (the reader wakes us for anything the platform sends).
      auto due = std::min(next_hb, silent_at);
      if (model_step_ != ModelStep::done) due = std::min(due, model_deadline_);
      for (auto& p : records_) due = std::min(due, p.next_send);
      for (auto& g : guns_) {
        due = std::min({due, g.next_realtime, g.charging ? g.stop_at : due});
        if (g.plug_wait) due = std::min(due, g.plug_at);
        if (g.auth_wait) due = std::min(due, g.auth_deadline);
      }
      if (card_at_)
        due = std::min(due, std::max(*card_at_, now + std::chrono::milliseconds(have_model_ ? 0 : 200)));
      if (vin_at_)
        due = std::min(due, std::max(*vin_at_, now + std::chrono::milliseconds(have_model_ ? 0 : 200)));
      if (due <= now) continue;
      co_await sleep_until(due);
    }
    co_return sh_.stopping ? "stop" : "closed by the platform";
  }

  BmsDemand bms_demand(const Gun& g) const {
    BmsDemand d;
    d.serial = g.serial;
    d.pile_code = code_;
    d.gun = gun_to_bcd(g.no);
    const RealtimeData rt = realtime(g);
    d.demand_voltage = rt.voltage;
    d.demand_current = static_cast<uint16_t>(4000 + rt.current);
    d.mode = 0x02;  // constant current
    d.measured_voltage = rt.voltage;
    d.measured_current = static_cast<uint16_t>(4000 + rt.current);
    d.soc = rt.soc;
    d.remaining_minutes = rt.remaining_minutes;
    d.pile_voltage = rt.voltage;
    d.pile_current = static_cast<uint16_t>(4000 + rt.current);
    d.charge_minutes = rt.charge_minutes;
    return d;
  }

  // Closed loop for bench/ykc: K × 0x13 then one 0x03, wait for its 0x04, repeat.
  asio::awaitable<const char*> bench_loop() {
    // Let the login-time frames (model verify/request) settle first.
    co_await sleep_until(Clock::now() + std::chrono::milliseconds(200));
    uint64_t window = 0;
    bench_bodies_.resize(guns_.size());
    while (connected_ && !sh_.stopping) {
      for (size_t gi = 0; gi < guns_.size(); ++gi) {
        RealtimeData d = realtime(guns_[gi]);
        d.voltage = static_cast<uint16_t>(2200 + window % 50);  // the latest values change every window
        d.cable_temp = static_cast<uint8_t>(70 + window % 10);
        bench_bodies_[gi] = encode(d);
      }
      for (int64_t i = 0; i < o_.bench_window; ++i)
        append_frame(out_, RealtimeData::kType, seq_.next(),
                     bench_bodies_[static_cast<size_t>(i) % guns_.size()], order_);
      const uint8_t hb[] = {code_.bytes[0], code_.bytes[1], code_.bytes[2],
                            code_.bytes[3], code_.bytes[4], code_.bytes[5],
                            code_.bytes[6], 0x01,           0x00};
      append_frame(out_, Heartbeat::kType, seq_.next(), hb, order_);
      sh_.stats.frames_sent.fetch_add(static_cast<uint64_t>(o_.bench_window) + 1, std::memory_order_relaxed);
      bench_wait_ = true;
      bench_sent_ = Clock::now();
      write_wake_.cancel();
      const auto deadline = bench_sent_ + secs(o_.reply_timeout_s);
      while (bench_wait_ && connected_ && !sh_.stopping && Clock::now() < deadline)
        co_await sleep_until(deadline);
      if (bench_wait_ && connected_ && !sh_.stopping) {
        bench_wait_ = false;
        sh_.stats.bench_timeouts.fetch_add(1);
        log("window %llu: no 0x04 within %.0f s", static_cast<unsigned long long>(window),
            o_.reply_timeout_s);
      }
      ++window;
    }
    co_return sh_.stopping ? "stop" : "closed by the platform";
  }

 public:
  bool done() const { return done_; }

 private:
  asio::io_context& ioc_;
  Shared& sh_;
  const YkcOptions& o_;
  PileCode code_;
  std::string code_str_;
  tcp::socket sock_;
  asio::steady_timer wake_, write_wake_;
  CrcOrder order_;
  std::minstd_rand rng_;
  StreamDecoder dec_;
  std::array<uint8_t, 512> rbuf_{};
  std::vector<uint8_t> out_, inflight_;
  SequenceCounter seq_;
  bool connected_ = false, logged_in_ = false, silent_ = false, writing_ = false;
  bool reader_done_ = true, writer_done_ = true, done_ = false;
  int login_result_ = -1;  // -1 no answer yet, 0 ok, 1 refused
  tariff::YkcBillingModel model_;
  bool have_model_ = false;
  ModelStep model_step_ = ModelStep::verify;
  Clock::time_point model_deadline_{};
  std::vector<Gun> guns_;
  std::vector<PendingRecord> records_;  // a vector: an empty deque costs ~600 bytes per pile
  std::optional<Clock::time_point> card_at_, vin_at_;
  PhysicalCard card_{};
  bool reboot_now_ = false, reboot_pending_ = false;
  int64_t skew_ms_ = 0;
  std::string qr_prefix_;
  std::vector<PhysicalCard> offline_cards_;
  bool bench_wait_ = false;
  Clock::time_point bench_sent_{};
  std::vector<std::vector<uint8_t>> bench_bodies_;  // bench only: one 0x13 body per gun
};

json::object stats_json(const Shared& sh, double elapsed_s, double measured_s) {
  const Stats& s = sh.stats;
  json::object o;
  o["elapsedS"] = elapsed_s;
  o["online"] = s.online.load();
  o["connects"] = s.connects.load();
  o["connectFailures"] = s.connect_failures.load();
  o["disconnects"] = s.disconnects.load();
  o["loginsOk"] = s.logins_ok.load();
  o["loginsRefused"] = s.logins_refused.load();
  o["framesSent"] = s.frames_sent.load();
  o["framesReceived"] = s.frames_received.load();
  o["bytesSent"] = s.bytes_sent.load();
  o["heartbeats"] = s.heartbeats.load();
  o["heartbeatAnswers"] = s.heartbeat_answers.load();
  o["realtime"] = s.realtime.load();
  o["models"] = s.models.load();
  o["commands"] = s.commands.load();
  o["starts"] = s.starts.load();
  o["startRefusals"] = s.start_refusals.load();
  o["stops"] = s.stops.load();
  o["recordsSent"] = s.records_sent.load();
  o["recordsConfirmed"] = s.records_confirmed.load();
  o["decodeErrors"] = s.decode_errors.load();
  o["unknownFrames"] = s.unknown_frames.load();
  if (sh.o.bench_window > 0) {
    json::object b;
    b["window"] = sh.o.bench_window;
    b["measuredS"] = measured_s;
    b["windows"] = s.bench_windows.load();
    b["frames"] = s.bench_frames.load();
    b["timeouts"] = s.bench_timeouts.load();
    b["framesPerS"] = measured_s > 0 ? static_cast<double>(s.bench_frames.load()) / measured_s : 0.0;
    b["realtimeFramesPerS"] =
        measured_s > 0
            ? static_cast<double>(s.bench_windows.load() * static_cast<uint64_t>(sh.o.bench_window)) /
                  measured_s
            : 0.0;
    const auto n = s.window_rtt.total.load();
    b["rttMeanMs"] =
        n ? static_cast<double>(s.window_rtt.sum_us.load()) / 1000.0 / static_cast<double>(n) : 0.0;
    b["rttP50Ms"] = s.window_rtt.percentile_ms(0.50);
    b["rttP99Ms"] = s.window_rtt.percentile_ms(0.99);
    o["bench"] = std::move(b);
  }
  return o;
}

void raise_fd_limit() {
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
  }
}

}  // namespace

int run_ykc(const YkcOptions& o) {
  raise_fd_limit();
  std::vector<PileCode> codes;
  if (!o.codes.empty()) {
    for (auto& c : o.codes) {
      auto pc = PileCode::parse(c);
      if (!pc || !pc->is_decimal()) {
        std::fprintf(stderr, "ykc: --codes: '%s' is not a pile code (up to 14 digits)\n", c.c_str());
        return 2;
      }
      codes.push_back(*pc);
    }
  } else {
    if (o.prefix.size() >= 14 || o.prefix.find_first_not_of("0123456789") != std::string::npos) {
      std::fprintf(stderr, "ykc: --prefix must be fewer than 14 digits\n");
      return 2;
    }
    const size_t width = 14 - o.prefix.size();
    for (int64_t i = 0; i < o.devices; ++i) {
      std::string n = std::to_string(o.start + i);
      if (n.size() > width) {
        std::fprintf(stderr, "ykc: --prefix %s + number %s is longer than 14 digits\n", o.prefix.c_str(),
                     n.c_str());
        return 2;
      }
      codes.push_back(*PileCode::parse(o.prefix + std::string(width - n.size(), '0') + n));
    }
  }
  auto tz = TimeZone::find(o.tz);
  if (!tz) {
    std::fprintf(stderr, "ykc: --tz: unknown time zone '%s'\n", o.tz.c_str());
    return 2;
  }
  asio::io_context control;
  tcp::endpoint endpoint;
  {
    tcp::resolver resolver(control);
    boost::system::error_code ec;
    auto eps = resolver.resolve(o.host, o.port, ec);
    if (ec || eps.empty()) {
      std::fprintf(stderr, "ykc: cannot resolve %s:%s: %s\n", o.host.c_str(), o.port.c_str(),
                   ec.message().c_str());
      return 2;
    }
    endpoint = eps.begin()->endpoint();
  }
  Shared sh{o, endpoint, *tz};
  const size_t nthreads = static_cast<size_t>(std::max<int64_t>(1, o.threads));
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  for (size_t i = 0; i < nthreads; ++i) contexts.push_back(std::make_unique<asio::io_context>(1));
  std::deque<Pile> piles;
  for (size_t i = 0; i < codes.size(); ++i) {
    auto& ioc = *contexts[i % nthreads];
    Pile& p = piles.emplace_back(ioc, sh, codes[i]);
    const auto delay = codes.size() > 1
                           ? secs(o.ramp_s * static_cast<double>(i) / static_cast<double>(codes.size()))
                           : Clock::duration{};
    asio::co_spawn(ioc, p.run(delay), asio::detached);
  }

  const auto t0 = Clock::now();
  Clock::time_point measure_from = t0, measure_to{};
  if (o.bench_window > 0 && o.warmup_s <= 0) sh.measuring = true;
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - t0).count(); };
  auto measured = [&] {
    const auto end = measure_to == Clock::time_point{} ? Clock::now() : measure_to;
    return sh.measuring || measure_to != Clock::time_point{}
               ? std::chrono::duration<double>(end - measure_from).count()
               : 0.0;
  };
  asio::signal_set signals(control, SIGINT, SIGTERM);
  asio::steady_timer end(control), stats_timer(control), warmup(control);
  auto stop_all = [&] {
    if (sh.stopping.exchange(true)) return;
    if (sh.measuring.exchange(false)) measure_to = Clock::now();
    for (auto& p : piles) p.stop();
    signals.cancel();
    end.cancel();
    stats_timer.cancel();
    warmup.cancel();
  };
  signals.async_wait([&](boost::system::error_code ec, int) {
    if (!ec) stop_all();
  });
  if (o.duration_s > 0) {
    end.expires_after(secs(o.duration_s));
    end.async_wait([&](boost::system::error_code ec) {
      if (!ec) stop_all();
    });
  }
  if (o.bench_window > 0 && o.warmup_s > 0) {
    warmup.expires_after(secs(o.warmup_s));
    warmup.async_wait([&](boost::system::error_code ec) {
      if (ec) return;
      measure_from = Clock::now();
      sh.measuring = true;
    });
  }
  std::function<void()> arm_stats = [&] {
    if (o.stats_s <= 0 || sh.stopping) return;
    stats_timer.expires_after(secs(o.stats_s));
    stats_timer.async_wait([&](boost::system::error_code ec) {
      if (ec) return;
      const std::string line = json::serialize(stats_json(sh, elapsed(), measured())) + "\n";
      {
        std::lock_guard lock(sh.out_mu);
        std::fwrite(line.data(), 1, line.size(), stdout);
        std::fflush(stdout);
      }
      arm_stats();
    });
  };
  arm_stats();

  std::vector<std::thread> threads;
  for (auto& c : contexts) threads.emplace_back([&ioc = *c] { ioc.run(); });
  control.run();
  for (auto& t : threads) t.join();
  json::object summary = stats_json(sh, elapsed(), measured());
  summary["piles"] = static_cast<int64_t>(piles.size());
  const std::string line = json::serialize(summary) + "\n";
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fflush(stdout);
  return 0;
}

}  // namespace zc::sim
