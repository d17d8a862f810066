#pragma once
// The middleware chain in front of every handler: request id → route → auth → permission →
// handler → operation log → error envelope → access log. No Beast here.
#include <atomic>
#include <optional>
#include <string>

#include "http/router.hpp"

namespace zc::http {

// Resolves bearer tokens to principals (implemented by the auth service).
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // From memory only; nullptr when the answer needs the database.
  virtual PrincipalPtr cached(std::string_view token) = 0;
  // May read the database; nullptr when the token is unknown, expired or revoked.
  virtual PrincipalPtr resolve(std::string_view token) = 0;
};

struct OperationRecord {
  std::string title;
  int business_type = 0;
  std::string method;  // route pattern
  std::string request_method;
  std::string url;
  std::string ip;
  std::string param;   // request body with secrets masked
  std::string result;  // response body (truncated)
  int status = 0;      // 0 ok, 1 failed
  std::string error;
  int64_t cost_ms = 0;
  PrincipalPtr principal;
};

class AuditSink {
 public:
  virtual ~AuditSink() = default;
  virtual void record_operation(const OperationRecord& r) = 0;
};

class Pipeline {
 public:
  Pipeline(const Router& router, Authenticator& auth, AuditSink& audit, bool access_log)
      : router_(router), auth_(auth), audit_(audit), access_log_(access_log) {}

  // Network thread: answers at once when the route needs no blocking work (and auth is cached).
  std::optional<Response> try_inline(Request& req);
  // Worker thread: the full chain.
  Response handle(Request& req);
  // True when a route answers `method` on `path` (a GET route wins over the web app's fallback).
  bool has_route(std::string_view method, std::string_view path) const;

 private:
  Response run(Request& req, const Route* route, bool path_known, bool may_block);
  const Router& router_;
  Authenticator& auth_;
  AuditSink& audit_;
  bool access_log_;
  std::atomic<uint64_t> next_id_{1};
};

std::string mask_secrets(std::string_view json_body);

}  // namespace zc::http
