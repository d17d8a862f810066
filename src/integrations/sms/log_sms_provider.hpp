#pragma once
// The built-in SMS provider: no message leaves the machine. The code is written to the log (info) and the
// last code per phone is kept in memory for the dev endpoint GET /app/dev/sms (sms.dev_endpoint: tests and
// the demo's driver simulator read it there).
#include <mutex>
#include <unordered_map>

#include "integrations/sms/sms_provider.hpp"

namespace zc::sms {

class LogSmsProvider final : public SmsProvider {
 public:
  const char* name() const override { return "log"; }
  void send_code(const std::string& phone, const std::string& code, int64_t valid_minutes) override;

  // The last code sent to `phone` by this process; nullopt when none.
  std::optional<std::string> last_code(const std::string& phone) const;

 private:
  static constexpr size_t kMaxKept = 100000;  // bounds memory if someone sends codes to many numbers
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::string> last_;
};

}  // namespace zc::sms
