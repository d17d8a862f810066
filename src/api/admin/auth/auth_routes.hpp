#pragma once
#include "http/router.hpp"
#include "service/auth/auth_service.hpp"

namespace zc::api {
// /login, /logout, /getInfo, /getRouters, /health and the signed-in user's profile.
void register_auth_routes(http::Router& router, db::Database& db, auth::AuthService& auth);
}  // namespace zc::api
