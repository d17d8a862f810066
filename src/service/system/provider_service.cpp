#include "service/system/provider_service.hpp"

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "storage/repositories/system_dept.hpp"
#include "storage/repositories/system_provider.hpp"
#include "storage/repositories/system_user.hpp"

namespace zc::sys {

namespace json = boost::json;
using db::Connection;

namespace {

struct NewAccount {
  std::string password;
  std::string hash;
};

NewAccount new_account(const Config& cfg) {
  NewAccount a;
  a.password = crypto::random_password();
  a.hash = crypto::hash_password(a.password, cfg.auth.argon2_ops, cfg.auth.argon2_mem_kib);
  return a;
}

// The login account and top-level department of a new tenant (approved provider / new property).
std::pair<int64_t, int64_t> create_tenant_account(Connection& c, const Owner& owner, const std::string& name,
                                                  const std::string& phone, const std::string& email,
                                                  const std::string& hash, const std::string& by,
                                                  int64_t now) {
  // The tenant's own row holds the phone; only a user account with it is a conflict here.
  if (db::sys::UserRepo(c).account_exists(phone)) throw ApiError(409, "phone: 手机号已被其他账号使用");
  db::sys::DeptFields d;
  d.parent_id = 0;
  d.ancestors = "0";
  d.dept_name = name;
  d.email = email;
  d.provider_id = owner.provider_id;
  d.property_id = owner.property_id;
  int64_t dept_id = db::sys::DeptRepo(c).insert(d, by, now);

  db::sys::UserFields u;
  u.user_name = phone;
  u.nick_name = name;
  u.user_type = to_string(owner.type);
  u.phone = phone;
  u.email = email;
  u.password_hash = hash;
  u.provider_id = owner.provider_id;
  u.property_id = owner.property_id;
  u.dept_id = dept_id;
  db::sys::UserRepo users(c);
  int64_t user_id = users.insert(u, by, now);
  const char* role_key = owner.type == UserType::provider ? "provider_admin" : "property_admin";
  auto role = db::sys::RoleRepo(c).find_by_key(role_key);
  if (!role) throw std::runtime_error(std::string("built-in role missing: ") + role_key);
  users.add_role(user_id, role->id);
  return {user_id, dept_id};
}

void check_tenant_fields(const std::string& name, const std::string& contact, const std::string& email) {
  if (name.empty()) fail_bad_request("name: 不能为空");
  if (contact.empty()) fail_bad_request("contact: 不能为空");
  check_email("email", email);
}

}  // namespace

// ---- providers ----------------------------------------------------------------------------------

db::RowsPage<db::sys::ProviderRow> ProviderService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return db::sys::ProviderRepo(c).list(q, p.scope); });
}

db::sys::ProviderRow ProviderService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](Connection& c) { return db::sys::ProviderRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("服务商不存在");
  return *row;
}

std::vector<db::sys::ProviderOption> ProviderService::options(const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return db::sys::ProviderRepo(c).options(p.scope); });
}

int64_t ProviderService::create(const ProviderInput& in, const Principal& p) {
  check_tenant_fields(in.name, in.contact, in.email);
  if (!in.phone) fail_bad_request("phone: 不能为空");
  require_mobile("phone", *in.phone);
  int64_t parent = in.parent_id.value_or(0);
  if (p.scope.kind == UserType::provider && parent == 0)
    parent = p.scope.provider_id;  // a sub-merchant of its own
  if (!p.scope.all() && p.scope.kind != UserType::provider) fail_forbidden("无权新增服务商");
  return ctx_.db.write([&](Connection& c) {
    db::sys::ProviderRepo repo(c);
    if (parent != 0) {
      auto pp = repo.find(parent);
      if (!pp || !repo.in_scope(parent, p.scope)) fail_not_found("parentId: 上级服务商不存在");
      if (pp->parent_id != 0) fail_bad_request("parentId: 子商户不能再作为上级服务商");
      if (pp->status != 0) throw ApiError(409, "服务商已停用，不能在其下新增数据：" + pp->name);
    }
    if (db::sys::UserRepo(c).login_phone_taken(*in.phone)) throw ApiError(409, "phone: 手机号已被使用");
    db::sys::ProviderFields f{in.name, in.contact, *in.phone, in.email, parent};
    return repo.insert(f, p.user_name, now_ms());
  });
}

void ProviderService::update(const ProviderInput& in, const Principal& p) {
  check_tenant_fields(in.name, in.contact, in.email);
  ctx_.db.write([&](Connection& c) {
    db::sys::ProviderRepo repo(c);
    auto row = repo.find(in.id);
    if (!row || !repo.in_scope(in.id, p.scope)) fail_not_found("服务商不存在");
    if (in.phone && *in.phone != row->phone) fail_bad_request("phone: 手机号不可修改");
    repo.update(in.id, in.name, in.contact, in.email, p.user_name, now_ms());
  });
}

std::optional<AccountCreated> ProviderService::audit(int64_t id, int64_t audit_status,
                                                     const std::string& remark, const Principal& p) {
  if (audit_status != 1 && audit_status != 2) fail_bad_request("auditStatus: 只能是1（通过）或2（驳回）");
  std::optional<NewAccount> account;
  if (audit_status == 1) account = new_account(ctx_.cfg);  // hash outside the transaction
  return ctx_.db.write([&](Connection& c) -> std::optional<AccountCreated> {
    db::sys::ProviderRepo repo(c);
    auto row = repo.find(id);
    if (!row || !repo.in_scope(id, p.scope)) fail_not_found("服务商不存在");
    if (row->audit_status != 0) throw ApiError(409, "只能审核待审核的服务商");
    int64_t now = now_ms();
    if (audit_status == 2) {
      if (!repo.audit(id, 2, remark, 0, 0, p.user_name, now)) throw ApiError(409, "只能审核待审核的服务商");
      return std::nullopt;
    }
    Owner owner;
    owner.type = UserType::provider;
    owner.provider_id = id;
    auto [user_id, dept_id] =
        create_tenant_account(c, owner, row->name, row->phone, row->email, account->hash, p.user_name, now);
    if (!repo.audit(id, 1, remark, user_id, dept_id, p.user_name, now))
      throw ApiError(409, "只能审核待审核的服务商");
    return AccountCreated{id, row->phone, account->password};
  });
}

void ProviderService::change_status(int64_t id, int64_t status, const Principal& p) {
  check_status("status", status);
  ctx_.db.write([&](Connection& c) {
    db::sys::ProviderRepo repo(c);
    if (!repo.in_scope(id, p.scope)) fail_not_found("服务商不存在");
    repo.set_status(id, status, p.user_name, now_ms());
  });
}

// ---- properties ---------------------------------------------------------------------------------

db::RowsPage<db::sys::PropertyRow> PropertyService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return db::sys::PropertyRepo(c).list(q, p.scope); });
}

db::sys::PropertyRow PropertyService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](Connection& c) { return db::sys::PropertyRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("物业不存在");
  return *row;
}

std::vector<db::sys::PropertyOption> PropertyService::options(std::optional<int64_t> provider_id,
                                                              const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return db::sys::PropertyRepo(c).options(provider_id, p.scope); });
}

AccountCreated PropertyService::create(const PropertyInput& in, const Principal& p) {
  if (!in.provider_id) fail_bad_request("providerId: 不能为空");
  check_tenant_fields(in.name, in.contact, in.email);
  if (!in.phone) fail_bad_request("phone: 不能为空");
  require_mobile("phone", *in.phone);
  if (!p.scope.all() && p.scope.kind != UserType::provider) fail_forbidden("无权新增物业");
  NewAccount account = new_account(ctx_.cfg);
  return ctx_.db.write([&](Connection& c) {
    auto prov = db::sys::ProviderRepo(c).find(*in.provider_id);
    Owner owner;
    owner.type = UserType::property;
    owner.provider_id = *in.provider_id;
    if (!prov || !owner_in_scope(owner, p.scope)) fail_not_found("providerId: 服务商不存在");
    if (prov->status != 0) throw ApiError(409, "服务商已停用，不能在其下新增物业：" + prov->name);
    if (prov->audit_status != 1) throw ApiError(409, "服务商未审核通过，不能添加物业：" + prov->name);
    if (db::sys::UserRepo(c).login_phone_taken(*in.phone)) throw ApiError(409, "phone: 手机号已被使用");
    db::sys::PropertyRepo repo(c);
    db::sys::PropertyFields f{*in.provider_id, in.name,     in.contact, *in.phone,
                              in.email,        in.province, in.city,    in.address};
    int64_t now = now_ms();
    int64_t id = repo.insert(f, p.user_name, now);
    owner.property_id = id;
    auto [user_id, dept_id] =
        create_tenant_account(c, owner, in.name, *in.phone, in.email, account.hash, p.user_name, now);
    repo.set_account(id, user_id, dept_id);
    return AccountCreated{id, *in.phone, account.password};
  });
}

void PropertyService::update(const PropertyInput& in, const Principal& p) {
  check_tenant_fields(in.name, in.contact, in.email);
  ctx_.db.write([&](Connection& c) {
    db::sys::PropertyRepo repo(c);
    auto row = repo.find(in.id);
    Owner o = owner_of_columns(row ? row->provider_id : 0, in.id, 0);
    if (!row || !owner_in_scope(o, p.scope)) fail_not_found("物业不存在");
    if (in.phone && *in.phone != row->phone) fail_bad_request("phone: 手机号不可修改");
    db::sys::PropertyFields f{row->provider_id, in.name,     in.contact, row->phone,
                              in.email,         in.province, in.city,    in.address};
    repo.update(in.id, f, p.user_name, now_ms());
  });
}

void PropertyService::change_status(int64_t id, int64_t status, const Principal& p) {
  check_status("status", status);
  ctx_.db.write([&](Connection& c) {
    db::sys::PropertyRepo repo(c);
    auto row = repo.find(id);
    Owner o = owner_of_columns(row ? row->provider_id : 0, id, 0);
    if (!row || !owner_in_scope(o, p.scope)) fail_not_found("物业不存在");
    repo.set_status(id, status, p.user_name, now_ms());
  });
}

}  // namespace zc::sys
