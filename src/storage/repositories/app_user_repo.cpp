#include "storage/repositories/app_user_repo.hpp"

namespace zc::db {

namespace {

AppUserRow user_of(const Result& r) {
  AppUserRow u;
  u.id = r.i64(0, 0);
  u.phone = r.str(0, 1);
  u.nickname = r.str(0, 2);
  u.status = static_cast<int>(r.i64(0, 3));
  u.created_at = r.i64(0, 4);
  return u;
}

constexpr const char* kUserColumns = "SELECT id, phone, nickname, status, created_at FROM app_user ";

}  // namespace

std::optional<AppUserRow> AppUserRepo::find_user(Connection& c, int64_t id) {
  auto r = c.query(std::string(kUserColumns) + "WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return user_of(r);
}

std::optional<AppUserRow> AppUserRepo::find_user_by_phone(Connection& c, const std::string& phone) {
  auto r = c.query(std::string(kUserColumns) + "WHERE phone = ?", {phone});
  if (r.empty()) return std::nullopt;
  return user_of(r);
}

int64_t AppUserRepo::create_user(Connection& c, const std::string& phone, int64_t at) {
  return c.insert("INSERT INTO app_user (phone, created_at) VALUES (?, ?)", {phone, at});
}

void AppUserRepo::record_login(Connection& c, int64_t user_id, int64_t at) {
  c.execute("UPDATE app_user SET last_login_at = ? WHERE id = ?", {at, user_id});
}

void AppUserRepo::update_nickname(Connection& c, int64_t user_id, const std::string& nickname, int64_t at) {
  c.execute("UPDATE app_user SET nickname = ?, updated_at = ? WHERE id = ?", {nickname, at, user_id});
}

int64_t AppUserRepo::create_session(Connection& c, const std::string& token_hash, int64_t user_id, int64_t at,
                                    int64_t expires_at, const std::string& ip, const std::string& ua) {
  return c.insert(
      "INSERT INTO app_session (token_hash, user_id, created_at, expires_at, ip, user_agent) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {token_hash, user_id, at, expires_at, ip, ua.substr(0, 500)});
}

std::optional<AppSessionRow> AppUserRepo::live_session(Connection& c, const std::string& token_hash,
                                                       int64_t now) {
  auto r = c.query(
      "SELECT s.id, s.user_id, s.expires_at, u.phone FROM app_session s JOIN app_user u ON u.id = s.user_id "
      "WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.status = 0",
      {token_hash, now});
  if (r.empty()) return std::nullopt;
  return AppSessionRow{r.i64(0, 0), r.i64(0, 1), r.i64(0, 2), r.str(0, 3)};
}

bool AppUserRepo::revoke_session(Connection& c, const std::string& token_hash, int64_t at) {
  return c.execute("UPDATE app_session SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                   {at, token_hash}) > 0;
}

std::optional<SmsCodeRow> AppUserRepo::latest_code(Connection& c, const std::string& phone) {
  auto r = c.query(
      "SELECT id, code_hash, created_at, expires_at, attempts, used_at FROM app_sms_code WHERE phone = ? "
      "ORDER BY created_at DESC, id DESC LIMIT 1",
      {phone});
  if (r.empty()) return std::nullopt;
  return SmsCodeRow{r.i64(0, 0),     r.str(0, 1), r.i64(0, 2), r.i64(0, 3), static_cast<int>(r.i64(0, 4)),
                    !r.is_null(0, 5)};
}

int64_t AppUserRepo::codes_since(Connection& c, const std::string& phone, int64_t since) {
  return c.scalar("SELECT COUNT(*) FROM app_sms_code WHERE phone = ? AND created_at >= ?", {phone, since})
      .value_or(0);
}

int64_t AppUserRepo::codes_from_ip_since(Connection& c, const std::string& ip, int64_t since) {
  return c.scalar("SELECT COUNT(*) FROM app_sms_code WHERE ip = ? AND created_at >= ?", {ip, since})
      .value_or(0);
}

void AppUserRepo::insert_code(Connection& c, const std::string& phone, const std::string& code_hash,
                              int64_t at, int64_t expires_at, const std::string& ip) {
  c.execute("INSERT INTO app_sms_code (phone, code_hash, created_at, expires_at, ip) VALUES (?, ?, ?, ?, ?)",
            {phone, code_hash, at, expires_at, ip});
}

void AppUserRepo::invalidate_codes(Connection& c, const std::string& phone, int64_t at) {
  c.execute("UPDATE app_sms_code SET used_at = ? WHERE phone = ? AND used_at IS NULL", {at, phone});
}

void AppUserRepo::record_wrong_attempt(Connection& c, int64_t code_id, int attempts, bool invalidate,
                                       int64_t at) {
  if (invalidate)
    c.execute("UPDATE app_sms_code SET attempts = ?, used_at = ? WHERE id = ?",
              {int64_t{attempts}, at, code_id});
  else
    c.execute("UPDATE app_sms_code SET attempts = ? WHERE id = ?", {int64_t{attempts}, code_id});
}

bool AppUserRepo::consume_code(Connection& c, int64_t code_id, int64_t at) {
  return c.execute("UPDATE app_sms_code SET used_at = ? WHERE id = ? AND used_at IS NULL", {at, code_id}) > 0;
}

std::vector<PlateRow> AppUserRepo::plates(Connection& c, int64_t user_id) {
  auto r = c.query("SELECT id, plate, created_at FROM app_plate WHERE user_id = ? ORDER BY id", {user_id});
  std::vector<PlateRow> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back({r.i64(i, 0), r.str(i, 1), r.i64(i, 2)});
  return out;
}

int64_t AppUserRepo::count_plates(Connection& c, int64_t user_id) {
  return c.scalar("SELECT COUNT(*) FROM app_plate WHERE user_id = ?", {user_id}).value_or(0);
}

bool AppUserRepo::has_plate(Connection& c, int64_t user_id, const std::string& plate) {
  return !c.query("SELECT 1 FROM app_plate WHERE user_id = ? AND plate = ?", {user_id, plate}).empty();
}

int64_t AppUserRepo::add_plate(Connection& c, int64_t user_id, const std::string& plate, int64_t at) {
  return c.insert("INSERT INTO app_plate (user_id, plate, created_at) VALUES (?, ?, ?)",
                  {user_id, plate, at});
}

bool AppUserRepo::delete_plate(Connection& c, int64_t user_id, int64_t plate_id) {
  return c.execute("DELETE FROM app_plate WHERE id = ? AND user_id = ?", {plate_id, user_id}) > 0;
}

}  // namespace zc::db
