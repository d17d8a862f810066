#pragma once
// What the HTTP pipeline calls on every request, implemented above it by the auth service
// (src/service/auth): token → principal, and the operation log. Kept in core so that the service layer
// implements them without including src/http.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/principal.hpp"

namespace zc {

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

}  // namespace zc
