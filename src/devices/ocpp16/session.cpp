// One OCPP charger's connection: the raw socket, WebSocket framing, reading and writing (session.hpp).
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

#include "devices/ocpp16/session.hpp"

namespace zc::devices::ocpp16 {

Session::~Session() {
  if (fd_ >= 0) ::close(fd_);
}

void Session::start(std::string early) {
  ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  last_rx_ = steady_ms();
  index_ = w_.sessions.size();
  w_.sessions.push_back(shared_from_this());
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
  ev.data.ptr = this;
  if (::epoll_ctl(w_.epoll.native_handle(), EPOLL_CTL_ADD, fd_, &ev) != 0) {
    spdlog::error("ocpp: {}: epoll_ctl: {}", ref_.code, std::strerror(errno));
    return close_now("internal error (epoll)");
  }
  int64_t now = now_ms();
  touch(now);
  // The charger's newest connection wins. Sessions start on their threads in any order, so an older
  // one (answered 101 first) may start after a newer one: it then hands the device back and leaves.
  if (auto old = ep_.d.registry.attach(key(), shared_from_this(), ref_.code, remote_, now)) {
    auto* prev = dynamic_cast<Session*>(old.get());
    if (prev && prev->upgrade_no_ > upgrade_no_) {
      ep_.d.registry.attach(key(), old, ref_.code, prev->remote_, now);
      start_close(ws::going_away, "replaced by a new connection");
      flush();
      return on_readable();  // for the charger's answer to the close frame
    }
    old->close("replaced by a new connection");
  }
  ep_.d.state.online(key(), protocol(), remote_, now);
  spdlog::info("ocpp: {} connected from {}", ref_.code, remote_);
  if (ep_.stopping) start_close(ws::going_away, "server shutting down");
  if (!early.empty()) reader_.feed({reinterpret_cast<uint8_t*>(early.data()), early.size()}, *this);
  flush();
  on_readable();  // what arrived before the registration (edge-triggered: no event for it)
}

// Readiness from the worker's epoll set.
void Session::on_event(uint32_t events) {
  if (closed_) return;
  if ((events & EPOLLOUT) && !out_.empty()) write_pending();
  if (!closed_ && (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))) on_readable();
}

void Session::sweep(int64_t now) {
  if (closed_) return;
  if (closing_ && now >= close_deadline_) return close_now(close_reason_);
  int64_t idle = std::max<int64_t>(2, ep_.d.cfg.ocpp.idle_timeout_s) * 1000;
  if (now - last_rx_ > idle) return close_now("no frame or pong within ocpp.idle_timeout_s");
  if (!ping_sent_ && !closing_ && now - last_rx_ > idle / 2) {
    ping_sent_ = true;
    ws::append_ping(out_buffer());
  }
  if (cmds_.expired(now)) complete_inflight(CommandReply::timeout("no answer from the device"));
  flush();
}

// Closes the socket at once (no close handshake) and ends the session.
void Session::close_now(const std::string& reason) {
  if (closed_) return;
  closed_ = true;
  if (w_.wbuf_owner == this) {
    w_.wbuf_owner = nullptr;
    w_.wbuf.clear();
  }
  // O(1) removal; `this` lives on in w_.closed until the callback that closed it has returned
  w_.closed.push_back(std::move(w_.sessions[index_]));
  if (index_ + 1 < w_.sessions.size()) {
    w_.sessions[index_] = std::move(w_.sessions.back());
    w_.sessions[index_]->index_ = index_;
  }
  w_.sessions.pop_back();
  ::shutdown(fd_, SHUT_RDWR);
  ::close(fd_);  // leaves the epoll set too
  fd_ = -1;
  std::string().swap(out_);
  finish(reason);
}

// ---- reading ------------------------------------------------------------------------------------
// Reads until the socket is drained (edge-triggered), decoding as it goes; the answers go out in one
// write at the end. While a handler waits for blocking work nothing is read (unblock() reads on).
void Session::on_readable() {
  if (closed_ || blocked_ || reader_.done()) return;
  for (int round = 0;; ++round) {
    if (round == 8) {  // a fast sender: let the other chargers of this thread run first
      asio::post(w_.io, [self = shared_from_this()] {
        self->on_readable();
        self->flush();
      });
      break;
    }
    ssize_t n = ::recv(fd_, w_.scratch.data(), w_.scratch.size(), 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      flush();
      return close_now(closing_ ? close_reason_ : std::strerror(errno));
    }
    if (n == 0) {
      flush();
      return close_now(closing_ ? close_reason_ : "End of file");
    }
    last_rx_ = steady_ms();
    ping_sent_ = false;
    reader_.feed({w_.scratch.data(), static_cast<size_t>(n)}, *this);
    if (closed_ || blocked_ || reader_.done() || static_cast<size_t>(n) < w_.scratch.size()) break;
  }
  flush();
}

// ws::FrameSink
bool Session::on_message(std::string_view text, bool /*binary*/) {
  if (closing_) return true;  // our close frame is out: the charger's last messages are dropped
  seen();
  on_text(text);
  return !blocked_ && !closed_;
}

void Session::on_ping(std::string_view payload) {
  seen();
  if (!closing_) ws::append_pong(out_buffer(), payload);
}

void Session::on_close(uint16_t code, std::string_view /*reason*/) {
  if (closing_) return close_after_write(close_reason_);  // the answer to our close frame
  ws::append_close(out_buffer(), code == 1005 ? 0 : code, {});
  closing_ = true;
  close_after_write("closed by the charger");
}

void Session::on_protocol_error(uint16_t code, const char* reason) {
  spdlog::warn("ocpp: {} WebSocket protocol error: {}", ref_.code, reason);
  if (!closing_) ws::append_close(out_buffer(), code, reason);
  closing_ = true;
  close_after_write(reason);
}

void Session::seen() {
  int64_t now = now_ms();
  touch(now);
  ep_.d.state.seen(key(), now);
}

// ---- writing ------------------------------------------------------------------------------------
// Where a frame goes: behind bytes the socket did not take yet, or into the worker's buffer (written
// by flush() at the end of the callback).
std::string& Session::out_buffer() {
  if (!out_.empty()) return out_;
  if (w_.wbuf_owner != this) {
    if (w_.wbuf_owner) w_.wbuf_owner->flush();
    w_.wbuf_owner = this;
  }
  return w_.wbuf;
}

// Writes what this session has in the worker's buffer: at once when the socket takes it (the usual
// case); the rest waits in the session's own buffer for EPOLLOUT.
void Session::flush() {
  if (w_.wbuf_owner == this) {
    w_.wbuf_owner = nullptr;
    if (!closed_ && !w_.wbuf.empty()) {
      size_t sent = 0;
      if (!send_some(w_.wbuf.data(), w_.wbuf.size(), sent)) {
        w_.wbuf.clear();
        return;
      }
      if (sent < w_.wbuf.size()) out_.assign(w_.wbuf, sent, std::string::npos);
    }
    w_.wbuf.clear();
  }
  if (!closed_ && out_.empty() && close_after_write_) close_now(close_reason_);
}

void Session::write_pending() {
  size_t sent = 0;
  if (!send_some(out_.data(), out_.size(), sent)) return;
  out_.erase(0, sent);
  if (out_.empty()) {
    std::string().swap(out_);
    if (close_after_write_) close_now(close_reason_);
  }
}

// false: the connection failed (and is closed).
bool Session::send_some(const char* p, size_t n, size_t& sent) {
  while (sent < n) {
    ssize_t k = ::send(fd_, p + sent, n - sent, MSG_NOSIGNAL);
    if (k >= 0) {
      sent += static_cast<size_t>(k);
      continue;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
    close_now(std::string("write failed: ") + std::strerror(errno));
    return false;
  }
  return true;
}

void Session::close_after_write(const std::string& reason) {
  close_after_write_ = true;
  close_reason_ = reason;
}

// Our close frame: the charger answers with its own, then the socket is closed (or after kCloseWaitMs).
void Session::start_close(uint16_t code, const std::string& reason) {
  if (closing_ || closed_) return;
  closing_ = true;
  close_reason_ = reason;
  close_deadline_ = steady_ms() + kCloseWaitMs;
  ws::append_close(out_buffer(), code, reason);
}

void Session::send_text(std::string_view text, LoggedKind kind) {
  if (closed_ || closing_) return;
  log(false, kind, text);
  ws::append_text(out_buffer(), text);
}

// The log keeps the text and the kind; action and message id are read from the text when viewed.
void Session::log(bool inbound, LoggedKind kind, std::string_view text) {
  if (ep_.d.messages.logs_ocpp()) ep_.d.messages.add_ocpp(key(), now_ms(), inbound, kind, text);
}

void Session::finish(const std::string& reason) {
  cmds_.finish();
  if (ep_.d.registry.detach(key(), this)) ep_.d.state.offline(key(), protocol(), reason, now_ms());
  spdlog::info("ocpp: {} disconnected: {}", ref_.code, reason);
  --ep_.live;
}

void Session::unblock() {
  blocked_ = false;
  reader_.resume(*this);
  on_readable();  // what arrived meanwhile (its readiness event was skipped)
  flush();
}

}  // namespace zc::devices::ocpp16
