#pragma once
// The driver behind an app request. App routes are registered public (RouteOptions{.is_public = true}) so
// the admin auth never looks at them; each handler that needs a driver calls require_app_user.
#include <cstdint>
#include <string>

#include "http/types.hpp"
#include "storage/database.hpp"

namespace zc::api::driver {

struct AppUser {
  int64_t id = 0;
  std::string phone;
};

// The signed-in driver of this request (Authorization: Bearer <app token>); ApiError 401 otherwise.
AppUser require_app_user(db::Database& db, const http::Request& req);

}  // namespace zc::api::driver
