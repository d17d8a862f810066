#include "integrations/sms/log_sms_provider.hpp"

#include <spdlog/spdlog.h>

namespace zc::sms {

void LogSmsProvider::send_code(const std::string& phone, const std::string& code, int64_t valid_minutes) {
  spdlog::info("sms(log): verification code {} for {} (valid {} min)", code, phone, valid_minutes);
  std::lock_guard lock(mu_);
  if (last_.size() >= kMaxKept && !last_.count(phone)) last_.clear();
  last_[phone] = code;
}

std::optional<std::string> LogSmsProvider::last_code(const std::string& phone) const {
  std::lock_guard lock(mu_);
  auto it = last_.find(phone);
  if (it == last_.end()) return std::nullopt;
  return it->second;
}

}  // namespace zc::sms
