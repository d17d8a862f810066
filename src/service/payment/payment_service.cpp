#include "service/payment/payment_service.hpp"

#include <spdlog/spdlog.h>

#include <boost/json/parse.hpp>
#include <random>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace zc::payment {

namespace json = boost::json;
using db::Connection;
using db::payment::PaymentRepo;
using db::payment::PayOrder;
using db::payment::Posting;
using db::station::StationRecords;
using db::station::StationType;

namespace {

std::string stored_text(const json::object& o, const char* section, const char* key) {
  auto s = o.find(section);
  if (s == o.end() || !s->value().is_object()) return "";
  auto k = s->value().as_object().find(key);
  return k != s->value().as_object().end() && k->value().is_string() ? std::string(k->value().as_string())
                                                                     : "";
}

bool stored_on(const json::object& o, const char* section) {
  auto s = o.find(section);
  if (s == o.end() || !s->value().is_object()) return false;
  auto k = s->value().as_object().find("enabled");
  return k != s->value().as_object().end() && k->value().is_bool() && k->value().as_bool();
}

}  // namespace

std::string business_no(char prefix) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::string digits = std::to_string(rng() % 1'000'000);
  return std::string(1, prefix) + std::to_string(now_ms()) + std::string(6 - digits.size(), '0') + digits;
}

PaymentService::PaymentService(db::Database& db, PaymentProvider& provider, PaymentSettings s)
    : db_(db), provider_(provider), s_(std::move(s)) {}

std::optional<Merchant> PaymentService::merchant_of(Connection& c, StationType t, int64_t station_id) {
  auto doc = StationRecords(c, t).pay_config(station_id);
  if (!doc) return std::nullopt;
  boost::system::error_code ec;
  json::value v = json::parse(*doc, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const json::object& cfg = v.as_object();
  // One merchant per station: WeChat Pay first, then LeShua, then Suixingpay (the order of CAR-ST-PAY).
  if (stored_on(cfg, "wechat") && !stored_text(cfg, "wechat", "mchId").empty())
    return Merchant{stored_text(cfg, "wechat", "mchId"), "wechat"};
  if (stored_on(cfg, "leshua") && !stored_text(cfg, "leshua", "merchantNo").empty())
    return Merchant{stored_text(cfg, "leshua", "merchantNo"), "leshua"};
  if (stored_on(cfg, "suixingpay") && !stored_text(cfg, "suixingpay", "merchantNo").empty())
    return Merchant{stored_text(cfg, "suixingpay", "merchantNo"), "suixingpay"};
  return std::nullopt;
}

PrepayCreated PaymentService::create_prepay(const PrepayInput& in) {
  if (in.order_type != "car" && in.order_type != "bike" && in.order_type != "occupancy")
    fail_bad_request("orderType: 只能是car、bike或occupancy");
  if (in.amount <= 0) fail_bad_request("amount: 支付金额必须大于0（分）");
  if (in.amount > 10'000'000) fail_bad_request("amount: 支付金额不能超过100000元");
  PayOrder p;
  Merchant m;
  p.pay_no = business_no('P');
  db_.read([&](Connection& c) {
    auto st = StationRecords(c, in.station_type).find(in.station_id);
    if (!st) fail_not_found("stationId: 电站不存在");
    if (st->status != 0) fail_conflict("电站已停用，不能支付：" + st->name);
    auto merchant = merchant_of(c, in.station_type, in.station_id);
    if (!merchant) fail_conflict("该电站未配置支付，不能在线支付：" + st->name);
    m = *merchant;
    p.provider_id = st->provider_id;
    p.property_id = st->property_id;
  });
  p.order_type = in.order_type;
  p.charge_order_id = in.charge_order_id;
  p.station_type = db::station::type_name(in.station_type);
  p.station_id = in.station_id;
  p.user_id = in.user_id;
  p.phone = in.phone;
  p.pay_type = m.pay_type;
  p.provider = std::string(provider_.name());
  p.merchant_no = m.merchant_no;
  p.description =
      in.description.empty() ? (in.order_type == "car" ? "汽车充电预付" : "单车充电预付") : in.description;
  p.amount = in.amount;
  p.created_at = now_ms();
  p.expires_at = p.created_at + std::max<int64_t>(60, s_.order_expiry_s) * 1000;
  p.id = db_.write([&](Connection& c) { return PaymentRepo(c).insert_pay_order(p); });

  PrepayRequest req{m, p.pay_no, p.amount, p.description, s_.notify_url ? s_.notify_url() : "", p.expires_at};
  Prepay prepay;
  try {
    prepay = provider_.create_prepay(req);
  } catch (const GatewayError& e) {
    db_.write([&](Connection& c) { PaymentRepo(c).mark_closed(p.id, now_ms()); });
    throw ApiError(500, std::string("支付网关拒绝下单：") + e.what());
  }
  db_.write([&](Connection& c) { PaymentRepo(c).set_prepay_id(p.id, prepay.prepay_id); });
  return {p.id,       p.pay_no,      prepay.prepay_id, prepay.cashier_path,
          m.pay_type, m.merchant_no, p.amount,         p.expires_at};
}

NotifyOutcome PaymentService::handle_notification(std::string_view body, std::string_view signature,
                                                  const std::string& from_ip) {
  std::string why;
  auto n = provider_.verify_notification(body, signature, why);
  if (!n) {
    spdlog::warn("payment notification from {} rejected: {}; body: {}", from_ip, why,
                 std::string(body.substr(0, 500)));
    return {401, why, false};
  }
  NotifyOutcome out = apply(*n, body);
  if (out.http_status != 200)
    spdlog::warn("payment notification {} ({} {}) from {} rejected: {}", n->id, n->out_trade_no,
                 n->out_refund_no, from_ip, out.message);
  return out;
}

void PaymentService::skip_listeners_for(const std::string& pay_no) {
  std::lock_guard lk(listeners_mu_);
  skip_listeners_.push_back(pay_no);
}

NotifyOutcome PaymentService::apply(const Notification& n, std::string_view body) {
  std::optional<PayOrder> paid_now;
  NotifyOutcome out = db_.write([&](Connection& c) -> NotifyOutcome {
    PaymentRepo repo(c);
    auto p = repo.find_by_no(n.out_trade_no);
    if (!p) return {404, "unknown order " + n.out_trade_no, false};
    if (p->merchant_no != n.merchant_no) return {400, "merchant does not match the order", false};
    int64_t now = now_ms();
    switch (n.kind) {
      case NotificationKind::payment_succeeded: {
        if (n.amount != p->amount)
          return {400, "amount " + std::to_string(n.amount) + " ≠ order amount " + std::to_string(p->amount),
                  false};
        if (p->status == "paid") {
          if (p->gateway_txn_no != n.transaction_id)
            return {409, "order already paid by another transaction", false};
          return {200, "duplicate", false};
        }
        if (!repo.mark_paid(p->id, n.transaction_id, std::string(body), now))
          return {409, "order is " + p->status + ", cannot be paid", false};
        p->status = "paid";
        p->paid_amount = p->amount;
        repo.post("pay:" + p->pay_no, "payment", *p, std::nullopt,
                  {{db::payment::kPayer, -p->amount}, {db::payment::kHeld, p->amount}}, now);
        paid_now = p;
        return {200, "paid", true};
      }
      case NotificationKind::payment_declined: {
        if (n.amount != p->amount) return {400, "amount does not match the order", false};
        if (p->status == "failed") return {200, "duplicate", false};
        if (!repo.mark_failed(p->id, std::string(body), now))
          return {409, "order is " + p->status + ", cannot be declined", false};
        return {200, "declined", true};
      }
      case NotificationKind::refund_succeeded: {
        auto r = repo.find_refund_by_no(n.out_refund_no);
        if (!r || r->pay_order_id != p->id) return {404, "unknown refund " + n.out_refund_no, false};
        if (n.amount != r->amount)
          return {400, "amount " + std::to_string(n.amount) + " ≠ refund amount " + std::to_string(r->amount),
                  false};
        if (r->status == "succeeded") return {200, "duplicate", false};
        if (!repo.complete_refund(*r, n.refund_id, std::string(body), now))
          return {409, "refund is " + r->status, false};
        repo.post("refund:" + r->refund_no, "refund", *p, r->id,
                  {{db::payment::kRefunding, -r->amount}, {db::payment::kPayer, r->amount}}, now);
        return {200, "refunded", true};
      }
    }
    return {400, "unsupported notification", false};
  });
  if (paid_now) {
    std::vector<std::function<void(const PayOrder&)>> fns;
    {
      std::lock_guard lk(listeners_mu_);
      if (std::erase(skip_listeners_, paid_now->pay_no) == 0) fns = on_paid_;
    }
    for (auto& f : fns) {
      try {
        f(*paid_now);
      } catch (const std::exception& e) {
        spdlog::error("on_paid listener failed for {}: {}", paid_now->pay_no, e.what());
      }
    }
  }
  return out;
}

RefundCreated PaymentService::request_refund(const RefundInput& in) {
  return request_refunds({in}).front();
}

std::vector<RefundCreated> PaymentService::request_refunds(const std::vector<RefundInput>& ins) {
  if (before_fee_refund_)
    for (const auto& in : ins)
      if (in.refund_type == "fee_refund" && in.amount > 0)
        before_fee_refund_(in.pay_order_id, in.amount, in.op);
  auto reserved = db_.write([&](Connection& c) {
    std::vector<ReservedRefund> out;
    for (const auto& in : ins) out.push_back(reserve_refund(c, in));
    return out;
  });
  std::vector<RefundCreated> sent;
  for (const auto& r : reserved) sent.push_back(send_refund(r));
  return sent;
}

ReservedRefund PaymentService::reserve_refund(Connection& c, const RefundInput& in) {
  if (in.amount <= 0) fail_bad_request("amount: 退费金额必须大于0（分）");
  if (in.refund_type != "fee_refund" && in.refund_type != "prepay_return")
    fail_bad_request("refundType: 只能是fee_refund或prepay_return");
  const std::string source = in.refund_type == "fee_refund" ? db::payment::kRevenue : db::payment::kHeld;
  db::payment::Refund r;
  r.refund_no = business_no('R');
  r.refund_type = in.refund_type;
  r.source = source;
  r.amount = in.amount;
  r.reason = in.reason;
  r.op = in.op;
  r.created_at = now_ms();
  PaymentRepo repo(c);
  auto found = repo.find(in.pay_order_id);
  if (!found) fail_not_found("payOrderId: 支付订单不存在");
  if (found->status != "paid") fail_conflict("支付订单未支付，不能退费");
  if (!repo.reserve_refund(found->id, source, in.amount, r.created_at)) {
    auto now = repo.find(found->id);
    int64_t max = source == db::payment::kRevenue ? now->captured : now->held();
    fail_conflict("退费金额超过最大可退金额：最多可退" + std::to_string(max) + "分");
  }
  r.pay_order_id = found->id;
  r.pay_no = found->pay_no;
  r.status = "pending";
  r.id = repo.insert_refund(r, *found);
  repo.sync_order_refunded(*found);
  repo.post("refreq:" + r.refund_no, "refund_request", *found, r.id,
            {{source, -in.amount}, {db::payment::kRefunding, in.amount}}, r.created_at);
  return {r, *found};
}

RefundCreated PaymentService::send_refund(const ReservedRefund& reserved) {
  const db::payment::Refund& r = reserved.refund;
  const PayOrder& p = reserved.pay_order;
  RefundRequest req{{p.merchant_no, p.pay_type},         p.pay_no, r.refund_no, r.amount, r.reason,
                    s_.notify_url ? s_.notify_url() : ""};
  try {
    RefundAccepted a = provider_.refund(req);
    db_.write([&](Connection& c) { PaymentRepo(c).set_refund_gateway_no(r.id, a.refund_id); });
    return {r.id, r.refund_no, "pending", ""};
  } catch (const GatewayError& e) {
    spdlog::warn("refund {} of {} refused by the gateway: {}", r.refund_no, p.pay_no, e.what());
    db_.write([&](Connection& c) {
      PaymentRepo repo(c);
      if (repo.fail_refund(r, e.what(), now_ms())) {
        repo.post("refail:" + r.refund_no, "refund_failed", p, r.id,
                  {{db::payment::kRefunding, -r.amount}, {r.source, r.amount}}, now_ms());
        repo.sync_order_refunded(p);
      }
    });
    return {r.id, r.refund_no, "failed", e.what()};
  }
}

void PaymentService::capture(int64_t pay_order_id, int64_t amount) {
  if (amount <= 0) fail_bad_request("amount: 必须大于0");
  db_.write([&](Connection& c) {
    PaymentRepo repo(c);
    auto p = repo.find(pay_order_id);
    if (!p) fail_not_found("payOrderId: 支付订单不存在");
    int64_t now = now_ms();
    if (!repo.capture(p->id, amount, now)) fail_conflict("扣款金额超过预付余额");
    repo.post("capture:" + p->pay_no, "capture", *p, std::nullopt,
              {{db::payment::kHeld, -amount}, {db::payment::kRevenue, amount}}, now);
  });
}

Settled PaymentService::settle(int64_t pay_order_id, int64_t cost_fen) {
  if (cost_fen < 0) fail_bad_request("cost: 不能为负数");
  auto pending = db_.write([&](Connection& c) {
    auto p = PaymentRepo(c).find(pay_order_id);
    if (!p) fail_not_found("payOrderId: 支付订单不存在");
    if (p->status != "paid") fail_conflict("支付订单未支付，不能结算");
    return settle_in(c, pay_order_id, cost_fen);
  });
  return send(pending);
}

PendingSettlement PaymentService::settle_in(Connection& c, int64_t pay_order_id, int64_t cost_fen) {
  PaymentRepo repo(c);
  auto p = repo.find(pay_order_id);
  PendingSettlement out;
  if (!p || p->status != "paid" || p->held() <= 0) {
    if (p) spdlog::warn("pay order {}: nothing held to settle ({})", p->pay_no, p->status);
    return out;
  }
  out.settlement = order::settle(std::max<int64_t>(0, cost_fen), p->held());
  int64_t now = now_ms();
  if (out.settlement.charged > 0) {
    // held was read in this transaction; the conditional update re-checks it (a concurrent refund on
    // PostgreSQL): a failure rolls the caller's whole change back, as it must
    if (!repo.capture(p->id, out.settlement.charged, now)) fail_conflict("扣款金额超过预付余额");
    repo.post(
        "capture:" + p->pay_no, "capture", *p, std::nullopt,
        {{db::payment::kHeld, -out.settlement.charged}, {db::payment::kRevenue, out.settlement.charged}},
        now);
    if (on_captured_) on_captured_(c, *repo.find(p->id), out.settlement.charged);
  }
  if (out.settlement.refund > 0)
    out.refund = reserve_refund(c, {p->id, out.settlement.refund, "prepay_return", "预付余额退回", "system"});
  return out;
}

Settled PaymentService::send(const PendingSettlement& s) {
  Settled out{s.settlement, std::nullopt};
  if (s.refund) out.refund = send_refund(*s.refund);
  return out;
}

int PaymentService::send_unsent_refunds(int64_t before) {
  auto due = db_.read([&](Connection& c) { return PaymentRepo(c).unsent_refunds(before, 200); });
  int sent = 0;
  for (auto& r : due) {
    spdlog::warn("refund {} of {} was reserved but never sent to the gateway: sending it now",
                 r.refund.refund_no, r.pay_order.pay_no);
    if (send_refund(r).status == "pending") ++sent;
  }
  return sent;
}

int PaymentService::close_expired(int64_t now) {
  auto due = db_.read([&](Connection& c) { return PaymentRepo(c).expired_unpaid(now, 200); });
  int closed = 0;
  for (const auto& p : due) {
    try {
      provider_.close({p.merchant_no, p.pay_type}, p.pay_no);
    } catch (const GatewayError& e) {
      spdlog::warn("pay order {}: the gateway did not close it ({}); left open", p.pay_no, e.what());
      continue;
    }
    if (db_.write([&](Connection& c) { return PaymentRepo(c).mark_closed(p.id, now_ms()); })) ++closed;
  }
  if (closed > 0) spdlog::info("payment: {} unpaid pay order(s) closed after their payment window", closed);
  return closed;
}

std::vector<db::payment::ReconcileProblem> PaymentService::reconcile() {
  return db_.read([&](Connection& c) { return PaymentRepo(c).reconcile(); });
}

void PaymentService::on_paid(std::function<void(const PayOrder&)> fn) {
  std::lock_guard lk(listeners_mu_);
  on_paid_.push_back(std::move(fn));
}

}  // namespace zc::payment
