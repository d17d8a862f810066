#include "service/auth/online_users.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "storage/repositories/auth_repository.hpp"

namespace zc::auth {

db::RowsPage<db::sys::OnlineSessionRow> OnlineUsers::list(const QueryParams& q, const Principal& by) {
  return db_.read(
      [&](db::Connection& c) { return db::sys::OnlineSessionRepo(c).live(q, by.scope, now_ms()); });
}

void OnlineUsers::force_logout(int64_t session_id, const Principal& by) {
  if (session_id == by.session_id) fail_bad_request("id: 不能强退当前登录的会话，请使用退出登录");
  db_.write([&](db::Connection& c) {
    auto s = db::sys::OnlineSessionRepo(c).live_one(session_id, by.scope, now_ms());
    if (!s) fail_not_found();
    auth_.end_session(c, session_id);
    db::LoginLogEntry log{s->user_name,   s->ipaddr,     s->user_agent, "强制退出（" + by.user_name + "）", 0,
                          s->provider_id, s->property_id};
    db::AuthRepository().insert_login_log(c, log, now_ms());
  });
}

}  // namespace zc::auth
