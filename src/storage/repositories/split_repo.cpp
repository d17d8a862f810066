#include "storage/repositories/split_repo.hpp"

#include "storage/repositories/payment_repo.hpp"

namespace zc::db::split {

namespace {

const char* kColumns =
    "id, split_no, pay_order_id, pay_no, order_type, charge_order_id, station_type, station_id, provider_id, "
    "property_id, merchant_no, fee, amount, returned, status, attempts, gateway_out_no, result, operator, "
    "sends";

SplitOrder split_from(const Result& r, size_t i) {
  SplitOrder s;
  s.id = r.i64(i, 0);
  s.split_no = r.str(i, 1);
  s.pay_order_id = r.i64(i, 2);
  s.pay_no = r.str(i, 3);
  s.order_type = r.str(i, 4);
  if (!r.is_null(i, 5)) s.charge_order_id = r.i64(i, 5);
  s.station_type = r.str(i, 6);
  s.station_id = r.i64(i, 7);
  s.provider_id = r.i64(i, 8);
  s.property_id = r.i64(i, 9);
  s.merchant_no = r.str(i, 10);
  s.fee = r.i64(i, 11);
  s.amount = r.i64(i, 12);
  s.returned = r.i64(i, 13);
  s.status = r.str(i, 14);
  s.attempts = r.i64(i, 15);
  s.gateway_out_no = r.str(i, 16);
  s.result = r.str(i, 17);
  s.op = r.str(i, 18);
  s.sends = r.i64(i, 19);
  return s;
}

std::vector<SplitOrder> splits_of(Connection& c, const std::string& where, const Params& params) {
  Result r = c.query(std::string("SELECT ") + kColumns + " FROM split_order WHERE " + where, params);
  std::vector<SplitOrder> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(split_from(r, i));
  return out;
}

const char* kReturnColumns = "id, return_no, split_id, receiver_id, account, amount, reason, status, result";

std::vector<Return> returns_where(Connection& c, const std::string& where, const Params& params) {
  Result r = c.query(std::string("SELECT ") + kReturnColumns + " FROM split_return WHERE " + where, params);
  std::vector<Return> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.i64(i, 0), r.str(i, 1), r.i64(i, 2), r.i64(i, 3), r.str(i, 4), r.i64(i, 5), r.str(i, 6),
                   r.str(i, 7), r.str(i, 8)});
  return out;
}

std::optional<SplitOrder> first(std::vector<SplitOrder> v) {
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

}  // namespace

int64_t SplitRepo::insert(const SplitOrder& s, const std::vector<Receiver>& receivers, int64_t at) {
  int64_t id = c_.insert(
      "INSERT INTO split_order (split_no, pay_order_id, pay_no, order_type, charge_order_id, station_type, "
      "station_id, provider_id, property_id, merchant_no, fee, amount, status, next_attempt_at, operator, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)",
      {s.split_no, s.pay_order_id, s.pay_no, s.order_type, opt(s.charge_order_id), s.station_type,
       s.station_id, s.provider_id, s.property_id, s.merchant_no, s.fee, s.amount, at, s.op, at, at});
  for (const auto& r : receivers)
    c_.execute(
        "INSERT INTO split_receiver (split_id, seq, type, account, name, ratio, amount) VALUES (?, ?, ?, ?, "
        "?, "
        "?, ?)",
        {id, r.seq, r.type, r.account, r.name, r.ratio, r.amount});
  return id;
}

std::optional<SplitOrder> SplitRepo::find(int64_t id) {
  return first(splits_of(c_, "id = ?", {id}));
}

std::optional<SplitOrder> SplitRepo::find_by_pay_order(int64_t pay_order_id) {
  return first(splits_of(c_, "pay_order_id = ?", {pay_order_id}));
}

std::optional<SplitOrder> SplitRepo::find_by_charge_order(const std::string& order_type,
                                                          int64_t charge_order_id) {
  return first(splits_of(c_, "order_type = ? AND charge_order_id = ?", {order_type, charge_order_id}));
}

std::vector<Receiver> SplitRepo::receivers(int64_t split_id) {
  Result r = c_.query(
      "SELECT id, split_id, seq, type, account, name, ratio, amount, returned FROM split_receiver WHERE "
      "split_id = ? ORDER BY seq",
      {split_id});
  std::vector<Receiver> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.i64(i, 0), r.i64(i, 1), r.i64(i, 2), r.str(i, 3), r.str(i, 4), r.str(i, 5), r.i64(i, 6),
                   r.i64(i, 7), r.i64(i, 8)});
  return out;
}

std::vector<SplitOrder> SplitRepo::due(int64_t now, int64_t limit) {
  return splits_of(c_, "status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?",
                   {now, limit});
}

std::vector<SplitOrder> SplitRepo::processing(int64_t limit) {
  return splits_of(c_, "status = 'processing' ORDER BY updated_at LIMIT ?", {limit});
}

bool SplitRepo::mark_sent(int64_t id, const std::string& out_no, const std::string& gateway_id, int64_t at) {
  return c_.execute(
             "UPDATE split_order SET status = 'processing', attempts = attempts + 1, sends = sends + 1, "
             "gateway_out_no = ?, "
             "gateway_order_id = ?, result = '', updated_at = ? WHERE id = ? AND status = 'pending'",
             {out_no, gateway_id, at, id}) == 1;
}

bool SplitRepo::mark_succeeded(int64_t id, int64_t at) {
  return c_.execute(
             "UPDATE split_order SET status = 'succeeded', result = '', finished_at = ?, updated_at = ? "
             "WHERE "
             "id = ? AND status = 'processing'",
             {at, at, id}) == 1;
}

bool SplitRepo::attempt_failed(int64_t id, const std::string& result, std::optional<int64_t> next_at,
                               int64_t at) {
  return c_.execute(
             "UPDATE split_order SET status = ?, attempts = CASE WHEN status = 'pending' THEN attempts + 1 "
             "ELSE attempts END, next_attempt_at = ?, result = ?, updated_at = ? WHERE id = ? AND status IN "
             "('pending', 'processing')",
             {std::string(next_at ? "pending" : "failed"), opt(next_at), result.substr(0, 500), at, id}) == 1;
}

bool SplitRepo::resplit(int64_t id, const std::string& op, int64_t at) {
  return c_.execute(
             "UPDATE split_order SET status = 'pending', attempts = 0, next_attempt_at = ?, operator = ?, "
             "updated_at = ? WHERE id = ? AND status = 'failed'",
             {at, op, at, id}) == 1;
}

bool SplitRepo::add_split_amount(int64_t pay_order_id, int64_t delta) {
  return c_.execute(
             "UPDATE pay_order SET split_amount = split_amount + ? WHERE id = ? AND split_amount + ? >= 0 "
             "AND "
             "split_amount + ? <= captured",
             {delta, pay_order_id, delta, delta}) == 1;
}

void SplitRepo::sync_order(const SplitOrder& s, const std::string& status) {
  if (!s.charge_order_id) return;
  c_.execute(std::string("UPDATE ") + (s.order_type == "bike" ? "bike_charge_order" : "car_charge_order") +
                 " SET split_status = ? WHERE id = ?",
             {status, *s.charge_order_id});
}

std::optional<int64_t> SplitRepo::insert_return(const Return& r, const std::string& op, int64_t at) {
  if (c_.execute("UPDATE split_receiver SET returned = returned + ? WHERE id = ? AND amount - returned >= ?",
                 {r.amount, r.receiver_id, r.amount}) != 1)
    return std::nullopt;
  c_.execute("UPDATE split_order SET returned = returned + ?, updated_at = ? WHERE id = ?",
             {r.amount, at, r.split_id});
  return c_.insert(
      "INSERT INTO split_return (return_no, split_id, receiver_id, account, amount, reason, status, "
      "operator, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, 'processing', ?, ?)",
      {r.return_no, r.split_id, r.receiver_id, r.account, r.amount, r.reason, op, at});
}

std::vector<Return> SplitRepo::processing_returns(int64_t limit) {
  return returns_where(c_, "status = 'processing' ORDER BY id LIMIT ?", {limit});
}

std::optional<Return> SplitRepo::find_return(int64_t id) {
  auto v = returns_where(c_, "id = ?", {id});
  if (v.empty()) return std::nullopt;
  return v.front();
}

bool SplitRepo::finish_return(const Return& r, bool succeeded, const std::string& result, int64_t at) {
  if (c_.execute("UPDATE split_return SET status = ?, result = ?, finished_at = ? WHERE id = ? AND status = "
                 "'processing'",
                 {std::string(succeeded ? "succeeded" : "failed"), result.substr(0, 500), at, r.id}) != 1)
    return false;
  if (!succeeded) {
    c_.execute("UPDATE split_receiver SET returned = returned - ? WHERE id = ?", {r.amount, r.receiver_id});
    c_.execute("UPDATE split_order SET returned = returned - ?, updated_at = ? WHERE id = ?",
               {r.amount, at, r.split_id});
  }
  return true;
}

void SplitRepo::mark_returned_if_done(int64_t split_id, int64_t at) {
  c_.execute(
      "UPDATE split_order SET status = 'returned', updated_at = ? WHERE id = ? AND status = 'succeeded' AND "
      "returned = amount AND NOT EXISTS (SELECT 1 FROM split_return t WHERE t.split_id = split_order.id AND "
      "t.status = 'processing')",
      {at, split_id});
}

boost::json::array SplitRepo::returns_of(int64_t split_id) {
  return c_
      .query(
          "SELECT id AS \"id\", return_no AS \"returnNo\", account AS \"account\", amount AS \"amount\", "
          "reason "
          "AS \"reason\", status AS \"status\", result AS \"result\", operator AS \"operator\", created_at "
          "AS "
          "\"createTime\", finished_at AS \"finishTime\" FROM split_return WHERE split_id = ? ORDER BY id",
          {split_id})
      .to_json();
}

boost::json::array SplitRepo::receivers_json(int64_t split_id) {
  return c_
      .query(
          "SELECT seq AS \"seq\", type AS \"type\", account AS \"account\", name AS \"name\", ratio AS "
          "\"ratio\", amount AS \"amount\", returned AS \"returned\" FROM split_receiver WHERE split_id = ? "
          "ORDER BY seq",
          {split_id})
      .to_json();
}

ListSpec split_list_spec() {
  using payment::charge_order_no;
  ListSpec s;
  s.select =
      "so.id AS \"id\", so.split_no AS \"splitNo\", so.pay_order_id AS \"payOrderId\", so.pay_no AS "
      "\"payNo\", "
      "so.order_type AS \"orderType\", so.charge_order_id AS \"chargeOrderId\", " +
      charge_order_no("so") +
      " AS \"orderNo\", so.station_type AS \"stationType\", so.station_id AS \"stationId\", " +
      payment::station_name("so") +
      " AS \"stationName\", so.merchant_no AS \"merchantNo\", so.fee AS \"fee\", so.amount AS \"amount\", "
      "so.returned AS \"returned\", so.fee - so.amount AS \"merchantAmount\", so.status AS \"status\", "
      "so.attempts "
      "AS \"attempts\", so.next_attempt_at AS \"nextAttemptTime\", so.gateway_out_no AS \"gatewayOutNo\", "
      "so.gateway_order_id AS \"gatewayOrderId\", so.result AS \"result\", so.operator AS \"operator\", "
      "(SELECT COUNT(*) FROM split_receiver r WHERE r.split_id = so.id) AS \"receiverCount\", "
      "(SELECT MIN(r.name) FROM split_receiver r WHERE r.split_id = so.id) AS \"receiverName\", "
      "so.created_at AS \"createTime\", so.finished_at AS \"finishTime\"";
  s.from = "split_order so";
  s.filters = {
      {"orderNo", "(" + charge_order_no("so") + ")", Match::equal, Kind::text},
      {"stationId", "so.station_id", Match::equal, Kind::integer},
      {"stationType", "so.station_type", Match::equal, Kind::text},
      {"merchantNo", "so.merchant_no", Match::equal, Kind::text},
      {"receiver",
       "EXISTS (SELECT 1 FROM split_receiver r WHERE r.split_id = so.id AND (r.account = ? OR r.name LIKE "
       "'%' || "
       "CAST(? AS TEXT) || '%'))",
       Match::custom, Kind::text},
      {"splitNo", "so.split_no", Match::equal, Kind::text},
      {"operator", "so.operator", Match::contains, Kind::text},
      {"orderType", "so.order_type", Match::equal, Kind::text},
      {"status", "so.status", Match::equal, Kind::text},
      {"beginTime", "so.created_at", Match::at_least, Kind::integer},
      {"endTime", "so.created_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"createTime", "so.created_at"}, {"amount", "so.amount"}, {"fee", "so.fee"}};
  s.default_order = "so.created_at DESC, so.id DESC";
  s.scope = payment::mixed_station_scope("so");
  return s;
}

}  // namespace zc::db::split
