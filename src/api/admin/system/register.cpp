#include "api/admin/system/register.hpp"

#include "api/admin/system/common.hpp"

namespace zc::api {

void register_system_routes(http::Router& router, db::Database& db, const Config& cfg,
                            auth::SessionRevoker& sessions, exports::ExportJobs& jobs) {
  sys::SystemContext ctx{db, cfg, sessions};
  system::register_provider_routes(router, ctx);
  system::register_property_routes(router, ctx);
  system::register_user_routes(router, ctx);
  system::register_role_routes(router, ctx);
  system::register_dept_routes(router, ctx);
  system::register_post_routes(router, ctx);
  system::register_log_routes(router, ctx, jobs);
}

}  // namespace zc::api
