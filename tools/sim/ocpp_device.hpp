#pragma once
// zhichong-sim ocpp, inside: one simulated OCPP 1.6J charge point (a car pile, or an e-bike device with one
// connector per socket) and what all devices of one run share. Private to tools/sim; run_ocpp (ocpp_sim.cpp)
// creates and runs the devices. Every device runs on its own strand. The device is defined in parts:
// ocpp_device_link.cpp (WebSocket, calls, the main loop), ocpp_device_session.cpp (transactions, meter
// values, idTags) and ocpp_device_commands.cpp (the central system's calls).
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "ocpp_sim.hpp"

namespace zc::sim::ocppsim {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace json = boost::json;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
inline constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

inline Clock::duration secs(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}
std::string iso_now();  // UTC, milliseconds: 2026-12-07T12:00:00.000Z

// Latency histogram: 16 sub-buckets per power of two of µs (≤ 6 % error), lock-free.
struct Histogram {
  static constexpr int kSub = 16, kBuckets = 40 * kSub;
  std::atomic<uint64_t> n[kBuckets]{};
  static int index(uint64_t us) {
    if (us < kSub) return static_cast<int>(us);
    int log = 63 - __builtin_clzll(us);  // ≥ 4
    int sub = static_cast<int>((us >> (log - 4)) & (kSub - 1));
    return std::min(kBuckets - 1, (log - 3) * kSub + sub);
  }
  static double upper_ms(int i) {  // upper bound of bucket i
    if (i < kSub) return (i + 1) / 1000.0;
    int log = i / kSub + 3, sub = i % kSub;
    return static_cast<double>(static_cast<uint64_t>(kSub + sub + 1) << (log - 4)) / 1000.0;
  }
  void add(uint64_t us) { ++n[index(us)]; }
  void reset() {
    for (auto& b : n) b = 0;
  }
  double percentile(double p) const {
    uint64_t total = 0;
    for (auto& b : n) total += b;
    if (total == 0) return 0;
    uint64_t want = static_cast<uint64_t>(std::ceil(p * static_cast<double>(total))), seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
      seen += n[i];
      if (seen >= want) return upper_ms(i);
    }
    return 0;
  }
};

struct Stats {
  std::atomic<uint64_t> connects{0}, connect_failures{0}, disconnects{0}, drops{0}, boots{0}, calls{0},
      results{0}, call_errors{0}, timeouts{0}, lost{0}, server_calls{0}, meter_values{0}, transactions{0},
      resets{0}, authorized{0}, auth_refused{0};
  std::atomic<uint64_t> lat_sum_us{0};
  Histogram lat;
  std::atomic<int64_t> online{0};

  void latency(Clock::duration d) {
    auto us = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(d).count());
    lat_sum_us += us;
    lat.add(us);
  }
  // The measurement window starts now (bench warm-up over): throughput and latency from here on.
  void restart_window() {
    results = 0;
    meter_values = 0;
    lat_sum_us = 0;
    lat.reset();
  }
  json::object to_json(double elapsed_s) const {
    json::object o;
    o["elapsedS"] = elapsed_s;
    o["online"] = online.load();
    o["connects"] = connects.load();
    o["connectFailures"] = connect_failures.load();
    o["disconnects"] = disconnects.load();
    o["drops"] = drops.load();  // connections the server ended
    o["boots"] = boots.load();
    o["calls"] = calls.load();
    o["results"] = results.load();
    o["callErrors"] = call_errors.load();
    o["timeouts"] = timeouts.load();
    o["unanswered"] = timeouts.load() + lost.load();  // no answer: timed out or the connection dropped
    o["serverCalls"] = server_calls.load();
    o["meterValues"] = meter_values.load();
    o["transactions"] = transactions.load();
    o["resets"] = resets.load();
    o["authorized"] = authorized.load();  // Authorize of local sessions: Accepted / not
    o["authRefused"] = auth_refused.load();
    o["callsPerS"] = elapsed_s > 0 ? static_cast<double>(results.load()) / elapsed_s : 0.0;
    o["latencyMeanMs"] =
        results ? static_cast<double>(lat_sum_us.load()) / 1000.0 / static_cast<double>(results.load()) : 0.0;
    o["latencyP50Ms"] = lat.percentile(0.5);
    o["latencyP99Ms"] = lat.percentile(0.99);
    o["latencyP999Ms"] = lat.percentile(0.999);
    return o;
  }
};

struct Url {
  std::string host, port, path;
};

struct Shared {
  const OcppOptions& o;
  Url url;
  std::vector<std::string> id_tags;  // of local sessions (--id-tags, else --id-tag); never empty
  size_t device_count = 1;
  Stats stats;
  std::atomic<bool> stopping{false};
  std::atomic<bool> offline{false};  // SIGUSR1 … SIGUSR2: the network is lost
};

// One simulated charge point. All its work runs on its own strand.
class Device : public std::enable_shared_from_this<Device> {
 public:
  // `index`: the device's place in the run (0 …): which idTag of the list its first local session uses.
  Device(asio::any_io_executor ex, Shared& sh, std::string code, size_t index, bool charges)
      : ex_(ex),
        sh_(sh),
        o_(sh.o),
        code_(std::move(code)),
        index_(index),
        charges_(charges),
        rng_(static_cast<unsigned>(std::hash<std::string>{}(code_))),
        wake_(ex),
        reply_timer_(ex),
        conns_(static_cast<size_t>(sh.o.connectors + 1)) {}

  asio::awaitable<void> run(Clock::duration initial_delay);
  // The main loop ends after the call in flight (its answer or timeout) and closes the connection.
  void stop();
  // The network is lost: the TCP connection is cut without a WebSocket close; sessions keep running.
  void drop();

 private:
  struct Conn {
    int64_t tx = 0;  // > 0 charging
    double energy_wh = 0;
    Clock::time_point next_meter{}, stop_at{};
    std::string id_tag;
    Clock::time_point started{};
  };
  struct Action {
    std::string kind;  // trigger:<msg>, remoteStart, remoteStop, reset
    int64_t connector = 0;
    int64_t tx = 0;
    std::string id_tag;
  };

  void log(const char* fmt, const std::string& a = "", const std::string& b = "");
  void wake() { wake_.cancel(); }

  // ---- the connection (ocpp_device_link.cpp)
  // ---------------------------------------------------------------
  void close_ws();
  void send(std::string text);
  // One outstanding CALL at a time; returns the CALLRESULT payload or nothing (error/timeout/closed).
  asio::awaitable<std::optional<json::object>> call(const char* action, const json::object& payload) {
    co_return co_await call_text(action, json::serialize(payload), true);
  }
  // The same with the payload as JSON text; without `want_result` the answer is not parsed (an empty
  // object on success): the closed-loop benchmark must not be limited by its own load generator.
  asio::awaitable<std::optional<json::object>> call_text(const char* action, std::string payload,
                                                         bool want_result);
  asio::awaitable<void> reader();
  asio::awaitable<bool> connect();
  asio::awaitable<void> session();

  // ---- transactions (ocpp_device_session.cpp) ------------------------------------------------------------
  asio::awaitable<void> status(int64_t connector, const char* st);
  json::array meter_sample(int64_t connector, bool with_power, const char* context);
  asio::awaitable<void> meter_values(int64_t connector);
  asio::awaitable<void> start_session(int64_t connector, const std::string& id_tag, bool authorize);
  // The session's power now: --power, after --power-drop-after the trickle of --power-drop.
  double power_kw(const Conn& c) const;
  void accumulate();
  asio::awaitable<void> stop_session(int64_t connector, const char* reason);
  // The next local session (--charge-after) of a device that runs them, --charge-after s from now.
  void next_local_session();
  const std::string& next_id_tag();
  // Closed loop: a transaction on connector 1, then MeterValues back-to-back until the end. Server calls
  // are answered by the reader meanwhile (their follow-up actions are not simulated in this mode).
  asio::awaitable<void> bench();

  // ---- the central system's calls (ocpp_device_commands.cpp) ---------------------------------------------
  // Answers a server CALL at once; follow-up work goes to the action queue of the main loop.
  void on_server_call(const std::string& id, const std::string& action, const json::value& payload);
  // Runs one queued action in the main loop; true when it was a reset (the connection ends).
  asio::awaitable<bool> run_action(const Action& a, Clock::time_point& next_hb);

  asio::any_io_executor ex_;
  Shared& sh_;
  const OcppOptions& o_;
  std::string code_;
  size_t index_;
  bool charges_;  // runs local sessions (--charge-after, --charging-fraction)
  std::minstd_rand rng_;
  uint64_t sessions_ = 0;  // local sessions tried: which idTag of the list is next
  std::unique_ptr<websocket::stream<beast::tcp_stream>> ws_;
  asio::steady_timer wake_, reply_timer_;
  bool connected_ = false, closing_ = false, writing_ = false;
  std::deque<std::string> outq_;
  std::string pending_id_;
  bool pending_done_ = false, pending_error_ = false;
  std::string pending_text_;  // the answer frame of the pending call
  uint64_t seq_ = 0;
  std::vector<Conn> conns_;
  std::deque<Action> actions_;
  std::optional<Clock::time_point> charge_at_;
  Clock::time_point last_energy_at_{};
  double hb_s_ = 60;
  std::map<std::string, std::string> config_;
  const json::object empty_;
};

}  // namespace zc::sim::ocppsim
