// /bike/station (BIKE-ST incl. invoice/pay configuration) and /bike/area (BIKE-AREA).
#include "api/admin/bike/register.hpp"
#include "api/admin/station/common.hpp"
#include "service/bike/station_service.hpp"

namespace zc::api::bike {

using http::Op;
using http::Request;
using namespace api::station;
namespace json = boost::json;

static zc::bike::StationInput station_input(const JsonBody& b, bool create) {
  auto in = station_input_ids<zc::bike::StationInput>(b, create);
  auto& f = in.f;
  common_station_input(b, f);
  f.short_name = text(b, "shortName", 20);
  f.service_phone = text(b, "servicePhone", 20);
  return in;
}

static void register_station(http::Router& r, zc::bike::BikeContext ctx) {
  auto svc = std::make_shared<zc::bike::StationService>(ctx);
  const std::string title = "单车电站";
  register_station_lifecycle_routes(r, ctx.db, ctx.clock, zc::bike::kBike, "/bike/station", "bike:station",
                                    title);
  register_station_rows(r, svc, "/bike/station", "bike:station", title, station_input);
}

void register_station_routes(http::Router& r, zc::bike::BikeContext ctx) {
  register_station(r, ctx);
  register_area_routes(r, ctx.db, ctx.clock, zc::bike::kBike, "/bike/area", "bike:area", "单车区域");
}

}  // namespace zc::api::bike
