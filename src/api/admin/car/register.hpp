#pragma once
// Routes of car charging management (CAR-*, docs/api-car.md), the public private-pile application form,
// the export-job routes shared by every Excel export, and the test-only routes (testing.enabled).
#include "http/router.hpp"
#include "service/car/context.hpp"

namespace zc::exports {
class ExportJobs;
}

namespace zc::api {

void register_car_routes(http::Router& router, zc::car::CarContext ctx);
// GET /public/car/privateApply/{stationId}, POST /public/car/privateApply (no sign-in).
void register_car_public_routes(http::Router& router, zc::car::CarContext ctx);
// GET /export/{jobId}, GET /export/{jobId}/download.
void register_export_routes(http::Router& router, exports::ExportJobs& jobs);
// GET /test/car/visibility — only call when cfg.testing.enabled.
void register_car_test_routes(http::Router& router, zc::car::CarContext ctx);

}  // namespace zc::api
