#include "api/admin/member/offline_cards.hpp"

#include "api/admin/member/common.hpp"
#include "core/error.hpp"
#include "core/json_body.hpp"
#include "http/envelope.hpp"
#include "service/car/asset_service.hpp"
#include "storage/repositories/member_card_use.hpp"

namespace zc::api {

namespace json = boost::json;

void register_offline_card_routes(http::Router& r, car::CarContext ctx, order::OfflineCardLists& lists) {
  auto piles = std::make_shared<car::PileService>(ctx);
  r.get("/car/pile/{id}/offlineCard", {.permission = "car:pile:query"}, [ctx, piles](http::Request& q) {
    int64_t id = q.id_param("id");
    piles->get(id, q.user());  // 404 outside the caller's scope
    return ctx.db.read([&](db::Connection& c) {
      db::member::CardUseRepo repo(c);
      auto pile = repo.offline_pile(id);
      if (!pile) fail_conflict("仅云快充电桩支持离线卡");
      json::array cards;
      for (const auto& [physical, printed] : repo.offline_held(id))
        cards.push_back(json::object{{"physicalNo", physical}, {"cardNo", printed}});
      return http::ok(json::object{{"allowOfflineCard", pile->allowed ? 1 : 0}, {"cards", std::move(cards)}});
    });
  });
  r.put("/car/pile/offlineCard",
        {.permission = "car:pile:edit", .log_title = "电桩管理-离线卡", .op = http::Op::edit},
        [ctx, piles, &lists](http::Request& q) {
          auto b = JsonBody::parse(q.body);
          int64_t id = member_routes::required_id(b, "id");
          int64_t allowed = b.i64("allowOfflineCard");
          if (allowed != 0 && allowed != 1) fail_bad_request("allowOfflineCard: 应为0或1");
          piles->get(id, q.user());
          if (!ctx.db.read([&](db::Connection& c) { return db::member::CardUseRepo(c).offline_pile(id); }))
            fail_conflict("仅云快充电桩支持离线卡");
          lists.set_allowed(id, allowed == 1);
          return http::ok();
        });
}

void register_offline_card_test_routes(http::Router& r, order::OfflineCardLists& lists) {
  r.post("/test/member/offlineCard/validity", {}, [&lists](http::Request&) {
    return http::ok(json::object{{"piles", lists.validity_changed(now_ms())}});
  });
}

}  // namespace zc::api
