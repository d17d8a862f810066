#pragma once
// Sends verification codes to drivers' phones (APP-1). Real providers (Aliyun, Tencent Cloud SMS) implement
// this interface; the built-in LogSmsProvider writes the code to the log instead.
#include <optional>
#include <string>

namespace zc::sms {

class SmsProvider {
 public:
  virtual ~SmsProvider() = default;
  virtual const char* name() const = 0;
  // Delivers `code` to `phone` (11-digit mainland number). Throws std::runtime_error when the provider
  // refuses or cannot be reached; the caller then does not count the code as sent.
  virtual void send_code(const std::string& phone, const std::string& code, int64_t valid_minutes) = 0;
};

}  // namespace zc::sms
