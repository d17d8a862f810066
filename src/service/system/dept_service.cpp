#include "service/system/dept_service.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json_body.hpp"
#include "storage/repositories/system_dept.hpp"

namespace zc::sys {

namespace json = boost::json;
using db::Connection;

static Owner dept_owner(const db::sys::DeptRec& d) {
  return owner_of_columns(d.provider_id, d.property_id, d.collective_id);
}

static void check_dept_input(const DeptInput& in) {
  if (in.dept_name.empty()) fail_bad_request("deptName: 不能为空");
  check_status("status", in.status);
  check_contact_phone("phone", in.phone);
  check_email("email", in.email);
  if (in.order_num < 0 || in.order_num > 1000000) fail_bad_request("orderNum: 必须在0到1000000之间");
}

std::vector<db::sys::DeptRow> DeptService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return db::sys::DeptRepo(c).list(q, p.scope); });
}

db::sys::DeptRow DeptService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](Connection& c) { return db::sys::DeptRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("部门不存在");
  return *row;
}

std::vector<db::sys::DeptNode> DeptService::treeselect(std::optional<int64_t> provider_id,
                                                       std::optional<int64_t> property_id,
                                                       std::optional<int64_t> collective_id,
                                                       const Principal& p) {
  return ctx_.db.read([&](Connection& c) {
    return db::sys::DeptRepo(c).tree_rows(provider_id, property_id, collective_id, p.scope);
  });
}

int64_t DeptService::create(const DeptInput& in, const Principal& p) {
  check_dept_input(in);
  return ctx_.db.write([&](Connection& c) {
    db::sys::DeptRepo repo(c);
    db::sys::DeptFields f;
    f.parent_id = in.parent_id;
    f.dept_name = in.dept_name;
    f.order_num = in.order_num;
    f.leader = in.leader;
    f.phone = in.phone;
    f.email = in.email;
    f.status = in.status;
    if (in.parent_id == 0) {
      // A new top level only for the platform itself; tenants get theirs on approval / creation.
      if (!p.scope.all()) fail_bad_request("parentId: 请选择上级部门");
      f.ancestors = "0";
    } else {
      auto parent = repo.find(in.parent_id);
      if (!parent || !owner_in_scope(dept_owner(*parent), p.scope))
        fail_not_found("parentId: 上级部门不存在");
      Owner owner = dept_owner(*parent);
      check_owner_enabled(c, owner);
      if (parent->status != 0) throw ApiError(409, "上级部门已停用，不能新增子部门：" + parent->dept_name);
      f.ancestors = child_ancestors(parent->ancestors, parent->id);
      f.provider_id = parent->provider_id;
      f.property_id = parent->property_id;
      f.collective_id = parent->collective_id;
    }
    return repo.insert(f, p.user_name, now_ms());
  });
}

void DeptService::update(const DeptInput& in, const Principal& p) {
  check_dept_input(in);
  ctx_.db.write([&](Connection& c) {
    db::sys::DeptRepo repo(c);
    auto cur = repo.find(in.id);
    if (!cur || !owner_in_scope(dept_owner(*cur), p.scope)) fail_not_found("部门不存在");
    db::sys::DeptFields f;
    f.parent_id = in.parent_id;
    f.dept_name = in.dept_name;
    f.order_num = in.order_num;
    f.leader = in.leader;
    f.phone = in.phone;
    f.email = in.email;
    f.status = in.status;
    f.ancestors = cur->ancestors;
    if (in.parent_id != cur->parent_id) {
      if (in.parent_id == 0) {
        if (!p.scope.all() || dept_owner(*cur).type != UserType::system)
          fail_bad_request("parentId: 请选择上级部门");
        f.ancestors = "0";
      } else {
        auto parent = repo.find(in.parent_id);
        if (!parent || !owner_in_scope(dept_owner(*parent), p.scope))
          fail_not_found("parentId: 上级部门不存在");
        if (in_subtree(cur->id, parent->id, parent->ancestors))
          fail_bad_request("parentId: 上级部门不能是自己或自己的下级部门");
        if (!same_owner(dept_owner(*cur), dept_owner(*parent)))
          fail_bad_request("parentId: 不能移动到其他服务商或物业的部门下");
        if (parent->status != 0) throw ApiError(409, "上级部门已停用：" + parent->dept_name);
        f.ancestors = child_ancestors(parent->ancestors, parent->id);
      }
      // Keep the subtree's ancestors consistent with the move.
      std::string old_prefix = child_ancestors(cur->ancestors, cur->id);
      std::string new_prefix = child_ancestors(f.ancestors, cur->id);
      for (const auto& [id, anc] : repo.descendants(old_prefix))
        repo.set_ancestors(id, rebase_ancestors(anc, old_prefix, new_prefix));
    }
    repo.update(in.id, f, p.user_name, now_ms());
  });
}

void DeptService::remove(int64_t id, const Principal& p) {
  ctx_.db.write([&](Connection& c) {
    db::sys::DeptRepo repo(c);
    auto cur = repo.find(id);
    if (!cur || !owner_in_scope(dept_owner(*cur), p.scope)) fail_not_found("部门不存在");
    if (repo.has_children(id)) throw ApiError(409, "存在下级部门，不允许删除");
    if (repo.has_users(id)) throw ApiError(409, "部门存在用户，不允许删除");
    if (repo.has_posts(id)) throw ApiError(409, "部门存在岗位，不允许删除");
    if (repo.is_owner_top_dept(id)) throw ApiError(409, "服务商或物业的顶级部门不允许删除");
    repo.remove(id);
  });
}

// ---- posts --------------------------------------------------------------------------------------

static Owner post_owner(const db::sys::PostRec& r) {
  return owner_of_columns(r.provider_id, r.property_id, r.collective_id);
}

static void check_post_input(const PostInput& in) {
  if (in.post_name.empty()) fail_bad_request("postName: 不能为空");
  if (in.dept_id <= 0) fail_bad_request("deptId: 不能为空");
  check_status("status", in.status);
  if (in.order_num < 0 || in.order_num > 1000000) fail_bad_request("orderNum: 必须在0到1000000之间");
}

db::RowsPage<db::sys::PostRow> PostService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return db::sys::PostRepo(c).list(q, p.scope); });
}

db::sys::PostRow PostService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](Connection& c) { return db::sys::PostRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("岗位不存在");
  return *row;
}

std::vector<db::sys::PostOption> PostService::options(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return db::sys::PostRepo(c).options(q, p.scope); });
}

int64_t PostService::create(const PostInput& in, const Principal& p) {
  check_post_input(in);
  return ctx_.db.write([&](Connection& c) {
    auto dept = db::sys::DeptRepo(c).find(in.dept_id);
    if (!dept || !owner_in_scope(dept_owner(*dept), p.scope)) fail_not_found("deptId: 部门不存在");
    check_owner_enabled(c, dept_owner(*dept));
    if (dept->status != 0) throw ApiError(409, "部门已停用，不能新增岗位：" + dept->dept_name);
    db::sys::PostFields f{in.dept_id, in.post_code,      in.post_name,      in.order_num,       in.status,
                          in.remark,  dept->provider_id, dept->property_id, dept->collective_id};
    return db::sys::PostRepo(c).insert(f, p.user_name, now_ms());
  });
}

void PostService::update(const PostInput& in, const Principal& p) {
  check_post_input(in);
  ctx_.db.write([&](Connection& c) {
    db::sys::PostRepo repo(c);
    auto cur = repo.find(in.id);
    if (!cur || !owner_in_scope(post_owner(*cur), p.scope)) fail_not_found("岗位不存在");
    if (in.dept_id != cur->dept_id) {
      auto dept = db::sys::DeptRepo(c).find(in.dept_id);
      if (!dept || !owner_in_scope(dept_owner(*dept), p.scope)) fail_not_found("deptId: 部门不存在");
      if (!same_owner(post_owner(*cur), dept_owner(*dept)))
        fail_bad_request("deptId: 不能移动到其他服务商或物业的部门下");
      if (dept->status != 0) throw ApiError(409, "部门已停用：" + dept->dept_name);
    }
    db::sys::PostFields f{in.dept_id, in.post_code, in.post_name, in.order_num, in.status, in.remark};
    repo.update(in.id, f, p.user_name, now_ms());
  });
}

void PostService::remove(const std::vector<int64_t>& ids, const Principal& p) {
  ctx_.db.write([&](Connection& c) {
    db::sys::PostRepo repo(c);
    for (int64_t id : ids) {
      auto cur = repo.find(id);
      if (!cur || !owner_in_scope(post_owner(*cur), p.scope))
        fail_not_found("岗位不存在：" + std::to_string(id));
      if (repo.held(id)) throw ApiError(409, "岗位已分配给用户，不能删除");
      repo.remove(id);
    }
  });
}

}  // namespace zc::sys
