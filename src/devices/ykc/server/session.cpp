#include "devices/ykc/server/session_impl.hpp"

namespace zc::devices::ykc {

ServerCore::ServerCore(SessionDeps d)
    : deps(std::move(d)),
      pool(static_cast<size_t>(std::clamp<int64_t>(deps.cfg.ykc.blocking_threads, 1, 64))) {
  const auto& c = deps.cfg.ykc;
  crc_policy = c.reply_crc_order == "standard" ? y::CrcReplyPolicy::standard : y::CrcReplyPolicy::mirror;
  login_timeout_ms = std::max<int64_t>(1, c.login_timeout_s) * 1000;
  idle_timeout_ms = std::max<int64_t>(1, c.idle_timeout_s) * 1000;
  command_timeout_ms = std::max<int64_t>(100, c.command_timeout_ms);
  clock_sync_ms = c.clock_sync_interval_s > 0 ? c.clock_sync_interval_s * 1000 : 0;
  max_bad_per_minute = static_cast<int>(std::max<int64_t>(1, c.max_bad_frames_per_minute));
  log_frames = deps.messages.logs_ykc();
}

// ---- connection I/O ---------------------------------------------------------------------------------

void Session::start() {
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

void Session::sweep(int64_t now, int64_t wall) {
  if (closed_) return;
  if (!logged_in_) {
    if (now - connected_at_ > core_.login_timeout_ms) close_now("no login (0x01) within ykc.login_timeout_s");
    return;
  }
  if (now - last_frame_ > core_.idle_timeout_ms) return close_now("no frame within ykc.idle_timeout_s");
  if (cmds_.expired(now)) complete(CommandReply::timeout("no answer from the pile"));
  if (core_.clock_sync_ms > 0 && now >= next_clock_sync_) {
    next_clock_sync_ = now + core_.clock_sync_ms;
    sync_clock(wall);
  }
}

void Session::close_now(const std::string& reason) {
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

// ---- reading ------------------------------------------------------------------------------------
void Session::wait_read() {
  reading_ = true;
  sock_.async_wait(tcp::socket::wait_read, [self = shared_from_this()](const boost::system::error_code& ec) {
    self->on_readable(ec);
  });
}

void Session::on_readable(const boost::system::error_code& ec) {
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
void Session::process(std::span<const uint8_t> data) {
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

void Session::unblock() {
  if (close_after_write_) return;  // refused login: read nothing more
  blocked_ = false;
  std::vector<uint8_t> rest;
  rest.swap(held_);
  process(rest);
  if (!closed_ && !blocked_ && !reading_) wait_read();
}

void Session::on_event(y::DecodeEvent&& ev) {
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

void Session::bad_frame() {
  if (bad_.exceeded(steady_ms(), core_.max_bad_per_minute)) {
    spdlog::warn("ykc: {} sent more than {} bad frames in a minute: disconnected", who(),
                 core_.max_bad_per_minute);
    close_now("too many bad frames (ykc.max_bad_frames_per_minute)");
  }
}

void Session::crc_order_changed(y::CrcOrder o) {
  last_crc_order_ = o;
  std::string order = o == y::CrcOrder::low_first ? "low_first" : "high_first";
  run_detached(core_.pool, fmt::format("ykc: crc order of pile {}", pile_id_),
               [dir = &core_.deps.directory, id = pile_id_, order] { dir->set_ykc_crc_order(id, order); });
}

void Session::flush_out() {
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
void Session::finish(const std::string& reason) {
  cmds_.finish();
  if (!logged_in_) {
    spdlog::info("ykc: connection from {} closed before login: {}", remote_, reason);
    return;
  }
  if (core_.deps.registry.detach(key_, this)) core_.deps.state.offline(key_, kProtocol, reason, now_ms());
  spdlog::info("ykc: {} offline: {}", code_str_, reason);
}

// The platform's own clock sync (not an operator's clockSync command): its 0x55 is expected.
void Session::sync_clock(int64_t wall_ms) {
  own_clock_sync_ = true;
  send_new(y::TimeSync{code_, y::cp56_from_epoch_ms(wall_ms, *tz_)});
}

void Session::write_bytes(std::vector<uint8_t>&& bytes) {
  if (closed_) return;
  log_frame(false, bytes);
  if (out_next_.empty())
    out_next_ = std::move(bytes);
  else
    out_next_.insert(out_next_.end(), bytes.begin(), bytes.end());
  if (!writing_) flush_out();
}

// ---- wiring -------------------------------------------------------------------------------------------

void register_handlers(ServerCore& core) {
  core.dispatch.on(&Session::on_login)
      .on(&Session::on_heartbeat)
      .on(&Session::on_model_verify)
      .on(&Session::on_model_request)
      .on(&Session::on_realtime)
      .on(&Session::on_start_request)
      .on(&Session::on_remote_start_reply)
      .on(&Session::on_remote_stop_reply)
      .on(&Session::on_record)
      .on(&Session::on_lock_status)
      .on(&Session::on_lock_reply)
      .on(&Session::on_time_sync_reply)
      .on(&Session::on_model_set_reply)
      .on(&Session::on_reboot_reply)
      .on(&Session::on_qr_prefix_reply)
      .on(&Session::on_balance_reply)
      .on(&Session::on_card_sync_reply)
      .on(&Session::on_card_clear_reply)
      .on(&Session::on_card_query_reply)
      .on_decode_error(&Session::on_decode_error)
      .on_unknown(&Session::on_unknown_if_logged_in);
  // Frames that need no answer and carry nothing the platform keeps yet: logged (BMS data, 0x15–0x25).
  for (uint8_t t : {0x15, 0x17, 0x19, 0x1B, 0x1D, 0x21, 0x23, 0x25})
    core.dispatch.on_raw(t, &Session::on_logged_only);
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
