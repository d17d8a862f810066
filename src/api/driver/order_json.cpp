#include "api/driver/order_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "core/money_text.hpp"

namespace zc::api::driver {

namespace json = boost::json;

namespace {

json::value opt(const std::optional<int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::value opt(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

// The settlement's billing detail as stored (JSON text), or nullopt when there is none or it is not JSON.
std::optional<json::value> parsed(const std::string& text) {
  if (text.empty()) return std::nullopt;
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return std::nullopt;
  return v;
}

// The fields both kinds of order have, under the same names.
template <class View>
json::object common_fields(const View& v) {
  const auto& o = v.order;
  json::object j;
  j["orderNo"] = o.order_no;
  j["state"] = order::state_name(o.state);
  j["stationId"] = o.station_id;
  j["prepaid"] = o.prepaid;
  j["charged"] = o.charged;
  j["refunded"] = o.refunded;
  j["energyFee"] = o.energy_fee;
  j["serviceFee"] = o.service_fee;
  j["endReason"] = o.end_reason;
  j["createTime"] = o.created_at;
  j["startTime"] = opt(o.start_at);
  j["endTime"] = opt(o.end_at);
  j["energy"] = v.energy;
  j["kwh"] = money::energy_text(v.energy);
  j["powerW"] = v.power_w;
  j["durationS"] = v.duration_s;
  j["costSoFar"] = v.cost_so_far;
  return j;
}

}  // namespace

json::object order_json(const order::CarOrderView& v) {
  const auto& o = v.order;
  json::object j = common_fields(v);
  j["stationName"] = v.station_name;
  j["pileCode"] = o.pile_code;
  j["gunCode"] = o.gun_code;
  j["gunNo"] = o.gun_no;
  j["plate"] = o.plate;
  j["startMethod"] = o.start_method;
  j["voltage"] = opt(v.voltage);
  j["current"] = opt(v.current);
  j["soc"] = opt(v.soc);
  json::value tiers = json::array();
  if (auto d = parsed(o.billing_detail); d && d->is_object() && d->as_object().contains("tiers"))
    tiers = d->as_object().at("tiers");
  j["tiers"] = std::move(tiers);
  return j;
}

json::object order_json(const order::BikeOrderView& v) {
  const auto& o = v.order;
  json::object j = common_fields(v);
  j["phase"] = v.phase;
  j["deviceId"] = o.device_id;
  j["deviceCode"] = o.device_code;
  j["socketId"] = o.socket_id;
  j["socketNo"] = o.socket_no;
  j["prepaidDurationS"] = o.prepaid_duration_s;
  if (auto d = parsed(o.billing_detail)) j["billing"] = std::move(*d);
  if (v.live) {
    j["remainingS"] = opt(v.remaining_s);
    j["remainingMeasuring"] = v.remaining_measuring;
  }
  return j;
}

json::object card_start_json(const order::CardStart& s, const char* target_key) {
  return {
      {"orderNo", s.order_no}, {target_key, s.target_code}, {"cardId", s.card_id}, {"balance", s.balance}};
}

}  // namespace zc::api::driver
