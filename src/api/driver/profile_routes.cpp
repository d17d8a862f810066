// APP-1 profile and plates: GET/PUT /app/user/profile, GET/POST /app/user/plates, DELETE
// /app/user/plates/{id}.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/driver/app_auth.hpp"
#include "api/driver/register.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json_body.hpp"
#include "http/envelope.hpp"
#include "service/driver/plate.hpp"
#include "storage/repositories/app_user_repo.hpp"

namespace zc::api::driver {

namespace json = boost::json;
using http::Request;

void register_profile_routes(http::Router& r, AppContext ctx) {
  r.get("/app/user/profile", app_route(), [ctx](Request& req) {
    auto me = require_app_user(ctx.db, req);
    db::AppUserRepo repo;
    auto u = ctx.db.read([&](db::Connection& c) { return repo.find_user(c, me.id); });
    if (!u) fail_unauthorized();
    return http::ok(json::object{
        {"id", u->id}, {"phone", u->phone}, {"nickname", u->nickname}, {"createTime", u->created_at}});
  });

  r.put("/app/user/profile", app_route(), [ctx](Request& req) {
    auto me = require_app_user(ctx.db, req);
    auto body = JsonBody::parse(req.body);
    std::string nickname = body.opt_str("nickname", 30).value_or("");
    db::AppUserRepo repo;
    ctx.db.write([&](db::Connection& c) { repo.update_nickname(c, me.id, nickname, now_ms()); });
    return http::ok(json::object{{"id", me.id}, {"phone", me.phone}, {"nickname", nickname}}, "修改成功");
  });

  r.get("/app/user/plates", app_route(), [ctx](Request& req) {
    auto me = require_app_user(ctx.db, req);
    db::AppUserRepo repo;
    auto plates = ctx.db.read([&](db::Connection& c) { return repo.plates(c, me.id); });
    json::array rows;
    for (const auto& p : plates)
      rows.push_back(json::object{{"id", p.id}, {"plate", p.plate}, {"createTime", p.created_at}});
    auto total = static_cast<int64_t>(rows.size());
    return http::ok_rows(std::move(rows), total);
  });

  r.post("/app/user/plates", app_route(), [ctx](Request& req) {
    auto me = require_app_user(ctx.db, req);
    auto body = JsonBody::parse(req.body);
    auto plate = zc::driver::normalize_plate(body.str("plate", 16));
    if (!plate) fail_bad_request("plate: 车牌号格式不正确（如 粤B12345，新能源 粤BD12345）");
    db::AppUserRepo repo;
    int64_t id = ctx.db.write([&](db::Connection& c) {
      // Per-user serialisation on PostgreSQL: the count check and the insert must not interleave.
      if (c.dialect() == db::Dialect::postgres)
        c.query("SELECT id FROM app_user WHERE id = ? FOR UPDATE", {me.id});
      if (repo.has_plate(c, me.id, *plate)) fail_conflict("plate: 该车牌已添加");
      if (repo.count_plates(c, me.id) >= zc::driver::kMaxPlatesPerUser)
        fail_conflict("plate: 最多添加" + std::to_string(zc::driver::kMaxPlatesPerUser) + "个车牌");
      return repo.add_plate(c, me.id, *plate, now_ms());
    });
    return http::ok(json::object{{"id", id}, {"plate", *plate}}, "添加成功");
  });

  r.del("/app/user/plates/{id}", app_route(), [ctx](Request& req) {
    auto me = require_app_user(ctx.db, req);
    int64_t id = req.id_param("id");
    db::AppUserRepo repo;
    bool gone = ctx.db.write([&](db::Connection& c) { return repo.delete_plate(c, me.id, id); });
    if (!gone) fail_not_found("id: 车牌不存在");
    return http::ok(nullptr, "删除成功");
  });
}

}  // namespace zc::api::driver
