#include "api/admin/bike/register.hpp"

#include "api/admin/station/common.hpp"
#include "service/bike/device_service.hpp"

namespace zc::api {

using http::Request;

void register_bike_routes(http::Router& router, zc::bike::BikeContext ctx) {
  bike::register_station_routes(router, ctx);
  bike::register_device_routes(router, ctx);
  bike::register_tariff_routes(router, ctx);
}

void register_bike_test_routes(http::Router& router, zc::bike::BikeContext ctx) {
  auto sockets = std::make_shared<zc::bike::SocketService>(ctx);
  router.put("/test/bike/socket/state", {}, [sockets](Request& q) {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
    auto b = JsonBody::parse(q.body);
    sockets->set_state(station::required_id(b, "id"), b.str("state", 20));
    return http::ok();
  });
}

}  // namespace zc::api
