#include "service/system/role_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "service/system/admin_guard.hpp"
#include "service/system/user_service.hpp"
#include "storage/repositories/system_user.hpp"

namespace zc::sys {

namespace json = boost::json;
using db::Connection;

namespace {

std::vector<int64_t> unique_ids(std::vector<int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

Owner role_owner(const db::sys::RoleRec& r) {
  Owner o;
  if (!parse_user_type(r.role_type, o.type)) o.type = UserType::system;
  o.provider_id = r.provider_id;
  o.property_id = r.property_id;
  o.collective_id = r.collective_id;
  return o;
}

db::sys::RoleRec role_in_scope(Connection& c, int64_t id, const Principal& p) {
  db::sys::RoleRepo roles(c);
  auto r = roles.find(id);
  if (!r || !roles.in_scope(id, p.scope)) fail_not_found("角色不存在");
  return *r;
}

// 400 for unknown menus, 403 for menus the caller does not hold itself.
void check_menus(Connection& c, const std::vector<int64_t>& ids, const Principal& p) {
  db::sys::RoleRepo roles(c);
  auto all = roles.all_menus();
  std::set<int64_t> known;
  std::vector<MenuNode> nodes;
  for (const auto& m : all) {
    known.insert(m.id);
    nodes.push_back({m.id, m.parent_id, m.perms});
  }
  for (int64_t id : ids)
    if (!known.count(id)) fail_bad_request("menuIds: 菜单不存在：" + std::to_string(id));
  if (p.super_admin) return;
  int64_t bad = first_ungrantable(ids, roles.held_menus(p.user_id), nodes);
  if (bad) fail_forbidden("menuIds: 不能授予自己没有的菜单权限：" + std::to_string(bad));
}

void check_role_name(const std::string& name, const std::string& remark) {
  if (name.empty()) fail_bad_request("roleName: 不能为空");
  (void)remark;
}

}  // namespace

db::RowsPage<db::sys::RoleRow> RoleService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return db::sys::RoleRepo(c).list(q, p.scope); });
}

db::sys::RoleDetail RoleService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](Connection& c) { return db::sys::RoleRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("角色不存在");
  return *row;
}

std::vector<db::sys::MenuNode> RoleService::menu_tree(const Principal& p) {
  return ctx_.db.read([&](Connection& c) {
    db::sys::RoleRepo roles(c);
    if (p.super_admin) return roles.menu_rows(nullptr);
    // What the caller holds, plus the ancestors that give the tree its shape.
    std::set<int64_t> keep = roles.held_menus(p.user_id);
    std::map<int64_t, int64_t> parent;
    for (const auto& m : roles.all_menus()) parent[m.id] = m.parent_id;
    for (int64_t id : std::set<int64_t>(keep)) {
      int guard = 0;
      for (auto it = parent.find(id); it != parent.end() && it->second != 0 && guard++ < 64;
           it = parent.find(it->second))
        keep.insert(it->second);
    }
    return roles.menu_rows(&keep);
  });
}

std::vector<db::sys::RoleOption> RoleService::options(const RoleOptionsQuery& q, const Principal& p) {
  if (q.role_type) {
    UserType t;
    if (!parse_user_type(*q.role_type, t))
      fail_bad_request("roleType: 只能是system、provider、property或collective");
  }
  return ctx_.db.read([&](Connection& c) {
    return db::sys::RoleRepo(c).options(q.role_type, q.provider_id, q.property_id, q.collective_id,
                                        p.super_admin, p.scope);
  });
}

int64_t RoleService::create(const RoleCreate& in, const Principal& p) {
  check_role_name(in.role_name, in.remark);
  check_status("status", in.status);
  std::string key =
      in.role_key && !in.role_key->empty() ? *in.role_key : "role_" + crypto::random_token().substr(0, 10);
  check_role_key("roleKey", key);
  std::vector<int64_t> menus = unique_ids(in.menu_ids);
  return ctx_.db.write([&](Connection& c) {
    Owner owner = resolve_owner(c, in.owner, p);
    check_menus(c, menus, p);
    db::sys::RoleRepo roles(c);
    db::sys::RoleFields f;
    f.role_name = in.role_name;
    f.role_key = key;
    f.role_type = to_string(owner.type);
    f.remark = in.remark;
    f.provider_id = owner.provider_id;
    f.property_id = owner.property_id;
    f.collective_id = owner.collective_id;
    f.status = in.status;
    int64_t id = roles.insert(f, p.user_name, now_ms());
    roles.set_menus(id, menus);
    return id;
  });
}

void RoleService::update(const RoleUpdate& in, const Principal& p) {
  check_role_name(in.role_name, in.remark);
  check_status("status", in.status);
  ctx_.db.write([&](Connection& c) {
    db::sys::RoleRec r = role_in_scope(c, in.id, p);
    if (r.built_in) fail_bad_request("内置角色不能修改：" + r.role_name);
    AdminGuard admins(c, p);
    db::sys::RoleRepo roles(c);
    if (in.menu_ids) {
      std::vector<int64_t> menus = unique_ids(*in.menu_ids);
      check_menus(c, menus, p);
      roles.set_menus(in.id, menus);
    }
    roles.update(in.id, in.role_name, in.remark, in.status, p.user_name, now_ms());
    admins.check();
  });
  ctx_.sessions.forget_all();
}

void RoleService::change_status(int64_t id, int64_t status, const Principal& p) {
  check_status("status", status);
  ctx_.db.write([&](Connection& c) {
    db::sys::RoleRec r = role_in_scope(c, id, p);
    if (r.built_in) fail_bad_request("内置角色不能停用：" + r.role_name);
    AdminGuard admins(c, p);
    db::sys::RoleRepo(c).set_status(id, status, p.user_name, now_ms());
    admins.check();
  });
  ctx_.sessions.forget_all();
}

void RoleService::remove(const std::vector<int64_t>& ids, const Principal& p) {
  ctx_.db.write([&](Connection& c) {
    db::sys::RoleRepo roles(c);
    AdminGuard admins(c, p);
    for (int64_t id : ids) {
      db::sys::RoleRec r = role_in_scope(c, id, p);
      if (r.built_in) fail_bad_request("内置角色不能删除：" + r.role_name);
      if (roles.user_count(id) > 0) throw ApiError(409, "角色已分配给用户，不能删除：" + r.role_name);
      roles.remove(id);
    }
    admins.check();
  });
}

db::RowsPage<db::sys::UserItem> RoleService::users(int64_t role_id, bool allocated, const QueryParams& q,
                                                   const Principal& p) {
  return ctx_.db.read([&](Connection& c) {
    db::sys::RoleRec r = role_in_scope(c, role_id, p);
    QueryParams qq = q;
    // Synthetic parameters bound by the list mechanism (never taken from the client).
    std::vector<db::Filter> extra;
    qq["_roleId"] = std::to_string(role_id);
    if (allocated) {
      extra.push_back({"_roleId", "u.id IN (SELECT ur.user_id FROM sys_user_role ur WHERE ur.role_id = ?)",
                       db::Match::custom, db::Kind::integer});
    } else {
      extra.push_back({"_roleId",
                       "u.id NOT IN (SELECT ur.user_id FROM sys_user_role ur WHERE ur.role_id = ?)",
                       db::Match::custom, db::Kind::integer});
      qq["_roleType"] = r.role_type;
      extra.push_back({"_roleType", "u.user_type", db::Match::equal, db::Kind::text});
      if (!r.built_in) {
        Owner o = role_owner(r);
        switch (o.type) {
          case UserType::system:
            break;
          case UserType::provider:
            qq["_owner"] = std::to_string(o.provider_id);
            extra.push_back({"_owner", "u.provider_id", db::Match::equal, db::Kind::integer});
            break;
          case UserType::property:
            qq["_owner"] = std::to_string(o.property_id);
            extra.push_back({"_owner", "u.property_id", db::Match::equal, db::Kind::integer});
            break;
          case UserType::collective:
            qq["_owner"] = std::to_string(o.collective_id);
            extra.push_back({"_owner", "u.collective_id", db::Match::equal, db::Kind::integer});
            break;
        }
      }
    }
    return db::sys::UserRepo(c).list(qq, p.scope, extra);
  });
}

void RoleService::grant_users(int64_t role_id, const std::vector<int64_t>& user_ids, const Principal& p) {
  std::vector<int64_t> ids = unique_ids(user_ids);
  ctx_.db.write([&](Connection& c) {
    role_in_scope(c, role_id, p);
    check_can_assign_role(c, role_id, p);
    db::sys::UserRepo users(c);
    for (int64_t uid : ids) {
      auto u = users.find(uid);
      if (!u || !users.in_scope(uid, p.scope)) fail_not_found("用户不存在：" + std::to_string(uid));
      Owner uo = user_owner(u->provider_id, u->property_id, u->collective_id, u->user_type);
      check_role_fits_user(c, role_id, uo);
      users.add_role(uid, role_id);
    }
  });
  for (int64_t uid : ids) ctx_.sessions.forget_user(uid);
}

void RoleService::revoke_users(int64_t role_id, const std::vector<int64_t>& user_ids, const Principal& p) {
  std::vector<int64_t> ids = unique_ids(user_ids);
  ctx_.db.write([&](Connection& c) {
    role_in_scope(c, role_id, p);
    check_can_assign_role(c, role_id, p);
    AdminGuard admins(c, p);
    db::sys::UserRepo users(c);
    for (int64_t uid : ids) {
      if (!users.in_scope(uid, p.scope)) fail_not_found("用户不存在：" + std::to_string(uid));
      users.remove_role(uid, role_id);
    }
    admins.check();
  });
  for (int64_t uid : ids) ctx_.sessions.forget_user(uid);
}

}  // namespace zc::sys
