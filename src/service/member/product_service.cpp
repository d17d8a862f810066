// Card products (MEM-PROD): what a property sells, where its cards work, the bonus its top-ups earn.
#include "core/error.hpp"
#include "service/member/member_common.hpp"
#include "service/member/member_services.hpp"
#include "service/system/context.hpp"
#include "storage/repositories/member_product.hpp"

namespace zc::member {

namespace json = boost::json;
using db::member::ProductRepo;

// The rules a product's fields follow beyond their lengths (checked by the handler). 400 naming the field.
static db::member::ProductFields checked_fields(db::Connection& c, const ProductInput& in,
                                                int64_t property_id) {
  if (!product_type_valid(in.product_type)) fail_bad_request("productType: 只能是car、bike或both");
  if (in.issue_type != "personal" && in.issue_type != "collective")
    fail_bad_request("issueType: 只能是personal或collective");
  if (in.price < 0 || in.price > 100'000'000) fail_bad_request("price: 应在0至1000000元之间");
  if (in.face_value < 0 || in.face_value > 100'000'000) fail_bad_request("faceValue: 应在0至1000000元之间");
  if (auto e = bonus_tiers_error(in.bonus_tiers)) fail_bad_request("bonusTiers: " + *e);
  if (in.product_type == "bike" && !in.car_station_ids.empty())
    fail_bad_request("carStationIds: 单车卡不能绑定汽车电站");
  if (in.product_type == "car" && !in.bike_station_ids.empty())
    fail_bad_request("bikeStationIds: 汽车卡不能绑定单车电站");
  if (in.car_station_ids.empty() && in.bike_station_ids.empty())
    fail_bad_request(std::string(in.product_type == "bike" ? "bikeStationIds" : "carStationIds") +
                     ": 至少绑定一个电站");
  ProductRepo repo(c);
  for (auto [type, field, ids] : {std::tuple{"car", "carStationIds", &in.car_station_ids},
                                  std::tuple{"bike", "bikeStationIds", &in.bike_station_ids}}) {
    auto foreign = repo.foreign_stations(type, *ids, property_id);
    if (!foreign.empty())
      fail_bad_request(std::string(field) + ": 电站不存在或不属于该物业（" + std::to_string(foreign[0]) +
                       "）");
  }
  db::member::ProductFields f;
  f.name = in.name;
  f.product_type = in.product_type;
  f.issue_type = in.issue_type;
  f.remark = in.remark;
  f.price = in.price;
  f.face_value = in.face_value;
  f.bonus_tiers = tiers_json(in.bonus_tiers);
  f.car_station_ids = in.car_station_ids;
  f.bike_station_ids = in.bike_station_ids;
  return f;
}

db::Page ProductService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) { return ProductRepo(c).list(q, p.scope); });
}

json::object ProductService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](db::Connection& c) { return ProductRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("电卡产品不存在");
  return *row;
}

json::array ProductService::options(std::optional<std::string> issue_type, std::optional<int64_t> property_id,
                                    const Principal& p) {
  return ctx_.db.read(
      [&](db::Connection& c) { return ProductRepo(c).options(issue_type, property_id, p.scope); });
}

int64_t ProductService::create(const ProductInput& in, const Principal& p) {
  return ctx_.db.write([&](db::Connection& c) {
    sys::Owner owner = sys::property_owner(c, in.property_id, p);
    auto f = checked_fields(c, in, owner.property_id);
    return ProductRepo(c).insert(owner.provider_id, owner.property_id, f, p.user_name, ctx_.clock.now());
  });
}

void ProductService::update(const ProductInput& in, const Principal& p) {
  ctx_.db.write([&](db::Connection& c) {
    ProductRepo repo(c);
    auto old = repo.find(in.id, p.scope);
    if (!old) fail_not_found("电卡产品不存在");
    auto f = checked_fields(c, in, old->property_id);
    repo.update(in.id, f, p.user_name, ctx_.clock.now());
  });
}

void ProductService::change_status(int64_t id, int64_t status, const Principal& p) {
  if (status != 0 && status != 1) fail_bad_request("status: 只能是0或1");
  ctx_.db.write([&](db::Connection& c) {
    ProductRepo repo(c);
    if (!repo.find(id, p.scope)) fail_not_found("电卡产品不存在");
    repo.set_status(id, status, p.user_name, ctx_.clock.now());
  });
}

}  // namespace zc::member
