#pragma once
// Sign-in, sessions and the token → principal cache. Tokens are random (256 bit), stored as SHA-256
// digests, expire, and are revoked by logout, disabling the user and password changes.
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "core/config.hpp"
#include "core/request_hooks.hpp"
#include "service/auth/session_revoker.hpp"
#include "storage/repositories/auth_repository.hpp"

namespace zc::auth {

struct LoginResult {
  std::string token;
  int64_t expires_at = 0;
};

class AuthService final : public Authenticator, public SessionRevoker {
 public:
  AuthService(db::Database& db, const Config::Auth& cfg) : db_(db), cfg_(cfg) {}

  // Throws ApiError(400) with the user-facing reason; every attempt lands in the login log.
  LoginResult login(const std::string& user_name, const std::string& password, const std::string& ip,
                    const std::string& user_agent);
  void logout(const Principal& p);
  void change_own_password(const Principal& p, const std::string& old_pw, const std::string& new_pw);
  // Ends one session (forced out from the online-users page) inside the caller's transaction; the
  // cached principal is dropped too.
  void end_session(db::Connection& c, int64_t session_id);

  // Authenticator
  PrincipalPtr cached(std::string_view token) override;
  PrincipalPtr resolve(std::string_view token) override;

  // SessionRevoker
  void revoke_user_sessions(db::Connection& c, int64_t user_id, int64_t except_session_id = 0) override;
  void forget_user(int64_t user_id) override;
  void forget_all() override;

  std::string hash_password(std::string_view pw) const;

 private:
  struct Entry {
    PrincipalPtr principal;
    int64_t loaded_at;
  };
  PrincipalPtr lookup(const std::string& digest, int64_t now);
  void forget_session(int64_t session_id);

  db::Database& db_;
  const Config::Auth& cfg_;
  db::AuthRepository repo_;
  std::shared_mutex mu_;
  std::unordered_map<std::string, Entry> cache_;  // token digest → principal
};

}  // namespace zc::auth
