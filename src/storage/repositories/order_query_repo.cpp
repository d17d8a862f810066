#include "storage/repositories/order_query_repo.hpp"

#include <boost/json/parse.hpp>

#include "core/error.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::db::orders {

namespace json = boost::json;
using station::StationType;

const char* kind_name(OrderKind k) {
  return k == OrderKind::car ? "car" : "bike";
}

const char* order_table(OrderKind k) {
  return k == OrderKind::car ? "car_charge_order" : "bike_charge_order";
}

namespace {

// What an admin refund may still return (OrderAdminActions::refund): the fee captured as revenue, and once
// the order has ended what is still held (a prepayment return the gateway refused).
std::string refundable_select(OrderKind k) {
  std::string done = k == OrderKind::car ? "'completed'" : "'finished'";
  // held = paid − captured − refunded − pending, never negative (the pay_order CHECK of 0010)
  return "(SELECT p.captured + CASE WHEN o.state = " + done +
         " THEN p.paid_amount - p.captured - p.refunded_amount - p.refund_pending ELSE 0 END FROM pay_order "
         "p "
         "WHERE p.id = o.pay_order_id AND p.status = 'paid')";
}

// What went back to the payer by one kind of refund (pay_refund.refund_type), as o.refunded counts it.
std::string refunded_by(const char* refund_type) {
  return std::string(
             "(SELECT COALESCE(SUM(r.amount), 0) FROM pay_refund r WHERE r.pay_order_id = "
             "o.pay_order_id AND r.refund_type = '") +
         refund_type + "' AND r.status <> 'failed')";
}

// Columns both kinds share (alias o), in the list's camelCase.
std::string common_select(OrderKind k) {
  std::string st = k == OrderKind::car ? "car_station" : "bike_station";
  std::string area = k == OrderKind::car ? "car_area" : "bike_area";
  return "o.id AS \"id\", o.order_no AS \"orderNo\", o.station_id AS \"stationId\", (SELECT s.name FROM " +
         st +
         " s WHERE s.id = o.station_id) AS \"stationName\", o.area_id AS \"areaId\", (SELECT a.name FROM " +
         area +
         " a WHERE a.id = o.area_id) AS \"areaName\", o.phone AS \"phone\", o.card_no AS \"cardNo\", "
         "o.start_method AS \"startMethod\", o.state AS \"status\", o.end_reason AS \"endReason\", o.prepaid "
         "AS "
         "\"prepaid\", o.energy AS \"energy\", o.energy_fee AS \"energyFee\", o.service_fee AS "
         "\"serviceFee\", "
         "o.charged AS \"charged\", o.refunded AS \"refunded\", o.power_w AS \"power\", o.pay_order_id AS "
         "\"payOrderId\", " +
         refundable_select(k) + " AS \"refundable\", " + refunded_by("prepay_return") +
         " AS \"prepayReturned\", " + refunded_by("fee_refund") +
         " AS \"feeRefunded\", "
         "o.created_at AS \"createTime\", o.start_at AS \"startTime\", o.end_at AS \"endTime\"";
}

// Filters both kinds share. Each one leads an index of 0010/0014 (…, created_at).
std::vector<Filter> common_filters() {
  return {
      {"stationId", "o.station_id", Match::equal, Kind::integer},
      {"areaId", "o.area_id", Match::equal, Kind::integer},
      {"orderNo", "o.order_no", Match::equal, Kind::text},
      {"phone", "o.phone", Match::equal, Kind::text},
      {"cardNo", "o.card_no", Match::equal, Kind::text},
      {"status", "o.state", Match::equal, Kind::text},
      {"state", "o.state", Match::equal, Kind::text},
      {"startMethod", "o.start_method", Match::equal, Kind::text},
      {"beginTime", "o.created_at", Match::at_least, Kind::integer},
      {"endTime", "o.created_at", Match::at_most, Kind::integer},
  };
}

std::vector<std::pair<std::string, std::string>> common_sortable() {
  return {{"createTime", "o.created_at"},
          {"charged", "o.charged"},
          {"prepaid", "o.prepaid"},
          {"energy", "o.energy"}};
}

json::value parsed_or_text(const std::string& s) {
  if (s.empty()) return nullptr;
  boost::system::error_code ec;
  json::value v = json::parse(s, ec);
  if (ec) return json::value(s);
  return v;
}

}  // namespace

ListSpec car_order_list_spec() {
  ListSpec s;
  s.select =
      common_select(OrderKind::car) +
      ", o.pile_id AS \"pileId\", o.pile_code AS \"pileCode\", (SELECT p.name FROM car_pile p WHERE p.id "
      "= o.pile_id) AS \"pileName\", o.gun_id AS \"gunId\", o.gun_code AS \"gunCode\", o.plate AS "
      "\"plate\", o.reservation_no AS \"reservationNo\"";
  s.from = "car_charge_order o";
  s.filters = common_filters();
  // Pile and gun codes lead to the order's gun (idx_car_order_gun); the pile SN is its factory id.
  s.filters.push_back({"reservationNo", "o.reservation_no", Match::equal, Kind::text});
  s.filters.push_back(
      {"gunCode", "o.gun_id IN (SELECT g.id FROM car_gun g WHERE g.code = ?)", Match::custom, Kind::text});
  s.filters.push_back(
      {"pileCode",
       "o.gun_id IN (SELECT g.id FROM car_gun g JOIN car_pile p ON p.id = g.pile_id WHERE p.code "
       "= ?)",
       Match::custom, Kind::text});
  s.filters.push_back({"pileSn",
                       "o.gun_id IN (SELECT g.id FROM car_gun g JOIN car_pile p ON p.id = g.pile_id WHERE "
                       "p.factory_no = ?)",
                       Match::custom, Kind::text});
  s.sortable = common_sortable();
  s.default_order = "o.created_at DESC, o.id DESC";
  s.scope = station::child_scope(StationType::car, "o");
  return s;
}

ListSpec bike_order_list_spec() {
  ListSpec s;
  s.select =
      common_select(OrderKind::bike) +
      ", o.device_id AS \"deviceId\", o.device_code AS \"deviceCode\", (SELECT d.name FROM bike_device d "
      "WHERE d.id = o.device_id) AS \"deviceName\", o.socket_id AS \"socketId\", o.socket_no AS "
      "\"socketNo\", (SELECT k.code FROM bike_socket k WHERE k.id = o.socket_id) AS \"socketCode\", "
      "o.prepaid_duration_s AS \"prepaidDuration\", o.duration_s AS \"duration\", o.split_status AS "
      "\"splitStatus\"";
  s.from = "bike_charge_order o";
  s.filters = common_filters();
  // Device and socket codes lead to the order's socket (idx_bike_order_socket).
  s.filters.push_back({"socketCode", "o.socket_id IN (SELECT k.id FROM bike_socket k WHERE k.code = ?)",
                       Match::custom, Kind::text});
  s.filters.push_back(
      {"deviceCode",
       "o.socket_id IN (SELECT k.id FROM bike_socket k JOIN bike_device d ON d.id = k.device_id "
       "WHERE d.code = ?)",
       Match::custom, Kind::text});
  s.filters.push_back(
      {"deviceSn",
       "o.socket_id IN (SELECT k.id FROM bike_socket k JOIN bike_device d ON d.id = k.device_id "
       "WHERE d.factory_no = ?)",
       Match::custom, Kind::text});
  s.sortable = common_sortable();
  s.default_order = "o.created_at DESC, o.id DESC";
  s.scope = station::child_scope(StationType::bike, "o");
  return s;
}

BoundedPage list_bounded(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope) {
  ListQuery lq = parse_list_query(c, spec, q, scope);  // as the export of the list parses it
  int64_t page_num = lq.page_num;
  int64_t page_size = lq.page_size;
  if ((page_num - 1) * page_size >= kCountCap)
    fail_bad_request("pageNum: 最多查看前" + std::to_string(kCountCap) + "条，请缩小查询范围");

  const Where& w = lq.where;
  BoundedPage page;
  // A bounded count: reads at most kCountCap + 1 index entries, whatever the table's size.
  Params cp = w.params;
  cp.emplace_back(kCountCap + 1);
  int64_t n =
      c.scalar("SELECT COUNT(*) FROM (SELECT 1 FROM " + spec.from + w.sql() + " LIMIT ?) t", cp).value_or(0);
  page.capped = n > kCountCap;
  page.total = std::min(n, kCountCap);
  if (n == 0) return page;
  Params p = w.params;
  p.emplace_back(page_size);
  p.emplace_back((page_num - 1) * page_size);
  page.rows =
      c.query("SELECT " + spec.select + " FROM " + spec.from + w.sql() + lq.order_by + " LIMIT ? OFFSET ?", p)
          .to_json();
  return page;
}

int64_t count_all(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope) {
  Where w = parse_list_query(c, spec, q, scope).where;
  return c.scalar("SELECT COUNT(*) FROM " + spec.from + w.sql(), w.params).value_or(0);
}

void for_each_batch(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope,
                    const std::string& time_col, const std::string& id_col, int64_t batch,
                    const std::function<void(const Result&)>& fn) {
  Where base = parse_list_query(c, spec, q, scope).where;
  std::optional<std::pair<int64_t, int64_t>> after;  // (time, id) of the last row read
  for (;;) {
    Where w = base;
    if (after)
      w.add(time_col + " < ? OR (" + time_col + " = ? AND " + id_col + " < ?)",
            {after->first, after->first, after->second});
    Params p = w.params;
    p.emplace_back(batch);
    Result r = c.query("SELECT " + spec.select + " FROM " + spec.from + w.sql() + " ORDER BY " + time_col +
                           " DESC, " + id_col + " DESC LIMIT ?",
                       p);
    if (r.empty()) return;
    size_t time_i = 0, id_i = 0;
    for (size_t i = 0; i < r.columns.size(); ++i) {
      if (r.columns[i] == "createTime") time_i = i;
      if (r.columns[i] == "id") id_i = i;
    }
    fn(r);
    if (static_cast<int64_t>(r.size()) < batch) return;
    after = std::make_pair(r.i64(r.size() - 1, time_i), r.i64(r.size() - 1, id_i));
  }
}

std::optional<OrderRef> find_order(Connection& c, OrderKind k, int64_t id, const DataScope& scope) {
  Where w;
  w.add("o.id = ?", {id});
  add_scope(w, station::child_scope(k == OrderKind::car ? StationType::car : StationType::bike, "o"), scope);
  Result r = c.query(std::string("SELECT o.id, o.order_no, o.state, o.pay_order_id, o.prepaid, o.charged, "
                                 "o.refunded, o.station_id FROM ") +
                         order_table(k) + " o" + w.sql(),
                     w.params);
  if (r.empty()) return std::nullopt;
  OrderRef o;
  o.id = r.i64(0, 0);
  o.order_no = r.str(0, 1);
  o.state = r.str(0, 2);
  if (!r.is_null(0, 3)) o.pay_order_id = r.i64(0, 3);
  o.prepaid = r.i64(0, 4);
  o.charged = r.i64(0, 5);
  o.refunded = r.i64(0, 6);
  o.station_id = r.i64(0, 7);
  return o;
}

std::optional<json::object> order_detail(Connection& c, OrderKind k, int64_t id, const DataScope& scope) {
  ListSpec s = k == OrderKind::car ? car_order_list_spec() : bike_order_list_spec();
  s.select +=
      ", o.billing_detail AS \"billingDetail\", o.device_txn_no AS \"deviceTxnNo\", o.last_report_at AS "
      "\"lastReportTime\", o.device_lost_at AS \"deviceLostTime\", o.updated_at AS \"updateTime\", "
      "o.user_id AS \"userId\"";
  if (k == OrderKind::car)
    s.select +=
        ", o.tariff_version_id AS \"tariffVersionId\", (SELECT p.factory_no FROM car_pile p WHERE p.id = "
        "o.pile_id) AS \"factoryNo\", (SELECT p.current_type FROM car_pile p WHERE p.id = o.pile_id) AS "
        "\"currentType\", (SELECT p.speed FROM car_pile p WHERE p.id = o.pile_id) AS \"speed\", (SELECT "
        "p.output_power FROM car_pile p WHERE p.id = o.pile_id) AS \"outputPower\", o.device_tx_id AS "
        "\"deviceRecordId\", (SELECT t.abnormal FROM charging_transaction t WHERE t.id = o.device_tx_id) AS "
        "\"deviceAbnormal\", (SELECT t.flags FROM charging_transaction t WHERE t.id = o.device_tx_id) AS "
        "\"deviceFlags\"";
  else
    s.select +=
        ", o.tariff_id AS \"tariffId\", (SELECT d.factory_no FROM bike_device d WHERE d.id = "
        "o.device_id) AS \"factoryNo\", (SELECT d.device_type FROM bike_device d WHERE d.id = "
        "o.device_id) AS \"deviceType\", (SELECT t.id FROM charging_transaction t WHERE t.device_kind = "
        "'bike_device' AND t.device_id = o.device_id AND CAST(t.id AS TEXT) = o.device_txn_no) AS "
        "\"deviceRecordId\", (SELECT t.abnormal FROM charging_transaction t WHERE t.device_kind = "
        "'bike_device' "
        "AND t.device_id = o.device_id AND CAST(t.id AS TEXT) = o.device_txn_no) AS \"deviceAbnormal\", "
        "(SELECT t.flags FROM charging_transaction t WHERE t.device_kind = 'bike_device' AND t.device_id = "
        "o.device_id AND CAST(t.id AS TEXT) = o.device_txn_no) AS \"deviceFlags\"";
  auto row = station::row_by_id(c, s, "o.id", id, scope);
  if (!row) return std::nullopt;
  auto bd = row->find("billingDetail");
  if (bd != row->end() && bd->value().is_string())
    bd->value() = parsed_or_text(std::string(bd->value().as_string()));
  return row;
}

std::optional<json::object> car_tariff_version(Connection& c, int64_t version_id) {
  Result r = c.query(
      "SELECT v.id AS \"id\", v.seq AS \"seq\", v.mode AS \"mode\", v.definition AS \"definition\", "
      "v.effective_from AS \"effectiveFrom\", t.id AS \"tariffId\", t.name AS \"name\" FROM "
      "car_tariff_version v "
      "JOIN car_tariff t ON t.id = v.tariff_id WHERE v.id = ?",
      {version_id});
  if (r.empty()) return std::nullopt;
  json::object o = r.row_json(0);
  o["definition"] = parsed_or_text(r.str(0, 3));
  return o;
}

std::optional<json::object> bike_tariff(Connection& c, int64_t tariff_id) {
  Result r = c.query(
      "SELECT id AS \"id\", name AS \"name\", mode AS \"mode\", max_duration_min AS \"maxDurationMin\", "
      "auto_stop_amount AS \"autoStopAmount\", free_minutes AS \"freeMinutes\", unit_minutes AS "
      "\"unitMinutes\", "
      "unit_price AS \"unitPrice\", bands AS \"bands\", energy_price AS \"energyPrice\", service_price AS "
      "\"servicePrice\", reference_power_w AS \"referencePowerW\" FROM bike_tariff WHERE id = ?",
      {tariff_id});
  if (r.empty()) return std::nullopt;
  json::object o = r.row_json(0);
  o["bands"] = parsed_or_text(r.str(0, 8));
  return o;
}

}  // namespace zc::db::orders
