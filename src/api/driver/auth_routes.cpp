// APP-1 sign-in: POST /app/auth/sms, POST /app/auth/login, POST /app/auth/logout, GET /app/dev/sms.
#include <boost/json/object.hpp>

#include "api/driver/app_auth.hpp"
#include "api/driver/register.hpp"
#include "core/error.hpp"
#include "core/json_body.hpp"
#include "http/envelope.hpp"

namespace zc::api::driver {

namespace json = boost::json;
using http::Request;
using http::Response;

void register_auth_routes(http::Router& r, AppContext ctx) {
  r.post("/app/auth/sms", app_route(), [ctx](Request& req) {
    auto body = JsonBody::parse(req.body);
    auto sent = ctx.sign_in.send_code(body.str("phone", 32), req.remote_ip);
    return http::ok(json::object{{"expiresIn", sent.expires_in_s}, {"resendIn", sent.resend_in_s}},
                    "验证码已发送");
  });

  r.post("/app/auth/login", app_route(), [ctx](Request& req) {
    auto body = JsonBody::parse(req.body);
    auto phone = body.str("phone", 32);
    auto code = body.str("code", 16);
    auto s = ctx.sign_in.sign_in(phone, code, req.remote_ip, req.user_agent);
    json::object user{{"id", s.user.id}, {"phone", s.user.phone}, {"nickname", s.user.nickname}};
    return http::ok(json::object{{"token", s.token}, {"expiresAt", s.expires_at}, {"user", std::move(user)}},
                    "登录成功");
  });

  r.post("/app/auth/logout", app_route(), [ctx](Request& req) {
    require_app_user(ctx.db, req);
    ctx.sign_in.sign_out(bearer_token(req));
    return http::ok(nullptr, "已退出登录");
  });

  // Development only: the code the built-in log provider "sent" last to this phone.
  if (ctx.cfg.sms.dev_endpoint && ctx.dev_sms) {
    r.get("/app/dev/sms", app_route(), [ctx](Request& req) {
      auto phone = query_str(req.query, "phone").value_or("");
      zc::driver::require_phone(phone);
      auto code = ctx.dev_sms->last_code(phone);
      if (!code) fail_not_found("phone: 该手机号没有已发送的验证码");
      return http::ok(json::object{{"code", *code}});
    });
  }
}

void register_app_routes(http::Router& r, AppContext ctx) {
  register_auth_routes(r, ctx);
  register_profile_routes(r, ctx);
  register_station_routes(r, ctx);
  register_card_routes(r, ctx);
}

}  // namespace zc::api::driver
