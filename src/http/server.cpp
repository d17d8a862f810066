#include "http/server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include <sys/resource.h>

#include <array>
#include <list>
#include <mutex>
#include <thread>

#include "devices/upgrade.hpp"
#include "http/client_address.hpp"
#include "http/envelope.hpp"
#include "http/pipeline.hpp"
#include "http/static_files.hpp"

namespace zc::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::use_awaitable;
constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

namespace {

// Every response: no MIME sniffing. Pages (the admin web, the driver H5, the sandbox cashier): scripts and
// everything else only from this origin (styles may be inline: the UI library sets style attributes),
// never framed (click-jacking), no referrer to other sites. A handler's own header wins (set after).
void set_security_headers(bhttp::response<bhttp::string_body>& res, std::string_view content_type) {
  res.set("X-Content-Type-Options", "nosniff");
  if (!content_type.starts_with("text/html")) return;
  res.set(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
      "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri "
      "'self'; "
      "form-action 'self'");
  res.set("X-Frame-Options", "DENY");
  res.set("Referrer-Policy", "same-origin");
}

struct Connection {
  explicit Connection(tcp::socket s) : stream(std::move(s)) {}
  beast::tcp_stream stream;
  bool busy = false;  // a request is being processed (only touched on the connection's strand)
};

bool decode_target(std::string_view target, Request& req) {
  auto u = boost::urls::parse_origin_form(target);
  if (!u) return false;
  req.path = u->path();
  for (auto p : u->params()) req.query[std::string(p.key)] = std::string(p.value);
  if (req.path.empty()) req.path = "/";
  return true;
}

}  // namespace

struct HttpServer::Impl {
  Impl(const Config& c, Pipeline& p, const StaticFiles& s)
      : cfg(c.http),
        trusted_proxies(parse_address_list(c.http.trusted_proxies)),
        pipeline(p),
        statics(s),
        ioc(static_cast<int>(std::max<int64_t>(1, c.http.threads))),
        workers(static_cast<size_t>(std::max<int64_t>(1, c.worker.threads))),
        acceptor(ioc),
        signals(ioc, SIGINT, SIGTERM) {}

  Config::Http cfg;
  std::vector<std::string> trusted_proxies;  // whose X-Forwarded-For names the client (http.trusted_proxies)
  Pipeline& pipeline;
  const StaticFiles& statics;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  std::atomic<bool> stopping{false};
  std::mutex conns_mu;
  std::list<std::weak_ptr<Connection>> conns;
  std::vector<devices::UpgradeRoute> upgrades;

  const devices::UpgradeRoute* upgrade_route(const bhttp::request<bhttp::string_body>& in,
                                             const std::string& path) const {
    if (upgrades.empty() || in.method() != bhttp::verb::get ||
        !beast::iequals(in[bhttp::field::upgrade], "websocket"))
      return nullptr;
    for (const auto& u : upgrades)
      if (path.rfind(u.prefix, 0) == 0) return &u;
    return nullptr;
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), no_throw);
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        spdlog::warn("accept: {}", ec.message());
        continue;
      }
      auto conn = std::make_shared<Connection>(std::move(socket));
      std::list<std::weak_ptr<Connection>>::iterator it;
      {
        std::lock_guard g(conns_mu);
        it = conns.insert(conns.end(), conn);
      }
      auto ex = conn->stream.get_executor();
      asio::co_spawn(ex, session(conn), [this, it](std::exception_ptr e) {
        if (e) {
          try {
            std::rethrow_exception(e);
          } catch (const std::exception& x) {
            spdlog::error("session: {}", x.what());
          }
        }
        std::lock_guard g(conns_mu);
        conns.erase(it);
      });
    }
  }

  asio::awaitable<void> write(Connection& c, bhttp::response<bhttp::string_body>& res) {
    c.stream.expires_after(std::chrono::milliseconds(cfg.read_timeout_ms));
    co_await bhttp::async_write(c.stream, res, no_throw);
  }

  asio::awaitable<void> reject(Connection& c, int status, std::string_view msg) {
    Response r = error_response(status, msg);
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(status), 11};
    res.set(bhttp::field::content_type, r.content_type);
    res.keep_alive(false);
    res.body() = std::move(r.body);
    res.prepare_payload();
    co_await write(c, res);
    // Lingering close: the client may still be sending what we refused (e.g. an oversized body).
    // Closing with unread input would reset the connection before it reads our answer, so half-close
    // and discard input for a bounded time and amount first.
    beast::error_code ignored;
    c.stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    c.stream.expires_after(std::chrono::seconds(2));
    std::array<char, 16384> sink;
    for (size_t drained = 0; drained < 16 * 1024 * 1024;) {
      auto [ec, n] = co_await c.stream.async_read_some(asio::buffer(sink), no_throw);
      if (ec) break;
      drained += n;
    }
  }

  asio::awaitable<void> session(std::shared_ptr<Connection> conn) {
    Connection& c = *conn;
    beast::flat_buffer buffer;
    std::string remote_ip;
    {
      beast::error_code ec;
      auto ep = c.stream.socket().remote_endpoint(ec);
      if (!ec) remote_ip = ep.address().to_string();
    }
    for (int64_t served = 0; !stopping; ++served) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(cfg.header_limit));
      // The largest limit of any route until the path is known, then the route's own (camera pushes).
      parser.body_limit(static_cast<std::uint64_t>(pipeline.max_body_limit(cfg.body_limit)));
      c.stream.expires_after(
          std::chrono::milliseconds(served == 0 ? cfg.read_timeout_ms : cfg.idle_timeout_ms));
      auto [ec, n] = co_await bhttp::async_read_header(c.stream, buffer, parser, no_throw);
      if (ec == bhttp::error::header_limit) co_return co_await reject(c, 431, "请求头过大");
      if (ec == bhttp::error::body_limit) co_return co_await reject(c, 413, "请求体过大");
      if (ec) {
        if (ec != bhttp::error::end_of_stream && ec != asio::error::operation_aborted &&
            ec != beast::error::timeout && ec != asio::error::connection_reset && ec != asio::error::eof)
          co_await reject(c, 400, "请求格式错误");
        break;
      }
      c.busy = true;
      Request req;
      req.method = std::string(parser.get().method_string());
      req.target = std::string(parser.get().target());
      if (!decode_target(req.target, req)) co_return co_await reject(c, 400, "请求路径格式错误");
      if (!parser.is_done()) {
        auto limit = static_cast<std::uint64_t>(pipeline.body_limit(req.method, req.path, cfg.body_limit));
        if (auto len = parser.content_length(); len && *len > limit)
          co_return co_await reject(c, 413, "请求体过大");
        parser.body_limit(limit);
        c.stream.expires_after(std::chrono::milliseconds(cfg.read_timeout_ms));
        auto [ec2, n2] = co_await bhttp::async_read(c.stream, buffer, parser, no_throw);
        if (ec2 == bhttp::error::body_limit) co_return co_await reject(c, 413, "请求体过大");
        if (ec2) break;
      }
      auto& in = parser.get();
      bool keep_alive = in.keep_alive() && served + 1 < cfg.max_keepalive_requests;

      if (const devices::UpgradeRoute* up = upgrade_route(in, req.path)) {
        // The protocol owns the connection from here on (c.busy stays set: shutdown goes through
        // the route's on_shutdown, not a socket cancel).
        devices::UpgradeRequest ur{c.stream, buffer, parser.release(), req.path, remote_ip};
        co_return co_await up->handle(ur);
      }
      req.body = std::move(in.body());
      req.authorization = std::string(in[bhttp::field::authorization]);
      req.accept = std::string(in[bhttp::field::accept]);
      req.accept_language = std::string(in[bhttp::field::accept_language]);
      req.user_agent = std::string(in[bhttp::field::user_agent]);
      req.content_type = std::string(in[bhttp::field::content_type]);
      req.signature = std::string(in["Zc-Signature"]);
      req.remote_ip = client_address(remote_ip, in["X-Forwarded-For"], trusted_proxies);

      Response out;
      if (auto r = pipeline.try_inline(req)) {
        out = std::move(*r);
      } else if (std::optional<Response> file;
                 (req.method == "GET" || req.method == "HEAD") &&
                 (file = statics.serve(req.path, req.accept.find("text/html") != std::string::npos &&
                                                     !pipeline.has_route("GET", req.path)))) {
        out = std::move(*file);
      } else {
        // Everything that may block (database) runs on the worker pool, never here.
        out = co_await asio::co_spawn(
            workers.get_executor(), [&]() -> asio::awaitable<Response> { co_return pipeline.handle(req); },
            use_awaitable);
      }
      if (stopping || out.keep_alive_forbidden) keep_alive = false;

      bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(out.status), in.version()};
      res.set(bhttp::field::server, "zhichong");
      res.set(bhttp::field::content_type, out.content_type);
      set_security_headers(res, out.content_type);
      for (auto& [k, v] : out.headers) res.set(k, v);
      res.keep_alive(keep_alive);
      if (req.method != "HEAD") res.body() = std::move(out.body);
      res.prepare_payload();
      co_await write(c, res);
      c.busy = false;
      if (!keep_alive) break;
    }
    beast::error_code ignored;
    c.stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  asio::awaitable<void> shutdown_on_signal() {
    auto [ec, sig] = co_await signals.async_wait(no_throw);
    if (ec) co_return;
    spdlog::info("signal {} received: stopping, letting in-flight requests finish", sig);
    stopping = true;
    beast::error_code ignored;
    acceptor.close(ignored);
    for (auto& u : upgrades)
      if (u.on_shutdown) u.on_shutdown();
    // Idle keep-alive connections are closed now; busy ones close after their response.
    {
      std::lock_guard g(conns_mu);
      for (auto& w : conns) {
        if (auto c = w.lock()) {
          asio::post(c->stream.get_executor(), [c] {
            if (!c->busy) c->stream.socket().cancel();
          });
        }
      }
    }
    asio::steady_timer t(ioc);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(cfg.shutdown_grace_ms);
    for (;;) {
      {
        std::lock_guard g(conns_mu);
        bool idle = conns.empty();
        for (const auto& u : upgrades) idle = idle && (!u.active || u.active() == 0);
        if (idle) break;
      }
      if (std::chrono::steady_clock::now() > deadline) {
        spdlog::warn("grace period over with connections still open");
        break;
      }
      t.expires_after(std::chrono::milliseconds(20));
      co_await t.async_wait(no_throw);
    }
    ioc.stop();
  }
};

HttpServer::HttpServer(const Config& cfg, Pipeline& pipeline, const StaticFiles& statics)
    : impl_(std::make_unique<Impl>(cfg, pipeline, statics)) {}
HttpServer::~HttpServer() = default;

void HttpServer::add_upgrade(devices::UpgradeRoute route) {
  impl_->upgrades.push_back(std::move(route));
}

uint16_t HttpServer::bind() {
  // Every charger holds a socket: raise the open-file limit to the hard limit (often 1024 → 20,000+).
  if (rlimit l{}; getrlimit(RLIMIT_NOFILE, &l) == 0 && l.rlim_cur < l.rlim_max) {
    l.rlim_cur = l.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &l) != 0) spdlog::warn("could not raise the open-file limit");
  }
  auto& a = impl_->acceptor;
  tcp::endpoint ep(asio::ip::make_address(impl_->cfg.host), static_cast<unsigned short>(impl_->cfg.port));
  a.open(ep.protocol());
  a.set_option(asio::socket_base::reuse_address(true));
  a.bind(ep);
  a.listen(asio::socket_base::max_listen_connections);
  return a.local_endpoint().port();
}

void HttpServer::run() {
  auto& im = *impl_;
  asio::co_spawn(im.ioc, im.accept_loop(), asio::detached);
  asio::co_spawn(im.ioc, im.shutdown_on_signal(), asio::detached);
  std::vector<std::thread> threads;
  for (int64_t i = 1; i < std::max<int64_t>(1, im.cfg.threads); ++i)
    threads.emplace_back([&] { im.ioc.run(); });
  im.ioc.run();
  for (auto& t : threads) t.join();
  im.workers.join();
}

}  // namespace zc::http
