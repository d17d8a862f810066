// /member/owner (MEM-OWNER), /member/member (MEM-MEMBER) and /member/whitelist (MEM-WL) (docs/api-member.md).
#include "api/admin/member/common.hpp"

namespace zc::api::member_routes {

using http::Op;
using http::Request;
namespace json = boost::json;

static std::vector<std::string> plates(const JsonBody& b) {
  std::vector<std::string> out;
  const json::value* v = b.object().if_contains("plates");
  if (!v || v->is_null()) return out;
  if (!v->is_array()) fail_bad_request("plates: 应为数组");
  for (const json::value& e : v->as_array()) {
    if (!e.is_string() || e.as_string().size() > 16) fail_bad_request("plates: 车牌号格式不正确");
    out.emplace_back(e.as_string());
  }
  return out;
}

static member::OwnerInput owner_input(const JsonBody& b, bool create) {
  member::OwnerInput in;
  if (create) {
    in.property_id = b.opt_i64("propertyId");
    in.phone = b.str("phone", 20);
  } else {
    in.id = required_id(b, "id");
  }
  in.nickname = text(b, "nickname", 30);
  in.real_name = text(b, "realName", 20);
  in.gender = text(b, "gender", 10);
  in.remark = text(b, "remark", 200, TextKind::multiline);
  in.plates = plates(b);
  return in;
}

void register_owner_routes(http::Router& r, member::MemberContext ctx) {
  auto svc = std::make_shared<member::OwnerService>(ctx);
  const std::string title = "车主管理";
  r.get("/member/owner/list", {.permission = "member:owner:list"},
        [svc](Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get("/member/owner/{id}", {.permission = "member:owner:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.post("/member/owner", {.permission = "member:owner:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           return http::ok(id_data(svc->create(owner_input(JsonBody::parse(q.body), true), q.user())));
         });
  r.put("/member/owner", {.permission = "member:owner:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          svc->update(owner_input(JsonBody::parse(q.body), false), q.user());
          return http::ok();
        });
  r.put("/member/owner/verify", {.permission = "member:owner:verify", .log_title = title, .op = Op::audit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->verify(required_id(b, "id"), b.i64("verified"), q.user());
          return http::ok();
        });
  r.put("/member/owner/changeStatus",
        {.permission = "member:owner:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });

  const std::string member_title = "会员管理";
  r.get("/member/member/list", {.permission = "member:member:list"},
        [svc](Request& q) { return rows(svc->members(q.query, q.user())); });
  r.get("/member/member/{userId}", {.permission = "member:member:query"},
        [svc](Request& q) { return http::ok(svc->member(q.id_param("userId"), q.user())); });
  r.put("/member/member", {.permission = "member:member:edit", .log_title = member_title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          member::OwnerInput in;
          in.id = required_id(b, "userId");
          in.nickname = text(b, "nickname", 30);
          in.real_name = text(b, "realName", 20);
          in.plates = plates(b);
          svc->update_member(in, q.user());
          return http::ok();
        });
}

static member::WhitelistInput whitelist_input(const JsonBody& b, bool create) {
  member::WhitelistInput in;
  if (create) {
    in.property_id = b.opt_i64("propertyId");
    in.plate = b.str("plate", 16);
  } else {
    in.id = required_id(b, "id");
  }
  in.remark = text(b, "remark", 200, TextKind::multiline);
  in.station_ids = b.id_list("stationIds");
  return in;
}

void register_whitelist_routes(http::Router& r, member::MemberContext ctx) {
  auto svc = std::make_shared<member::WhitelistService>(ctx);
  const std::string title = "白名单管理";
  r.get("/member/whitelist/list", {.permission = "member:whitelist:list"},
        [svc](Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get("/member/whitelist/{id}", {.permission = "member:whitelist:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.post("/member/whitelist", {.permission = "member:whitelist:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           return http::ok(id_data(svc->create(whitelist_input(JsonBody::parse(q.body), true), q.user())));
         });
  r.put("/member/whitelist", {.permission = "member:whitelist:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          svc->update(whitelist_input(JsonBody::parse(q.body), false), q.user());
          return http::ok();
        });
  r.put("/member/whitelist/changeStatus",
        {.permission = "member:whitelist:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.del("/member/whitelist/{id}",
        {.permission = "member:whitelist:remove", .log_title = title, .op = Op::remove}, [svc](Request& q) {
          svc->remove(q.id_param("id"), q.user());
          return http::ok();
        });
}

}  // namespace zc::api::member_routes
