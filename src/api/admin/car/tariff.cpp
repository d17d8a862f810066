// /car/tariff (CAR-TARIFF): versioned tariffs, prepay values and the billing test.
#include "api/admin/car/common.hpp"
#include "service/car/tariff_service.hpp"

namespace zc::api::car {

using http::Op;
using http::Request;
namespace json = boost::json;

static json::value member(const JsonBody& b, std::string_view key) {
  auto it = b.object().find(key);
  return it == b.object().end() ? json::value(nullptr) : it->value();
}

static zc::car::TariffInput tariff_input(const JsonBody& b, bool create) {
  zc::car::TariffInput in;
  if (create) {
    in.station_id = required_id(b, "stationId");
    in.area_id = required_id(b, "areaId");
    in.prepay_values = int_list(b, "prepayValues");
  } else {
    in.id = required_id(b, "id");
  }
  in.name = b.str("name", 50);
  in.mode = b.str("mode", 10);
  in.effective_date = b.opt_str("effectiveDate", 10);
  in.tiers = member(b, "tiers");
  in.periods = member(b, "periods");
  return in;
}

void register_tariff_routes(http::Router& r, zc::car::CarContext ctx) {
  auto svc = std::make_shared<zc::car::TariffService>(ctx);
  const std::string title = "计费规则";
  r.get("/car/tariff/list", {.permission = "car:tariff:list"},
        [svc](Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get("/car/tariff/{id}", {.permission = "car:tariff:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.post("/car/tariff", {.permission = "car:tariff:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           return http::ok(id_data(svc->create(tariff_input(b, true), q.user())));
         });
  r.put("/car/tariff", {.permission = "car:tariff:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->update(tariff_input(b, false), q.user());
          return http::ok();
        });
  r.put("/car/tariff/prepay",
        {.permission = "car:tariff:prepay", .log_title = title + "-预付值", .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->set_prepay(required_id(b, "id"), int_list(b, "prepayValues"), q.user());
          return http::ok();
        });
  r.put("/car/tariff/changeStatus", {.permission = "car:tariff:status", .log_title = title, .op = Op::status},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.post("/car/tariff/billingTest", {.permission = "car:tariff:test"}, [svc](Request& q) {
    auto b = JsonBody::parse(q.body);
    return http::ok(svc->billing_test(required_id(b, "id"), b.i64("energy"), b.opt_i64("startTime"),
                                      int_or(b, "durationMinutes", 0), q.user()));
  });
}

}  // namespace zc::api::car
