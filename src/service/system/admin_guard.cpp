#include "service/system/admin_guard.hpp"

#include "core/error.hpp"
#include "storage/repositories/system_user.hpp"

namespace zc::sys {

namespace {
constexpr const char* kUserEdit = "system:user:edit";
}

AdminGuard::AdminGuard(db::Connection& c, const Principal& caller) : c_(c), caller_id_(caller.user_id) {
  db::sys::UserRepo users(c_);
  users.lock_admin_rule();  // before reading: concurrent changes are checked one after the other
  super_admins_before_ = users.enabled_super_admins();
  caller_edited_users_ = users.holds_permission(caller_id_, kUserEdit);
}

void AdminGuard::check() {
  db::sys::UserRepo users(c_);
  // A database without one (never through the API) does not block unrelated changes.
  if (super_admins_before_ > 0 && users.enabled_super_admins() == 0)
    fail_conflict("至少需要保留一个启用的超级管理员");
  if (caller_edited_users_ && !users.holds_permission(caller_id_, kUserEdit))
    fail_conflict("不能移除自己最后一个拥有用户修改权限（system:user:edit）的角色");
}

}  // namespace zc::sys
