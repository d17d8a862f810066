#pragma once
// SQL of the driver app accounts (APP-1): users, sessions, sign-in codes, plates (migration 0011).
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace zc::db {

struct AppUserRow {
  int64_t id = 0;
  std::string phone, nickname;
  int status = 0;  // 0 enabled, 1 disabled
  int64_t created_at = 0;
};

struct AppSessionRow {
  int64_t session_id = 0;
  int64_t user_id = 0;
  int64_t expires_at = 0;
  std::string phone;
};

struct SmsCodeRow {
  int64_t id = 0;
  std::string code_hash;
  int64_t created_at = 0, expires_at = 0;
  int attempts = 0;
  bool used = false;
};

struct PlateRow {
  int64_t id = 0;
  std::string plate;
  int64_t created_at = 0;
};

class AppUserRepo {
 public:
  // Users
  std::optional<AppUserRow> find_user(Connection& c, int64_t id);
  std::optional<AppUserRow> find_user_by_phone(Connection& c, const std::string& phone);
  int64_t create_user(Connection& c, const std::string& phone, int64_t at);
  void record_login(Connection& c, int64_t user_id, int64_t at);
  void update_nickname(Connection& c, int64_t user_id, const std::string& nickname, int64_t at);

  // Sessions (token digests)
  int64_t create_session(Connection& c, const std::string& token_hash, int64_t user_id, int64_t at,
                         int64_t expires_at, const std::string& ip, const std::string& user_agent);
  // A live session of an enabled user; nullopt when unknown, expired, revoked or the user is disabled.
  std::optional<AppSessionRow> live_session(Connection& c, const std::string& token_hash, int64_t now);
  // True when a live session was revoked.
  bool revoke_session(Connection& c, const std::string& token_hash, int64_t at);

  // Sign-in codes
  std::optional<SmsCodeRow> latest_code(Connection& c, const std::string& phone);
  int64_t codes_since(Connection& c, const std::string& phone, int64_t since);
  int64_t codes_from_ip_since(Connection& c, const std::string& ip, int64_t since);
  void insert_code(Connection& c, const std::string& phone, const std::string& code_hash, int64_t at,
                   int64_t expires_at, const std::string& ip);
  void invalidate_codes(Connection& c, const std::string& phone, int64_t at);
  void record_wrong_attempt(Connection& c, int64_t code_id, int attempts, bool invalidate, int64_t at);
  // Marks the code used; false when another request used it first.
  bool consume_code(Connection& c, int64_t code_id, int64_t at);

  // Plates
  std::vector<PlateRow> plates(Connection& c, int64_t user_id);
  int64_t count_plates(Connection& c, int64_t user_id);
  bool has_plate(Connection& c, int64_t user_id, const std::string& plate);
  int64_t add_plate(Connection& c, int64_t user_id, const std::string& plate, int64_t at);
  bool delete_plate(Connection& c, int64_t user_id, int64_t plate_id);
};

}  // namespace zc::db
