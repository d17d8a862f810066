// zhichong-sim ykc: a pile's connection — connect, login, the main loop (heartbeats, model, records,
// real-time data, timers), the writer and reader coroutines, and the closed loop of bench/ykc.
#include "ykc_pile.hpp"

#include <cstdarg>

namespace zc::sim::ykcsim {

Pile::Pile(asio::io_context& ioc, Shared& sh, PileCode code, size_t index)
    : ioc_(ioc),
      sh_(sh),
      o_(sh.o),
      code_(code),
      code_str_(code.str()),
      index_(index),
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
}

asio::awaitable<void> Pile::run(Clock::duration initial_delay) {
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
void Pile::stop() {
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

void Pile::log(const char* fmt, ...) {
  if (o_.quiet) return;
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  std::lock_guard lock(sh_.out_mu);
  std::fprintf(stderr, "[%s] %s\n", code_str_.c_str(), buf);
}

asio::awaitable<void> Pile::sleep_until(Clock::time_point t) {
  if (sh_.stopping) co_return;
  wake_.expires_at(t);
  co_await wake_.async_wait(no_throw);
}

asio::awaitable<void> Pile::writer() {
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
asio::awaitable<void> Pile::flush() {
  const auto until = Clock::now() + std::chrono::seconds(2);
  asio::steady_timer t(ioc_);
  while (connected_ && (!out_.empty() || writing_) && Clock::now() < until) {
    t.expires_after(std::chrono::milliseconds(5));
    co_await t.async_wait(no_throw);
  }
}

asio::awaitable<void> Pile::reader() {
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

void Pile::disconnect_event(const char* reason) {
  log("disconnected: %s", reason);
  if (!o_.events) return;
  auto ev = event("disconnect");
  ev["reason"] = reason;
  sh_.emit(std::move(ev));
}

void Pile::close_socket() {
  boost::system::error_code ignored;
  if (sock_.is_open()) {
    sock_.shutdown(tcp::socket::shutdown_both, ignored);
    sock_.close(ignored);
  }
}

asio::awaitable<void> Pile::session() {
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
asio::awaitable<const char*> Pile::logged_in_loop() {
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
  const auto silent_at =
      o_.silent_disconnect_after_s >= 0 ? now + secs(o_.silent_disconnect_after_s) : Clock::time_point::max();
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
        if (g.auth_mode == StartRequest::kCard)
          sh_.stats.swipes_unanswered.fetch_add(1, std::memory_order_relaxed);
        start_event(g, g.auth_mode == StartRequest::kCard ? "card" : "vin", Serial{}, "no-answer");
      }
      if (g.charging && now >= g.stop_at) end_session(g, 0x45);  // finished at the pile
      if (now >= g.next_realtime) {
        send_realtime(g, now);
        if (g.charging && !o_.ac) send(bms_demand(g));  // DC: BMS demand/output with every 0x13
      }
    }
    const auto starts_due = pile_starts(now);
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
    due = std::min(due, starts_due);
    if (due <= now) continue;
    co_await sleep_until(due);
  }
  co_return sh_.stopping ? "stop" : "closed by the platform";
}

// Closed loop for bench/ykc: K × 0x13 then one 0x03, wait for its 0x04, repeat.
asio::awaitable<const char*> Pile::bench_loop() {
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
      log("window %llu: no 0x04 within %.0f s", static_cast<unsigned long long>(window), o_.reply_timeout_s);
    }
    ++window;
  }
  co_return sh_.stopping ? "stop" : "closed by the platform";
}

}  // namespace zc::sim::ykcsim
