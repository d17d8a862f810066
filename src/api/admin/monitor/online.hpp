#pragma once
// /monitor/online: the online-users page (docs/api-system.md "Online users").
#include "http/router.hpp"
#include "service/auth/online_users.hpp"

namespace zc::api {

void register_online_user_routes(http::Router& router, auth::OnlineUsers& online);

}  // namespace zc::api
