#include "service/auth/auth_service.hpp"

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"

namespace zc::auth {

std::string AuthService::hash_password(std::string_view pw) const {
  return crypto::hash_password(pw, cfg_.argon2_ops, cfg_.argon2_mem_kib);
}

LoginResult AuthService::login(const std::string& user_name, const std::string& password,
                               const std::string& ip, const std::string& user_agent) {
  const int64_t now = now_ms();
  auto user = db_.read([&](db::Connection& c) { return repo_.find_login_user(c, user_name); });

  db::LoginLogEntry log{
      user_name, ip, user_agent, "", 1, user ? user->provider_id : 0, user ? user->property_id : 0};
  auto refuse = [&](const std::string& msg) {
    log.msg = msg;
    db_.write([&](db::Connection& c) { repo_.insert_login_log(c, log, now); });
    fail_bad_request(msg);
  };

  if (!user) {
    // Same cost as a real check, so response time does not reveal which accounts exist.
    static const std::string dummy = hash_password("not-a-real-password-1");
    crypto::verify_password(dummy, password);
    refuse("用户名或密码错误");
  }
  if (user->locked_until > now) {
    int64_t minutes = (user->locked_until - now + 59999) / 60000;
    refuse("账号已锁定，请" + std::to_string(minutes) + "分钟后再试");
  }
  // Verify before taking the write lock: argon2id is deliberately slow.
  bool ok = crypto::verify_password(user->password_hash, password);
  if (!ok) {
    int failed = user->failed_logins + 1;
    int64_t locked_until = 0;
    std::string msg = "用户名或密码错误";
    if (failed >= cfg_.max_failed_logins) {
      locked_until = now + cfg_.lockout_minutes * 60000;
      failed = 0;
      msg = "密码错误次数过多，账号已锁定" + std::to_string(cfg_.lockout_minutes) + "分钟";
    }
    db_.write([&](db::Connection& c) { repo_.record_failure(c, user->id, failed, locked_until); });
    refuse(msg);
  }
  if (user->status != 0) refuse("账号已停用，请联系管理员");

  LoginResult result;
  result.token = crypto::random_token();
  result.expires_at = now + cfg_.token_ttl_minutes * 60000;
  log.status = 0;
  log.msg = "登录成功";
  db_.write([&](db::Connection& c) {
    repo_.record_success(c, user->id, ip, now);
    repo_.create_session(c, crypto::token_digest(result.token), user->id, now, result.expires_at, ip,
                         user_agent);
    repo_.insert_login_log(c, log, now);
  });
  return result;
}

void AuthService::logout(const Principal& p) {
  db_.write([&](db::Connection& c) {
    repo_.revoke_session(c, p.session_id, now_ms());
    db::LoginLogEntry log{p.user_name, "", "", "退出成功", 0, p.scope.provider_id, p.scope.property_id};
    repo_.insert_login_log(c, log, now_ms());
  });
  forget_session(p.session_id);
}

void AuthService::change_own_password(const Principal& p, const std::string& old_pw,
                                      const std::string& new_pw) {
  auto hash = db_.read([&](db::Connection& c) { return repo_.password_hash(c, p.user_id); });
  if (!hash || !crypto::verify_password(*hash, old_pw)) fail_bad_request("oldPassword: 旧密码错误");
  if (auto problem = crypto::password_problem(new_pw); !problem.empty())
    fail_bad_request("newPassword: " + problem);
  if (old_pw == new_pw) fail_bad_request("newPassword: 新密码不能与旧密码相同");
  std::string new_hash = hash_password(new_pw);
  db_.write([&](db::Connection& c) {
    repo_.update_password(c, p.user_id, new_hash, now_ms(), p.user_name);
    revoke_user_sessions(c, p.user_id, p.session_id);
  });
}

void AuthService::end_session(db::Connection& c, int64_t session_id) {
  repo_.revoke_session(c, session_id, now_ms());
  forget_session(session_id);
}

PrincipalPtr AuthService::lookup(const std::string& digest, int64_t now) {
  std::shared_lock lock(mu_);
  auto it = cache_.find(digest);
  if (it == cache_.end()) return nullptr;
  const Entry& e = it->second;
  if (e.principal->expires_at <= now || e.loaded_at + cfg_.session_cache_seconds * 1000 <= now)
    return nullptr;
  return e.principal;
}

PrincipalPtr AuthService::cached(std::string_view token) {
  return lookup(crypto::token_digest(token), now_ms());
}

PrincipalPtr AuthService::resolve(std::string_view token) {
  const int64_t now = now_ms();
  std::string digest = crypto::token_digest(token);
  if (auto p = lookup(digest, now)) return p;
  auto loaded = db_.read([&](db::Connection& c) { return repo_.load_session_principal(c, digest, now); });
  std::unique_lock lock(mu_);
  if (!loaded) {
    cache_.erase(digest);
    return nullptr;
  }
  auto p = std::make_shared<const Principal>(std::move(*loaded));
  if (cache_.size() > 100000) cache_.clear();  // bound memory under token floods
  cache_[digest] = Entry{p, now};
  return p;
}

void AuthService::revoke_user_sessions(db::Connection& c, int64_t user_id, int64_t except_session_id) {
  repo_.revoke_user_sessions(c, user_id, except_session_id, now_ms());
  forget_user(user_id);
}

void AuthService::forget_user(int64_t user_id) {
  std::unique_lock lock(mu_);
  std::erase_if(cache_, [&](const auto& kv) { return kv.second.principal->user_id == user_id; });
}

void AuthService::forget_session(int64_t session_id) {
  std::unique_lock lock(mu_);
  std::erase_if(cache_, [&](const auto& kv) { return kv.second.principal->session_id == session_id; });
}

void AuthService::forget_all() {
  std::unique_lock lock(mu_);
  cache_.clear();
}

}  // namespace zc::auth
