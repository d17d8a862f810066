#pragma once
// Ends a user's sessions (logout everywhere): used when a user is disabled, deleted or gets a new
// password. Runs inside the caller's transaction; the in-memory token cache is cleared too.
#include <cstdint>

#include "storage/database.hpp"

namespace zc::auth {

class SessionRevoker {
 public:
  virtual ~SessionRevoker() = default;
  // `except_session_id` keeps the caller's own session (own password change).
  virtual void revoke_user_sessions(db::Connection& c, int64_t user_id, int64_t except_session_id = 0) = 0;
  // Drops cached principals of the user (roles, permissions or scope changed).
  virtual void forget_user(int64_t user_id) = 0;
  virtual void forget_all() = 0;  // role permissions changed: anyone may be affected
};

}  // namespace zc::auth
