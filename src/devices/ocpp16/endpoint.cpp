#include "devices/ocpp16/endpoint.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <charconv>
#include <cmath>
#include <deque>

#include "core/clock.hpp"
#include "devices/device_password.hpp"
#include "devices/ocpp16/frame.hpp"
#include "devices/ocpp16/messages.hpp"
#include "storage/repositories/device_repo.hpp"

namespace zc::devices::ocpp16 {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
using Reply = std::variant<json::object, CallError>;
constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);
constexpr int kMaxBadFrames = 20;  // malformed frames per minute before the connection is closed
constexpr const char* kProtocol = "ocpp1.6";

// OCPP ChargePointStatus → car gun state (docs/api-car.md: offline, idle, plugged, charging, fault) or
// e-bike socket state (docs/api-bike.md: offline, idle, charging, fault — a plugged socket is idle).
static std::string connector_state(DeviceKind kind, const std::string& status) {
  if (status == "Available" || status == "Reserved") return "idle";
  if (status == "Preparing" || status == "Finishing")
    return kind == DeviceKind::bike_device ? "idle" : "plugged";
  if (status == "Charging" || status == "SuspendedEV" || status == "SuspendedEVSE") return "charging";
  return "fault";  // Faulted, Unavailable
}

static DeviceKind kind_of(const db::dev::DeviceIdentity& d) {
  return d.kind == "bike_device" ? DeviceKind::bike_device : DeviceKind::car_pile;
}

struct OcppEndpoint::Impl : std::enable_shared_from_this<OcppEndpoint::Impl> {
  explicit Impl(EndpointDeps deps) : d(deps), pool(2) {}
  EndpointDeps d;
  asio::thread_pool pool;  // blocking work (database) of the sessions
  std::atomic<bool> stopping{false};
  std::atomic<size_t> live{0};  // sessions running (the server waits for them on shutdown)

  // Runs f() on the pool and resumes the awaiting coroutine on its own executor with the result (or
  // its exception). Callers pass a named lambda: GCC 12 relocates temporaries of a co_await operand
  // bitwise (a std::string captured by a temporary lambda was later freed from inside the frame).
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

  asio::awaitable<void> handle(http::UpgradeRequest& up);
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

std::optional<int64_t> to_int(const std::string& s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> to_double(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

class Session final : public DeviceSession, public std::enable_shared_from_this<Session> {
 public:
  Session(std::shared_ptr<OcppEndpoint::Impl> ep, beast::tcp_stream&& s, db::dev::DeviceIdentity dev,
          std::string remote)
      : ep_(std::move(ep)),
        ws_(std::move(s)),
        timer_(ws_.get_executor()),
        dev_(std::move(dev)),
        key_{kind_of(dev_), dev_.id},
        ref_{kind_of(dev_), dev_.id, dev_.code},
        remote_(std::move(remote)) {}

  const char* protocol() const override { return "ocpp16"; }
  asio::any_io_executor executor() { return ws_.get_executor(); }

  void command(const Command& cmd, std::chrono::milliseconds timeout,
               std::function<void(CommandReply)> done) override {
    asio::post(ws_.get_executor(),
               [self = shared_from_this(), cmd, timeout, done = std::move(done)]() mutable {
                 self->enqueue(cmd, timeout, std::move(done));
               });
  }

  void close(const std::string& reason) override {
    asio::post(ws_.get_executor(), [self = shared_from_this(), reason] {
      self->start_close(websocket::close_code::going_away, reason);
    });
  }

  asio::awaitable<void> run(bhttp::request<bhttp::string_body> req) {
    auto self = shared_from_this();
    const auto& cfg = ep_->d.cfg.ocpp;
    ws_.set_option(websocket::stream_base::timeout{
        std::chrono::seconds(30), std::chrono::seconds(std::max<int64_t>(2, cfg.idle_timeout_s)), true});
    ws_.set_option(websocket::stream_base::decorator([](websocket::response_type& r) {
      r.set(bhttp::field::server, "zhichong");
      r.set(bhttp::field::sec_websocket_protocol, kProtocol);
    }));
    ws_.read_message_max(static_cast<size_t>(std::max<int64_t>(1024, cfg.max_frame_bytes)));
    ws_.control_callback([this](websocket::frame_type kind, beast::string_view) {
      if (kind != websocket::frame_type::close) seen();  // pongs (and pings) count as "last seen"
    });
    auto [ec] = co_await ws_.async_accept(req, no_throw);
    req = {};  // the upgrade request's headers are not needed for the connection's lifetime
    if (ec) co_return;
    ws_.text(true);
    int64_t now = now_ms();
    touch(now);
    if (auto old = ep_->d.registry.attach(key_, self, dev_.code, remote_, now))
      old->close("replaced by a new connection");
    ep_->d.state.online(key_, protocol(), remote_, now);
    spdlog::info("ocpp: {} connected from {}", dev_.code, remote_);
    if (ep_->stopping) start_close(websocket::close_code::going_away, "server shutting down");

    beast::flat_buffer buf;
    std::string reason = "connection closed";
    for (;;) {
      auto [rec, n] = co_await ws_.async_read(buf, no_throw);
      if (rec) {
        reason = rec == websocket::error::closed            ? "closed by the charger"
                 : rec == beast::error::timeout             ? "no frame or pong within ocpp.idle_timeout_s"
                 : rec == websocket::error::message_too_big ? "frame larger than ocpp.max_frame_bytes"
                                                            : rec.message();
        if (closing_) reason = close_reason_;
        break;
      }
      seen();
      std::string text = beast::buffers_to_string(buf.data());
      buf.consume(buf.size());
      co_await on_text(text);
      if (closing_) {
        reason = close_reason_;
        // let the close handshake finish (the read completes with `closed`)
      }
    }
    finish(reason);
  }

 private:
  struct Pending {
    Command cmd;
    OutboundCall call;
    std::function<void(CommandReply)> done;
    std::chrono::steady_clock::time_point deadline;
    std::string msg_id;
    uint64_t gen = 0;
  };

  void seen() {
    int64_t now = now_ms();
    touch(now);
    ep_->d.state.seen(key_, now);
  }

  // The log keeps the text and the kind; action and message id are read from the text when viewed.
  void log(bool inbound, const char* type, const std::string& /*action*/, const std::string& /*id*/,
           const std::string& text) {
    if (!ep_->d.messages.logs_ocpp()) return;
    std::string_view t = type;
    auto kind = t == "CALL"         ? LoggedKind::ocpp_call
                : t == "CALLRESULT" ? LoggedKind::ocpp_result
                : t == "CALLERROR"  ? LoggedKind::ocpp_error
                                    : LoggedKind::ocpp_invalid;
    ep_->d.messages.add_ocpp(key_, now_ms(), inbound, kind, text);
  }

  void send(std::string text, const char* type, const std::string& action, const std::string& id) {
    if (closed_) return;
    log(false, type, action, id, text);
    outq_.push_back(std::move(text));
    if (writing_) return;
    writing_ = true;
    asio::co_spawn(
        ws_.get_executor(),
        [self = shared_from_this()]() -> asio::awaitable<void> {
          while (!self->outq_.empty() && !self->closed_) {
            auto [ec, n] = co_await self->ws_.async_write(asio::buffer(self->outq_.front()), no_throw);
            if (ec) {
              self->outq_.clear();
              break;
            }
            self->outq_.pop_front();
          }
          self->writing_ = false;
        },
        asio::detached);
  }

  void start_close(websocket::close_code code, const std::string& reason) {
    if (closing_ || closed_) return;
    closing_ = true;
    close_reason_ = reason;
    asio::co_spawn(
        ws_.get_executor(),
        [self = shared_from_this(), code, reason]() -> asio::awaitable<void> {
          websocket::close_reason cr(code);
          cr.reason = reason.substr(0, 120);
          auto [ec] = co_await self->ws_.async_close(cr, no_throw);
          if (ec) {
            beast::error_code ignored;
            beast::get_lowest_layer(self->ws_).socket().close(ignored);
          }
        },
        asio::detached);
  }

  void finish(const std::string& reason) {
    closed_ = true;
    timer_.cancel();
    if (inflight_) {
      auto done = std::move(inflight_->done);
      inflight_.reset();
      done({CommandResult::offline, "connection closed before the answer"});
    }
    for (auto& p : cmdq_) p.done({CommandResult::offline, "connection closed"});
    cmdq_.clear();
    if (ep_->d.registry.detach(key_, this)) ep_->d.state.offline(key_, protocol(), reason, now_ms());
    spdlog::info("ocpp: {} disconnected: {}", dev_.code, reason);
  }

  // ---- outbound commands ------------------------------------------------------------------------
  std::variant<OutboundCall, CommandReply> translate(const Command& c) {
    auto arg = [&](const char* k) -> std::string {
      auto it = c.args.find(k);
      return it == c.args.end() ? std::string() : it->second;
    };
    auto bad = [&](const std::string& m) { return CommandReply{CommandResult::rejected, m}; };
    auto vendor_key = [&](const char* key, const char* a) -> std::variant<OutboundCall, CommandReply> {
      std::string v = arg(a);
      if (v.empty()) return bad(std::string(a) + " missing");
      return to_call(ChangeConfigurationReq{key, v});
    };
    const std::string& n = c.name;
    if (n == "reboot") return to_call(ResetReq{arg("type") == "Hard" ? "Hard" : "Soft"});
    if (n == "clockSync") return to_call(TriggerMessageReq{"Heartbeat", {}});
    if (n == "refresh") return to_call(TriggerMessageReq{"StatusNotification", {}});
    if (n == "tariffSync") return vendor_key("ZhichongTariffModel", "modelNo");
    if (n == "qrSync") return vendor_key("ZhichongQrUrls", "qrUrls");
    if (n == "hotlineSync") return vendor_key("ZhichongHotline", "hotline");
    if (n == "changeConfiguration") {
      if (arg("key").empty()) return bad("key missing");
      return to_call(ChangeConfigurationReq{arg("key"), arg("value")});
    }
    if (n == "remoteStart") {
      RemoteStartTransactionReq r;
      r.id_tag = arg("idTag");
      if (r.id_tag.empty()) return bad("idTag missing");
      if (!arg("connectorId").empty()) {
        auto v = to_int(arg("connectorId"));
        if (!v || *v <= 0) return bad("connectorId must be a positive integer");
        r.connector_id = v;
      }
      ep_->d.charging.expect_remote_start(ref_, r.id_tag);
      return to_call(r);
    }
    if (n == "remoteStop") {
      auto v = to_int(arg("transactionId"));
      if (!v) return bad("transactionId must be an integer");
      return to_call(RemoteStopTransactionReq{*v});
    }
    if (n == "unlock") {
      auto v = to_int(arg("connectorId"));
      if (!v || *v <= 0) return bad("connectorId must be a positive integer");
      return to_call(UnlockConnectorReq{*v});
    }
    if (n == "changeAvailability") {
      auto v = to_int(arg("connectorId"));
      if (!v || *v < 0) return bad("connectorId must be an integer ≥ 0");
      return to_call(ChangeAvailabilityReq{*v, arg("type") == "Inoperative" ? "Inoperative" : "Operative"});
    }
    if (n == "getConfiguration") {
      GetConfigurationReq r;
      std::string keys = arg("keys");
      for (size_t i = 0; i < keys.size();) {
        size_t j = keys.find(',', i);
        if (j == std::string::npos) j = keys.size();
        if (j > i) r.keys.push_back(keys.substr(i, j - i));
        i = j + 1;
      }
      return to_call(r);
    }
    if (n == "clearCache") return to_call(ClearCacheReq{});
    if (n.rfind("ocpp.", 0) == 0) {
      auto r = raw_call(n.substr(5), arg("payload"));
      if (auto* e = std::get_if<CallError>(&r)) return bad(e->code + ": " + e->description);
      return std::get<OutboundCall>(r);
    }
    return bad("command not supported over OCPP 1.6: " + n);
  }

  void enqueue(const Command& cmd, std::chrono::milliseconds timeout,
               std::function<void(CommandReply)> done) {
    if (closed_ || closing_) return done({CommandResult::offline, "connection closing"});
    auto t = translate(cmd);
    if (auto* r = std::get_if<CommandReply>(&t)) return done(*r);
    auto call = std::get<OutboundCall>(std::move(t));
    // Our own request must satisfy the official schema too (e.g. a ChangeConfiguration value ≤ 500).
    if (auto e = Schemas::get().validate(call.action, true, call.payload))
      return done({CommandResult::rejected, "not sent: " + e->description});
    auto limit = std::min(timeout, std::chrono::milliseconds(ep_->d.cfg.ocpp.command_timeout_ms));
    cmdq_.push_back(
        Pending{cmd, std::move(call), std::move(done), std::chrono::steady_clock::now() + limit, "", 0});
    pump();
  }

  void pump() {
    while (!inflight_ && !cmdq_.empty() && !closed_) {
      Pending p = std::move(cmdq_.front());
      cmdq_.pop_front();
      if (std::chrono::steady_clock::now() >= p.deadline) {
        p.done({CommandResult::timeout, "no answer from the device (queued behind another command)"});
        continue;
      }
      p.msg_id = std::to_string(++next_id_);
      p.gen = ++gen_;
      send(encode_call(p.msg_id, p.call.action, p.call.payload), "CALL", p.call.action, p.msg_id);
      timer_.expires_at(p.deadline);
      inflight_ = std::move(p);
      timer_.async_wait([self = shared_from_this(), gen = gen_](beast::error_code ec) {
        if (ec || !self->inflight_ || self->inflight_->gen != gen) return;
        self->complete_inflight({CommandResult::timeout, "no answer from the device"});
      });
    }
  }

  void complete_inflight(CommandReply r) {
    Pending p = std::move(*inflight_);
    inflight_.reset();
    timer_.cancel();
    spdlog::info("ocpp: {} command {} ({}) → {} {}", dev_.code, p.cmd.name, p.call.action,
                 to_string(r.result), r.message);
    p.done(std::move(r));
    pump();
  }

  void on_answer(const Frame& f) {
    if (!inflight_ || inflight_->msg_id != f.id) {
      spdlog::warn("ocpp: {} answered unknown message id {}", dev_.code, f.id);
      return;
    }
    if (f.type == 4)
      return complete_inflight(
          {CommandResult::rejected, "CALLERROR " + f.error_code + ": " + f.error_description});
    auto c = interpret_conf(inflight_->call.action, f.payload);
    complete_inflight({c.accepted ? CommandResult::accepted : CommandResult::rejected, c.detail});
  }

  // ---- inbound ------------------------------------------------------------------------------------
  asio::awaitable<void> on_text(const std::string& text) {
    auto parsed = parse_frame(text);
    if (auto* fe = std::get_if<FrameError>(&parsed)) {
      log(true, "invalid", "", fe->id, text);
      spdlog::warn("ocpp: {} malformed frame ({}): {}", dev_.code, fe->error.description,
                   text.substr(0, 256));
      if (fe->reply)
        send(encode_error(fe->id, fe->error.code, fe->error.description), "CALLERROR", "", fe->id);
      bad_frame();
      co_return;
    }
    auto& f = std::get<Frame>(parsed);
    if (f.type != 2) {
      log(true, frame_type_name(f.type), inflight_ && inflight_->msg_id == f.id ? inflight_->call.action : "",
          f.id, text);
      on_answer(f);
      co_return;
    }
    log(true, "CALL", f.action, f.id, text);
    Reply r = co_await dispatch(f.action, f.payload);
    if (auto* e = std::get_if<CallError>(&r)) {
      if (e->code != "InternalError") {
        spdlog::warn("ocpp: {} {} refused ({}): {}", dev_.code, f.action, e->code, e->description);
        bad_frame();
      }
      send(encode_error(f.id, e->code, e->description), "CALLERROR", f.action, f.id);
    } else {
      send(encode_result(f.id, std::get<json::object>(r)), "CALLRESULT", f.action, f.id);
    }
  }

  void bad_frame() {
    auto now = std::chrono::steady_clock::now();
    if (now - bad_window_ > std::chrono::minutes(1)) {
      bad_window_ = now;
      bad_count_ = 0;
    }
    if (++bad_count_ > kMaxBadFrames) {
      spdlog::warn("ocpp: {} sent more than {} malformed frames in a minute: disconnected", dev_.code,
                   kMaxBadFrames);
      start_close(websocket::close_code::policy_error, "too many malformed frames");
    }
  }

  using Handler = asio::awaitable<Reply> (Session::*)(const json::value&);

  asio::awaitable<Reply> dispatch(const std::string& action, const json::value& payload) {
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
        co_return CallError{"NotSupported", action + " is sent by the central system, not by a charge point"};
      co_return CallError{"NotImplemented", "unknown action " + action.substr(0, 64)};
    }
    try {
      co_return co_await (this->*(it->second))(payload);
    } catch (const std::exception& e) {
      spdlog::error("ocpp: {} {}: {}", dev_.code, action, e.what());
      co_return CallError{"InternalError", "the central system could not process the message"};
    }
  }

  template <class T>
  static const CallError* error_of(const Decoded<T>& d) {
    return std::get_if<CallError>(&d);
  }

  asio::awaitable<Reply> on_boot(const json::value& v) {
    auto d = decode_boot(v);
    if (auto* e = error_of(d)) co_return *e;
    const auto& b = std::get<BootNotificationReq>(d);
    spdlog::info("ocpp: {} boot: {} {} firmware {}", dev_.code, b.vendor, b.model, b.firmware.value_or("?"));
    co_return boot_conf("Accepted", now_ms(), ep_->d.cfg.ocpp.heartbeat_interval_s);
  }

  asio::awaitable<Reply> on_heartbeat(const json::value& v) {
    auto d = decode_heartbeat(v);
    if (auto* e = error_of(d)) co_return *e;
    co_return heartbeat_conf(now_ms());
  }

  asio::awaitable<Reply> on_status(const json::value& v) {
    auto d = decode_status(v);
    if (auto* e = error_of(d)) co_return *e;
    const auto& s = std::get<StatusNotificationReq>(d);
    // A connector the platform does not know is not the charger's fault: answered, not stored.
    if (s.connector_id <= dev_.connectors)
      ep_->d.state.connector(key_, s.connector_id, connector_state(key_.kind, s.status));
    if (s.status == "Faulted")
      spdlog::warn("ocpp: {} connector {} faulted: {} {}", dev_.code, s.connector_id, s.error_code,
                   s.info.value_or(""));
    co_return json::object{};
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
      ep_->d.meters.update(key_, connector, m);
      if (tx && m.energy) ep_->d.state.meter(*tx, *m.energy, m.time);
    }
  }

  asio::awaitable<Reply> on_meter_values(const json::value& v) {
    auto d = decode_meter_values(v);
    if (auto* e = error_of(d)) co_return *e;
    const auto& m = std::get<MeterValuesReq>(d);
    take_meter(m.connector_id, m.transaction_id, m.values);
    co_return json::object{};
  }

  asio::awaitable<Reply> on_authorize(const json::value& v) {
    auto d = decode_authorize(v);
    if (auto* e = error_of(d)) co_return *e;
    std::string tag = std::get<AuthorizeReq>(d).id_tag;
    auto job = [this, tag] { return ep_->d.charging.authorize(ref_, tag); };
    auto r = co_await ep_->blocking(job);
    co_return authorize_conf(IdTagInfo{r.status, r.expiry_ms, {}});
  }

  asio::awaitable<Reply> on_start(const json::value& v) {
    auto d = decode_start(v);
    if (auto* e = error_of(d)) co_return *e;
    const auto& s = std::get<StartTransactionReq>(d);
    charging::TxStart t{ref_, s.connector_id, s.id_tag, s.meter_start, s.timestamp, s.reservation_id};
    auto job = [this, t] { return ep_->d.charging.start_transaction(t); };
    auto r = co_await ep_->blocking(job);
    LatestMeter m;
    m.time = s.timestamp;
    m.transaction_id = r.transaction_id;
    m.energy = s.meter_start * 10;
    ep_->d.meters.update(key_, s.connector_id, m);
    co_return start_conf(r.transaction_id, IdTagInfo{r.id_tag.status, r.id_tag.expiry_ms, {}});
  }

  asio::awaitable<Reply> on_stop(const json::value& v) {
    auto d = decode_stop(v);
    if (auto* e = error_of(d)) co_return *e;
    const auto& s = std::get<StopTransactionReq>(d);
    charging::TxStop t{ref_, s.transaction_id, s.id_tag, s.meter_stop, s.timestamp, s.reason};
    auto job = [this, t] { return ep_->d.charging.stop_transaction(t); };
    auto r = co_await ep_->blocking(job);
    std::optional<IdTagInfo> info;
    if (r) info = IdTagInfo{r->status, r->expiry_ms, {}};
    co_return stop_conf(info);
  }

  asio::awaitable<Reply> on_data_transfer(const json::value& v) {
    auto d = decode_data_transfer(v);
    if (auto* e = error_of(d)) co_return *e;
    co_return data_transfer_conf("UnknownVendorId");
  }

  asio::awaitable<Reply> on_firmware_status(const json::value& v) {
    auto d = decode_firmware_status(v);
    if (auto* e = error_of(d)) co_return *e;
    spdlog::info("ocpp: {} firmware status {}", dev_.code, std::get<FirmwareStatusNotificationReq>(d).status);
    co_return json::object{};
  }

  asio::awaitable<Reply> on_diagnostics_status(const json::value& v) {
    auto d = decode_diagnostics_status(v);
    if (auto* e = error_of(d)) co_return *e;
    spdlog::info("ocpp: {} diagnostics status {}", dev_.code,
                 std::get<DiagnosticsStatusNotificationReq>(d).status);
    co_return json::object{};
  }

  std::shared_ptr<OcppEndpoint::Impl> ep_;
  websocket::stream<beast::tcp_stream> ws_;
  asio::steady_timer timer_;
  db::dev::DeviceIdentity dev_;
  DeviceKey key_;
  DeviceRef ref_;
  std::string remote_;
  std::deque<std::string> outq_;
  bool writing_ = false, closing_ = false, closed_ = false;
  std::string close_reason_;
  std::deque<Pending> cmdq_;
  std::optional<Pending> inflight_;
  uint64_t next_id_ = 0, gen_ = 0;
  int bad_count_ = 0;
  std::chrono::steady_clock::time_point bad_window_{};
};

}  // namespace

asio::awaitable<void> OcppEndpoint::Impl::handle(http::UpgradeRequest& up) {
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
  auto lookup = [this, id, check_auth] {
    return d.db.read([&](db::Connection& c) {
      db::dev::DeviceRepo repo(c);
      std::pair<std::optional<db::dev::DeviceIdentity>, std::optional<std::pair<std::string, std::string>>> r;
      r.first = repo.find_device(id);
      if (r.first && check_auth) r.second = repo.secret(r.first->kind, r.first->id);
      return r;
    });
  };
  auto found = co_await blocking(lookup);
  auto& dev = found.first;
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
    if (!found.second || !pw || !check_device_password(found.second->first, found.second->second, *pw)) {
      spdlog::warn("ocpp: refused charge point '{}' from {}: {}", id, up.remote_ip,
                   !found.second ? "no password set" : "wrong password");
      co_return co_await refuse(up.stream, bhttp::status::unauthorized, "authentication required", true);
    }
  }
  up.stream.expires_never();
  // The session runs on its own coroutine: the HTTP connection's coroutine (its request, parser and
  // buffers) and this one end now instead of living as long as the WebSocket (≈ 4.5 KiB each
  // connection, bench/ocpp). `live` tells the server's shutdown to wait for it all the same.
  auto session = std::make_shared<Session>(self, std::move(up.stream), *dev, up.remote_ip);
  ++live;
  asio::co_spawn(session->executor(), session->run(std::move(req)), [self](std::exception_ptr e) {
    if (e) {
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& x) {
        spdlog::error("ocpp: session ended by an exception: {}", x.what());
      }
    }
    --self->live;
  });
}

OcppEndpoint::OcppEndpoint(EndpointDeps deps) : impl_(std::make_shared<Impl>(deps)) {}

OcppEndpoint::~OcppEndpoint() {
  impl_->pool.join();
}

http::UpgradeRoute OcppEndpoint::route() {
  auto impl = impl_;
  return {"/ocpp/", [impl](http::UpgradeRequest& up) { return impl->handle(up); }, [this] { shutdown(); },
          [impl] { return impl->live.load(); }};
}

void OcppEndpoint::shutdown() {
  impl_->stopping = true;
  for (auto& s : impl_->d.registry.all()) s->close("server shutting down");
}

}  // namespace zc::devices::ocpp16
