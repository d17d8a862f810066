#include "api/admin/auth/auth_routes.hpp"

#include "api/row_json.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json_body.hpp"
#include "http/envelope.hpp"
#include "service/auth/router_tree.hpp"
#include "storage/repositories/system_user.hpp"

namespace zc::api {

namespace json = boost::json;
using http::Op;
using http::Request;
using http::Response;

namespace {

json::object user_json(const Principal& p) {
  json::object u;
  u["id"] = p.user_id;
  u["userName"] = p.user_name;
  u["nickName"] = p.nick_name;
  u["phone"] = p.phone;
  u["email"] = p.email;
  u["userType"] = to_string(p.scope.kind);
  u["providerId"] = p.scope.provider_id ? json::value(p.scope.provider_id) : json::value(nullptr);
  u["propertyId"] = p.scope.property_id ? json::value(p.scope.property_id) : json::value(nullptr);
  u["collectiveId"] = p.scope.collective_id ? json::value(p.scope.collective_id) : json::value(nullptr);
  u["deptId"] = p.dept_id ? json::value(p.dept_id) : json::value(nullptr);
  u["deptName"] = p.dept_name;
  json::array role_names;
  for (const auto& n : p.role_names) role_names.emplace_back(n);
  u["roleNames"] = std::move(role_names);
  u["avatar"] = "";
  return u;
}

}  // namespace

void register_auth_routes(http::Router& router, db::Database& db, auth::AuthService& auth) {
  router.get("/health", {.is_public = true, .inline_ok = true, .unlimited = true}, [](Request&) {
    return http::ok(json::object{{"status", "ok"}});
  });

  router.post("/login", {.is_public = true}, [&auth](Request& r) {
    auto body = JsonBody::parse(r.body);
    std::string user = body.str("username", 64);
    auto pw = body.opt_str("password", 128);
    if (!pw || pw->empty()) fail_bad_request("password: 不能为空");
    auto result = auth.login(user, *pw, r.remote_ip, r.user_agent);
    return http::ok(json::object{{"token", result.token}, {"expiresAt", result.expires_at}}, "登录成功");
  });

  router.post("/logout", {}, [&auth](Request& r) {
    auth.logout(r.user());
    return http::ok(nullptr, "退出成功");
  });

  // Answered from the cached principal: no database work, so it may run on the network thread.
  router.get("/getInfo", {.inline_ok = true}, [](Request& r) {
    const Principal& p = r.user();
    json::array roles, perms;
    for (const auto& k : p.role_keys) roles.emplace_back(k);
    if (p.super_admin)
      perms.emplace_back("*:*:*");
    else
      for (const auto& k : p.permissions) perms.emplace_back(k);
    return http::ok(json::object{{"user", user_json(p)}, {"roles", roles}, {"permissions", perms}});
  });

  router.get("/getRouters", {}, [&db](Request& r) {
    db::AuthRepository repo;
    auto menus = db.read([&](db::Connection& c) { return repo.menus_for(c, r.user()); });
    return http::ok(auth::build_router_tree(menus));
  });

  // The signed-in user's full row (roles, dept, owner names, login and creation times).
  router.get("/system/user/profile", {}, [&db](Request& r) {
    json::object profile = user_json(r.user());
    auto row = db.read(
        [&](db::Connection& c) { return db::sys::UserRepo(c).detail(r.user().user_id, DataScope{}); });
    if (row)
      for (auto& kv : row_json(*row)) profile[kv.key()] = kv.value();
    return http::ok(std::move(profile));
  });

  router.put("/system/user/profile", {.log_title = "个人信息", .op = Op::edit}, [&db, &auth](Request& r) {
    auto body = JsonBody::parse(r.body);
    std::string nick = body.str("nickName", 30);
    std::string email = body.opt_str("email", 50).value_or("");
    if (!email.empty() && (email.find('@') == std::string::npos || email.find('.') == std::string::npos))
      fail_bad_request("email: 邮箱格式不正确");
    db::AuthRepository repo;
    db.write([&](db::Connection& c) { repo.update_profile(c, r.user().user_id, nick, email, now_ms()); });
    auth.forget_user(r.user().user_id);
    return http::ok();
  });

  router.put("/system/user/profile/updatePwd", {.log_title = "个人信息", .op = Op::edit},
             [&auth](Request& r) {
               auto body = JsonBody::parse(r.body);
               auto old_pw = body.opt_str("oldPassword", 128);
               auto new_pw = body.opt_str("newPassword", 128);
               if (!old_pw || old_pw->empty()) fail_bad_request("oldPassword: 不能为空");
               if (!new_pw || new_pw->empty()) fail_bad_request("newPassword: 不能为空");
               auth.change_own_password(r.user(), *old_pw, *new_pw);
               return http::ok(nullptr, "修改成功");
             });
}

}  // namespace zc::api
