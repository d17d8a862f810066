#pragma once
// Routes of the statistics built so far: the home dashboard, the call log and the fault log
// (docs/api-stat.md).
#include "http/router.hpp"
#include "service/stat/service_logs.hpp"
#include "storage/database.hpp"

namespace zc::api {

void register_service_log_routes(http::Router& router, stat::ServiceLogContext ctx);
void register_dashboard_routes(http::Router& router, db::Database& db);  // GET /index/dashboard

}  // namespace zc::api
