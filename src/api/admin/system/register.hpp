#pragma once
// Routes of system management (SYS-PROV … SYS-POST) and the log pages (/monitor).
#include "core/config.hpp"
#include "http/router.hpp"
#include "service/auth/session_revoker.hpp"
#include "service/export/export_jobs.hpp"
#include "storage/database.hpp"

namespace zc::api {

void register_system_routes(http::Router& router, db::Database& db, const Config& cfg,
                            auth::SessionRevoker& sessions, exports::ExportJobs& jobs);

}  // namespace zc::api
