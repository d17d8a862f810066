#include "app/demo.hpp"

#include "core/crypto.hpp"
#include "service/system/dept_service.hpp"
#include "service/system/provider_service.hpp"
#include "service/system/role_service.hpp"
#include "service/system/user_service.hpp"
#include "storage/repositories/auth_repository.hpp"

namespace zc::app {

std::vector<DemoAccount> seed_demo(db::Database& db, const Config& cfg, auth::SessionRevoker& sessions) {
  const bool seeded = db.read(
      [](db::Connection& c) { return c.scalar("SELECT COUNT(*) FROM sys_provider").value_or(0) > 0; });
  if (seeded) return {};
  db::AuthRepository auth_repo;
  auto admin_id = db.read([&](db::Connection& c) { return auth_repo.find_user_id(c, "admin"); });
  if (!admin_id) return {};

  Principal admin;
  admin.user_id = *admin_id;
  admin.user_name = "admin";
  admin.super_admin = true;
  sys::SystemContext ctx{db, cfg, sessions};
  sys::ProviderService providers(ctx);
  sys::PropertyService properties(ctx);
  sys::DeptService depts(ctx);
  sys::PostService posts(ctx);
  sys::RoleService roles(ctx);
  sys::UserService users(ctx);
  std::vector<DemoAccount> accounts;

  sys::ProviderInput prov;
  prov.name = "智充示范运营服务商";
  prov.contact = "张经理";
  prov.phone = "13900000001";
  prov.email = "ops@zhichong.example";
  int64_t provider_id = providers.create(prov, admin);
  auto account = providers.audit(provider_id, 1, "示例数据：资料齐全，审核通过", admin);
  accounts.push_back({"服务商 " + prov.name, account->user_name, account->initial_password});

  sys::ProviderInput pending;
  pending.name = "城东新能源科技（待审核）";
  pending.contact = "李工";
  pending.phone = "13900000002";
  pending.email = "east@zhichong.example";
  providers.create(pending, admin);

  struct Site {
    const char *name, *contact, *phone, *city, *address;
  };
  const Site sites[] = {{kDemoProperty, "王主管", "13900000011", "杭州市", "西湖区文三路100号"},
                        {"滨江商务区物业", "赵主管", "13900000012", "杭州市", "滨江区江南大道588号"}};
  for (const Site& s : sites) {
    sys::PropertyInput in;
    in.provider_id = provider_id;
    in.name = s.name;
    in.contact = s.contact;
    in.phone = s.phone;
    in.email = "";
    in.province = "浙江省";
    in.city = s.city;
    in.address = s.address;
    auto created = properties.create(in, admin);
    accounts.push_back({std::string("物业 ") + s.name, created.user_name, created.initial_password});

    int64_t top_dept = properties.get(created.id, admin).dept_id.value_or(0);
    sys::DeptInput ops{.parent_id = top_dept, .dept_name = "运维部", .order_num = 1, .leader = s.contact};
    int64_t ops_dept = depts.create(ops, admin);
    sys::DeptInput service{.parent_id = top_dept, .dept_name = "客服部", .order_num = 2};
    depts.create(service, admin);
    sys::PostInput engineer{
        .dept_id = ops_dept, .post_code = "ops", .post_name = "运维工程师", .order_num = 1};
    int64_t post_id = posts.create(engineer, admin);

    sys::RoleCreate role;
    role.owner = {UserType::property, provider_id, created.id, std::nullopt};
    role.role_name = "运维人员";
    role.remark = "查看系统用户、部门、岗位与设备上下线记录";
    role.menu_ids = {100, 101, 600, 606, 700, 703, 70301, 705, 706};
    int64_t role_id = roles.create(role, admin);

    sys::UserCreate staff;
    staff.owner = role.owner;
    staff.nick_name = std::string(s.contact) == "王主管" ? "陈运维" : "周运维";
    staff.phone = s.phone;
    staff.phone[9] = '2';  // 139000000 1x → 139000000 2x
    staff.password = crypto::random_password();
    staff.dept_id = ops_dept;
    staff.post_id = post_id;
    staff.role_ids = {role_id};
    users.create(staff, admin);
    accounts.push_back({std::string("运维人员 ") + s.name, staff.phone, staff.password});
  }
  return accounts;
}

}  // namespace zc::app
