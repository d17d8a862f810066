#include "service/driver/sign_in_service.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/timezone.hpp"
#include "service/driver/phone.hpp"

namespace zc::driver {

namespace {

// Serialises sign-in work per phone on PostgreSQL (SQLite runs one writer at a time anyway), so two
// concurrent requests cannot both pass the resend check or both spend the same code.
void lock_phone(db::Connection& c, const std::string& phone) {
  if (c.dialect() == db::Dialect::postgres)
    c.query("SELECT pg_advisory_xact_lock(hashtext(?))", {"app_sms:" + phone});
}

std::string six_digits() {
  std::string s = std::to_string(randombytes_uniform(1000000));
  return std::string(6 - s.size(), '0') + s;
}

[[noreturn]] void too_many(std::string msg) {
  throw ApiError(429, std::move(msg));
}

}  // namespace

void require_phone(const std::string& phone) {
  if (!is_mainland_mobile(phone)) fail_bad_request("phone: 请输入11位手机号码");
}

CodeSent SignInService::send_code(const std::string& phone, const std::string& ip) {
  require_phone(phone);
  const auto& s = cfg_.sms;
  const int64_t now = now_ms();
  const int64_t day_start = TimeZone::shanghai().start_of_day(TimeZone::shanghai().local_date(now));
  std::string code = six_digits();
  db_.write([&](db::Connection& c) {
    lock_phone(c, phone);
    if (auto last = repo_.latest_code(c, phone);
        last && last->created_at + s.resend_interval_s * 1000 > now) {
      int64_t wait = (last->created_at + s.resend_interval_s * 1000 - now + 999) / 1000;
      too_many("phone: 验证码发送过于频繁，请" + std::to_string(wait) + "秒后再试");
    }
    if (repo_.codes_since(c, phone, day_start) >= s.daily_limit)
      too_many("phone: 该手机号今日获取验证码次数已达上限（" + std::to_string(s.daily_limit) + "次）");
    // one address asking codes for many phones (SMS bombing, number probing)
    if (s.ip_hourly_limit > 0 && !ip.empty() &&
        repo_.codes_from_ip_since(c, ip, now - 3'600'000) >= s.ip_hourly_limit)
      too_many("当前网络获取验证码过于频繁，请稍后再试");
    repo_.invalidate_codes(c, phone, now);  // only the newest code signs in
    repo_.insert_code(c, phone, crypto::token_digest(code), now, now + s.code_ttl_s * 1000, ip);
  });
  try {
    sms_.send_code(phone, code, (s.code_ttl_s + 59) / 60);
  } catch (const std::exception& e) {
    spdlog::error("sms({}): sending the code to {} failed: {}", sms_.name(), phone, e.what());
    db_.write([&](db::Connection& c) { repo_.invalidate_codes(c, phone, now_ms()); });
    throw ApiError(500, "短信发送失败，请稍后重试");
  }
  return {s.code_ttl_s, s.resend_interval_s};
}

SignedIn SignInService::sign_in(const std::string& phone, const std::string& code, const std::string& ip,
                                const std::string& user_agent) {
  require_phone(phone);
  if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos)
    fail_bad_request("code: 请输入6位数字验证码");
  const int64_t now = now_ms();
  const int64_t max_attempts = cfg_.sms.max_attempts;
  // The wrong-try count must be committed, so refusals are returned from the transaction and thrown after.
  std::optional<ApiError> refusal;
  SignedIn out;
  db_.write([&](db::Connection& c) {
    lock_phone(c, phone);
    auto last = repo_.latest_code(c, phone);
    if (!last || last->used || last->expires_at <= now) {
      refusal.emplace(400, "code: 验证码无效或已过期，请重新获取");
      return;
    }
    if (last->code_hash != crypto::token_digest(code)) {
      int attempts = last->attempts + 1;
      bool spent = attempts >= max_attempts;
      repo_.record_wrong_attempt(c, last->id, attempts, spent, now);
      refusal.emplace(400,
                      spent ? "code: 验证码错误次数过多，请重新获取"
                            : "code: 验证码错误，还可尝试" + std::to_string(max_attempts - attempts) + "次");
      return;
    }
    if (!repo_.consume_code(c, last->id, now)) {
      refusal.emplace(400, "code: 验证码无效或已过期，请重新获取");
      return;
    }
    auto user = repo_.find_user_by_phone(c, phone);
    if (!user) {
      db::AppUserRow u;
      u.id = repo_.create_user(c, phone, now);
      u.phone = phone;
      u.created_at = now;
      user = u;
    }
    if (user->status != 0) {
      refusal.emplace(403, "账号已停用，请联系客服");
      return;
    }
    repo_.record_login(c, user->id, now);
    out.token = crypto::random_token();
    out.expires_at = now + cfg_.app.token_ttl_days * kMsPerDay;
    repo_.create_session(c, crypto::token_digest(out.token), user->id, now, out.expires_at, ip, user_agent);
    out.user = *user;
  });
  if (refusal) throw *refusal;
  return out;
}

void SignInService::sign_out(const std::string& token) {
  db_.write([&](db::Connection& c) { repo_.revoke_session(c, crypto::token_digest(token), now_ms()); });
}

}  // namespace zc::driver
