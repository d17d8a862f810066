#include "ocpp_sim.hpp"

#include <sys/resource.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/core/detail/base64.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <thread>

namespace zc::sim {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace json = boost::json;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

namespace {

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
      resets{0};
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

std::optional<Url> parse_url(const std::string& s) {
  const std::string scheme = "ws://";
  if (s.rfind(scheme, 0) != 0) return std::nullopt;
  std::string rest = s.substr(scheme.size());
  size_t slash = rest.find('/');
  std::string hostport = rest.substr(0, slash);
  Url u;
  u.path = slash == std::string::npos ? "" : rest.substr(slash);
  while (!u.path.empty() && u.path.back() == '/') u.path.pop_back();
  size_t colon = hostport.rfind(':');
  u.host = hostport.substr(0, colon);
  u.port = colon == std::string::npos ? "80" : hostport.substr(colon + 1);
  if (u.host.empty()) return std::nullopt;
  return u;
}

std::string iso_now() {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count();
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

Clock::duration secs(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

struct Shared {
  const OcppOptions& o;
  Url url;
  Stats stats;
  std::atomic<bool> stopping{false};
  std::atomic<bool> offline{false};  // SIGUSR1 … SIGUSR2: the network is lost
};

// One simulated charge point. All its work runs on its own strand.
class Device : public std::enable_shared_from_this<Device> {
 public:
  Device(asio::any_io_executor ex, Shared& sh, std::string code, bool charges)
      : ex_(ex),
        sh_(sh),
        o_(sh.o),
        code_(std::move(code)),
        charges_(charges),
        wake_(ex),
        reply_timer_(ex),
        conns_(static_cast<size_t>(sh.o.connectors + 1)) {}

  asio::awaitable<void> run(Clock::duration initial_delay) {
    auto self = shared_from_this();
    if (initial_delay.count() > 0) {
      wake_.expires_after(initial_delay);
      co_await wake_.async_wait(no_throw);
    }
    while (!sh_.stopping) {
      while (sh_.offline && !sh_.stopping) {  // no network: wait for SIGUSR2
        wake_.expires_after(std::chrono::milliseconds(100));
        co_await wake_.async_wait(no_throw);
      }
      if (sh_.stopping) break;
      co_await session();
      if (sh_.stopping) break;
      wake_.expires_after(secs(o_.reconnect_s));
      co_await wake_.async_wait(no_throw);
    }
  }

  // The main loop ends after the call in flight (its answer or timeout) and closes the connection.
  void stop() {
    asio::post(ex_, [self = shared_from_this()] { self->wake_.cancel(); });
  }

  // The network is lost: the TCP connection is cut without a WebSocket close; sessions keep running.
  void drop() {
    asio::post(ex_, [self = shared_from_this()] {
      if (!self->connected_ || !self->ws_) return;
      self->log("network lost (SIGUSR1)");
      beast::error_code ignored;
      beast::get_lowest_layer(*self->ws_).socket().close(ignored);
    });
  }

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

  void log(const char* fmt, const std::string& a = "", const std::string& b = "") {
    if (o_.quiet) return;
    std::fprintf(stderr, "[%s] ", code_.c_str());
    std::fprintf(stderr, fmt, a.c_str(), b.c_str());
    std::fprintf(stderr, "\n");
  }

  void close_ws() {
    if (closing_) return;
    closing_ = true;
    asio::co_spawn(
        ex_,
        [self = shared_from_this()]() -> asio::awaitable<void> {
          auto [ec] = co_await self->ws_->async_close(websocket::close_code::normal, no_throw);
          if (ec) {
            beast::error_code ignored;
            beast::get_lowest_layer(*self->ws_).socket().close(ignored);
          }
        },
        asio::detached);
  }

  void wake() { wake_.cancel(); }

  void send(std::string text) {
    if (!connected_) return;
    outq_.push_back(std::move(text));
    if (writing_) return;
    writing_ = true;
    asio::co_spawn(
        ex_,
        [self = shared_from_this()]() -> asio::awaitable<void> {
          while (!self->outq_.empty() && self->connected_) {
            auto [ec, n] = co_await self->ws_->async_write(asio::buffer(self->outq_.front()), no_throw);
            if (ec) break;
            self->outq_.pop_front();
          }
          self->outq_.clear();
          self->writing_ = false;
        },
        asio::detached);
  }

  // One outstanding CALL at a time; returns the CALLRESULT payload or nothing (error/timeout/closed).
  asio::awaitable<std::optional<json::object>> call(const char* action, const json::object& payload) {
    co_return co_await call_text(action, json::serialize(payload), true);
  }

  // The same with the payload as JSON text; without `want_result` the answer is not parsed (an empty
  // object on success): the closed-loop benchmark must not be limited by its own load generator.
  asio::awaitable<std::optional<json::object>> call_text(const char* action, std::string payload,
                                                         bool want_result) {
    if (!connected_) co_return std::nullopt;
    pending_id_ = std::to_string(++seq_);
    pending_done_ = false;
    pending_error_ = false;
    std::string frame;
    frame.reserve(payload.size() + pending_id_.size() + std::strlen(action) + 16);
    frame.append("[2,\"").append(pending_id_).append("\",\"").append(action).append("\",");
    frame.append(payload).append("]");
    ++sh_.stats.calls;
    auto t0 = Clock::now();
    send(std::move(frame));
    reply_timer_.expires_after(secs(o_.call_timeout_s));
    co_await reply_timer_.async_wait(no_throw);
    pending_id_.clear();
    if (!pending_done_) {
      if (connected_) {
        ++sh_.stats.timeouts;
        log("%s: no answer", action);
      } else {
        ++sh_.stats.lost;  // the connection dropped while the call was pending
      }
      co_return std::nullopt;
    }
    sh_.stats.latency(Clock::now() - t0);
    ++sh_.stats.results;
    if (pending_error_) {
      ++sh_.stats.call_errors;
      log("%s: CALLERROR %s", action, pending_text_);
      co_return std::nullopt;
    }
    if (!want_result) co_return json::object{};
    boost::system::error_code ec;
    json::value v = json::parse(pending_text_, ec);
    if (ec || !v.is_array() || v.as_array().size() != 3 || !v.as_array()[2].is_object())
      co_return std::nullopt;
    co_return std::move(v.as_array()[2].as_object());
  }

  asio::awaitable<void> status(int64_t connector, const char* st) {
    json::object p{
        {"connectorId", connector}, {"errorCode", "NoError"}, {"status", st}, {"timestamp", iso_now()}};
    co_await call("StatusNotification", p);
  }

  json::array meter_sample(int64_t connector, bool with_power, const char* context) {
    const Conn& c = conns_[static_cast<size_t>(connector)];
    json::array sv;
    char wh[32];  // 0.1 Wh resolution: an e-bike socket's register moves visibly within seconds
    std::snprintf(wh, sizeof wh, "%.1f", c.energy_wh);
    sv.push_back(json::object{
        {"value", wh}, {"context", context}, {"measurand", "Energy.Active.Import.Register"}, {"unit", "Wh"}});
    if (with_power) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", power_kw(c) * 1000.0);
      sv.push_back(json::object{
          {"value", buf}, {"context", context}, {"measurand", "Power.Active.Import"}, {"unit", "W"}});
    }
    return json::array{json::object{{"timestamp", iso_now()}, {"sampledValue", std::move(sv)}}};
  }

  asio::awaitable<void> meter_values(int64_t connector) {
    Conn& c = conns_[static_cast<size_t>(connector)];
    if (o_.bench) {  // formatted directly: the load generator stays cheap (same frame as below)
      char buf[512];
      int n = std::snprintf(
          buf, sizeof buf,
          "{\"connectorId\":%lld,\"meterValue\":[{\"timestamp\":\"%s\",\"sampledValue\":[{\"value\":\"%.1f\","
          "\"context\":\"Sample.Periodic\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"},"
          "{\"value\":\"%.1f\",\"context\":\"Sample.Periodic\",\"measurand\":\"Power.Active.Import\","
          "\"unit\":"
          "\"W\"}]}],\"transactionId\":%lld}",
          static_cast<long long>(connector), iso_now().c_str(), c.energy_wh, o_.power_kw * 1000.0,
          static_cast<long long>(c.tx));
      if (co_await call_text("MeterValues", std::string(buf, static_cast<size_t>(n)), false))
        ++sh_.stats.meter_values;
      co_return;
    }
    json::object p{{"connectorId", connector},
                   {"meterValue", meter_sample(connector, c.tx > 0, "Sample.Periodic")}};
    if (c.tx > 0) p["transactionId"] = c.tx;
    if (co_await call("MeterValues", p)) ++sh_.stats.meter_values;
  }

  asio::awaitable<void> start_session(int64_t connector, const std::string& id_tag, bool authorize) {
    Conn& c = conns_[static_cast<size_t>(connector)];
    if (c.tx > 0) co_return;
    co_await status(connector, "Preparing");
    if (authorize) {
      json::object a{{"idTag", id_tag}};
      auto r = co_await call("Authorize", a);
      if (!r || r->at("idTagInfo").at("status") != "Accepted") {
        log("idTag %s refused", id_tag);
        co_await status(connector, "Available");
        charge_at_.reset();
        co_return;
      }
    }
    json::object s{{"connectorId", connector},
                   {"idTag", id_tag},
                   {"meterStart", static_cast<int64_t>(c.energy_wh)},
                   {"timestamp", iso_now()}};
    auto r = co_await call("StartTransaction", s);
    if (!r) co_return;
    int64_t tx = r->at("transactionId").to_number<int64_t>();
    if (r->at("idTagInfo").at("status") != "Accepted") {
      log("StartTransaction refused (%s)", std::string(r->at("idTagInfo").at("status").as_string()));
      json::object stop{{"transactionId", tx},
                        {"meterStop", static_cast<int64_t>(c.energy_wh)},
                        {"timestamp", iso_now()},
                        {"reason", "DeAuthorized"}};
      co_await call("StopTransaction", stop);
      co_await status(connector, "Available");
      charge_at_.reset();
      co_return;
    }
    c.tx = tx;
    c.id_tag = id_tag;
    c.started = Clock::now();
    c.next_meter = Clock::now() + secs(o_.meter_interval_s);
    c.stop_at = Clock::now() + secs(o_.charge_duration_s);
    last_energy_at_ = Clock::now();
    ++sh_.stats.transactions;
    log("charging on connector %s (transaction %s)", std::to_string(connector), std::to_string(tx));
    co_await status(connector, "Charging");
  }

  // The session's power now: --power, after --power-drop-after the trickle of --power-drop.
  double power_kw(const Conn& c) const {
    if (o_.power_drop_after_s >= 0 && Clock::now() - c.started >= secs(o_.power_drop_after_s))
      return o_.power_drop_kw;
    return o_.power_kw;
  }

  void accumulate() {
    auto now = Clock::now();
    double h = std::chrono::duration<double>(now - last_energy_at_).count() / 3600.0;
    last_energy_at_ = now;
    for (auto& c : conns_)
      if (c.tx > 0) c.energy_wh += power_kw(c) * 1000.0 * h;
  }

  asio::awaitable<void> stop_session(int64_t connector, const char* reason) {
    Conn& c = conns_[static_cast<size_t>(connector)];
    if (c.tx <= 0) co_return;
    accumulate();
    json::object p{{"transactionId", c.tx},
                   {"idTag", c.id_tag},
                   {"meterStop", static_cast<int64_t>(c.energy_wh)},
                   {"timestamp", iso_now()},
                   {"reason", reason},
                   {"transactionData", meter_sample(connector, false, "Transaction.End")}};
    c.tx = 0;
    co_await call("StopTransaction", p);
    if (o_.repeat_stop) co_await call("StopTransaction", p);  // a retransmission: applied once
    co_await status(connector, "Finishing");
    co_await status(connector, "Available");  // unplugged
    log("session on connector %s stopped (%s)", std::to_string(connector), reason);
    if (o_.charge_after_s >= 0 && charges_ && connector == 1)
      charge_at_ = Clock::now() + secs(o_.charge_after_s);
  }

  // Answers a server CALL at once; follow-up work goes to the action queue of the main loop.
  void on_server_call(const std::string& id, const std::string& action, const json::value& payload) {
    ++sh_.stats.server_calls;
    const json::object empty;
    const json::object& p = payload.is_object() ? payload.as_object() : empty;
    auto num = [&](const char* k) -> int64_t {
      auto* v = p.if_contains(k);
      return v && v->is_number() ? v->to_number<int64_t>() : 0;
    };
    auto str = [&](const char* k) -> std::string {
      auto* v = p.if_contains(k);
      return v && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    json::object res;
    if (action == "Reset") {
      res["status"] = "Accepted";
      actions_.push_back({"reset", 0, 0, str("type")});
    } else if (action == "TriggerMessage") {
      std::string m = str("requestedMessage");
      bool ok =
          m == "Heartbeat" || m == "StatusNotification" || m == "BootNotification" || m == "MeterValues";
      res["status"] = ok ? "Accepted" : "NotImplemented";
      if (ok) actions_.push_back({"trigger:" + m, num("connectorId"), 0, ""});
    } else if (action == "ChangeConfiguration") {
      config_[str("key")] = str("value");
      res["status"] = "Accepted";
      log("configuration %s = %s", str("key"), str("value"));
    } else if (action == "GetConfiguration") {
      json::array keys;
      keys.push_back(json::object{{"key", "HeartbeatInterval"},
                                  {"readonly", false},
                                  {"value", std::to_string(static_cast<int64_t>(hb_s_))}});
      for (auto& [k, v] : config_)
        keys.push_back(json::object{{"key", k}, {"readonly", false}, {"value", v}});
      res["configurationKey"] = std::move(keys);
    } else if (action == "RemoteStartTransaction") {
      if (o_.remote_start == "silent") {  // a charge point that never answers (the platform times out)
        log("not answering %s", action);
        return;
      }
      int64_t c = num("connectorId");
      if (c <= 0) c = 1;
      bool free = c <= o_.connectors && conns_[static_cast<size_t>(c)].tx == 0;
      if (o_.remote_start == "refuse") free = false;
      res["status"] = free ? "Accepted" : "Rejected";
      if (free && o_.remote_start != "ignore") actions_.push_back({"remoteStart", c, 0, str("idTag")});
    } else if (action == "RemoteStopTransaction") {
      int64_t tx = num("transactionId");
      bool found = false;
      for (auto& c : conns_) found = found || (c.tx == tx && tx > 0);
      res["status"] = found ? "Accepted" : "Rejected";
      if (found) actions_.push_back({"remoteStop", 0, tx, ""});
    } else if (action == "UnlockConnector") {
      res["status"] = "Unlocked";
    } else if (action == "ChangeAvailability" || action == "ClearCache") {
      res["status"] = "Accepted";
    } else if (action == "DataTransfer") {
      res["status"] = "UnknownVendorId";
    } else if (action == "GetLocalListVersion") {
      res["listVersion"] = 0;
    } else if (action == "SendLocalList") {
      res["status"] = "NotSupported";
    } else if (action == "ReserveNow") {
      res["status"] = "Rejected";
    } else if (action == "CancelReservation" || action == "SetChargingProfile" ||
               action == "GetCompositeSchedule") {
      res["status"] = "Rejected";
    } else if (action == "ClearChargingProfile") {
      res["status"] = "Unknown";
    } else if (action == "UpdateFirmware") {
    } else if (action == "GetDiagnostics") {
    } else {
      json::array err{4, json::string(id), "NotImplemented", json::string("not simulated: " + action),
                      json::object{}};
      send(json::serialize(err));
      return;
    }
    json::array frame{3, json::string(id), std::move(res)};
    send(json::serialize(frame));
    log("answered %s", action);
    wake();
  }

  // Closed loop: a transaction on connector 1, then MeterValues back-to-back until the end. Server calls
  // are answered by the reader meanwhile (their follow-up actions are not simulated in this mode).
  asio::awaitable<void> bench() {
    co_await start_session(1, o_.id_tag, false);
    while (connected_ && !sh_.stopping) {
      accumulate();
      co_await meter_values(1);
    }
  }

  asio::awaitable<void> reader() {
    auto self = shared_from_this();
    beast::flat_buffer buf;
    for (;;) {
      auto [ec, n] = co_await ws_->async_read(buf, no_throw);
      if (ec) break;
      std::string text = beast::buffers_to_string(buf.data());
      buf.consume(buf.size());
      // Fast path: the answer to the pending call is kept as text (call_text parses it if wanted).
      if (text.rfind("[3,\"", 0) == 0 && !pending_done_ && !pending_id_.empty()) {
        size_t q = text.find('"', 4);
        if (q != std::string::npos && std::string_view(text).substr(4, q - 4) == pending_id_) {
          pending_done_ = true;
          pending_error_ = false;
          pending_text_ = std::move(text);
          reply_timer_.cancel();
          continue;
        }
      }
      boost::system::error_code jec;
      json::value v = json::parse(text, jec);
      if (jec || !v.is_array() || v.as_array().size() < 3 || !v.as_array()[1].is_string()) {
        log("unparsable frame from the server: %s", text.substr(0, 200));
        continue;
      }
      auto& a = v.as_array();
      int64_t type = a[0].is_number() ? a[0].to_number<int64_t>() : 0;
      std::string id(a[1].as_string());
      if (type == 2 && a.size() == 4 && a[2].is_string()) {
        on_server_call(id, std::string(a[2].as_string()), a[3]);
      } else if ((type == 3 || type == 4) && id == pending_id_ && !pending_done_) {
        pending_done_ = true;
        pending_error_ = type == 4;
        pending_text_ = std::move(text);
        reply_timer_.cancel();
      }
    }
    if (!closing_) ++sh_.stats.drops;
    connected_ = false;
    reply_timer_.cancel();
    wake();
  }

  asio::awaitable<bool> connect() {
    ws_ = std::make_unique<websocket::stream<beast::tcp_stream>>(ex_);
    closing_ = false;
    tcp::resolver resolver(ex_);
    auto [rec, eps] = co_await resolver.async_resolve(sh_.url.host, sh_.url.port, no_throw);
    if (rec) co_return false;
    auto& tcp_layer = beast::get_lowest_layer(*ws_);
    tcp_layer.expires_after(std::chrono::seconds(10));
    auto [cec, ep] = co_await tcp_layer.async_connect(eps, no_throw);
    if (cec) co_return false;
    tcp_layer.expires_never();
    ws_->set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    std::string auth;
    if (!o_.password.empty()) {
      std::string plain = code_ + ":" + o_.password;
      std::string enc(beast::detail::base64::encoded_size(plain.size()), '\0');
      enc.resize(beast::detail::base64::encode(enc.data(), plain.data(), plain.size()));
      auth = "Basic " + enc;
    }
    ws_->set_option(websocket::stream_base::decorator([auth](websocket::request_type& r) {
      r.set(beast::http::field::sec_websocket_protocol, "ocpp1.6");
      r.set(beast::http::field::user_agent, "zhichong-sim");
      if (!auth.empty()) r.set(beast::http::field::authorization, auth);
    }));
    websocket::response_type res;
    std::string target = sh_.url.path + "/" + code_;
    std::string host = sh_.url.host + ":" + sh_.url.port;
    auto [hec] = co_await ws_->async_handshake(res, host, target, no_throw);
    if (hec) {
      log("upgrade refused: %s (HTTP %s)", hec.message(), std::to_string(res.result_int()));
      co_return false;
    }
    if (res[beast::http::field::sec_websocket_protocol] != "ocpp1.6") {
      log("server did not accept subprotocol ocpp1.6");
      co_return false;
    }
    ws_->text(true);
    co_return true;
  }

  asio::awaitable<void> session() {
    if (!co_await connect()) {
      ++sh_.stats.connect_failures;
      co_return;
    }
    ++sh_.stats.connects;
    ++sh_.stats.online;
    connected_ = true;
    actions_.clear();
    asio::co_spawn(ex_, reader(), asio::detached);
    log("connected");
    // Boot until accepted.
    hb_s_ = o_.heartbeat_s > 0 ? o_.heartbeat_s : 60;
    for (;;) {
      json::object b{{"chargePointVendor", "ZhiChong"},
                     {"chargePointModel", "SIM-OCPP"},
                     {"chargePointSerialNumber", code_},
                     {"firmwareVersion", "sim-1.0"}};
      auto r = co_await call("BootNotification", b);
      if (!connected_ || sh_.stopping) break;
      if (r && r->at("status") == "Accepted") {
        ++sh_.stats.boots;
        if (o_.heartbeat_s <= 0 && r->at("interval").to_number<int64_t>() > 0)
          hb_s_ = static_cast<double>(r->at("interval").to_number<int64_t>());
        break;
      }
      wake_.expires_after(std::chrono::seconds(5));
      co_await wake_.async_wait(no_throw);
    }
    for (int64_t c = 0; c <= o_.connectors && connected_; ++c)
      co_await status(c, conns_[static_cast<size_t>(c)].tx > 0 ? "Charging" : "Available");
    auto next_hb = Clock::now() + secs(hb_s_);
    bool reset = false;
    if (o_.charge_after_s >= 0 && charges_ && conns_[1].tx == 0)
      charge_at_ = Clock::now() + secs(o_.charge_after_s);
    if (o_.bench) {
      co_await bench();
      reset = false;
    }
    last_energy_at_ = Clock::now();
    while (connected_ && !sh_.stopping && !reset) {
      while (!actions_.empty() && connected_) {
        Action a = std::move(actions_.front());
        actions_.pop_front();
        if (a.kind == "reset") {
          ++sh_.stats.resets;
          for (int64_t c = 1; c <= o_.connectors; ++c)
            co_await stop_session(c, a.id_tag == "Hard" ? "HardReset" : "SoftReset");
          reset = true;
          break;
        } else if (a.kind == "trigger:Heartbeat") {
          co_await call("Heartbeat", empty_);
          next_hb = Clock::now() + secs(hb_s_);
        } else if (a.kind == "trigger:StatusNotification") {
          for (int64_t c = a.connector > 0 ? a.connector : 0;
               c <= (a.connector > 0 ? a.connector : o_.connectors); ++c)
            co_await status(c, conns_[static_cast<size_t>(c)].tx > 0 ? "Charging" : "Available");
        } else if (a.kind == "trigger:MeterValues") {
          accumulate();
          co_await meter_values(a.connector > 0 ? a.connector : 1);
        } else if (a.kind == "trigger:BootNotification") {
          json::object b{{"chargePointVendor", "ZhiChong"}, {"chargePointModel", "SIM-OCPP"}};
          co_await call("BootNotification", b);
        } else if (a.kind == "remoteStart") {
          co_await start_session(a.connector, a.id_tag, false);
        } else if (a.kind == "remoteStop") {
          for (int64_t c = 1; c <= o_.connectors; ++c)
            if (conns_[static_cast<size_t>(c)].tx == a.tx) co_await stop_session(c, "Remote");
        }
      }
      if (reset || !connected_) break;
      auto now = Clock::now();
      if (now >= next_hb) {
        co_await call("Heartbeat", empty_);
        next_hb = Clock::now() + secs(hb_s_);
      }
      if (charge_at_ && now >= *charge_at_) {
        charge_at_.reset();
        co_await start_session(1, o_.id_tag, true);
      }
      accumulate();
      for (int64_t c = 1; c <= o_.connectors && connected_; ++c) {
        Conn& cn = conns_[static_cast<size_t>(c)];
        if (cn.tx <= 0) continue;
        if (Clock::now() >= cn.stop_at) {
          co_await stop_session(c, "EVDisconnected");
        } else if (Clock::now() >= cn.next_meter) {
          cn.next_meter = Clock::now() + secs(o_.meter_interval_s);
          co_await meter_values(c);
        }
      }
      // Sleep until the next thing is due (or a server call wakes us).
      auto due = next_hb;
      if (charge_at_) due = std::min(due, *charge_at_);
      for (auto& cn : conns_)
        if (cn.tx > 0) due = std::min({due, cn.next_meter, cn.stop_at});
      if (!actions_.empty()) continue;
      wake_.expires_at(due);
      co_await wake_.async_wait(no_throw);
    }
    if (reset) log("rebooting (Reset)");
    if (connected_) {
      close_ws();
      while (connected_) {  // the reader ends when the close completes
        wake_.expires_after(std::chrono::milliseconds(20));
        co_await wake_.async_wait(no_throw);
      }
    }
    --sh_.stats.online;
    ++sh_.stats.disconnects;
    log("disconnected");
  }

  asio::any_io_executor ex_;
  Shared& sh_;
  const OcppOptions& o_;
  std::string code_;
  bool charges_;  // runs local sessions (--charge-after, --charging-fraction)
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

}  // namespace

int run_ocpp(const OcppOptions& o) {
  auto url = parse_url(o.url);
  if (!url) {
    std::fprintf(stderr, "ocpp: --url must be ws://host[:port]/path\n");
    return 2;
  }
  // Each simulated device holds a socket: raise the open-file limit to the hard limit.
  if (rlimit l{}; getrlimit(RLIMIT_NOFILE, &l) == 0 && l.rlim_cur < l.rlim_max) {
    l.rlim_cur = l.rlim_max;
    setrlimit(RLIMIT_NOFILE, &l);
  }
  Shared sh{o, *url};
  asio::io_context ioc(static_cast<int>(std::max<int64_t>(1, o.threads)));
  std::vector<std::shared_ptr<Device>> devices;
  for (int64_t i = 0; i < o.devices; ++i) {
    std::string code;
    if (!o.codes.empty()) {
      code = o.codes[static_cast<size_t>(i)];
    } else {
      std::string n = std::to_string(o.start + i);
      int64_t width =
          o.width > 0 ? o.width : std::max<int64_t>(1, 14 - static_cast<int64_t>(o.prefix.size()));
      if (static_cast<int64_t>(n.size()) < width)
        n = std::string(static_cast<size_t>(width) - n.size(), '0') + n;
      code = o.prefix + n;
    }
    // --charging-fraction: spread evenly over the devices (0.3: 3 of every 10)
    bool charges = std::floor(static_cast<double>(i + 1) * o.charging_fraction) >
                   std::floor(static_cast<double>(i) * o.charging_fraction);
    auto d = std::make_shared<Device>(asio::make_strand(ioc), sh, code, charges);
    devices.push_back(d);
    auto delay = o.devices > 1 ? secs(o.ramp_s * static_cast<double>(i) / static_cast<double>(o.devices))
                               : Clock::duration{};
    asio::co_spawn(asio::make_strand(ioc), d->run(delay), asio::detached);
  }
  auto t0 = Clock::now();
  auto stop_all = [&] {
    if (sh.stopping.exchange(true)) return;
    for (auto& d : devices) d->stop();
  };
  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code ec, int) {
    if (!ec) stop_all();
  });
  // SIGUSR1: network lost; SIGUSR2: back (see OcppOptions).
  asio::signal_set net_signals(ioc, SIGUSR1, SIGUSR2);
  std::function<void()> arm_net = [&] {
    net_signals.async_wait([&](beast::error_code ec, int sig) {
      if (ec) return;
      sh.offline = sig == SIGUSR1;
      if (sig == SIGUSR1)
        for (auto& d : devices) d->drop();
      arm_net();
    });
  };
  arm_net();
  asio::steady_timer end(ioc);
  if (o.duration_s > 0) {
    end.expires_after(secs(o.duration_s));
    end.async_wait([&](beast::error_code ec) {
      if (!ec) stop_all();
    });
  }
  asio::steady_timer warmup(ioc);
  if (o.warmup_s > 0) {
    warmup.expires_after(secs(o.warmup_s));
    warmup.async_wait([&](beast::error_code ec) {
      if (ec) return;
      sh.stats.restart_window();
      t0 = Clock::now();
    });
  }
  asio::steady_timer stats_timer(ioc);
  std::function<void()> arm_stats = [&] {
    if (o.stats_s <= 0 || sh.stopping) return;
    stats_timer.expires_after(secs(o.stats_s));
    stats_timer.async_wait([&](beast::error_code ec) {
      if (ec) return;
      std::printf("%s\n",
                  json::serialize(sh.stats.to_json(std::chrono::duration<double>(Clock::now() - t0).count()))
                      .c_str());
      std::fflush(stdout);
      arm_stats();
    });
  };
  arm_stats();
  // Once stopping, the timers above are cancelled so that run() returns when the devices are done.
  asio::steady_timer watch(ioc);
  std::function<void()> arm_watch = [&] {
    watch.expires_after(std::chrono::milliseconds(50));
    watch.async_wait([&](beast::error_code) {
      if (sh.stopping) {
        signals.cancel();
        net_signals.cancel();
        end.cancel();
        warmup.cancel();
        stats_timer.cancel();
        return;
      }
      arm_watch();
    });
  };
  arm_watch();
  std::vector<std::thread> threads;
  for (int64_t i = 1; i < o.threads; ++i) threads.emplace_back([&] { ioc.run(); });
  ioc.run();
  for (auto& t : threads) t.join();
  json::object summary = sh.stats.to_json(std::chrono::duration<double>(Clock::now() - t0).count());
  summary["devices"] = o.devices;
  std::printf("%s\n", json::serialize(summary).c_str());
  std::fflush(stdout);
  return 0;
}

}  // namespace zc::sim
