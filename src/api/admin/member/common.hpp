#pragma once
// Shared by the member-center handlers: the body helpers of the admin API and the registrars.
#include "api/admin/system/common.hpp"
#include "core/query_params.hpp"
#include "service/member/member_services.hpp"

namespace zc::api::member_routes {

using system::id_data;
using system::required_id;
using system::rows;
using system::text;

void register_card_routes(http::Router& r, member::MemberContext ctx);   // products, cards, collectives
void register_owner_routes(http::Router& r, member::MemberContext ctx);  // owners, members
void register_whitelist_routes(http::Router& r, member::MemberContext ctx);

}  // namespace zc::api::member_routes
