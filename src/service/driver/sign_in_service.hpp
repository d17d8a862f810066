#pragma once
// Driver sign-in by phone and SMS code (APP-1): sending codes within the limits (resend interval, daily
// maximum per phone, hourly maximum per client address, wrong tries, validity), signing in (the account is created on first sign-in), app sessions.
// App tokens are random (256 bit), stored as SHA-256 digests in app_session, expire and are revocable;
// they live apart from the admin sessions, so neither kind of token opens the other API.
#include <optional>
#include <string>

#include "core/config.hpp"
#include "integrations/sms/sms_provider.hpp"
#include "storage/database.hpp"
#include "storage/repositories/app_user_repo.hpp"

namespace zc::driver {

struct CodeSent {
  int64_t expires_in_s = 0;
  int64_t resend_in_s = 0;
};

struct SignedIn {
  std::string token;
  int64_t expires_at = 0;
  db::AppUserRow user;
};

class SignInService {
 public:
  SignInService(db::Database& db, const Config& cfg, sms::SmsProvider& sms) : db_(db), cfg_(cfg), sms_(sms) {}

  // 400 naming `phone` for a malformed number, 429 when a limit is reached.
  CodeSent send_code(const std::string& phone, const std::string& ip);
  // 400 naming `code` when the code is wrong, used up or expired; 403 for a disabled account.
  SignedIn sign_in(const std::string& phone, const std::string& code, const std::string& ip,
                   const std::string& user_agent);
  void sign_out(const std::string& token);

 private:
  db::Database& db_;
  const Config& cfg_;
  sms::SmsProvider& sms_;
  db::AppUserRepo repo_;
};

// Throws 400 "phone: …" unless `phone` is an 11-digit mainland mobile number.
void require_phone(const std::string& phone);

}  // namespace zc::driver
