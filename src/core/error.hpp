#pragma once
// ApiError carries a RuoYi envelope code (400, 401, 403, 404, 409, 413, 500) and a message that
// names the offending field where there is one. Services throw it; the HTTP pipeline renders it. A
// `reason` (a stable code clients localize, e.g. a device command's) goes out as data {reason, detail}.
#include <stdexcept>
#include <string>

namespace zc {

class ApiError : public std::runtime_error {
 public:
  ApiError(int code, std::string message) : std::runtime_error(std::move(message)), code_(code) {}
  ApiError(int code, std::string message, std::string reason, std::string detail)
      : std::runtime_error(std::move(message)),
        code_(code),
        reason_(std::move(reason)),
        detail_(std::move(detail)) {}
  int code() const noexcept { return code_; }
  const std::string& reason() const noexcept { return reason_; }
  const std::string& detail() const noexcept { return detail_; }

 private:
  int code_;
  std::string reason_, detail_;
};

[[noreturn]] inline void fail_bad_request(std::string msg) {
  throw ApiError(400, std::move(msg));
}
[[noreturn]] inline void fail_unauthorized(std::string msg = "登录状态已过期，请重新登录") {
  throw ApiError(401, std::move(msg));
}
[[noreturn]] inline void fail_forbidden(std::string msg = "没有权限，请联系管理员授权") {
  throw ApiError(403, std::move(msg));
}
[[noreturn]] inline void fail_not_found(std::string msg = "数据不存在或无权访问") {
  throw ApiError(404, std::move(msg));
}
[[noreturn]] inline void fail_conflict(std::string msg) {
  throw ApiError(409, std::move(msg));
}

}  // namespace zc
