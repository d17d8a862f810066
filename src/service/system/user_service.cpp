#include "service/system/user_service.hpp"

#include <algorithm>
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "service/system/admin_guard.hpp"
#include "service/system/station_directory.hpp"
#include "storage/repositories/system_dept.hpp"
#include "storage/repositories/system_provider.hpp"
#include "storage/repositories/system_user.hpp"

namespace zc::sys {

namespace json = boost::json;
using db::Connection;

StationDirectories& station_directories() {
  static StationDirectories dirs;
  return dirs;
}

Owner user_owner(int64_t provider_id, int64_t property_id, int64_t collective_id,
                 const std::string& user_type) {
  Owner o;
  if (!parse_user_type(user_type, o.type)) o.type = UserType::system;
  o.provider_id = provider_id;
  o.property_id = property_id;
  o.collective_id = collective_id;
  return o;
}

static Owner owner_of(const db::sys::UserRec& u) {
  return user_owner(u.provider_id, u.property_id, u.collective_id, u.user_type);
}

static db::sys::RoleRec role_in_reach(Connection& c, int64_t role_id, const Principal& caller) {
  db::sys::RoleRepo roles(c);
  auto r = roles.find(role_id);
  // The built-in templates have no owner and are offered to every user type; the admin role only to
  // super administrators (RoleRepo::options).
  bool visible = r && (roles.in_scope(role_id, caller.scope) ||
                       (r->built_in && (r->role_key != "admin" || caller.super_admin)));
  if (!visible) fail_bad_request("roleIds: 角色不存在：" + std::to_string(role_id));
  return *r;
}

void check_role_fits_user(Connection& c, int64_t role_id, const Owner& owner) {
  auto r = db::sys::RoleRepo(c).find(role_id);
  if (!r) fail_bad_request("roleIds: 角色不存在：" + std::to_string(role_id));
  if (r->status != 0) throw ApiError(409, "roleIds: 角色已停用，不能分配：" + r->role_name);
  Owner ro;
  if (!parse_user_type(r->role_type, ro.type)) ro.type = UserType::system;
  ro.provider_id = r->provider_id;
  ro.property_id = r->property_id;
  ro.collective_id = r->collective_id;
  bool fits = ro.type == owner.type && (r->built_in || same_owner(owner, ro));
  if (!fits) fail_bad_request("roleIds: 角色与用户的类型或归属不一致：" + r->role_name);
}

void check_can_assign_role(Connection& c, int64_t role_id, const Principal& caller) {
  if (caller.super_admin) return;
  db::sys::RoleRepo roles(c);
  auto r = roles.find(role_id);
  if (!r) fail_bad_request("roleIds: 角色不存在：" + std::to_string(role_id));
  if (r->built_in && r->role_key == "admin") fail_forbidden("只有超级管理员可以分配超级管理员角色");
  for (const auto& perm : roles.perms(role_id))
    if (!caller.has_permission(perm)) fail_forbidden("不能分配超出自身权限的角色：" + r->role_name);
}

namespace {

// The user row in the caller's scope, or 404.
db::sys::UserRec user_in_scope(Connection& c, int64_t id, const Principal& p) {
  db::sys::UserRepo users(c);
  auto u = users.find(id);
  if (!u || !users.in_scope(id, p.scope)) fail_not_found("用户不存在");
  return *u;
}

// Only a super admin manages an account that holds the admin role.
void guard_admin_account(Connection& c, int64_t id, const Principal& p) {
  if (!p.super_admin && db::sys::UserRepo(c).holds_role_key(id, "admin"))
    fail_forbidden("只有超级管理员可以管理超级管理员账号");
}

// A dept or post outside the caller's scope is answered as a missing one (SYS-SCOPE).
void check_dept(Connection& c, int64_t dept_id, const Owner& owner, const DataScope& scope) {
  auto d = db::sys::DeptRepo(c).find(dept_id);
  if (!d || !owner_in_scope(owner_of_columns(d->provider_id, d->property_id, d->collective_id), scope))
    fail_bad_request("deptId: 部门不存在");
  if (!same_owner(owner, owner_of_columns(d->provider_id, d->property_id, d->collective_id)))
    fail_bad_request("deptId: 部门与用户的归属不一致");
  if (d->status != 0) throw ApiError(409, "deptId: 部门已停用，不能分配：" + d->dept_name);
}

void check_post(Connection& c, int64_t post_id, const Owner& owner, const DataScope& scope) {
  auto po = db::sys::PostRepo(c).find(post_id);
  if (!po || !owner_in_scope(owner_of_columns(po->provider_id, po->property_id, po->collective_id), scope))
    fail_bad_request("postId: 岗位不存在");
  if (!same_owner(owner, owner_of_columns(po->provider_id, po->property_id, po->collective_id)))
    fail_bad_request("postId: 岗位与用户的归属不一致");
  if (po->status != 0) throw ApiError(409, "postId: 岗位已停用，不能分配");
}

std::vector<int64_t> unique_ids(std::vector<int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

void check_station_type(const std::string& t) {
  if (t != "car" && t != "bike") fail_bad_request("stationType: 只能是car或bike");
}

}  // namespace

db::RowsPage<db::sys::UserItem> UserService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return db::sys::UserRepo(c).list(q, p.scope); });
}

db::sys::UserDetail UserService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](Connection& c) { return db::sys::UserRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("用户不存在");
  return *row;
}

int64_t UserService::create(const UserCreate& in, const Principal& p) {
  if (in.nick_name.empty()) fail_bad_request("nickName: 不能为空");
  require_mobile("phone", in.phone);
  check_email("email", in.email);
  check_password("password", in.password);
  std::vector<int64_t> role_ids = unique_ids(in.role_ids);
  std::string hash =
      crypto::hash_password(in.password, ctx_.cfg.auth.argon2_ops, ctx_.cfg.auth.argon2_mem_kib);
  return ctx_.db.write([&](Connection& c) {
    Owner owner = resolve_owner(c, in.owner, p);
    db::sys::UserRepo users(c);
    if (users.login_phone_taken(in.phone)) throw ApiError(409, "phone: 手机号已被使用");
    if (in.dept_id && *in.dept_id) check_dept(c, *in.dept_id, owner, p.scope);
    if (in.post_id && *in.post_id) check_post(c, *in.post_id, owner, p.scope);
    for (int64_t r : role_ids) {
      role_in_reach(c, r, p);
      check_role_fits_user(c, r, owner);
      check_can_assign_role(c, r, p);
    }
    db::sys::UserFields f;
    f.user_name = in.phone;
    f.nick_name = in.nick_name;
    f.user_type = to_string(owner.type);
    f.phone = in.phone;
    f.email = in.email;
    f.password_hash = hash;
    f.provider_id = owner.provider_id;
    f.property_id = owner.property_id;
    f.collective_id = owner.collective_id;
    f.dept_id = in.dept_id.value_or(0);
    f.post_id = in.post_id.value_or(0);
    int64_t id = users.insert(f, p.user_name, now_ms());
    users.set_roles(id, role_ids);
    return id;
  });
}

void UserService::update(const UserUpdate& in, const Principal& p) {
  if (in.nick_name.empty()) fail_bad_request("nickName: 不能为空");
  check_email("email", in.email);
  std::string hash;
  if (in.password) {
    check_password("password", *in.password);
    hash = crypto::hash_password(*in.password, ctx_.cfg.auth.argon2_ops, ctx_.cfg.auth.argon2_mem_kib);
  }
  bool roles_changed = false;
  ctx_.db.write([&](Connection& c) {
    db::sys::UserRec u = user_in_scope(c, in.id, p);
    guard_admin_account(c, in.id, p);
    AdminGuard admins(c, p);
    if (in.phone && !in.phone->empty() && *in.phone != u.phone && *in.phone != u.user_name)
      fail_bad_request("phone: 手机号不可修改");
    Owner owner = owner_of(u);
    db::sys::UserRepo users(c);
    int64_t dept_id = in.dept_id ? *in.dept_id : u.dept_id;
    int64_t post_id = in.post_id ? *in.post_id : u.post_id;
    if (dept_id && dept_id != u.dept_id) check_dept(c, dept_id, owner, p.scope);
    if (post_id && post_id != u.post_id) check_post(c, post_id, owner, p.scope);
    if (in.role_ids) {
      std::vector<int64_t> next = unique_ids(*in.role_ids);
      std::vector<int64_t> cur = users.role_ids(in.id);
      for (int64_t r : next) {
        if (std::find(cur.begin(), cur.end(), r) != cur.end()) continue;  // already held
        role_in_reach(c, r, p);
        check_role_fits_user(c, r, owner);
        check_can_assign_role(c, r, p);
      }
      if (!p.super_admin)
        for (int64_t r : cur)
          if (std::find(next.begin(), next.end(), r) == next.end()) check_can_assign_role(c, r, p);
      if (next != cur) {
        users.set_roles(in.id, next);
        roles_changed = true;
      }
    }
    int64_t now = now_ms();
    users.update_profile(in.id, in.nick_name, in.email, dept_id, post_id, p.user_name, now);
    if (dept_id != u.dept_id) roles_changed = true;
    if (in.password) {
      users.set_password(in.id, hash, p.user_name, now);
      ctx_.sessions.revoke_user_sessions(c, in.id, in.id == p.user_id ? p.session_id : 0);
    }
    admins.check();
  });
  if (roles_changed) ctx_.sessions.forget_user(in.id);
}

void UserService::change_status(int64_t id, int64_t status, const Principal& p) {
  check_status("status", status);
  if (status != 0 && id == p.user_id) fail_bad_request("不能停用当前登录的用户");
  ctx_.db.write([&](Connection& c) {
    user_in_scope(c, id, p);  // first: an out-of-scope caller learns nothing about the row
    if (status != 0 && id == 1) fail_bad_request("不能停用超级管理员");
    guard_admin_account(c, id, p);
    AdminGuard admins(c, p);
    db::sys::UserRepo(c).set_status(id, status, p.user_name, now_ms());
    if (status != 0) ctx_.sessions.revoke_user_sessions(c, id);
    admins.check();
  });
  ctx_.sessions.forget_user(id);
}

void UserService::remove(const std::vector<int64_t>& ids, const Principal& p) {
  for (int64_t id : ids) {
    if (id == p.user_id) fail_bad_request("不能删除当前登录的用户");
  }
  ctx_.db.write([&](Connection& c) {
    db::sys::UserRepo users(c);
    AdminGuard admins(c, p);
    for (int64_t id : ids) {
      user_in_scope(c, id, p);  // first: an out-of-scope caller learns nothing about the row
      if (id == 1) fail_bad_request("不能删除超级管理员");
      guard_admin_account(c, id, p);
      ctx_.sessions.revoke_user_sessions(c, id);
      db::sys::ProviderRepo(c).clear_user(id);
      db::sys::PropertyRepo(c).clear_user(id);
      users.remove(id);
    }
    admins.check();
  });
  for (int64_t id : ids) ctx_.sessions.forget_user(id);
}

void UserService::reset_password(int64_t id, const std::string& password, const Principal& p) {
  check_password("password", password);
  std::string hash = crypto::hash_password(password, ctx_.cfg.auth.argon2_ops, ctx_.cfg.auth.argon2_mem_kib);
  ctx_.db.write([&](Connection& c) {
    user_in_scope(c, id, p);
    guard_admin_account(c, id, p);
    db::sys::UserRepo(c).set_password(id, hash, p.user_name, now_ms());
    ctx_.sessions.revoke_user_sessions(c, id, id == p.user_id ? p.session_id : 0);
  });
}

void UserService::bind_stations(int64_t id, const std::string& station_type,
                                const std::vector<int64_t>& station_ids, const Principal& p) {
  check_station_type(station_type);
  std::vector<int64_t> ids = unique_ids(station_ids);
  for (int64_t s : ids)
    if (s <= 0) fail_bad_request("stationIds: 应为正整数");
  ctx_.db.write([&](Connection& c) {
    db::sys::UserRec u = user_in_scope(c, id, p);
    if (!ids.empty()) {
      auto dir = station_directories().find(station_type);
      if (!dir) fail_bad_request("stationIds: 电站不存在");
      auto bad = dir->invalid(c, ids, owner_of(u), p.scope);
      if (!bad.empty()) fail_bad_request("stationIds: 电站不存在：" + std::to_string(bad.front()));
    }
    db::sys::UserRepo(c).set_stations(id, station_type, ids);
  });
  ctx_.sessions.forget_user(id);
}

std::vector<db::station::StationName> UserService::station_options(const std::string& station_type,
                                                                   std::optional<int64_t> user_id,
                                                                   const Principal& p) {
  check_station_type(station_type);
  return ctx_.db.read([&](Connection& c) {
    Owner owner;
    owner.type = p.scope.kind;
    owner.provider_id = p.scope.provider_id;
    owner.property_id = p.scope.property_id;
    owner.collective_id = p.scope.collective_id;
    if (user_id) owner = owner_of(user_in_scope(c, *user_id, p));
    auto dir = station_directories().find(station_type);
    if (!dir) return std::vector<db::station::StationName>();
    return dir->options(c, owner, p.scope);
  });
}

}  // namespace zc::sys
