// The driver's cards (APP, issue 16): GET /app/user/cards, GET /app/user/cards/{id}/ledger.
#include "api/driver/app_auth.hpp"
#include "api/driver/register.hpp"
#include "http/envelope.hpp"
#include "service/member/member_services.hpp"

namespace zc::api::driver {

using http::Request;

void register_card_routes(http::Router& r, AppContext ctx) {
  auto cards = std::make_shared<member::CardService>(member::MemberContext{ctx.db, ctx.car->clock});
  r.get("/app/user/cards", app_route(), [ctx, cards](Request& req) {
    auto me = require_app_user(ctx.db, req);
    auto rows = cards->cards_of_driver(me.id);
    auto total = static_cast<int64_t>(rows.size());
    return http::ok_rows(std::move(rows), total);
  });
  r.get("/app/user/cards/{id}/ledger", app_route(), [ctx, cards](Request& req) {
    auto me = require_app_user(ctx.db, req);
    auto page = cards->ledger_of_driver(me.id, req.id_param("id"), req.query);
    return http::ok_rows(std::move(page.rows), page.total);
  });
}

}  // namespace zc::api::driver
