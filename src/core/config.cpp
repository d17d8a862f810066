#include "core/config.hpp"

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <toml.hpp>
#include <variant>

namespace zc {

namespace {

using Field = std::variant<std::string Config::*, int64_t Config::*, bool Config::*>;

struct Key {
  const char* section;
  const char* name;
  std::function<void(Config&, const toml::value&)> from_toml;
  std::function<void(Config&, const std::string&)> from_env;
  std::function<std::string(const Config&)> show;
  const char* help;
};

template <class S, class T>
Key make_key(const char* section, const char* name, S Config::*sec, T S::*field, const char* help) {
  Key k{section, name, {}, {}, {}, help};
  k.from_toml = [=](Config& c, const toml::value& v) { (c.*sec).*field = toml::get<T>(v); };
  k.from_env = [=](Config& c, const std::string& s) {
    if constexpr (std::is_same_v<T, std::string>) {
      (c.*sec).*field = s;
    } else if constexpr (std::is_same_v<T, bool>) {
      (c.*sec).*field = (s == "1" || s == "true" || s == "yes" || s == "on");
    } else {
      size_t used = 0;
      long long n = std::stoll(s, &used);
      if (used != s.size()) throw std::invalid_argument("not an integer");
      (c.*sec).*field = n;
    }
  };
  k.show = [=](const Config& c) {
    if constexpr (std::is_same_v<T, std::string>)
      return "\"" + (c.*sec).*field + "\"";
    else if constexpr (std::is_same_v<T, bool>)
      return std::string((c.*sec).*field ? "true" : "false");
    else
      return std::to_string((c.*sec).*field);
  };
  return k;
}

const std::vector<Key>& keys() {
  using C = Config;
  static const std::vector<Key> all = {
      make_key("http", "host", &C::http, &C::Http::host, "address to listen on"),
      make_key("http", "port", &C::http, &C::Http::port,
               "HTTP port (admin web, APIs, OCPP WebSocket); 0 = any free"),
      make_key("http", "threads", &C::http, &C::Http::threads, "network threads"),
      make_key("http", "web_root", &C::http, &C::Http::web_root, "built admin web served at /"),
      make_key("http", "driver_web_root", &C::http, &C::Http::driver_web_root,
               "built driver H5 app served at /h5/ and for the QR code paths; empty = off"),
      make_key("http", "body_limit", &C::http, &C::Http::body_limit, "max request body bytes (413 above)"),
      make_key("http", "header_limit", &C::http, &C::Http::header_limit, "max request header bytes"),
      make_key("http", "read_timeout_ms", &C::http, &C::Http::read_timeout_ms, "time to receive one request"),
      make_key("http", "idle_timeout_ms", &C::http, &C::Http::idle_timeout_ms, "keep-alive idle limit"),
      make_key("http", "max_keepalive_requests", &C::http, &C::Http::max_keepalive_requests,
               "requests per connection"),
      make_key("http", "shutdown_grace_ms", &C::http, &C::Http::shutdown_grace_ms, "drain time on SIGTERM"),
      make_key("http", "trusted_proxies", &C::http, &C::Http::trusted_proxies,
               "reverse proxies whose X-Forwarded-For names the client (comma-separated addresses)"),
      make_key("http", "public_rate_per_s", &C::http, &C::Http::public_rate_per_s,
               "requests per second per client address on public routes (429 above; 0 = no limit)"),
      make_key("http", "public_burst", &C::http, &C::Http::public_burst, "burst above public_rate_per_s"),
      make_key("database", "url", &C::database, &C::Database::url, "sqlite:PATH or postgresql://…"),
      make_key("database", "pool_size", &C::database, &C::Database::pool_size,
               "connections (PostgreSQL) / readers (SQLite)"),
      make_key("database", "busy_timeout_ms", &C::database, &C::Database::busy_timeout_ms,
               "SQLite busy timeout"),
      make_key("worker", "threads", &C::worker, &C::Worker::threads, "threads for blocking (database) work"),
      make_key("auth", "token_ttl_minutes", &C::auth, &C::Auth::token_ttl_minutes, "session lifetime"),
      make_key("auth", "max_failed_logins", &C::auth, &C::Auth::max_failed_logins, "failures before lockout"),
      make_key("auth", "lockout_minutes", &C::auth, &C::Auth::lockout_minutes, "lockout duration"),
      make_key("auth", "session_cache_seconds", &C::auth, &C::Auth::session_cache_seconds,
               "token cache lifetime"),
      make_key("auth", "initial_admin_password", &C::auth, &C::Auth::initial_admin_password,
               "admin password on an empty database (empty = random, printed once)"),
      make_key("auth", "argon2_ops", &C::auth, &C::Auth::argon2_ops, "argon2id opslimit"),
      make_key("auth", "argon2_mem_kib", &C::auth, &C::Auth::argon2_mem_kib, "argon2id memlimit in KiB"),
      make_key(
          "app", "public_url", &C::app, &C::App::public_url,
          "public base URL of every link handed out: QR codes and their exports, the private-pile form, "
          "payment notifications; empty = http://<http.host>:<bound port> (a wildcard host gives 127.0.0.1, "
          "with a warning at start)"),
      make_key("app", "data_dir", &C::app, &C::App::data_dir, "directory for working files (exports)"),
      make_key("app", "token_ttl_days", &C::app, &C::App::token_ttl_days,
               "driver app sign-in lifetime (days)"),
      make_key("sms", "provider", &C::sms, &C::Sms::provider,
               "SMS provider for sign-in codes: log (writes the code to the log; no SMS is sent)"),
      make_key("sms", "dev_endpoint", &C::sms, &C::Sms::dev_endpoint,
               "GET /app/dev/sms?phone= answers the last code (tests, demo); never in production"),
      make_key("sms", "code_ttl_s", &C::sms, &C::Sms::code_ttl_s, "a sign-in code is valid this long (s)"),
      make_key("sms", "resend_interval_s", &C::sms, &C::Sms::resend_interval_s,
               "one sign-in code per phone per interval (s)"),
      make_key("sms", "daily_limit", &C::sms, &C::Sms::daily_limit, "sign-in codes per phone per day"),
      make_key("sms", "ip_hourly_limit", &C::sms, &C::Sms::ip_hourly_limit,
               "sign-in codes per client address per hour, whatever the phone (0: no limit)"),
      make_key("sms", "max_attempts", &C::sms, &C::Sms::max_attempts,
               "wrong codes before a sign-in code is invalidated"),
      make_key("testing", "enabled", &C::testing, &C::Testing::enabled,
               "test-only routes (/test/clock); never enable in production"),
      make_key("ocpp", "heartbeat_interval_s", &C::ocpp, &C::Ocpp::heartbeat_interval_s,
               "heartbeat interval given to OCPP chargers at boot (s)"),
      make_key("ocpp", "command_timeout_ms", &C::ocpp, &C::Ocpp::command_timeout_ms,
               "longest wait for a charger's answer to a command"),
      make_key("ocpp", "basic_auth", &C::ocpp, &C::Ocpp::basic_auth,
               "require each charger's own password (HTTP Basic, security profile 1)"),
      make_key("ocpp", "accept_any_id_tag", &C::ocpp, &C::Ocpp::accept_any_id_tag,
               "accept every idTag (demo/tests only; otherwise only platform-started sessions)"),
      make_key("ocpp", "idle_timeout_s", &C::ocpp, &C::Ocpp::idle_timeout_s,
               "a charger silent this long (no frame, no pong) is offline; pings at half of it"),
      make_key("ocpp", "max_frame_bytes", &C::ocpp, &C::Ocpp::max_frame_bytes, "largest OCPP frame accepted"),
      make_key("ocpp", "message_log_bytes", &C::ocpp, &C::Ocpp::message_log_bytes,
               "bytes of recent frames kept per OCPP charger (message log); 0 = off"),
      make_key("ocpp", "message_log_size", &C::ocpp, &C::Ocpp::message_log_size,
               "deprecated: 0 = every message log off; other values ignored (now sized in bytes)"),
      make_key("ykc", "enabled", &C::ykc, &C::Ykc::enabled, "accept YKC (云快充) piles over TCP"),
      make_key("ykc", "host", &C::ykc, &C::Ykc::host,
               "address the YKC listener binds (piles elsewhere: 0.0.0.0)"),
      make_key("ykc", "port", &C::ykc, &C::Ykc::port,
               "TCP port of the YKC listener; 0 = any free port (printed at start)"),
      make_key("ykc", "threads", &C::ykc, &C::Ykc::threads, "network threads of the YKC listener"),
      make_key("ykc", "blocking_threads", &C::ykc, &C::Ykc::blocking_threads,
               "threads of the YKC listener's database work (card checks and starts, records)"),
      make_key("ykc", "login_timeout_s", &C::ykc, &C::Ykc::login_timeout_s,
               "a YKC connection that has not logged in (0x01) after this long is closed"),
      make_key("ykc", "idle_timeout_s", &C::ykc, &C::Ykc::idle_timeout_s,
               "a YKC pile silent this long is offline (3 heartbeats of 10 s + grace)"),
      make_key("ykc", "command_timeout_ms", &C::ykc, &C::Ykc::command_timeout_ms,
               "longest wait for a YKC pile's answer to a command"),
      make_key("ykc", "max_bad_frames_per_minute", &C::ykc, &C::Ykc::max_bad_frames_per_minute,
               "garbage runs, bad CRCs and undecodable frames per minute before the connection is closed"),
      make_key(
          "ykc", "reply_crc_order", &C::ykc, &C::Ykc::reply_crc_order,
          "CRC byte order of frames sent to a pile: pile (the order it uses) or standard (low byte first)"),
      make_key("ykc", "clock_sync_interval_s", &C::ykc, &C::Ykc::clock_sync_interval_s,
               "clock sync (0x56) after login and then this often; 0 = only after login"),
      make_key("ykc", "message_log_bytes", &C::ykc, &C::Ykc::message_log_bytes,
               "bytes of recent frames kept per YKC pile (message log, stored raw); 0 = off"),
      make_key("camera", "body_limit", &C::camera, &C::Camera::body_limit,
               "largest camera push (base64 photos) accepted on the camera route; 413 above"),
      make_key("camera", "idle_timeout_s", &C::camera, &C::Camera::idle_timeout_s,
               "a camera with no poll or push for this long is offline (s)"),
      make_key("camera", "command_timeout_ms", &C::camera, &C::Camera::command_timeout_ms,
               "longest wait for a camera to take a command (and for a lock, to report its new state)"),
      make_key("camera", "retention_days", &C::camera, &C::Camera::retention_days,
               "capture photos older than this are deleted by the sweep (0 = kept)"),
      make_key(
          "camera", "side_rule", &C::camera, &C::Camera::side_rule,
          "which spot a plate belongs to: rect (plate in the left half = left spot) or channel (0 = left)"),
      make_key("camera", "message_log_bytes", &C::camera, &C::Camera::message_log_bytes,
               "bytes of recent messages kept per camera (message log, without photos); 0 = off"),
      make_key("gateway", "flush_interval_ms", &C::gateway, &C::Gateway::flush_interval_ms,
               "device state (online, connector status) is written to the database at most this often"),
      make_key("order", "start_timeout_s", &C::order, &C::Order::start_timeout_s,
               "a car order whose pile has not confirmed the start within this is abnormal and refunded (s)"),
      make_key("order", "device_lost_timeout_s", &C::order, &C::Order::device_lost_timeout_s,
               "a charging car order whose pile is offline this long is suspended (s)"),
      make_key("order", "sweep_interval_ms", &C::order, &C::Order::sweep_interval_ms,
               "how often the car order timers run (start timeout, auto stop, device lost)"),
      make_key("order", "rollup_interval_ms", &C::order, &C::Order::rollup_interval_ms,
               "changed orders and refunds reach the statistics roll-ups this often (ms)"),
      make_key("order", "command_timeout_ms", &C::order, &C::Order::command_timeout_ms,
               "longest wait for a pile's answer to an order's start/stop command"),
      make_key("order", "command_threads", &C::order, &C::Order::command_threads,
               "threads that send the orders' start/stop commands"),
      make_key("order", "min_prepay_fen", &C::order, &C::Order::min_prepay_fen,
               "smallest prepayment (fen) when the amount is not one of the tariff's prepay values"),
      make_key("order", "max_prepay_fen", &C::order, &C::Order::max_prepay_fen,
               "largest prepayment (fen) when the amount is not one of the tariff's prepay values"),
      make_key("order", "card_min_balance_fen", &C::order, &C::Order::card_min_balance_fen,
               "a stored-value card with a balance below this (fen) does not start a session"),
      make_key("order", "offline_card_sweep_s", &C::order, &C::Order::offline_card_sweep_s,
               "how often the YKC piles' offline card lists drop expired cards and get newly valid ones (s)"),
      make_key(
          "order", "bike_start_timeout_s", &C::order, &C::Order::bike_start_timeout_s,
          "an e-bike order whose device has not started the socket within this is abnormal and refunded (s)"),
      make_key("order", "bike_suspend_timeout_s", &C::order, &C::Order::bike_suspend_timeout_s,
               "a charging e-bike order whose device is offline this long is suspended (s)"),
      make_key("order", "bike_stop_timeout_s", &C::order, &C::Order::bike_stop_timeout_s,
               "an e-bike stop the device does not confirm within this is settled by the last report (s)"),
      make_key(
          "order", "bike_full_power_w", &C::order, &C::Order::bike_full_power_w,
          "e-bike full rule: power below this (W) for order.bike_full_hold_s stops the session; 0 = off"),
      make_key("order", "bike_full_hold_s", &C::order, &C::Order::bike_full_hold_s,
               "e-bike full rule: how long the power must stay below order.bike_full_power_w (s)"),
      make_key("payment", "sandbox_secret", &C::payment, &C::Payment::sandbox_secret,
               "secret the sandbox gateway derives merchant keys from; empty = random per start"),
      make_key(
          "payment", "notify_base_url", &C::payment, &C::Payment::notify_base_url,
          "base URL the payment gateway posts notifications to; empty = the public base (app.public_url)"),
      make_key("parking", "reservation_timeout_s", &C::parking, &C::Parking::reservation_timeout_s,
               "a parking reservation whose car has not arrived within this times out (s)"),
      make_key("parking", "sweep_interval_ms", &C::parking, &C::Parking::sweep_interval_ms,
               "how often timed-out parking reservations are looked for (ms)"),
      make_key("payment", "order_expiry_s", &C::payment, &C::Payment::order_expiry_s,
               "an unpaid payment order can be paid for this long (s)"),
      make_key("payment", "sandbox_refund_delay_ms", &C::payment, &C::Payment::sandbox_refund_delay_ms,
               "the sandbox gateway completes a refund this long after accepting it"),
      make_key("payment", "notify_max_attempts", &C::payment, &C::Payment::notify_max_attempts,
               "deliveries of one gateway notification before it is given up"),
      make_key("payment", "notify_retry_base_ms", &C::payment, &C::Payment::notify_retry_base_ms,
               "first retry delay of an unacknowledged notification; doubles per attempt"),
      make_key("payment", "notify_retry_max_ms", &C::payment, &C::Payment::notify_retry_max_ms,
               "longest delay between notification retries"),
      make_key(
          "payment", "sandbox_notify_senders", &C::payment, &C::Payment::sandbox_notify_senders,
          "notifications the sandbox gateway POSTs at the same time (a real gateway does not queue them)"),
      make_key("invoice", "worker_threads", &C::invoice, &C::Invoice::worker_threads,
               "threads sending e-invoice requests and rendering their PDFs (HTTP workers are not used)"),
      make_key("invoice", "poll_interval_ms", &C::invoice, &C::Invoice::poll_interval_ms,
               "how often invoices still issuing are looked at"),
      make_key("invoice", "query_after_ms", &C::invoice, &C::Invoice::query_after_ms,
               "an issuing invoice without a callback for this long is queried at the e-invoice service"),
      make_key("invoice", "sandbox_delay_ms", &C::invoice, &C::Invoice::sandbox_delay_ms,
               "the sandbox e-invoice service answers a request this long after accepting it"),
      make_key("invoice", "sandbox_failure_permille", &C::invoice, &C::Invoice::sandbox_failure_permille,
               "share of sandbox e-invoice requests that fail, per mille (tests: 1000)"),
      make_key("invoice", "sandbox_callback", &C::invoice, &C::Invoice::sandbox_callback,
               "the sandbox e-invoice service pushes results; off = only queries find them"),
      make_key("payment", "sandbox_split_delay_ms", &C::payment, &C::Payment::sandbox_split_delay_ms,
               "the sandbox gateway shows a split's or a return's result this long after accepting it"),
      make_key("payment", "sandbox_split_failure_rate", &C::payment, &C::Payment::sandbox_split_failure_rate,
               "percentage (0-100) of sandbox splits and returns that end failed"),
      make_key("payment", "split_poll_ms", &C::payment, &C::Payment::split_poll_ms,
               "how often the split job sends due splits and reads their results (ms)"),
      make_key("payment", "split_max_attempts", &C::payment, &C::Payment::split_max_attempts,
               "automatic attempts of a split before it waits for a manual re-split"),
      make_key("payment", "split_retry_base_ms", &C::payment, &C::Payment::split_retry_base_ms,
               "delay before the second attempt of a failed split; doubles per attempt"),
      make_key("log", "level", &C::log, &C::Log::level, "trace|debug|info|warn|error"),
      make_key("log", "access_log", &C::log, &C::Log::access_log, "log every HTTP request"),
  };
  return all;
}

std::string env_name(const Key& k) {
  std::string s = std::string("ZHICHONG_") + k.section + "_" + k.name;
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Config Config::load(const std::string& path, bool path_explicit) {
  Config c;
  c.source = "defaults";
  if (std::filesystem::exists(path)) {
    const auto root = toml::parse(path);
    for (const auto& k : keys()) {
      if (!root.contains(k.section)) continue;
      const auto& sec = toml::find(root, k.section);
      if (!sec.is_table() || !sec.contains(k.name)) continue;
      try {
        k.from_toml(c, toml::find(sec, k.name));
      } catch (const std::exception& e) {
        throw std::runtime_error(path + ": [" + k.section + "] " + k.name + ": " + e.what());
      }
    }
    c.source = path;
  } else if (path_explicit) {
    throw std::runtime_error("config file not found: " + path);
  }
  for (const auto& k : keys()) {
    const std::string name = env_name(k);
    if (const char* v = std::getenv(name.c_str())) {
      try {
        k.from_env(c, v);
      } catch (const std::exception&) {
        throw std::runtime_error(name + ": invalid value '" + v + "'");
      }
    }
  }
  return c;
}

std::vector<ConfigKeyDoc> config_reference() {
  Config defaults;
  std::vector<ConfigKeyDoc> out;
  for (const auto& k : keys())
    out.push_back({env_name(k), std::string(k.section) + "." + k.name, k.show(defaults), k.help});
  return out;
}

}  // namespace zc
