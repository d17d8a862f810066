#pragma once
// Routes of the member center (MEM-PROD, MEM-CARD, MEM-MEMBER, MEM-OWNER, MEM-COLL; docs/api-member.md).
#include "http/router.hpp"
#include "service/member/member_services.hpp"

namespace zc::api {

void register_member_routes(http::Router& router, member::MemberContext ctx);

}  // namespace zc::api
