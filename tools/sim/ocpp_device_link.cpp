// zhichong-sim ocpp: a device's connection — WebSocket upgrade (ocpp1.6, HTTP Basic), one outstanding CALL
// at a time, the reader (answers to our calls, the central system's calls) and the main loop.
#include "ocpp_device.hpp"

#include <boost/beast/core/detail/base64.hpp>
#include <cstdio>
#include <cstring>

namespace zc::sim::ocppsim {

asio::awaitable<void> Device::run(Clock::duration initial_delay) {
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

void Device::stop() {
  asio::post(ex_, [self = shared_from_this()] { self->wake_.cancel(); });
}

void Device::drop() {
  asio::post(ex_, [self = shared_from_this()] {
    if (!self->connected_ || !self->ws_) return;
    self->log("network lost (SIGUSR1)");
    beast::error_code ignored;
    beast::get_lowest_layer(*self->ws_).socket().close(ignored);
  });
}

void Device::log(const char* fmt, const std::string& a, const std::string& b) {
  if (o_.quiet) return;
  std::fprintf(stderr, "[%s] ", code_.c_str());
  std::fprintf(stderr, fmt, a.c_str(), b.c_str());
  std::fprintf(stderr, "\n");
}

void Device::close_ws() {
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

void Device::send(std::string text) {
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

asio::awaitable<std::optional<json::object>> Device::call_text(const char* action, std::string payload,
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
  if (ec || !v.is_array() || v.as_array().size() != 3 || !v.as_array()[2].is_object()) co_return std::nullopt;
  co_return std::move(v.as_array()[2].as_object());
}

asio::awaitable<void> Device::reader() {
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

asio::awaitable<bool> Device::connect() {
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

asio::awaitable<void> Device::session() {
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
  if (conns_[1].tx == 0) next_local_session();
  if (o_.bench) {
    co_await bench();
    reset = false;
  }
  last_energy_at_ = Clock::now();
  while (connected_ && !sh_.stopping && !reset) {
    while (!actions_.empty() && connected_) {
      Action a = std::move(actions_.front());
      actions_.pop_front();
      if (co_await run_action(a, next_hb)) {
        reset = true;
        break;
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
      co_await start_session(1, next_id_tag(), true);
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

}  // namespace zc::sim::ocppsim
