#include "api/admin/order/order_json.hpp"

#include <boost/json/parse.hpp>

namespace zc::api {

namespace json = boost::json;

namespace {

template <class T>
json::value or_null(const std::optional<T>& v) {
  if (!v) return nullptr;
  return json::value(*v);
}

// A JSON column as its value; text that does not parse stays text, "" is null.
json::value parsed_or_text(const std::string& s) {
  if (s.empty()) return nullptr;
  boost::system::error_code ec;
  json::value v = json::parse(s, ec);
  if (ec) return json::value(s);
  return v;
}

void add_row(json::object& o, const db::orders::OrderRow& r) {
  o["id"] = r.id;
  o["orderNo"] = r.order_no;
  o["stationId"] = r.station_id;
  o["stationName"] = or_null(r.station_name);
  o["areaId"] = or_null(r.area_id);
  o["areaName"] = or_null(r.area_name);
  o["phone"] = r.phone;
  o["cardNo"] = r.card_no;
  o["startMethod"] = r.start_method;
  o["status"] = r.state;
  o["endReason"] = r.end_reason;
  o["prepaid"] = r.prepaid;
  o["energy"] = r.energy;
  o["energyFee"] = r.energy_fee;
  o["serviceFee"] = r.service_fee;
  o["charged"] = r.charged;
  o["refunded"] = r.refunded;
  o["power"] = r.power_w;
  o["payOrderId"] = or_null(r.pay_order_id);
  o["refundable"] = or_null(r.refundable);
  o["prepayReturned"] = r.prepay_returned;
  o["feeRefunded"] = r.fee_refunded;
  o["createTime"] = r.created_at;
  o["startTime"] = or_null(r.start_at);
  o["endTime"] = or_null(r.end_at);
  if (r.kind == db::orders::OrderKind::car) {
    o["pileId"] = r.pile_id;
    o["pileCode"] = r.pile_code;
    o["pileName"] = or_null(r.pile_name);
    o["gunId"] = r.gun_id;
    o["gunCode"] = r.gun_code;
    o["plate"] = r.plate;
    o["reservationNo"] = r.reservation_no;
    o["occupancyFee"] = r.occupancy_fee;
  } else {
    o["deviceId"] = r.device_id;
    o["deviceCode"] = r.device_code;
    o["deviceName"] = or_null(r.device_name);
    o["socketId"] = r.socket_id;
    o["socketNo"] = r.socket_no;
    o["socketCode"] = or_null(r.socket_code);
    o["prepaidDuration"] = r.prepaid_duration_s;
    o["duration"] = r.duration_s;
  }
  o["splitStatus"] = r.split_status;
}

json::value tariff_json(const order::OrderDetailView& d) {
  if (d.car_tariff) {
    const auto& t = *d.car_tariff;
    return json::object{{"id", t.id},
                        {"seq", t.seq},
                        {"mode", t.mode},
                        {"definition", parsed_or_text(t.definition)},
                        {"effectiveFrom", t.effective_from},
                        {"tariffId", t.tariff_id},
                        {"name", t.name}};
  }
  if (d.bike_tariff) {
    const auto& t = *d.bike_tariff;
    return json::object{{"id", t.id},
                        {"name", t.name},
                        {"mode", t.mode},
                        {"maxDurationMin", t.max_duration_min},
                        {"autoStopAmount", t.auto_stop_amount},
                        {"freeMinutes", t.free_minutes},
                        {"unitMinutes", t.unit_minutes},
                        {"unitPrice", t.unit_price},
                        {"bands", parsed_or_text(t.bands)},
                        {"energyPrice", t.energy_price},
                        {"servicePrice", t.service_price},
                        {"referencePowerW", t.reference_power_w}};
  }
  return nullptr;
}

}  // namespace

json::object order_row_json(const order::OrderListItem& item) {
  json::object o;
  add_row(o, item.row);
  if (item.cost_so_far) o["costSoFar"] = *item.cost_so_far;
  return o;
}

json::object order_detail_json(const order::OrderDetailView& d) {
  const db::orders::OrderDetail& x = d.order;
  json::object o;
  add_row(o, x.row);
  o["billingDetail"] = parsed_or_text(x.billing_detail);
  o["deviceTxnNo"] = or_null(x.device_txn_no);
  o["lastReportTime"] = or_null(x.last_report_at);
  o["deviceLostTime"] = or_null(x.device_lost_at);
  o["updateTime"] = or_null(x.updated_at);
  o["userId"] = or_null(x.user_id);
  if (x.row.kind == db::orders::OrderKind::car) {
    o["tariffVersionId"] = or_null(x.tariff_version_id);
    o["factoryNo"] = or_null(x.factory_no);
    o["currentType"] = or_null(x.current_type);
    o["speed"] = or_null(x.speed);
    o["outputPower"] = or_null(x.output_power);
  } else {
    o["tariffId"] = or_null(x.tariff_id);
    o["factoryNo"] = or_null(x.factory_no);
    o["deviceType"] = or_null(x.device_type);
  }
  o["deviceRecordId"] = or_null(x.device_record_id);
  o["deviceAbnormal"] = or_null(x.device_abnormal);
  o["deviceFlags"] = or_null(x.device_flags);
  json::array payments;
  if (d.payment) payments.push_back(*d.payment);
  o["payments"] = std::move(payments);
  o["refunds"] = d.refunds;
  o["cardLedger"] = d.card_ledger;
  o["tariff"] = tariff_json(d);
  if (d.cost_so_far) o["costSoFar"] = *d.cost_so_far;
  return o;
}

}  // namespace zc::api
