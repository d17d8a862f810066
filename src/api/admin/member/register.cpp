#include "api/admin/member/register.hpp"

#include "api/admin/member/common.hpp"

namespace zc::api {

void register_member_routes(http::Router& router, member::MemberContext ctx) {
  member_routes::register_card_routes(router, ctx);
  member_routes::register_owner_routes(router, ctx);
  member_routes::register_whitelist_routes(router, ctx);
}

}  // namespace zc::api
