#include "storage/repositories/payment_repo.hpp"

namespace zc::db::payment {

namespace {

const char* kPayColumns =
    "id, pay_no, order_type, charge_order_id, station_type, station_id, provider_id, property_id, user_id, "
    "phone, pay_type, provider, merchant_no, description, amount, status, paid_amount, captured, "
    "refunded_amount, refund_pending, gateway_prepay_id, gateway_txn_no, created_at, expires_at, paid_at";

std::optional<int64_t> opt_i64(const Result& r, size_t row, size_t col) {
  if (r.is_null(row, col)) return std::nullopt;
  return r.i64(row, col);
}

PayOrder pay_from(const Result& r, size_t i) {
  PayOrder p;
  p.id = r.i64(i, 0);
  p.pay_no = r.str(i, 1);
  p.order_type = r.str(i, 2);
  p.charge_order_id = opt_i64(r, i, 3);
  p.station_type = r.str(i, 4);
  p.station_id = r.i64(i, 5);
  p.provider_id = r.i64(i, 6);
  p.property_id = r.i64(i, 7);
  p.user_id = opt_i64(r, i, 8);
  p.phone = r.str(i, 9);
  p.pay_type = r.str(i, 10);
  p.provider = r.str(i, 11);
  p.merchant_no = r.str(i, 12);
  p.description = r.str(i, 13);
  p.amount = r.i64(i, 14);
  p.status = r.str(i, 15);
  p.paid_amount = r.i64(i, 16);
  p.captured = r.i64(i, 17);
  p.refunded_amount = r.i64(i, 18);
  p.refund_pending = r.i64(i, 19);
  p.gateway_prepay_id = r.str(i, 20);
  p.gateway_txn_no = r.str(i, 21);
  p.created_at = r.i64(i, 22);
  p.expires_at = r.i64(i, 23);
  p.paid_at = opt_i64(r, i, 24);
  return p;
}

const char* kRefundColumns =
    "id, refund_no, pay_order_id, pay_no, refund_type, source, status, reason, operator, gateway_refund_no, "
    "amount, created_at";

Refund refund_from(const Result& r, size_t i) {
  Refund f;
  f.id = r.i64(i, 0);
  f.refund_no = r.str(i, 1);
  f.pay_order_id = r.i64(i, 2);
  f.pay_no = r.str(i, 3);
  f.refund_type = r.str(i, 4);
  f.source = r.str(i, 5);
  f.status = r.str(i, 6);
  f.reason = r.str(i, 7);
  f.op = r.str(i, 8);
  f.gateway_refund_no = r.str(i, 9);
  f.amount = r.i64(i, 10);
  f.created_at = r.i64(i, 11);
  return f;
}

}  // namespace

// Rows that mix car and bike stations: a user bound to car stations is narrowed on the car rows only
// (list_query's in_list appends " IN (…)" to the expression: `type <> 'car' OR station_id IN (…)`).
ScopeColumns mixed_station_scope(const std::string& a) {
  ScopeColumns s;
  s.provider = a + ".provider_id";
  s.property = a + ".property_id";
  s.car_station = a + ".station_type <> 'car' OR " + a + ".station_id";
  s.bike_station = a + ".station_type <> 'bike' OR " + a + ".station_id";
  return s;
}

std::string station_name(const std::string& a) {
  return "CASE " + a + ".station_type WHEN 'car' THEN (SELECT s.name FROM car_station s WHERE s.id = " + a +
         ".station_id) ELSE (SELECT s.name FROM bike_station s WHERE s.id = " + a + ".station_id) END";
}

// The charging order's business number (pages show and link it, never the internal id).
std::string charge_order_no(const std::string& a) {
  return "CASE " + a +
         ".order_type WHEN 'car' THEN (SELECT o.order_no FROM car_charge_order o WHERE o.id = " + a +
         ".charge_order_id) WHEN 'occupancy' THEN (SELECT o.order_no FROM parking_occupancy o WHERE o.id = " +
         a + ".charge_order_id) ELSE (SELECT o.order_no FROM bike_charge_order o WHERE o.id = " + a +
         ".charge_order_id) END";
}

int64_t PaymentRepo::insert_pay_order(const PayOrder& p) {
  return c_.insert(
      "INSERT INTO pay_order (pay_no, order_type, charge_order_id, station_type, station_id, provider_id, "
      "property_id, user_id, phone, pay_type, provider, merchant_no, description, amount, status, "
      "created_at, "
      "expires_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unpaid', ?, ?, ?)",
      {p.pay_no, p.order_type, opt(p.charge_order_id), p.station_type, p.station_id, p.provider_id,
       p.property_id, opt(p.user_id), p.phone, p.pay_type, p.provider, p.merchant_no, p.description, p.amount,
       p.created_at, p.expires_at, p.created_at});
}

void PaymentRepo::set_prepay_id(int64_t id, const std::string& prepay_id) {
  c_.execute("UPDATE pay_order SET gateway_prepay_id = ? WHERE id = ?", {prepay_id, id});
}

std::optional<PayOrder> PaymentRepo::find(int64_t id) {
  Result r = c_.query(std::string("SELECT ") + kPayColumns + " FROM pay_order WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return pay_from(r, 0);
}

std::optional<PayOrder> PaymentRepo::find_by_no(const std::string& pay_no) {
  Result r = c_.query(std::string("SELECT ") + kPayColumns + " FROM pay_order WHERE pay_no = ?", {pay_no});
  if (r.empty()) return std::nullopt;
  return pay_from(r, 0);
}

bool PaymentRepo::mark_paid(int64_t id, const std::string& txn_no, const std::string& notify_body,
                            int64_t at) {
  return c_.execute(
             "UPDATE pay_order SET status = 'paid', paid_amount = amount, gateway_txn_no = ?, notify_body = "
             "?, "
             "paid_at = ?, updated_at = ? WHERE id = ? AND status IN ('unpaid', 'closed')",
             {txn_no, notify_body, at, at, id}) == 1;
}

bool PaymentRepo::mark_failed(int64_t id, const std::string& notify_body, int64_t at) {
  return c_.execute(
             "UPDATE pay_order SET status = 'failed', notify_body = ?, closed_at = ?, updated_at = ? "
             "WHERE id = ? AND status = 'unpaid'",
             {notify_body, at, at, id}) == 1;
}

bool PaymentRepo::mark_closed(int64_t id, int64_t at) {
  return c_.execute(
             "UPDATE pay_order SET status = 'closed', closed_at = ?, updated_at = ? WHERE id = ? AND status "
             "= "
             "'unpaid'",
             {at, at, id}) == 1;
}

std::vector<PayOrder> PaymentRepo::paid_without_order(const std::string& order_type, int64_t since,
                                                      int64_t before, int64_t limit) {
  const char* requests = order_type == "car"    ? "car_prepay"
                         : order_type == "bike" ? "bike_order_request"
                                                : nullptr;
  if (!requests) return {};
  // idx_pay_order_paid (paid_at): only the window's payments are read, whatever the table's size
  Result r =
      c_.query(std::string("SELECT ") + kPayColumns +
                   " FROM pay_order WHERE paid_at >= ? AND paid_at < ? AND status = 'paid' AND "
                   "order_type = ? AND charge_order_id IS NULL AND "
                   "paid_amount - captured - refunded_amount - refund_pending > 0 AND EXISTS (SELECT 1 "
                   "FROM " +
                   requests + " q WHERE q.pay_order_id = pay_order.id) ORDER BY paid_at, id LIMIT ?",
               {since, before, order_type, limit});
  std::vector<PayOrder> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(pay_from(r, i));
  return out;
}

std::vector<PayOrder> PaymentRepo::expired_unpaid(int64_t now, int64_t limit) {
  // idx_pay_order_status (status, created_at): the unpaid ones are few, whatever the table's size
  Result r =
      c_.query(std::string("SELECT ") + kPayColumns +
                   " FROM pay_order WHERE status = 'unpaid' AND expires_at < ? ORDER BY created_at, id "
                   "LIMIT ?",
               {now, limit});
  std::vector<PayOrder> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(pay_from(r, i));
  return out;
}

bool PaymentRepo::capture(int64_t id, int64_t amount, int64_t at) {
  return c_.execute(
             "UPDATE pay_order SET captured = captured + ?, updated_at = ? WHERE id = ? AND status = 'paid' "
             "AND "
             "paid_amount - captured - refunded_amount - refund_pending >= ?",
             {amount, at, id, amount}) == 1;
}

bool PaymentRepo::reserve_refund(int64_t id, const std::string& source, int64_t amount, int64_t at) {
  if (source == kRevenue)
    return c_.execute(
               "UPDATE pay_order SET captured = captured - ?, refund_pending = refund_pending + ?, "
               "updated_at = ? "
               "WHERE id = ? AND status = 'paid' AND captured - split_amount >= ?",
               {amount, amount, at, id, amount}) == 1;
  return c_.execute(
             "UPDATE pay_order SET refund_pending = refund_pending + ?, updated_at = ? WHERE id = ? AND "
             "status = "
             "'paid' AND paid_amount - captured - refunded_amount - refund_pending >= ?",
             {amount, at, id, amount}) == 1;
}

int64_t PaymentRepo::insert_refund(const Refund& r, const PayOrder& p) {
  return c_.insert(
      "INSERT INTO pay_refund (refund_no, pay_order_id, pay_no, order_type, charge_order_id, station_type, "
      "station_id, provider_id, property_id, phone, refund_type, source, amount, status, reason, operator, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)",
      {r.refund_no, p.id, p.pay_no, p.order_type, opt(p.charge_order_id), p.station_type, p.station_id,
       p.provider_id, p.property_id, p.phone, r.refund_type, r.source, r.amount, r.reason, r.op, r.created_at,
       r.created_at});
}

std::optional<Refund> PaymentRepo::find_refund(int64_t id) {
  Result r = c_.query(std::string("SELECT ") + kRefundColumns + " FROM pay_refund WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return refund_from(r, 0);
}

std::optional<Refund> PaymentRepo::find_refund_by_no(const std::string& refund_no) {
  Result r =
      c_.query(std::string("SELECT ") + kRefundColumns + " FROM pay_refund WHERE refund_no = ?", {refund_no});
  if (r.empty()) return std::nullopt;
  return refund_from(r, 0);
}

void PaymentRepo::set_refund_gateway_no(int64_t refund_id, const std::string& gateway_refund_no) {
  c_.execute("UPDATE pay_refund SET gateway_refund_no = ? WHERE id = ?", {gateway_refund_no, refund_id});
}

std::vector<RefundToSend> PaymentRepo::unsent_refunds(int64_t before, int64_t limit) {
  // idx_pay_refund_status (status, created_at): pending refunds are few, whatever the table's size
  Result r = c_.query(std::string("SELECT ") + kRefundColumns +
                          " FROM pay_refund WHERE status = 'pending' AND gateway_refund_no = '' AND "
                          "created_at < ? ORDER BY created_at, id LIMIT ?",
                      {before, limit});
  std::vector<RefundToSend> out;
  for (size_t i = 0; i < r.size(); ++i) {
    Refund f = refund_from(r, i);
    if (auto p = find(f.pay_order_id)) out.push_back({std::move(f), std::move(*p)});
  }
  return out;
}

bool PaymentRepo::complete_refund(const Refund& r, const std::string& gateway_refund_no,
                                  const std::string& body, int64_t at) {
  if (c_.execute("UPDATE pay_refund SET status = 'succeeded', gateway_refund_no = ?, notify_body = ?, "
                 "result = 'SUCCESS', refunded_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'",
                 {gateway_refund_no, body, at, at, r.id}) != 1)
    return false;
  c_.execute(
      "UPDATE pay_order SET refund_pending = refund_pending - ?, refunded_amount = refunded_amount + ?, "
      "updated_at = ? WHERE id = ?",
      {r.amount, r.amount, at, r.pay_order_id});
  return true;
}

bool PaymentRepo::fail_refund(const Refund& r, const std::string& result, int64_t at) {
  if (c_.execute(
          "UPDATE pay_refund SET status = 'failed', result = ?, updated_at = ? WHERE id = ? AND status = "
          "'pending'",
          {result, at, r.id}) != 1)
    return false;
  if (r.source == kRevenue)
    c_.execute(
        "UPDATE pay_order SET refund_pending = refund_pending - ?, captured = captured + ?, updated_at = ? "
        "WHERE "
        "id = ?",
        {r.amount, r.amount, at, r.pay_order_id});
  else
    c_.execute("UPDATE pay_order SET refund_pending = refund_pending - ?, updated_at = ? WHERE id = ?",
               {r.amount, at, r.pay_order_id});
  return true;
}

void PaymentRepo::sync_order_refunded(const PayOrder& p) {
  const char* table = p.order_type == "car"    ? "car_charge_order"
                      : p.order_type == "bike" ? "bike_charge_order"
                                               : nullptr;
  if (!table) return;
  c_.execute(
      std::string("UPDATE ") + table +
          " SET refunded = (SELECT COALESCE(SUM(r.amount), 0) FROM pay_refund r WHERE r.pay_order_id = ? "
          "AND r.status <> 'failed') WHERE pay_order_id = ?",
      {p.id, p.id});
}

void PaymentRepo::post(const std::string& txn_no, const std::string& kind, const PayOrder& p,
                       std::optional<int64_t> refund_id, const std::vector<Posting>& postings, int64_t at) {
  for (const Posting& e : postings)
    c_.execute(
        "INSERT INTO ledger_entry (txn_no, kind, account, amount, pay_order_id, refund_id, order_type, "
        "charge_order_id, station_type, station_id, provider_id, property_id, created_at) VALUES (?, ?, ?, "
        "?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?)",
        {txn_no, kind, e.account, e.amount, p.id, opt(refund_id), p.order_type, opt(p.charge_order_id),
         p.station_type, p.station_id, p.provider_id, p.property_id, at});
}

std::vector<ReconcileProblem> PaymentRepo::reconcile() {
  std::vector<ReconcileProblem> out;
  // 1. Double entry: every movement sums to zero.
  Result t = c_.query(
      "SELECT l.pay_order_id, p.pay_no, l.txn_no, SUM(l.amount) FROM ledger_entry l JOIN pay_order p ON p.id "
      "= "
      "l.pay_order_id GROUP BY l.pay_order_id, p.pay_no, l.txn_no HAVING SUM(l.amount) <> 0");
  for (size_t i = 0; i < t.size(); ++i)
    out.push_back({t.i64(i, 0), t.str(i, 1), "movement " + t.str(i, 2) + " sums to " + t.str(i, 3)});
  // 2. Each pay order's columns equal its ledger balances, and paid = captured + refunded + pending + held;
  // captured is the main merchant's revenue plus what left it for splits (docs/splits.md).
  Result r = c_.query(
      "SELECT p.id, p.pay_no, p.paid_amount, p.captured, p.refunded_amount, p.refund_pending, "
      "p.split_amount, "
      "COALESCE(SUM(CASE WHEN l.account = 'payer' AND l.kind = 'payment' THEN -l.amount END), 0), "
      "COALESCE(SUM(CASE WHEN l.account = 'revenue' THEN l.amount END), 0), "
      "COALESCE(SUM(CASE WHEN l.account = 'payer' AND l.kind = 'refund' THEN l.amount END), 0), "
      "COALESCE(SUM(CASE WHEN l.account = 'refunding' THEN l.amount END), 0), "
      "COALESCE(SUM(CASE WHEN l.account = 'held' THEN l.amount END), 0), "
      "COALESCE(SUM(CASE WHEN l.account IN ('split_pending', 'split_returning') OR l.account LIKE 'split:%' "
      "THEN l.amount END), 0) "
      "FROM pay_order p LEFT JOIN ledger_entry l ON l.pay_order_id = p.id "
      "WHERE p.paid_amount > 0 OR l.id IS NOT NULL "
      "GROUP BY p.id, p.pay_no, p.paid_amount, p.captured, p.refunded_amount, p.refund_pending, "
      "p.split_amount");
  for (size_t i = 0; i < r.size(); ++i) {
    int64_t paid = r.i64(i, 2), captured = r.i64(i, 3), refunded = r.i64(i, 4), pending = r.i64(i, 5),
            split = r.i64(i, 6);
    int64_t l_paid = r.i64(i, 7), l_revenue = r.i64(i, 8), l_refunded = r.i64(i, 9), l_pending = r.i64(i, 10),
            l_held = r.i64(i, 11), l_split = r.i64(i, 12);
    auto add = [&](const std::string& what) { out.push_back({r.i64(i, 0), r.str(i, 1), what}); };
    if (paid != l_paid) add("paid " + std::to_string(paid) + " ≠ ledger " + std::to_string(l_paid));
    if (captured != l_revenue + l_split)
      add("captured " + std::to_string(captured) + " ≠ ledger revenue + splits " +
          std::to_string(l_revenue + l_split));
    if (split != l_split)
      add("split " + std::to_string(split) + " ≠ ledger splits " + std::to_string(l_split));
    if (refunded != l_refunded)
      add("refunded " + std::to_string(refunded) + " ≠ ledger " + std::to_string(l_refunded));
    if (pending != l_pending)
      add("refund pending " + std::to_string(pending) + " ≠ ledger refunding " + std::to_string(l_pending));
    if (l_held < 0) add("held is negative: " + std::to_string(l_held));
    if (l_revenue < 0) add("revenue is negative: " + std::to_string(l_revenue));
    if (l_paid != l_revenue + l_split + l_refunded + l_pending + l_held)
      add("paid ≠ charged + refunded + refunding + held in the ledger");
  }
  // 3. Splits: each split's receivers hold in the ledger what the split order says they hold.
  Result s = c_.query(
      "SELECT o.pay_order_id, o.pay_no, o.split_no, r.account, r.amount - r.returned, "
      "COALESCE((SELECT SUM(l.amount) FROM ledger_entry l WHERE l.pay_order_id = o.pay_order_id AND "
      "l.account "
      "= 'split:' || r.account), 0) "
      "FROM split_order o JOIN split_receiver r ON r.split_id = o.id WHERE o.status IN ('succeeded', "
      "'returned')");
  for (size_t i = 0; i < s.size(); ++i) {
    int64_t held = s.i64(i, 4), ledger = s.i64(i, 5);  // a return in flight left both already
    if (held != ledger)
      out.push_back({s.i64(i, 0), s.str(i, 1),
                     "split " + s.str(i, 2) + " receiver " + s.str(i, 3) + " holds " + std::to_string(held) +
                         " ≠ ledger " + std::to_string(ledger)});
  }
  return out;
}

boost::json::array PaymentRepo::ledger_of(int64_t pay_order_id) {
  return c_
      .query(
          "SELECT id AS \"id\", txn_no AS \"txnNo\", kind AS \"kind\", account AS \"account\", amount AS "
          "\"amount\", refund_id AS \"refundId\", created_at AS \"createTime\" FROM ledger_entry WHERE "
          "pay_order_id = ? ORDER BY id",
          {pay_order_id})
      .to_json();
}

boost::json::array PaymentRepo::refunds_of(int64_t pay_order_id) {
  return c_
      .query(
          "SELECT id AS \"id\", refund_no AS \"refundNo\", refund_type AS \"refundType\", amount AS "
          "\"amount\", status AS \"status\", reason AS \"reason\", operator AS \"operator\", "
          "gateway_refund_no AS \"gatewayRefundNo\", result AS \"result\", created_at AS \"createTime\", "
          "refunded_at AS \"refundTime\" FROM pay_refund WHERE pay_order_id = ? ORDER BY id",
          {pay_order_id})
      .to_json();
}

ListSpec pay_order_list_spec() {
  ListSpec s;
  s.select =
      "p.id AS \"id\", p.pay_no AS \"payNo\", p.order_type AS \"orderType\", p.charge_order_id AS "
      "\"chargeOrderId\", " +
      charge_order_no("p") +
      " AS \"chargeOrderNo\", p.station_type AS \"stationType\", p.station_id AS \"stationId\", " +
      station_name("p") +
      " AS \"stationName\", p.phone AS \"phone\", p.pay_type AS \"payType\", p.provider AS \"provider\", "
      "p.merchant_no AS \"merchantNo\", p.description AS \"description\", p.amount AS \"amount\", p.status "
      "AS "
      "\"status\", p.paid_amount AS \"paidAmount\", p.captured AS \"capturedAmount\", p.refunded_amount AS "
      "\"refundedAmount\", p.refund_pending AS \"refundPending\", p.gateway_txn_no AS \"gatewayTxnNo\", "
      "p.notify_body AS \"notifyBody\", p.created_at AS \"createTime\", p.expires_at AS \"expireTime\", "
      "p.paid_at AS \"payTime\"";
  s.from = "pay_order p";
  s.filters = {
      {"stationId", "p.station_id", Match::equal, Kind::integer},
      {"stationType", "p.station_type", Match::equal, Kind::text},
      {"orderType", "p.order_type", Match::equal, Kind::text},
      {"payType", "p.pay_type", Match::equal, Kind::text},
      {"status", "p.status", Match::equal, Kind::text},
      {"payNo", "p.pay_no", Match::equal, Kind::text},
      {"phone", "p.phone", Match::equal, Kind::text},
      {"beginTime", "p.created_at", Match::at_least, Kind::integer},
      {"endTime", "p.created_at", Match::at_most, Kind::integer},
      {"payBeginTime", "p.paid_at", Match::at_least, Kind::integer},
      {"payEndTime", "p.paid_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"createTime", "p.created_at"}, {"payTime", "p.paid_at"}, {"amount", "p.amount"}};
  s.default_order = "p.created_at DESC, p.id DESC";
  s.scope = mixed_station_scope("p");
  return s;
}

ListSpec refund_list_spec() {
  ListSpec s;
  s.select =
      "r.id AS \"id\", r.refund_no AS \"refundNo\", r.pay_order_id AS \"payOrderId\", r.pay_no AS \"payNo\", "
      "r.order_type AS \"orderType\", r.charge_order_id AS \"chargeOrderId\", " +
      charge_order_no("r") +
      " AS \"chargeOrderNo\", r.station_type AS \"stationType\", "
      "r.station_id AS \"stationId\", " +
      station_name("r") +
      " AS \"stationName\", r.phone AS \"payee\", r.refund_type AS \"refundType\", r.amount AS \"amount\", "
      "(SELECT p.amount FROM pay_order p WHERE p.id = r.pay_order_id) AS \"payAmount\", "
      "(SELECT p.captured FROM pay_order p WHERE p.id = r.pay_order_id) AS \"orderAmount\", r.status AS "
      "\"status\", r.reason AS \"reason\", r.operator AS \"operator\", r.gateway_refund_no AS "
      "\"gatewayRefundNo\", "
      "r.result AS \"result\", r.created_at AS \"createTime\", r.refunded_at AS \"refundTime\"";
  s.from = "pay_refund r";
  s.filters = {
      {"stationId", "r.station_id", Match::equal, Kind::integer},
      {"stationType", "r.station_type", Match::equal, Kind::text},
      {"refundType", "r.refund_type", Match::equal, Kind::text},
      {"status", "r.status", Match::equal, Kind::text},
      {"payee", "r.phone", Match::equal, Kind::text},
      {"refundNo", "r.refund_no", Match::equal, Kind::text},
      {"payNo", "r.pay_no", Match::equal, Kind::text},
      {"payOrderId", "r.pay_order_id", Match::equal, Kind::integer},
      {"beginTime", "r.created_at", Match::at_least, Kind::integer},
      {"endTime", "r.created_at", Match::at_most, Kind::integer},
      {"refundBeginTime", "r.refunded_at", Match::at_least, Kind::integer},
      {"refundEndTime", "r.refunded_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"createTime", "r.created_at"}, {"refundTime", "r.refunded_at"}, {"amount", "r.amount"}};
  s.default_order = "r.created_at DESC, r.id DESC";
  s.scope = mixed_station_scope("r");
  return s;
}

}  // namespace zc::db::payment
