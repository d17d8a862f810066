#pragma once
// zhichong-sim ykc, inside: one simulated YKC v1.6 car pile (shared/protocols/ykc-v1.6.md §8 flows) and what
// all piles of one run share. Private to tools/sim; run_ykc (ykc_sim.cpp) creates and runs the piles.
//
// Shape: one io_context per thread, piles spread round-robin over them; everything of one pile runs on its
// io_context's single thread, so a pile needs no locks. Per connection: a reader coroutine (bytes → the
// codec's StreamDecoder → on_frame, which answers at once), a writer coroutine (one buffer being written,
// one being filled: frames are appended with append_frame, no allocation once warm) and the main loop
// (heartbeats, real-time data, sessions, records, retries — it sleeps until the next thing is due and
// the reader wakes it). Gun and record state live in the Pile, so sessions survive reconnects.
// The pile is defined in parts: ykc_pile_link.cpp (connection, login, main loop, bench loop),
// ykc_pile_commands.cpp (the platform's frames), ykc_pile_session.cpp (charging, real-time data, records),
// ykc_pile_cards.cpp (card and VIN starts, balance updates, offline card lists).
#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "devices/ykc/codec.hpp"
#include "devices/ykc/messages.hpp"
#include "ykc_record.hpp"
#include "ykc_sim.hpp"

namespace zc::sim::ykcsim {

namespace asio = boost::asio;
namespace json = boost::json;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using namespace zc::ykc;
inline constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

inline Clock::duration secs(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}
inline int64_t utc_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
inline std::string hex_byte(uint8_t b) {
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
  // card swipes (0x31 by card): sent, answered 0x32 accepted / refused, no 0x32 in time; 0x42 received
  std::atomic<uint64_t> swipes{0}, swipes_accepted{0}, swipes_refused{0}, swipes_unanswered{0},
      balance_updates{0};
  Histogram swipe_rtt;  // 0x31 queued → 0x32 read
  // bench (counted only while measuring)
  std::atomic<uint64_t> bench_windows{0}, bench_frames{0}, bench_timeouts{0};
  Histogram window_rtt;
};

struct Shared {
  const YkcOptions& o;
  tcp::endpoint endpoint;
  TimeZone tz;
  std::vector<PhysicalCard> cards;  // swiped in turn or at random (--cards, else --card); never empty
  size_t pile_count = 1;
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

// One simulated pile.
class Pile {
 public:
  // `index`: the pile's place in the run (0 …): which card of the list it swipes first.
  Pile(asio::io_context& ioc, Shared& sh, PileCode code, size_t index);

  asio::awaitable<void> run(Clock::duration initial_delay);
  // From any thread: posted to the pile's io_context.
  void stop();
  // From any thread: the pile swipes its next card now (SIGUSR1; bench/cards).
  void swipe_now();
  bool done() const { return done_; }

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
    int64_t balance_cap = -1;       // a card session: the card's balance (fen, 0x32 / 0x42); < 0: none
    // a remote start waiting for the car to be plugged in (answered 0x33 fail / 0x05 first)
    bool plug_wait = false;
    Clock::time_point plug_at{}, command_at{};
    Serial plug_serial;
    PhysicalCard plug_card{};
    // a pile-initiated start (0x31) waiting for the platform's 0x32
    bool auth_wait = false;
    uint8_t auth_mode = 0;
    PhysicalCard auth_card{};
    Clock::time_point auth_sent{}, auth_deadline{};
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

  void log(const char* fmt, ...) __attribute__((format(printf, 2, 3)));
  json::object event(const char* name) const {
    json::object ev;
    ev["event"] = name;
    ev["code"] = code_str_;
    return ev;
  }
  asio::awaitable<void> sleep_until(Clock::time_point t);
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

  // ---- writing and reading (ykc_pile_link.cpp) ------------------------------------------------------------
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
  asio::awaitable<void> writer();
  asio::awaitable<void> flush();
  asio::awaitable<void> reader();
  template <Message Msg>
  std::optional<Msg> body_of(const Frame& f) {
    auto m = decode<Msg>(f.body);
    if (m) return std::move(m).value();
    sh_.stats.decode_errors.fetch_add(1, std::memory_order_relaxed);
    log("bad 0x%02X from the platform: %s (%s)", f.type(), m.error().to_string().c_str(),
        to_hex(f.raw).c_str());
    return std::nullopt;
  }
  void disconnect_event(const char* reason);
  void close_socket();
  asio::awaitable<void> session();
  asio::awaitable<const char*> logged_in_loop();
  asio::awaitable<const char*> bench_loop();

  // ---- the platform's frames (ykc_pile_commands.cpp)
  // -------------------------------------------------------
  void on_frame(const Frame& f);
  void command_event(uint8_t type, const char* answer, json::object extra = {});
  void on_heartbeat_reply(const HeartbeatReply& m);
  void accept_model(const tariff::YkcBillingModel& model, const char* via);
  void on_remote_start(const Frame& f, const RemoteStart& m);
  void on_remote_stop(const Frame& f, const RemoteStop& m);
  void on_record_ack(const TransactionRecordAck& m);
  void record_event(const PendingRecord& p, bool confirmed, const char* result);
  void on_lock_command(const Frame& f, const GroundLockCommand& m);

  // ---- sessions (ykc_pile_session.cpp)
  // ---------------------------------------------------------------------
  GroundLockStatus lock_status(const Gun& g) const;
  int64_t session_energy(const Gun& g, Clock::time_point now) const;
  RealtimeData realtime(const Gun& g) const;
  void send_realtime(Gun& g, Clock::time_point now);
  // `extra`: fields added to the event (a card start: card, balance, authMs)
  void start_event(const Gun& g, const char* via, const Serial& serial, const char* result, int reason = -1,
                   json::object extra = {});
  void start_charging(Gun& g, const Serial& serial, uint8_t start_type, const PhysicalCard& card,
                      const Vin& vin, const char* via, json::object extra = {});
  void end_session(Gun& g, uint8_t stop_reason);
  RealtimeData realtime_at_end(const Gun& g, int64_t energy) const;
  BmsDemand bms_demand(const Gun& g) const;

  // ---- card and VIN starts, card lists (ykc_pile_cards.cpp) -----------------------------------------------
  void send_start_request(Gun& g, uint8_t mode);
  void on_start_reply(const StartRequestReply& m);
  void on_balance_update(const Frame& f, const BalanceUpdate& m);
  void on_offline_cards(const Frame& f);
  Gun* free_gun();
  // Sends the card / VIN start that is due at `now` (when a gun is free) and ends card sessions whose balance
  // is spent (stop reason 0x6E); returns when the next of these is due.
  Clock::time_point pile_starts(Clock::time_point now);
  const PhysicalCard& next_card();

  asio::io_context& ioc_;
  Shared& sh_;
  const YkcOptions& o_;
  PileCode code_;
  std::string code_str_;
  size_t index_;
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
  uint64_t swipes_ = 0;  // cards swiped so far: which card of the list is next
  bool reboot_now_ = false, reboot_pending_ = false;
  int64_t skew_ms_ = 0;
  std::string qr_prefix_;
  std::vector<PhysicalCard> offline_cards_;
  bool bench_wait_ = false;
  Clock::time_point bench_sent_{};
  std::vector<std::vector<uint8_t>> bench_bodies_;  // bench only: one 0x13 body per gun
};

}  // namespace zc::sim::ykcsim
