// GET /index/dashboard (HOME-1..4): every signed-in user sees the figures of its own data scope.
#include "service/stat/dashboard.hpp"
#include "api/admin/stat/register.hpp"
#include "core/clock.hpp"
#include "http/envelope.hpp"

namespace zc::api {

void register_dashboard_routes(http::Router& r, db::Database& db) {
  auto svc = std::make_shared<stat::DashboardService>(db);
  r.get("/index/dashboard", {},
        [svc](http::Request& q) { return http::ok(svc->dashboard(q.user(), now_ms())); });
}

}  // namespace zc::api
