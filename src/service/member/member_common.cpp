#include "service/member/member_common.hpp"

#include <boost/json.hpp>

#include "core/error.hpp"
#include "service/order/order_common.hpp"

namespace zc::member {

void check_amount(const std::string& field, int64_t amount, int64_t max) {
  if (amount < 1 || amount > max)
    fail_bad_request(field + ": 应在0.01至" + std::to_string(max / 100) + "元之间");
}

std::string tiers_json(const std::vector<BonusTier>& tiers) {
  boost::json::array a;
  for (const BonusTier& t : tiers)
    a.push_back(boost::json::object{{"minAmount", t.min_amount}, {"bonus", t.bonus}});
  return boost::json::serialize(a);
}

std::vector<BonusTier> parse_tiers(const std::string& json_text) {
  std::vector<BonusTier> out;
  std::error_code ec;
  boost::json::value v = boost::json::parse(json_text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& e : v.as_array()) {
    const auto* o = e.if_object();
    const auto* min = o ? o->if_contains("minAmount") : nullptr;
    const auto* bonus = o ? o->if_contains("bonus") : nullptr;
    if (min && bonus && min->is_int64() && bonus->is_int64())
      out.push_back({min->as_int64(), bonus->as_int64()});
  }
  return out;
}

std::string movement_no(char prefix) {
  return order::new_order_no(prefix);
}

}  // namespace zc::member
