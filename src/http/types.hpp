#pragma once
// Request/response as handlers see them — no Boost.Beast here, so handler files compile fast.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"

namespace zc::http {

struct Request {
  std::string method;  // "GET", "POST", …
  std::string target;  // raw target incl. query
  std::string path;    // decoded path without query
  QueryParams query;
  std::string body;
  std::string authorization, accept, accept_language, user_agent, content_type;
  std::string signature;  // Zc-Signature: payment gateway notifications (docs/payment.md)
  std::string remote_ip;
  std::string request_id;
  std::vector<std::pair<std::string, std::string>> path_params;
  PrincipalPtr principal;  // set by the auth middleware

  const std::string& param(std::string_view name) const;            // path parameter (route guarantees it)
  int64_t id_param(std::string_view name) const;                    // 400 when not an integer
  std::vector<int64_t> id_list_param(std::string_view name) const;  // "1,2,3"
  const Principal& user() const { return *principal; }
  bool english() const { return accept_language.rfind("en", 0) == 0; }
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool keep_alive_forbidden = false;
};

}  // namespace zc::http
