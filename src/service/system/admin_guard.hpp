#pragma once
// SYS-ADMIN (docs/api-system.md "Keeping an administrator"): the one rule every change of users' roles,
// roles' status and grants, and users' status and existence keeps —
//   - there is always at least one enabled user holding the enabled super-administrator role;
//   - a user cannot take from themselves their last enabled role that grants system:user:edit.
// Create the guard at the start of the changing transaction and call check() after the change: it throws
// ApiError 409, which rolls the whole change back.
#include <cstdint>

#include "core/principal.hpp"
#include "storage/database.hpp"

namespace zc::sys {

class AdminGuard {
 public:
  AdminGuard(db::Connection& c, const Principal& caller);
  void check();

 private:
  db::Connection& c_;
  int64_t caller_id_;
  int64_t super_admins_before_;
  bool caller_edited_users_;
};

}  // namespace zc::sys
