#pragma once
// Routes of the statistics pages built so far: the call log and the fault log (docs/api-stat.md).
#include "http/router.hpp"
#include "service/stat/service_logs.hpp"

namespace zc::api {

void register_service_log_routes(http::Router& router, stat::ServiceLogContext ctx);

}  // namespace zc::api
