#include "storage/repositories/order_query_repo.hpp"

#include "core/error.hpp"
#include "domain/order/bike_order_state.hpp"
#include "domain/order/car_order_state.hpp"
#include "storage/repositories/member_card_use.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::db::orders {

using station::StationType;

const char* kind_name(OrderKind k) {
  return k == OrderKind::car ? "car" : "bike";
}

const char* order_table(OrderKind k) {
  return k == OrderKind::car ? "car_charge_order" : "bike_charge_order";
}

namespace {

// What an admin refund may still return (OrderAdminActions::refund): the fee captured as revenue, and once
// the order has ended what is still held (a prepayment return the gateway refused); a card order (no pay
// order): what its card paid less what went back to the card (CardUseRepo::paid_for).
std::string refundable_select(OrderKind k) {
  std::string done = "'" +
                     std::string(k == OrderKind::car ? order::to_string(order::CarOrderState::completed)
                                                     : order::to_string(order::BikeOrderState::finished)) +
                     "'";
  // held = paid − captured − refunded − pending, never negative (the pay_order CHECK of 0010)
  std::string kind = k == OrderKind::car ? "'car'" : "'bike'";
  return "CASE WHEN o.pay_order_id IS NULL THEN (SELECT -SUM(amount) FROM ledger_entry WHERE order_type = " +
         kind + " AND charge_order_id = o.id AND " + member::kCardLinesOfOrder +
         ") ELSE (SELECT p.captured + CASE WHEN o.state = " + done +
         " THEN p.paid_amount - p.captured - p.refunded_amount - p.refund_pending ELSE 0 END FROM pay_order "
         "p "
         "WHERE p.id = o.pay_order_id AND p.status = 'paid') END";
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

// The columns of a result by their camelCase alias (the list spec's select names each one).
class Columns {
 public:
  explicit Columns(const Result& r) : r_(r) {}
  int at(std::string_view name) const {
    for (size_t i = 0; i < r_.columns.size(); ++i)
      if (r_.columns[i] == name) return static_cast<int>(i);
    return -1;
  }
  int64_t i64(size_t row, std::string_view name) const {
    int k = at(name);
    return k < 0 || r_.is_null(row, k) ? 0 : r_.i64(row, k);
  }
  std::string str(size_t row, std::string_view name) const {
    int k = at(name);
    return k < 0 || r_.is_null(row, k) ? std::string() : r_.str(row, k);
  }
  std::optional<int64_t> opt_i64(size_t row, std::string_view name) const {
    int k = at(name);
    if (k < 0 || r_.is_null(row, k)) return std::nullopt;
    return r_.i64(row, k);
  }
  std::optional<std::string> opt_str(size_t row, std::string_view name) const {
    int k = at(name);
    if (k < 0 || r_.is_null(row, k)) return std::nullopt;
    return r_.str(row, k);
  }

 private:
  const Result& r_;
};

OrderRow order_row(const Columns& c, size_t i, OrderKind k) {
  OrderRow o;
  o.kind = k;
  o.id = c.i64(i, "id");
  o.order_no = c.str(i, "orderNo");
  o.station_id = c.i64(i, "stationId");
  o.station_name = c.opt_str(i, "stationName");
  o.area_id = c.opt_i64(i, "areaId");
  o.area_name = c.opt_str(i, "areaName");
  o.phone = c.str(i, "phone");
  o.card_no = c.str(i, "cardNo");
  o.start_method = c.str(i, "startMethod");
  o.state = c.str(i, "status");
  o.end_reason = c.str(i, "endReason");
  o.prepaid = c.i64(i, "prepaid");
  o.energy = c.i64(i, "energy");
  o.energy_fee = c.i64(i, "energyFee");
  o.service_fee = c.i64(i, "serviceFee");
  o.charged = c.i64(i, "charged");
  o.refunded = c.i64(i, "refunded");
  o.power_w = c.i64(i, "power");
  o.pay_order_id = c.opt_i64(i, "payOrderId");
  o.refundable = c.opt_i64(i, "refundable");
  o.prepay_returned = c.i64(i, "prepayReturned");
  o.fee_refunded = c.i64(i, "feeRefunded");
  o.created_at = c.i64(i, "createTime");
  o.start_at = c.opt_i64(i, "startTime");
  o.end_at = c.opt_i64(i, "endTime");
  if (k == OrderKind::car) {
    o.pile_id = c.i64(i, "pileId");
    o.pile_code = c.str(i, "pileCode");
    o.pile_name = c.opt_str(i, "pileName");
    o.gun_id = c.i64(i, "gunId");
    o.gun_code = c.str(i, "gunCode");
    o.plate = c.str(i, "plate");
    o.reservation_no = c.str(i, "reservationNo");
    o.occupancy_fee = c.i64(i, "occupancyFee");
  } else {
    o.device_id = c.i64(i, "deviceId");
    o.device_code = c.str(i, "deviceCode");
    o.device_name = c.opt_str(i, "deviceName");
    o.socket_id = c.i64(i, "socketId");
    o.socket_no = c.i64(i, "socketNo");
    o.socket_code = c.opt_str(i, "socketCode");
    o.prepaid_duration_s = c.i64(i, "prepaidDuration");
    o.duration_s = c.i64(i, "duration");
  }
  o.split_status = c.str(i, "splitStatus");
  return o;
}

ListSpec list_spec(OrderKind k) {
  return k == OrderKind::car ? car_order_list_spec() : bike_order_list_spec();
}

}  // namespace

ListSpec car_order_list_spec() {
  ListSpec s;
  s.select =
      common_select(OrderKind::car) +
      ", o.pile_id AS \"pileId\", o.pile_code AS \"pileCode\", (SELECT p.name FROM car_pile p WHERE p.id "
      "= o.pile_id) AS \"pileName\", o.gun_id AS \"gunId\", o.gun_code AS \"gunCode\", o.plate AS "
      "\"plate\", o.reservation_no AS \"reservationNo\", o.occupancy_fee AS \"occupancyFee\", o.split_status AS "
      "\"splitStatus\"";
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

BoundedPage list_bounded(Connection& c, OrderKind k, const QueryParams& q, const DataScope& scope) {
  ListSpec spec = list_spec(k);
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
  Result r = c.query(
      "SELECT " + spec.select + " FROM " + spec.from + w.sql() + lq.order_by + " LIMIT ? OFFSET ?", p);
  Columns cols(r);
  page.rows.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) page.rows.push_back(order_row(cols, i, k));
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

std::optional<OrderDetail> order_detail(Connection& c, OrderKind k, int64_t id, const DataScope& scope) {
  ListSpec s = list_spec(k);
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
  Where w;
  w.add("o.id = ?", {id});
  add_scope(w, s.scope, scope);
  Result r = c.query("SELECT " + s.select + " FROM " + s.from + w.sql(), w.params);
  if (r.empty()) return std::nullopt;
  Columns cols(r);
  OrderDetail d;
  d.row = order_row(cols, 0, k);
  d.billing_detail = cols.str(0, "billingDetail");
  d.device_txn_no = cols.opt_str(0, "deviceTxnNo");
  d.last_report_at = cols.opt_i64(0, "lastReportTime");
  d.device_lost_at = cols.opt_i64(0, "deviceLostTime");
  d.updated_at = cols.opt_i64(0, "updateTime");
  d.user_id = cols.opt_i64(0, "userId");
  d.tariff_version_id = cols.opt_i64(0, "tariffVersionId");
  d.tariff_id = cols.opt_i64(0, "tariffId");
  d.factory_no = cols.opt_str(0, "factoryNo");
  d.current_type = cols.opt_str(0, "currentType");
  d.speed = cols.opt_i64(0, "speed");
  d.output_power = cols.opt_i64(0, "outputPower");
  d.device_type = cols.opt_i64(0, "deviceType");
  d.device_record_id = cols.opt_i64(0, "deviceRecordId");
  d.device_abnormal = cols.opt_i64(0, "deviceAbnormal");
  d.device_flags = cols.opt_str(0, "deviceFlags");
  return d;
}

std::optional<CarTariffVersion> car_tariff_version(Connection& c, int64_t version_id) {
  Result r = c.query(
      "SELECT v.id, v.seq, v.mode, v.definition, v.effective_from, t.id, t.name FROM car_tariff_version v "
      "JOIN car_tariff t ON t.id = v.tariff_id WHERE v.id = ?",
      {version_id});
  if (r.empty()) return std::nullopt;
  return CarTariffVersion{r.i64(0, 0), r.i64(0, 1), r.i64(0, 4), r.i64(0, 5),
                          r.str(0, 2), r.str(0, 3), r.str(0, 6)};
}

std::optional<BikeTariffRow> bike_tariff(Connection& c, int64_t tariff_id) {
  Result r = c.query(
      "SELECT id, name, mode, bands, max_duration_min, auto_stop_amount, free_minutes, unit_minutes, "
      "unit_price, "
      "energy_price, service_price, reference_power_w FROM bike_tariff WHERE id = ?",
      {tariff_id});
  if (r.empty()) return std::nullopt;
  BikeTariffRow t;
  t.id = r.i64(0, 0);
  t.name = r.str(0, 1);
  t.mode = r.str(0, 2);
  t.bands = r.str(0, 3);
  t.max_duration_min = r.i64(0, 4);
  t.auto_stop_amount = r.i64(0, 5);
  t.free_minutes = r.i64(0, 6);
  t.unit_minutes = r.i64(0, 7);
  t.unit_price = r.i64(0, 8);
  t.energy_price = r.i64(0, 9);
  t.service_price = r.i64(0, 10);
  t.reference_power_w = r.i64(0, 11);
  return t;
}

}  // namespace zc::db::orders
