#pragma once
// SQL of sign-in, sessions, menus and the audit logs.
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "storage/database.hpp"

namespace zc::db {

struct LoginUser {
  int64_t id = 0;
  std::string user_name, password_hash;
  int status = 0;
  int failed_logins = 0;
  int64_t locked_until = 0;
  int64_t provider_id = 0, property_id = 0;
};

struct MenuRow {
  int64_t id = 0, parent_id = 0;
  std::string name, name_en, type, path, component, perms, icon;
  int order = 0;
};

struct LoginLogEntry {
  std::string user_name, ip, user_agent, msg;
  int status = 0;  // 0 success, 1 failure
  int64_t provider_id = 0, property_id = 0;
};

class AuthRepository {
 public:
  std::optional<LoginUser> find_login_user(Connection& c, const std::string& user_name);
  void record_failure(Connection& c, int64_t user_id, int failed_logins, int64_t locked_until);
  void record_success(Connection& c, int64_t user_id, const std::string& ip, int64_t at);
  int64_t create_session(Connection& c, const std::string& token_hash, int64_t user_id, int64_t at,
                         int64_t expires_at, const std::string& ip, const std::string& user_agent);
  // Loads the principal for a live session of an enabled user; nullopt otherwise.
  std::optional<Principal> load_session_principal(Connection& c, const std::string& token_hash, int64_t now);
  void revoke_session(Connection& c, int64_t session_id, int64_t at);
  void revoke_user_sessions(Connection& c, int64_t user_id, int64_t except_session_id, int64_t at);

  // Menus (directories and pages) the user may see; all of them for the super admin.
  std::vector<MenuRow> menus_for(Connection& c, const Principal& p);

  void insert_login_log(Connection& c, const LoginLogEntry& e, int64_t at);
  struct OperLog {
    std::string title, method, request_method, oper_name, url, ip, param, result, error;
    int business_type = 0, status = 0;
    int64_t cost_ms = 0, provider_id = 0, property_id = 0;
  };
  void insert_oper_log(Connection& c, const OperLog& e, int64_t at);

  // Profile of the signed-in user.
  std::optional<std::string> password_hash(Connection& c, int64_t user_id);
  void update_password(Connection& c, int64_t user_id, const std::string& hash, int64_t at,
                       const std::string& by);
  void update_profile(Connection& c, int64_t user_id, const std::string& nick, const std::string& email,
                      int64_t at);

  // Bootstrap and the `zhichong user` command.
  int64_t count_users(Connection& c);
  int64_t create_system_admin(Connection& c, const std::string& user_name, const std::string& nick,
                              const std::string& hash, int64_t at);
  std::optional<int64_t> find_user_id(Connection& c, const std::string& user_name);
};

}  // namespace zc::db
