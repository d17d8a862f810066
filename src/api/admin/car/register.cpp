#include "api/admin/car/register.hpp"

#include <fstream>
#include <sstream>

#include "api/admin/car/common.hpp"
#include "service/car/visibility.hpp"
#include "service/export/export_jobs.hpp"

namespace zc::api {

using http::Request;

void register_car_routes(http::Router& router, zc::car::CarContext ctx) {
  api::car::register_station_routes(router, ctx);
  api::car::register_asset_routes(router, ctx);
  api::car::register_tariff_routes(router, ctx);
}

// RFC 5987 filename* for non-ASCII names.
static std::string pct_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
        c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

void register_export_routes(http::Router& router, exports::ExportJobs& jobs) {
  exports::ExportJobs* j = &jobs;
  router.get("/export/{jobId}", {},
             [j](Request& q) { return http::ok(j->status(q.param("jobId"), q.user().user_id)); });
  router.get("/export/{jobId}/download", {}, [j](Request& q) {
    auto f = j->download(q.param("jobId"), q.user().user_id);
    std::ifstream in(f.path, std::ios::binary);
    if (!in) throw ApiError(404, "导出文件已过期");
    std::ostringstream ss;
    ss << in.rdbuf();
    http::Response r;
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.body = ss.str();
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"export.xlsx\"; filename*=UTF-8''" +
                                                      pct_encode(f.file_name));
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
  });
}

void register_car_test_routes(http::Router& router, zc::car::CarContext ctx) {
  auto require_admin = [](const Request& q) {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
  };
  auto vis = std::make_shared<zc::car::CarVisibility>(ctx.db);
  router.get("/test/car/visibility", {}, [=](Request& q) {
    require_admin(q);
    return http::ok(zc::car::CarVisibility::to_json(vis->stations(query_int(q.query, "stationId"))));
  });
}

}  // namespace zc::api
