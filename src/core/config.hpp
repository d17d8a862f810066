#pragma once
// Configuration: defaults < zhichong.toml < environment (ZHICHONG_<SECTION>_<KEY>).
// Every key is listed once in config.cpp's table, which also drives the README reference.
#include <cstdint>
#include <string>
#include <vector>

namespace zc {

struct Config {
  struct Http {
    std::string host = "127.0.0.1";
    int64_t port = 8080;
    int64_t threads = 2;                      // network threads
    std::string web_root = "web/admin/dist";  // built admin web; empty = do not serve
    int64_t body_limit = 1024 * 1024;         // bytes
    int64_t header_limit = 8 * 1024;          // bytes
    int64_t read_timeout_ms = 30000;          // a whole request must arrive within this
    int64_t idle_timeout_ms = 60000;          // keep-alive connection idle limit
    int64_t max_keepalive_requests = 10000;
    int64_t shutdown_grace_ms = 10000;  // in-flight requests get this long on SIGTERM
    // built driver H5 app served at /h5/ (and for the QR code paths); empty = do not serve
    std::string driver_web_root = "web/driver/dist";
    // reverse proxies whose X-Forwarded-For names the client (comma-separated exact addresses)
    std::string trusted_proxies = "127.0.0.1,::1";
    int64_t public_rate_per_s = 20;  // requests per second per client address on public routes (0: no limit)
    int64_t public_burst = 60;       // … and the burst above that rate
  } http;
  struct Database {
    std::string url = "sqlite:data/zhichong.db";  // or postgresql://user:pass@host:port/db
    int64_t pool_size = 8;
    int64_t busy_timeout_ms = 5000;
  } database;
  struct Worker {
    int64_t threads = 4;  // blocking work (database) runs here, never on network threads
  } worker;
  struct Auth {
    int64_t token_ttl_minutes = 720;
    int64_t max_failed_logins = 5;
    int64_t lockout_minutes = 10;
    int64_t session_cache_seconds = 30;  // how long another node's revocation may take to apply
    std::string initial_admin_password;  // empty = random, printed once at first start
    int64_t argon2_ops = 2;              // argon2id opslimit
    int64_t argon2_mem_kib = 19456;      // argon2id memlimit (19 MiB, OWASP minimum)
  } auth;
  struct App {
    // Base of every public link (QR codes, exports, forms, payment notify URL). Empty: derived from the
    // listen address and the bound port; serve() stores the resolved base here
    // (service/station/public_url.hpp).
    std::string public_url;
    std::string data_dir = "data";  // working files (exports) go under it
    int64_t token_ttl_days = 30;    // a driver app sign-in lasts this long
  } app;
  struct Sms {                       // driver sign-in codes (APP-1, docs/api-driver.md)
    std::string provider = "log";    // log: the built-in provider writes codes to the log (no SMS is sent)
    bool dev_endpoint = false;       // GET /app/dev/sms?phone= answers the last code (tests, demo only)
    int64_t code_ttl_s = 300;        // a code is valid this long
    int64_t resend_interval_s = 60;  // one code per phone per interval
    int64_t daily_limit = 10;        // codes per phone per day (Asia/Shanghai)
    int64_t ip_hourly_limit = 30;    // codes per client address per hour, all phones (0: no limit)
    int64_t max_attempts = 5;        // wrong codes before the code is invalidated
  } sms;
  struct Testing {
    bool enabled = false;  // test-only routes (/test/…: the business clock); never in production
  } testing;
  struct Ocpp {
    int64_t heartbeat_interval_s = 60;   // sent in BootNotification.conf
    int64_t command_timeout_ms = 30000;  // longest wait for a charger's answer to a command
    bool basic_auth = false;             // require the per-device password (security profile 1)
    bool accept_any_id_tag = false;      // accept every idTag (demos/tests; the orders module decides later)
    int64_t idle_timeout_s = 120;  // no frame or pong for this long: the connection is dead (pings at half)
    int64_t max_frame_bytes = 65536;  // larger frames close the connection
    // message log per charger, bytes (0 = off; docs/ocpp.md)
    int64_t message_log_bytes = 4096;
    // deprecated (was frames per direction): 0 turns every message log off, other values are ignored
    int64_t message_log_size = -1;
  } ocpp;
  struct Ykc {  // YKC (云快充) pile protocol over TCP (docs/ykc.md)
    bool enabled = true;
    std::string host = "127.0.0.1";      // piles on other hosts: 0.0.0.0
    int64_t port = 8767;                 // 0 = a free port chosen by the OS (printed at start)
    int64_t threads = 1;                 // network threads of the YKC listener
    int64_t blocking_threads = 2;        // the listener's database work (card checks and starts, records)
    int64_t login_timeout_s = 30;        // a connection must log in (0x01) within this
    int64_t idle_timeout_s = 35;         // no frame for this long: offline (≈ 3 heartbeats of 10 s + grace)
    int64_t command_timeout_ms = 30000;  // longest wait for a pile's answer to a command
    int64_t max_bad_frames_per_minute = 20;  // garbage / bad CRC / undecodable frames, then close
    std::string reply_crc_order = "pile";    // pile (mirror the pile's CRC byte order) | standard
    int64_t clock_sync_interval_s = 86400;   // 0x56 after login and then this often
    // message log per pile, bytes (0 = off; docs/ykc.md)
    int64_t message_log_bytes = 1024;
  } ykc;
  struct Camera {                          // parking cameras, Vzenith IVS HTTP push (docs/camera.md)
    int64_t body_limit = 2 * 1024 * 1024;  // largest push (base64 images) on the camera route; 413 above
    int64_t idle_timeout_s = 30;           // no poll or push for this long: offline
    int64_t command_timeout_ms = 15000;    // longest wait for a camera to take / carry out a command
    int64_t retention_days = 30;           // capture photos older than this are deleted (0 = kept)
    std::string side_rule = "rect";        // which spot a plate is: rect (left half = left) | channel
    int64_t message_log_bytes = 4096;      // message log per camera, bytes (0 = off)
  } camera;
  struct Gateway {
    int64_t flush_interval_ms = 500;  // device state is written to the database at most this often
  } gateway;
  struct Order {                   // car charging orders (docs/orders.md)
    int64_t start_timeout_s = 60;  // no start confirmation from the pile within this: abnormal + refund
    int64_t device_lost_timeout_s = 120;  // a charging pile offline this long: the order is suspended
    int64_t sweep_interval_ms = 1000;     // timers (start timeout, auto stop, device lost) run this often
    int64_t rollup_interval_ms = 2000;    // changed orders reach the statistics roll-ups this often
    int64_t command_timeout_ms = 15000;   // longest wait for a pile's answer to a start/stop command
    int64_t command_threads = 4;          // threads starting paid orders, handling the piles' answers
    int64_t min_prepay_fen = 100;         // an amount that is not one of the tariff's prepay values must be
    int64_t max_prepay_fen = 50000;       // within these bounds (fen)
    int64_t card_min_balance_fen = 100;   // a stored-value card with less does not start a session
    int64_t offline_card_sweep_s = 60;    // piles' offline card lists follow cards' validity this often
    // e-bike orders (docs/orders.md "E-bike orders"); the sweep interval and command timeout above apply too
    int64_t bike_start_timeout_s = 60;  // no StartTransaction within this after the start command: abnormal
    int64_t bike_suspend_timeout_s = 120;  // a charging device offline this long: the order is suspended
    int64_t bike_stop_timeout_s = 60;  // no StopTransaction within this after a stop: settled by last report
    int64_t bike_full_power_w = 10;    // full: the power stays below this (W; 0 = rule off) …
    int64_t bike_full_hold_s = 600;    // … for this long: the session is stopped (已充满)
  } order;
  struct Payment {                          // payments and the built-in sandbox gateway (docs/payment.md)
    std::string sandbox_secret;             // derives the sandbox merchant keys; empty = random per start
    std::string notify_base_url;            // how the gateway reaches this server; empty = app.public_url
    int64_t order_expiry_s = 900;           // an unpaid pay order can be paid for this long
    int64_t sandbox_refund_delay_ms = 500;  // a sandbox refund succeeds this long after it was accepted
    int64_t notify_max_attempts = 10;       // notification deliveries before the gateway gives up
    int64_t notify_retry_base_ms = 1000;    // retry n waits base × 2^(n−1) …
    int64_t notify_retry_max_ms = 60000;    // … at most this
    int64_t sandbox_notify_senders = 8;     // notifications the sandbox gateway POSTs at the same time
    // profit sharing (docs/splits.md)
    int64_t sandbox_split_delay_ms = 500;    // a sandbox split or return shows its result this long after
    int64_t sandbox_split_failure_rate = 0;  // % of sandbox splits and returns that end failed (0–100)
    int64_t split_poll_ms = 1000;            // the split job: sends due splits, reads results
    int64_t split_max_attempts = 5;          // automatic attempts before a split waits for a manual re-split
    int64_t split_retry_base_ms = 60000;     // attempt n+1 waits base × 2^(n−1) after attempt n failed
  } payment;
  struct Invoice {               // e-invoices and the built-in sandbox e-invoice service (docs/invoices.md)
    int64_t worker_threads = 2;  // threads that send requests to the service and render the PDFs
    int64_t poll_interval_ms = 2000;       // invoices still issuing are looked at this often …
    int64_t query_after_ms = 10000;        // … and asked for (query) when no callback came within this
    int64_t sandbox_delay_ms = 300;        // the sandbox answers a request this long after accepting it
    int64_t sandbox_failure_permille = 0;  // share of sandbox requests that fail (0–1000)
    bool sandbox_callback = true;          // the sandbox pushes its results; off: only the query finds them
  } invoice;
  struct Parking {                         // parking rules and reservations (docs/parking.md)
    int64_t reservation_timeout_s = 7200;  // a reservation without arrival times out after this
    int64_t sweep_interval_ms = 30000;     // reservation timeouts are looked for this often
  } parking;
  struct Log {
    std::string level = "info";
    bool access_log = true;
  } log;

  std::string source;  // where it was loaded from, for the start-up banner

  // Loads `path` if it exists (an explicitly given path must exist), then applies the environment.
  static Config load(const std::string& path, bool path_explicit);
};

struct ConfigKeyDoc {
  std::string env, key, default_value, help;
};
std::vector<ConfigKeyDoc> config_reference();

}  // namespace zc
