// /member/product (MEM-PROD), /member/card (MEM-CARD) and /member/collective (MEM-COLL): request bodies in,
// service calls, envelopes out (docs/api-member.md).
#include "api/admin/member/common.hpp"

namespace zc::api::member_routes {

using http::Op;
using http::Request;
namespace json = boost::json;

static std::vector<member::BonusTier> bonus_tiers(const JsonBody& b) {
  std::vector<member::BonusTier> out;
  const json::value* v = b.object().if_contains("bonusTiers");
  if (!v || v->is_null()) return out;
  if (!v->is_array()) fail_bad_request("bonusTiers: 应为数组");
  size_t n = 0;
  for (const json::value& e : v->as_array()) {
    ++n;
    const json::object* o = e.if_object();
    const json::value* min = o ? o->if_contains("minAmount") : nullptr;
    const json::value* bonus = o ? o->if_contains("bonus") : nullptr;
    if (!min || !bonus || !min->is_int64() || !bonus->is_int64())
      fail_bad_request("bonusTiers: 第" + std::to_string(n) + "档应为{minAmount, bonus}（分）");
    out.push_back({min->as_int64(), bonus->as_int64()});
  }
  return out;
}

static member::ProductInput product_input(const JsonBody& b, bool create) {
  member::ProductInput in;
  if (create)
    in.property_id = b.opt_i64("propertyId");
  else
    in.id = required_id(b, "id");
  in.name = b.str("name", 30);
  in.product_type = b.str("productType", 10);
  in.issue_type = b.str("issueType", 12);
  in.price = b.i64("price");
  in.face_value = b.i64("faceValue");
  in.bonus_tiers = bonus_tiers(b);
  in.car_station_ids = b.id_list("carStationIds");
  in.bike_station_ids = b.id_list("bikeStationIds");
  in.remark = text(b, "remark", 200, TextKind::multiline);
  return in;
}

static void register_products(http::Router& r, member::MemberContext ctx) {
  auto svc = std::make_shared<member::ProductService>(ctx);
  const std::string title = "电卡产品";
  r.get("/member/product/list", {.permission = "member:product:list"},
        [svc](Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get("/member/product/options", {}, [svc](Request& q) {
    return http::ok(
        svc->options(query_str(q.query, "issueType"), query_int(q.query, "propertyId"), q.user()));
  });
  r.get("/member/product/{id}", {.permission = "member:product:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.post("/member/product", {.permission = "member:product:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           return http::ok(id_data(svc->create(product_input(JsonBody::parse(q.body), true), q.user())));
         });
  r.put("/member/product", {.permission = "member:product:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          svc->update(product_input(JsonBody::parse(q.body), false), q.user());
          return http::ok();
        });
  r.put("/member/product/changeStatus",
        {.permission = "member:product:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
}

static member::CardInput card_input(const JsonBody& b, bool issue) {
  member::CardInput in;
  if (issue) {
    in.phone = b.str("phone", 20);
    in.product_id = required_id(b, "productId");
    in.collective_id = b.opt_i64("collectiveId");
  } else {
    in.id = required_id(b, "id");
  }
  in.holder_name = text(b, "holderName", 20);
  in.card_no = b.str("cardNo", 16);
  in.physical_no = text(b, "physicalNo", 16);
  in.valid_from = b.i64("validFrom");
  in.valid_to = b.opt_i64("validTo").value_or(0);
  return in;
}

static void register_cards(http::Router& r, member::MemberContext ctx) {
  auto svc = std::make_shared<member::CardService>(ctx);
  const std::string title = "卡管理";
  r.get("/member/card/list", {.permission = "member:card:list"},
        [svc](Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get("/member/card/{id}", {.permission = "member:card:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.get("/member/card/{id}/ledger", {.permission = "member:card:query"},
        [svc](Request& q) { return rows(svc->ledger(q.id_param("id"), q.query, q.user())); });
  r.post("/member/card", {.permission = "member:card:issue", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           return http::ok(id_data(svc->issue(card_input(JsonBody::parse(q.body), true), q.user())));
         });
  r.put("/member/card", {.permission = "member:card:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          svc->update(card_input(JsonBody::parse(q.body), false), q.user());
          return http::ok();
        });
  r.put("/member/card/changeStatus",
        {.permission = "member:card:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.post("/member/card/topup", {.permission = "member:card:topup", .log_title = title, .op = Op::edit},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           auto res = svc->top_up(required_id(b, "id"), b.i64("amount"), text(b, "remark", 200), q.user());
           return http::ok(json::object{{"balance", res.balance}, {"bonus", res.bonus}});
         });
}

static member::CollectiveInput collective_input(const JsonBody& b, bool create) {
  member::CollectiveInput in;
  if (create)
    in.property_id = b.opt_i64("propertyId");
  else
    in.id = required_id(b, "id");
  in.name = b.str("name", 50);
  in.email = text(b, "email", 100);
  in.contact = text(b, "contact", 30);
  in.phone = text(b, "phone", 20);
  in.address = text(b, "address", 200);
  in.remark = text(b, "remark", 200, TextKind::multiline);
  return in;
}

static void register_collectives(http::Router& r, member::MemberContext ctx) {
  auto svc = std::make_shared<member::CollectiveService>(ctx);
  const std::string title = "集体户管理";
  r.get("/member/collective/list", {.permission = "member:collective:list"},
        [svc](Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get("/member/collective/options", {},
        [svc](Request& q) { return http::ok(svc->options(query_int(q.query, "propertyId"), q.user())); });
  r.get("/member/collective/{id}", {.permission = "member:collective:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.get("/member/collective/{id}/ledger", {.permission = "member:collective:query"},
        [svc](Request& q) { return rows(svc->ledger(q.id_param("id"), q.query, q.user())); });
  r.post("/member/collective", {.permission = "member:collective:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           return http::ok(id_data(svc->create(collective_input(JsonBody::parse(q.body), true), q.user())));
         });
  r.put("/member/collective", {.permission = "member:collective:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          svc->update(collective_input(JsonBody::parse(q.body), false), q.user());
          return http::ok();
        });
  r.put("/member/collective/changeStatus",
        {.permission = "member:collective:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.put("/member/collective/lock",
        {.permission = "member:collective:lock", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->lock(required_id(b, "id"), b.i64("locked"), q.user());
          return http::ok();
        });
  r.post("/member/collective/topup",
         {.permission = "member:collective:topup", .log_title = title, .op = Op::edit}, [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           int64_t balance =
               svc->top_up(required_id(b, "id"), b.i64("amount"), text(b, "remark", 200), q.user());
           return http::ok(json::object{{"balance", balance}});
         });
}

void register_card_routes(http::Router& r, member::MemberContext ctx) {
  register_products(r, ctx);
  register_cards(r, ctx);
  register_collectives(r, ctx);
}

}  // namespace zc::api::member_routes
