#pragma once
// Internal to the YKC listener: the per-process core, the per-thread worker and one pile connection.
// Everything of a Session runs on its worker's thread; other threads reach it only through
// DeviceSession::command / close, which post to that thread.
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <memory>
#include <vector>

#include "devices/ykc/codec.hpp"
#include "devices/ykc/dispatch.hpp"
#include "devices/ykc/server/listener.hpp"

namespace zc::devices::ykc {

namespace asio = boost::asio;
using asio::ip::tcp;

class Session;

// One network thread: its io_context, the sessions it owns (swept every 250 ms) and the read buffer all
// of them share (a read completes, is decoded and handled before the next one on this thread starts).
struct Worker {
  asio::io_context io{1};
  std::unique_ptr<asio::steady_timer> sweep;
  std::vector<Session*> sessions;
  std::array<uint8_t, 4096> scratch{};
};

struct ServerCore {
  explicit ServerCore(SessionDeps d);
  SessionDeps deps;
  zc::ykc::CrcReplyPolicy crc_policy = zc::ykc::CrcReplyPolicy::mirror;
  int64_t login_timeout_ms = 30000, idle_timeout_ms = 35000, command_timeout_ms = 30000;
  int64_t clock_sync_ms = 86400000;
  int max_bad_per_minute = 20;
  bool log_frames = true;  // the message log keeps YKC frames (ykc.message_log_bytes > 0)
  asio::thread_pool pool;  // blocking work: database, charging service (ykc.blocking_threads)
  std::atomic<bool> stopping{false};
  zc::ykc::Dispatcher<Session> dispatch;
};

// Creates a session for an accepted socket (bound to `w`) and starts reading.
void start_session(ServerCore& core, Worker& w, tcp::socket socket);
// Sweep of one worker (thread of `w`): timeouts, command deadlines, clock sync.
void sweep_sessions(Worker& w, int64_t now_steady_ms, int64_t now_ms);
// Closes every session of the worker (thread of `w`).
void close_all(Worker& w, const std::string& reason);
void register_handlers(ServerCore& core);

}  // namespace zc::devices::ykc
