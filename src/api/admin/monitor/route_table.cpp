#include "api/admin/monitor/route_table.hpp"

#include <boost/json.hpp>

#include "http/envelope.hpp"

namespace zc::api {

void register_route_table_test_route(http::Router& router) {
  router.get("/test/routes", {}, [&router](http::Request&) {
    boost::json::array rows;
    for (const auto& r : router.routes())
      rows.push_back({{"method", r->method},
                      {"path", r->pattern},
                      {"permission", r->options.permission},
                      {"public", r->options.is_public},
                      {"logTitle", r->options.log_title}});
    return http::ok(std::move(rows));
  });
}

}  // namespace zc::api
