// /bike/tariff (BIKE-TARIFF): the five modes, prepay values, billing test and prepay → duration.
#include <limits>

#include "api/admin/bike/register.hpp"
#include "api/admin/station/common.hpp"
#include "service/bike/tariff_service.hpp"

namespace zc::api::bike {

using http::Op;
using http::Request;
using namespace api::station;
namespace json = boost::json;

// An int32 field; values beyond int32 saturate so the engine's range check names them.
static int32_t i32_or(const JsonBody& b, std::string_view key, int32_t def) {
  int64_t v = b.opt_i64(key).value_or(def);
  if (v > std::numeric_limits<int32_t>::max()) return std::numeric_limits<int32_t>::max();
  if (v < std::numeric_limits<int32_t>::min()) return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(v);
}

static int32_t band_int(const json::object& o, const std::string& path, const char* key, bool& present) {
  auto it = o.find(key);
  present = it != o.end() && !it->value().is_null();
  if (!present) return 0;
  if (!it->value().is_int64()) fail_bad_request(path + "." + key + ": 应为整数");
  int64_t v = it->value().as_int64();
  if (v > std::numeric_limits<int32_t>::max() || v < std::numeric_limits<int32_t>::min())
    fail_bad_request(path + "." + key + ": 超出范围");
  return static_cast<int32_t>(v);
}

static std::vector<tariff::PowerBand> bands_input(const JsonBody& b) {
  std::vector<tariff::PowerBand> out;
  auto it = b.object().find("bands");
  if (it == b.object().end() || it->value().is_null()) return out;
  if (!it->value().is_array()) fail_bad_request("bands: 应为数组");
  const auto& a = it->value().as_array();
  if (a.size() > 50) fail_bad_request("bands: 功率档过多");
  for (size_t i = 0; i < a.size(); ++i) {
    std::string path = "bands[" + std::to_string(i) + "]";
    if (!a[i].is_object()) fail_bad_request(path + ": 应为对象");
    const auto& o = a[i].as_object();
    tariff::PowerBand band;
    bool present = false;
    band.min_w = band_int(o, path, "minW", present);
    if (!present) fail_bad_request(path + ".minW: 不能为空");
    int32_t max_w = band_int(o, path, "maxW", present);
    if (present) band.max_w = max_w;
    auto p = o.find("unitPrice");
    if (p == o.end() || !p->value().is_int64()) fail_bad_request(path + ".unitPrice: 应为整数（0.0001元）");
    band.unit_price = p->value().as_int64();
    out.push_back(band);
  }
  return out;
}

static zc::bike::TariffInput tariff_input(const JsonBody& b, bool create) {
  zc::bike::TariffInput in;
  if (create) {
    in.station_id = required_id(b, "stationId");
    in.area_id = required_id(b, "areaId");
  } else {
    in.id = required_id(b, "id");
    in.area_id = b.opt_i64("areaId").value_or(0);
  }
  in.name = b.str("name", 50);
  std::string mode = b.str("mode", 1);
  auto m = tariff::parse_bike_mode(mode);
  if (!m) fail_bad_request("mode: 只能是A、B、C、D或E");
  auto& t = in.def;
  t.mode = *m;
  if (!b.has("maxDurationMinutes")) fail_bad_request("maxDurationMinutes: 不能为空");
  if (!b.has("autoStopAmount")) fail_bad_request("autoStopAmount: 不能为空");
  t.max_duration_min = i32_or(b, "maxDurationMinutes", 0);
  t.auto_stop_amount = b.i64("autoStopAmount");
  t.free_minutes = i32_or(b, "freeMinutes", 0);
  t.unit_minutes = i32_or(b, "unitMinutes", 60);
  t.unit_price = int_or(b, "unitPrice", 0);
  t.bands = bands_input(b);
  t.energy_price = int_or(b, "energyPrice", 0);
  t.service_price = int_or(b, "servicePrice", 0);
  t.reference_power_w = i32_or(b, "referencePowerW", 500);
  t.prepay_values = int_list(b, "prepayValues");
  return in;
}

void register_tariff_routes(http::Router& r, zc::bike::BikeContext ctx) {
  auto svc = std::make_shared<zc::bike::TariffService>(ctx);
  const std::string title = "单车计费规则";
  r.get("/bike/tariff/list", {.permission = "bike:tariff:list"},
        [svc](Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get("/bike/tariff/{id}", {.permission = "bike:tariff:query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.post("/bike/tariff", {.permission = "bike:tariff:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           return http::ok(id_data(svc->create(tariff_input(b, true), q.user())));
         });
  r.put("/bike/tariff", {.permission = "bike:tariff:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->update(tariff_input(b, false), q.user());
          return http::ok();
        });
  r.put("/bike/tariff/prepay",
        {.permission = "bike:tariff:prepay", .log_title = title + "-预付值", .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->set_prepay(required_id(b, "id"), int_list(b, "prepayValues"), q.user());
          return http::ok();
        });
  r.put("/bike/tariff/changeStatus",
        {.permission = "bike:tariff:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.del("/bike/tariff/{ids}", {.permission = "bike:tariff:remove", .log_title = title, .op = Op::remove},
        [svc](Request& q) {
          svc->remove(q.id_list_param("ids"), q.user());
          return http::ok();
        });
  r.post("/bike/tariff/billingTest", {.permission = "bike:tariff:test"}, [svc](Request& q) {
    auto b = JsonBody::parse(q.body);
    return http::ok(
        svc->billing_test(required_id(b, "id"), b.i64("durationMinutes"), b.opt_i64("powerW"), q.user()));
  });
  r.post("/bike/tariff/prepayDuration", {.permission = "bike:tariff:test"}, [svc](Request& q) {
    auto b = JsonBody::parse(q.body);
    return http::ok(
        svc->prepay_duration(required_id(b, "id"), b.i64("amount"), b.opt_i64("powerW"), q.user()));
  });
}

}  // namespace zc::api::bike
