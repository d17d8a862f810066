#include "api/driver/app_auth.hpp"

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "storage/repositories/app_user_repo.hpp"

namespace zc::api::driver {

std::string bearer_token(const http::Request& req) {
  constexpr std::string_view p = "Bearer ";
  const std::string& h = req.authorization;
  if (h.size() > p.size() && h.compare(0, p.size(), p) == 0) return h.substr(p.size());
  return {};
}

// One indexed read per request: a revoked token (logout, disabled driver) is refused at once.
AppUser require_app_user(db::Database& db, const http::Request& req) {
  std::string token = bearer_token(req);
  if (token.empty()) fail_unauthorized("未登录，请先登录");
  std::string digest = crypto::token_digest(token);
  db::AppUserRepo repo;
  auto s = db.read([&](db::Connection& c) { return repo.live_session(c, digest, now_ms()); });
  if (!s) fail_unauthorized("登录状态已过期，请重新登录");
  return {s->user_id, s->phone};
}

}  // namespace zc::api::driver
