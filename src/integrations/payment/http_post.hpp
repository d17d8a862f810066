#pragma once
// A small blocking HTTP/1.1 POST (plain http://) with one overall timeout, for the sandbox gateway's
// notifications. The only file of the payment integration that sees Boost.Beast.
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace zc::payment {

struct HttpPostResult {
  int status = 0;  // 0 when no answer (error set)
  std::string body;
  std::string error;
};

HttpPostResult http_post(const std::string& url,
                         const std::vector<std::pair<std::string, std::string>>& headers,
                         const std::string& body, std::chrono::milliseconds timeout);

}  // namespace zc::payment
