#pragma once
// Routes of the statistics: the home dashboard, the station report, the call log and the fault log
// (docs/api-stat.md).
#include "http/router.hpp"
#include "service/stat/rollups.hpp"
#include "service/stat/service_logs.hpp"
#include "service/stat/station_report.hpp"
#include "storage/database.hpp"

namespace zc::api {

void register_service_log_routes(http::Router& router, stat::ServiceLogContext ctx);
void register_dashboard_routes(http::Router& router, db::Database& db);  // GET /index/dashboard
void register_station_report_routes(http::Router& router, stat::StationReportContext ctx);  // /stat/station
void register_rollup_test_routes(http::Router& router, stat::Rollups& rollups);  // POST /test/stat/rollups

}  // namespace zc::api
