#pragma once
// The online-users page (/monitor/online, as RuoYi's 在线用户): the live admin sessions of the accounts in
// the caller's scope, and forcing one out (its token answers 401 from then on, on every node once their
// session cache expires: auth.session_cache_seconds).
#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "service/auth/auth_service.hpp"
#include "storage/database.hpp"
#include "storage/repositories/online_session_repo.hpp"

namespace zc::auth {

class OnlineUsers {
 public:
  OnlineUsers(db::Database& db, AuthService& auth) : db_(db), auth_(auth) {}
  db::RowsPage<db::sys::OnlineSessionRow> list(const QueryParams& q, const Principal& by);
  // 404 for a session that is not live or not in `by`'s scope (the same answer); 400 for the caller's own
  // (signing out is the way). Written to the login log as "强制退出".
  void force_logout(int64_t session_id, const Principal& by);

 private:
  db::Database& db_;
  AuthService& auth_;
};

}  // namespace zc::auth
