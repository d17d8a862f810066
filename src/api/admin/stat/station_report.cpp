// /stat/station (STAT-STATION) and the test-only roll-up trigger (docs/api-stat.md).
#include "service/stat/station_report.hpp"
#include "api/admin/stat/register.hpp"
#include "api/admin/station/common.hpp"
#include "api/admin/system/common.hpp"

namespace zc::api {

using http::Request;

void register_station_report_routes(http::Router& r, stat::StationReportContext ctx) {
  auto svc = std::make_shared<stat::StationReportService>(ctx);
  r.get("/stat/station/list", {.permission = "stat:station:list"},
        [svc](Request& q) { return system::rows(svc->list(q.query, q.user())); });
  r.get("/stat/station/summary", {.permission = "stat:station:list"},
        [svc](Request& q) { return http::ok(svc->summary(q.query, q.user())); });
  r.post("/stat/station/export",
         {.permission = "stat:station:export", .log_title = "站点统计-导出", .op = http::Op::other},
         [svc](Request& q) {
           auto filters = station::filters_of(JsonBody::parse(q.body.empty() ? "{}" : q.body));
           return http::ok(station::job_data(svc->export_rows(filters, q.user())));
         });
}

// testing.enabled only: rolls up what changed now instead of at the job's next run.
void register_rollup_test_routes(http::Router& r, stat::Rollups& rollups) {
  r.post("/test/stat/rollups", {}, [&rollups](Request&) {
    int64_t n = 0;
    for (int64_t k; (k = rollups.run_once()) > 0;) n += k;
    return http::ok(boost::json::object{{"rolled", n}});
  });
}

}  // namespace zc::api
