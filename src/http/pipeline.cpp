#include "http/pipeline.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>

#include "core/error.hpp"
#include "http/envelope.hpp"
#include "http/messages.hpp"
#include "storage/database.hpp"

namespace zc::http {

namespace {

std::string_view bearer(std::string_view h) {
  constexpr std::string_view p = "Bearer ";
  if (h.size() > p.size() && h.substr(0, p.size()) == p) return h.substr(p.size());
  return {};
}

void mask(boost::json::value& v) {
  if (auto* o = v.if_object()) {
    for (auto& kv : *o) {
      std::string k(kv.key());
      for (auto& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (k.find("password") != std::string::npos || k.find("token") != std::string::npos ||
          k.find("secret") != std::string::npos)
        kv.value() = "******";
      else
        mask(kv.value());
    }
  } else if (auto* a = v.if_array()) {
    for (auto& e : *a) mask(e);
  }
}

}  // namespace

std::string mask_secrets(std::string_view body) {
  if (body.empty()) return {};
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec) return "(非JSON请求体, " + std::to_string(body.size()) + " 字节)";
  mask(v);
  return boost::json::serialize(v);
}

bool Pipeline::has_route(std::string_view method, std::string_view path) const {
  std::vector<std::pair<std::string, std::string>> ignored;
  return router_.match(method, path, ignored).route != nullptr;
}

int64_t Pipeline::body_limit(std::string_view method, std::string_view path, int64_t fallback) const {
  std::vector<std::pair<std::string, std::string>> ignored;
  auto m = router_.match(method, path, ignored);
  return m.route && m.route->options.body_limit > 0 ? m.route->options.body_limit : fallback;
}

int64_t Pipeline::max_body_limit(int64_t fallback) const {
  return std::max(fallback, router_.max_body_limit());
}

std::optional<Response> Pipeline::try_inline(Request& req) {
  auto m = router_.match(req.method, req.path, req.path_params);
  if (!m.route || !m.route->options.inline_ok) return std::nullopt;
  if (!m.route->options.is_public) {
    auto token = bearer(req.authorization);
    if (token.empty()) return std::nullopt;
    req.principal = auth_.cached(token);
    if (!req.principal) return std::nullopt;
  }
  return run(req, m.route, true, false);
}

Response Pipeline::handle(Request& req) {
  auto m = router_.match(req.method, req.path, req.path_params);
  return run(req, m.route, m.path_known, true);
}

Response Pipeline::run(Request& req, const Route* route, bool path_known, bool may_block) {
  auto start = std::chrono::steady_clock::now();
  req.request_id = std::to_string(next_id_.fetch_add(1));
  Response res;
  std::string error_msg;
  try {
    if (!route) {
      if (path_known) throw ApiError(405, "不支持的请求方法: " + req.method);
      throw ApiError(404, "接口不存在: " + req.path);
    }
    const RouteOptions& o = route->options;
    if (o.is_public && !o.unlimited && limiter_ &&
        !limiter_->allow(req.remote_ip, std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::steady_clock::now().time_since_epoch())
                                            .count()))
      throw ApiError(429, "请求过于频繁，请稍后再试");
    if (!o.is_public && !req.principal) {
      auto token = bearer(req.authorization);
      if (token.empty()) fail_unauthorized("未登录或登录已过期，请重新登录");
      req.principal = may_block ? auth_.resolve(token) : auth_.cached(token);
      if (!req.principal) fail_unauthorized();
    }
    if (!o.permission.empty() && !req.principal->has_permission(o.permission))
      fail_forbidden("没有权限访问: " + o.permission);
    res = route->handler(req);
  } catch (const ApiError& e) {
    boost::json::value data;
    if (!e.reason().empty()) data = boost::json::object{{"reason", e.reason()}, {"detail", e.detail()}};
    res = error_response(e.code(), localize_message(e.what(), req.english()), std::move(data));
    error_msg = e.what();
  } catch (const db::DatabaseError& e) {
    spdlog::error("[{}] {} {}: {}", req.request_id, req.method, req.path, e.what());
    res = error_response(
        e.unique_violation() ? 409 : 500,
        localize_message(e.unique_violation() ? "数据已存在（唯一性冲突）" : "数据库错误，请稍后重试",
                         req.english()));
    error_msg = e.what();
  } catch (const std::exception& e) {
    spdlog::error("[{}] {} {}: {}", req.request_id, req.method, req.path, e.what());
    res = error_response(500, localize_message("服务器内部错误", req.english()));
    error_msg = e.what();
  }
  if (res.status == 429) res.headers.emplace_back("Retry-After", std::to_string(RateLimiter::kRetryAfterS));
  auto cost = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  res.headers.emplace_back("X-Request-Id", req.request_id);

  // Operation log: writes by signed-in users, success or failure (not 401s of anonymous callers).
  if (route && !route->options.log_title.empty() && req.principal) {
    OperationRecord r;
    r.title = route->options.log_title;
    r.business_type = static_cast<int>(route->options.op);
    r.method = route->pattern;
    r.request_method = req.method;
    r.url = req.target;
    r.ip = req.remote_ip;
    r.param = mask_secrets(req.body);
    r.result = res.body.size() > 2000 ? res.body.substr(0, 2000) : res.body;
    r.result = mask_secrets(r.result);
    r.status = res.status == 200 ? 0 : 1;
    r.error = error_msg.size() > 2000 ? error_msg.substr(0, 2000) : error_msg;
    r.cost_ms = cost.count();
    r.principal = req.principal;
    try {
      audit_.record_operation(r);
    } catch (const std::exception& e) {
      spdlog::error("operation log write failed: {}", e.what());
    }
  }
  if (access_log_)
    spdlog::info("[{}] {} {} {} {} {}ms", req.request_id, req.remote_ip, req.method, req.target, res.status,
                 cost.count());
  return res;
}

}  // namespace zc::http
