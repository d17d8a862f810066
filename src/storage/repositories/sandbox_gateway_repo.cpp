#include "storage/repositories/sandbox_gateway_repo.hpp"

namespace zc::db::sandbox {

namespace {

const char* kOrderColumns =
    "id, prepay_id, merchant_no, out_trade_no, description, notify_url, status, transaction_id, amount, "
    "refunded, "
    "created_at, expires_at, paid_at";

GatewayOrder order_from(const Result& r, size_t i) {
  GatewayOrder o;
  o.id = r.i64(i, 0);
  o.prepay_id = r.str(i, 1);
  o.merchant_no = r.str(i, 2);
  o.out_trade_no = r.str(i, 3);
  o.description = r.str(i, 4);
  o.notify_url = r.str(i, 5);
  o.status = r.str(i, 6);
  o.transaction_id = r.str(i, 7);
  o.amount = r.i64(i, 8);
  o.refunded = r.i64(i, 9);
  o.created_at = r.i64(i, 10);
  o.expires_at = r.i64(i, 11);
  if (!r.is_null(i, 12)) o.paid_at = r.i64(i, 12);
  return o;
}

const char* kRefundColumns =
    "id, refund_id, merchant_no, out_trade_no, out_refund_no, notify_url, status, amount, due_at";

GatewayRefund refund_from(const Result& r, size_t i) {
  GatewayRefund f;
  f.id = r.i64(i, 0);
  f.refund_id = r.str(i, 1);
  f.merchant_no = r.str(i, 2);
  f.out_trade_no = r.str(i, 3);
  f.out_refund_no = r.str(i, 4);
  f.notify_url = r.str(i, 5);
  f.status = r.str(i, 6);
  f.amount = r.i64(i, 7);
  f.due_at = r.i64(i, 8);
  return f;
}

}  // namespace

void SandboxRepo::insert_order(const GatewayOrder& o) {
  c_.execute(
      "INSERT INTO sandbox_gateway_order (prepay_id, merchant_no, out_trade_no, description, amount, "
      "notify_url, "
      "status, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
      {o.prepay_id, o.merchant_no, o.out_trade_no, o.description, o.amount, o.notify_url, o.created_at,
       o.expires_at});
}

std::optional<GatewayOrder> SandboxRepo::order_by_prepay(const std::string& prepay_id) {
  Result r =
      c_.query(std::string("SELECT ") + kOrderColumns + " FROM sandbox_gateway_order WHERE prepay_id = ?",
               {prepay_id});
  if (r.empty()) return std::nullopt;
  return order_from(r, 0);
}

std::optional<GatewayOrder> SandboxRepo::order_of(const std::string& merchant_no,
                                                  const std::string& out_trade_no) {
  Result r = c_.query(std::string("SELECT ") + kOrderColumns +
                          " FROM sandbox_gateway_order WHERE merchant_no = ? AND out_trade_no = ?",
                      {merchant_no, out_trade_no});
  if (r.empty()) return std::nullopt;
  return order_from(r, 0);
}

bool SandboxRepo::confirm(const std::string& prepay_id, const std::string& transaction_id, int64_t at) {
  return c_.execute(
             "UPDATE sandbox_gateway_order SET status = 'paid', transaction_id = ?, paid_at = ? WHERE "
             "prepay_id = ? "
             "AND status = 'pending' AND expires_at > ?",
             {transaction_id, at, prepay_id, at}) == 1;
}

bool SandboxRepo::decline(const std::string& prepay_id, int64_t at) {
  return c_.execute(
             "UPDATE sandbox_gateway_order SET status = 'declined' WHERE prepay_id = ? AND status = "
             "'pending' AND "
             "expires_at > ?",
             {prepay_id, at}) == 1;
}

bool SandboxRepo::close(const std::string& merchant_no, const std::string& out_trade_no) {
  return c_.execute(
             "UPDATE sandbox_gateway_order SET status = 'closed' WHERE merchant_no = ? AND out_trade_no = ? "
             "AND "
             "status = 'pending'",
             {merchant_no, out_trade_no}) == 1;
}

bool SandboxRepo::reserve_refund(int64_t order_id, int64_t amount) {
  return c_.execute(
             "UPDATE sandbox_gateway_order SET refunded = refunded + ? WHERE id = ? AND status = 'paid' AND "
             "refunded + ? <= amount",
             {amount, order_id, amount}) == 1;
}

void SandboxRepo::insert_refund(const GatewayRefund& r, int64_t created_at) {
  c_.execute(
      "INSERT INTO sandbox_gateway_refund (refund_id, merchant_no, out_trade_no, out_refund_no, amount, "
      "notify_url, status, created_at, due_at) VALUES (?, ?, ?, ?, ?, ?, 'processing', ?, ?)",
      {r.refund_id, r.merchant_no, r.out_trade_no, r.out_refund_no, r.amount, r.notify_url, created_at,
       r.due_at});
}

std::optional<GatewayRefund> SandboxRepo::refund_of(const std::string& merchant_no,
                                                    const std::string& out_refund_no) {
  Result r = c_.query(std::string("SELECT ") + kRefundColumns +
                          " FROM sandbox_gateway_refund WHERE merchant_no = ? AND out_refund_no = ?",
                      {merchant_no, out_refund_no});
  if (r.empty()) return std::nullopt;
  return refund_from(r, 0);
}

std::vector<GatewayRefund> SandboxRepo::due_refunds(int64_t now, int limit) {
  Result r =
      c_.query(std::string("SELECT ") + kRefundColumns +
                   " FROM sandbox_gateway_refund WHERE status = 'processing' AND due_at <= ? ORDER BY id "
                   "LIMIT ?",
               {now, int64_t{limit}});
  std::vector<GatewayRefund> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(refund_from(r, i));
  return out;
}

bool SandboxRepo::complete_refund(int64_t id, int64_t at) {
  return c_.execute(
             "UPDATE sandbox_gateway_refund SET status = 'succeeded', succeeded_at = ? WHERE id = ? AND "
             "status = "
             "'processing'",
             {at, id}) == 1;
}

void SandboxRepo::enqueue(const std::string& merchant_no, const std::string& url, const std::string& body,
                          int64_t at) {
  c_.execute(
      "INSERT INTO sandbox_notification (merchant_no, url, body, attempts, next_attempt_at, created_at) "
      "VALUES "
      "(?, ?, ?, 0, ?, ?)",
      {merchant_no, url, body, at, at});
}

std::vector<Outgoing> SandboxRepo::due_notifications(int64_t now, int64_t max_attempts, int limit) {
  Result r = c_.query(
      "SELECT id, merchant_no, url, body, attempts, next_attempt_at FROM sandbox_notification WHERE "
      "delivered_at "
      "IS NULL AND next_attempt_at <= ? AND attempts < ? ORDER BY next_attempt_at, id LIMIT ?",
      {now, max_attempts, int64_t{limit}});
  std::vector<Outgoing> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.i64(i, 0), r.str(i, 1), r.str(i, 2), r.str(i, 3), r.i64(i, 4), r.i64(i, 5)});
  return out;
}

bool SandboxRepo::claim(const Outgoing& o, int64_t lease_until) {
  return c_.execute(
             "UPDATE sandbox_notification SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ? AND "
             "delivered_at IS NULL",
             {lease_until, o.id, o.next_attempt_at}) == 1;
}

void SandboxRepo::delivered(int64_t id, int64_t attempts, int64_t at) {
  c_.execute("UPDATE sandbox_notification SET delivered_at = ?, attempts = ?, last_error = '' WHERE id = ?",
             {at, attempts, id});
}

void SandboxRepo::attempt_failed(int64_t id, int64_t attempts, int64_t next_at, const std::string& error) {
  c_.execute("UPDATE sandbox_notification SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
             {attempts, next_at, error.substr(0, 500), id});
}

int64_t SandboxRepo::undelivered_count() {
  return c_.scalar("SELECT COUNT(*) FROM sandbox_notification WHERE delivered_at IS NULL").value_or(0);
}

void SandboxRepo::insert_sharing(const SharingRecord& r, int64_t at) {
  c_.execute(
      "INSERT INTO sandbox_profit_sharing (kind, merchant_no, out_no, gateway_id, out_trade_no, "
      "out_order_no, "
      "account, amount, detail, outcome, reason, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, "
      "?)",
      {r.kind, r.merchant_no, r.out_no, r.gateway_id, r.out_trade_no, r.out_order_no, r.account, r.amount,
       r.detail, r.outcome, r.reason, r.due_at, at});
}

std::optional<SharingRecord> SandboxRepo::sharing_of(const std::string& merchant_no, const std::string& kind,
                                                     const std::string& out_no) {
  Result r = c_.query(
      "SELECT id, kind, merchant_no, out_no, gateway_id, out_trade_no, out_order_no, account, detail, "
      "outcome, "
      "reason, amount, due_at FROM sandbox_profit_sharing WHERE merchant_no = ? AND kind = ? AND out_no = ?",
      {merchant_no, kind, out_no});
  if (r.size() == 0) return std::nullopt;
  SharingRecord s;
  s.id = r.i64(0, 0);
  s.kind = r.str(0, 1);
  s.merchant_no = r.str(0, 2);
  s.out_no = r.str(0, 3);
  s.gateway_id = r.str(0, 4);
  s.out_trade_no = r.str(0, 5);
  s.out_order_no = r.str(0, 6);
  s.account = r.str(0, 7);
  s.detail = r.str(0, 8);
  s.outcome = r.str(0, 9);
  s.reason = r.str(0, 10);
  s.amount = r.i64(0, 11);
  s.due_at = r.i64(0, 12);
  return s;
}

int64_t SandboxRepo::shared_of_trade(const std::string& merchant_no, const std::string& out_trade_no) {
  return c_
      .scalar(
          "SELECT COALESCE(SUM(CASE WHEN kind = 'split' THEN amount ELSE -amount END), 0) FROM "
          "sandbox_profit_sharing WHERE merchant_no = ? AND out_trade_no = ? AND outcome = 'succeeded'",
          {merchant_no, out_trade_no})
      .value_or(0);
}

void DatabaseBooks::transact(bool write, const std::function<void(zc::payment::sandbox::BooksTx&)>& body) {
  auto run = [&](Connection& c) {
    SandboxRepo repo(c);
    body(repo);
  };
  if (write)
    db_.write(run);
  else
    db_.read(run);
}

}  // namespace zc::db::sandbox
