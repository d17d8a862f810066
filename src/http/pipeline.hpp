#pragma once
// The middleware chain in front of every handler: request id → route → auth → permission →
// handler → operation log → error envelope → access log. No Beast here.
#include <atomic>
#include <optional>
#include <string>

#include "core/request_hooks.hpp"
#include "http/rate_limiter.hpp"
#include "http/router.hpp"

namespace zc::http {

class Pipeline {
 public:
  // `public_limiter`: requests per client address on the public routes (nullptr = none).
  Pipeline(const Router& router, Authenticator& auth, AuditSink& audit, bool access_log,
           RateLimiter* public_limiter = nullptr)
      : router_(router), auth_(auth), audit_(audit), access_log_(access_log), limiter_(public_limiter) {}

  // Network thread: answers at once when the route needs no blocking work (and auth is cached).
  std::optional<Response> try_inline(Request& req);
  // Worker thread: the full chain.
  Response handle(Request& req);
  // True when a route answers `method` on `path` (a GET route wins over the web app's fallback).
  bool has_route(std::string_view method, std::string_view path) const;
  // The body limit of the route answering `method` on `path` (`fallback`: http.body_limit), and the
  // largest of any route (the parser's limit before the path is known).
  int64_t body_limit(std::string_view method, std::string_view path, int64_t fallback) const;
  int64_t max_body_limit(int64_t fallback) const;

 private:
  Response run(Request& req, const Route* route, bool path_known, bool may_block);
  const Router& router_;
  Authenticator& auth_;
  AuditSink& audit_;
  bool access_log_;
  RateLimiter* limiter_;
  std::atomic<uint64_t> next_id_{1};
};

std::string mask_secrets(std::string_view json_body);

}  // namespace zc::http
