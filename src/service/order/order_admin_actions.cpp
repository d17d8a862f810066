#include "service/order/order_admin_actions.hpp"

#include <algorithm>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/money_text.hpp"
#include "domain/order/bike_order_state.hpp"
#include "domain/order/car_order_state.hpp"
#include "service/order/card_sessions.hpp"
#include "storage/repositories/invoice_repo.hpp"
#include "storage/repositories/member_card_use.hpp"
#include "storage/repositories/payment_repo.hpp"

namespace zc::order {

using db::Connection;
using db::orders::find_order;

namespace {

// The stored state read through its kind's state table (domain/order/*_order_state.hpp): `test` of the
// typed state, false for a name the table does not know.
template <class Test>
bool state_is(OrderKind k, const std::string& stored, Test test) {
  if (k == OrderKind::car) {
    auto s = parse_car_order_state(stored);
    return s && test(*s);
  }
  auto s = parse_bike_order_state(stored);
  return s && test(*s);
}

bool endable(OrderKind k, const std::string& stored) {
  return state_is(k, stored, [](auto s) { return admin_can_end(s); });
}

bool ended(OrderKind k, const std::string& stored) {
  return state_is(k, stored, [](auto s) { return is_final(s); });
}

}  // namespace

AdminEnded OrderAdminActions::end(OrderKind k, int64_t id, std::optional<int64_t> duration_s,
                                  const std::string& reason, const Principal& p) {
  auto o = db_.read([&](Connection& c) { return find_order(c, k, id, p.scope); });
  if (!o) fail_not_found("订单不存在或无权访问");
  if (!endable(k, o->state)) fail_conflict("订单状态为" + o->state + "，不能结束");
  if (duration_s && k != OrderKind::bike) fail_bad_request("durationS: 仅单车订单可指定结算时长");
  if (duration_s && (*duration_s < 0 || *duration_s > 48 * 3600))
    fail_bad_request("durationS: 结算时长应在0到48小时之间（秒）");
  OrderEnder* ender = k == OrderKind::car ? car_ : bike_;
  if (!ender) throw ApiError(503, "结束订单功能暂不可用（订单服务未启用）");
  EndResult r;
  try {
    r = ender->end({id, duration_s, p.user_name, reason});
  } catch (const ApiError& e) {
    // The device's own final record can settle the order between our read and the ender's claim (the stop
    // command it sends makes that likely): the order has ended, which is what the admin asked for.
    auto now = e.code() == 409 ? db_.read([&](Connection& c) { return find_order(c, k, id, p.scope); })
                               : std::nullopt;
    if (!now || !ended(k, now->state)) throw;
    r = {now->state, now->charged, now->refunded, "订单已由设备上报结束"};
  }
  return AdminEnded{id, o->order_no, r};
}

AdminRefunded OrderAdminActions::refund(OrderKind k, int64_t id, const AdminRefundInput& in,
                                        const Principal& p) {
  if (in.reason.empty()) fail_bad_request("reason: 请填写退费原因");
  if (in.amount && *in.amount <= 0) fail_bad_request("amount: 退费金额必须大于0（分）");
  auto o = db_.read([&](Connection& c) { return find_order(c, k, id, p.scope); });
  if (!o) fail_not_found("订单不存在或无权访问");
  if (!ended(k, o->state)) fail_conflict("订单未结束（" + o->state + "），不能退费");
  // An invoice states the fee: refunding under it would leave the invoice wrong (docs/invoices.md).
  auto invoiced =
      db_.read([&](Connection& c) { return db::invoice::InvoiceRepo(c).active_invoices(k, {o->id}); });
  if (!invoiced.empty())
    fail_conflict("订单已开票（发票编号" + invoiced[0].second + "），请先作废发票再退费");
  if (!o->pay_order_id && db_.read([&](Connection& c) {
        return db::member::CardUseRepo(c).paid_for(k == OrderKind::car ? "car" : "bike", o->id).has_value();
      }))
    return refund_to_card(k, *o, in);
  if (!o->pay_order_id) fail_conflict("订单没有支付记录，不能原路退费");
  auto pay = db_.read([&](Connection& c) { return db::payment::PaymentRepo(c).find(*o->pay_order_id); });
  if (!pay || pay->status != "paid") fail_conflict("订单的支付未完成，不能退费");
  // What is still refundable: the fee captured as revenue (less the fee refunds already requested) and
  // what is still held — once the order has ended only a prepayment return the gateway refused leaves
  // money there, and it is the payer's.
  int64_t held = pay->held();  // ≥ 0: the pay_order CHECK
  int64_t max = pay->captured + held;
  if (max <= 0) fail_conflict(o->charged <= 0 ? "订单金额为0，无可退费用" : "订单已全额退费");
  int64_t amount = in.amount.value_or(max);
  if (amount > max) fail_conflict("退费金额超过最大可退金额：最多可退" + money::yuan_text(max));
  // The held money goes back first (a prepayment return), the rest from the fee; both are reserved in one
  // transaction, and the payment service re-checks each maximum in its conditional update (concurrent
  // refunds).
  std::vector<payment::RefundInput> parts;
  int64_t from_held = std::min(amount, held);
  if (from_held > 0) parts.push_back({*o->pay_order_id, from_held, "prepay_return", in.reason, p.user_name});
  if (amount > from_held)
    parts.push_back({*o->pay_order_id, amount - from_held, "fee_refund", in.reason, p.user_name});
  auto sent = payments_.request_refunds(parts);
  AdminRefunded out;
  out.amount = amount;
  out.last = sent.back();
  for (size_t i = 0; i < sent.size(); ++i) {
    out.parts.push_back({sent[i], parts[i].refund_type, parts[i].amount});
    if (sent[i].status == "failed") {
      out.last.status = "failed";
      out.last.result = sent[i].result;
    }
  }
  return out;
}

// A card order's fee goes back to the card that paid it (card_refund in the one ledger, the order's
// refunded figure in the same transaction), never to a payment gateway.
AdminRefunded OrderAdminActions::refund_to_card(OrderKind k, const db::orders::OrderRef& o,
                                                const AdminRefundInput& in) {
  const std::string kind = k == OrderKind::car ? "car" : "bike";
  AdminRefunded out;
  db_.write([&](Connection& c) {
    db::member::CardUseRepo cards(c);
    auto paid = cards.paid_for(kind, o.id);
    if (!paid || paid->net <= 0) fail_conflict(o.charged <= 0 ? "订单金额为0，无可退费用" : "订单已全额退费");
    int64_t amount = in.amount.value_or(paid->net);
    if (amount > paid->net) fail_conflict("退费金额超过最大可退金额：最多可退" + money::yuan_text(paid->net));
    const std::string no = "CR" + std::to_string(now_ms()) + std::to_string(o.id);
    SpendOf what{kind, o.order_no, o.id, o.station_id, 0};
    if (!order::refund_to_card(c, what, amount, no, now_ms())) fail_conflict("电卡不存在，不能退回电卡");
    cards.add_refunded(kind, o.id, amount, now_ms());
    out.amount = amount;
    out.last = {0, no, "success", "已退回电卡"};
    out.parts.push_back({out.last, "card_refund", amount});
  });
  return out;
}

}  // namespace zc::order
