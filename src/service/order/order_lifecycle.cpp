#include "service/order/order_lifecycle.hpp"

#include "service/order/order_common.hpp"
#include "storage/repositories/payment_repo.hpp"

namespace zc::order {

using db::Connection;

OrderLifecycle::OrderLifecycle(db::Database& db, payment::PaymentService& payments,
                               const std::string& order_type, int64_t sweep_ms, size_t workers,
                               std::function<void()> sweep)
    : db_(db),
      payments_(payments),
      order_type_(order_type),
      workers_(order_type + " orders", workers),
      sweeper_(order_type + "-orders sweeper", std::chrono::milliseconds(std::max<int64_t>(100, sweep_ms)),
               std::move(sweep)) {}

void OrderLifecycle::start(std::function<void(const db::payment::PayOrder&)> paid) {
  payments_.on_paid([this, paid = std::move(paid)](const db::payment::PayOrder& p) {
    if (p.order_type == order_type_) paid(p);
  });
  workers_.start();
  sweeper_.start();
}

void OrderLifecycle::stop() {
  sweeper_.stop();
  workers_.stop();
}

StartOffer OrderLifecycle::request_start(const StartRequest& r,
                                         const std::function<void(Connection&, int64_t)>& remember) {
  payment::PrepayInput in;
  in.order_type = order_type_;
  in.station_type = order_type_ == "bike" ? db::station::StationType::bike : db::station::StationType::car;
  in.station_id = r.station_id;
  in.amount = r.amount;
  in.phone = r.phone;
  in.user_id = r.user_id;
  in.description = r.description;
  auto p = payments_.create_prepay(in);
  db_.write([&](Connection& c) { remember(c, p.id); });
  return {p.pay_no, p.cashier_path, p.amount, p.expires_at, r.target_code};
}

std::optional<OrderLifecycle::FirstState> OrderLifecycle::write_first_state(
    int64_t pay_order_id, const std::function<std::optional<FirstState>(Connection&)>& write) {
  for (int attempt = 0;; ++attempt) {
    payment::PendingSettlement returned;
    std::optional<FirstState> first;
    try {
      first = db_.write([&](Connection& c) {
        auto w = write(c);
        if (w && !w->why.empty()) returned = payments_.settle_in(c, pay_order_id, 0);
        return w;
      });
    } catch (const db::DatabaseError& e) {
      if (!e.unique_violation() || attempt >= 5) throw;
      continue;
    }
    if (first && !first->why.empty()) payments_.send(returned);
    return first;
  }
}

std::optional<payment::Settled> OrderLifecycle::end_and_settle(
    std::optional<int64_t> pay_order_id, int64_t cost, const std::function<bool(Connection&)>& end,
    const std::function<void(Connection&, int64_t)>& set_charged) {
  payment::PendingSettlement pending;
  bool ended = db_.write([&](Connection& c) {
    if (!end(c)) return false;
    if (pay_order_id) {
      pending = payments_.settle_in(c, *pay_order_id, cost);
      if (set_charged) set_charged(c, pending.settlement.charged);
    }
    return true;
  });
  if (!ended) return std::nullopt;
  if (!pay_order_id) return payment::Settled{{0, cost, cost, 0, false}, std::nullopt};
  return payments_.send(pending);
}

int OrderLifecycle::recover_unstarted(
    int64_t now, const std::function<void(const db::payment::PayOrder&, const std::string&)>& start) {
  auto due = db_.read([&](Connection& c) {
    return db::payment::PaymentRepo(c).paid_without_order(order_type_, now - kRecoveryWindowMs,
                                                          now - kUnstartedGraceMs, 100);
  });
  int recovered = 0;
  for (const auto& p : due) {
    try {
      spdlog::warn("{} pay order {}: paid at {} but no order was started; recovered", order_type_, p.pay_no,
                   p.paid_at.value_or(0));
      start(p, "支付后未能启动（服务中断），预付款已全额退回");
      ++recovered;
    } catch (const std::exception& e) {
      spdlog::error("{} pay order {}: recovery failed: {}", order_type_, p.pay_no, e.what());
    }
  }
  return recovered;
}

bool OrderLifecycle::recovery_due(int64_t now) {
  if (now - last_recovery_ms_ < kRecoveryEveryMs) return false;
  last_recovery_ms_ = now;
  return true;
}

}  // namespace zc::order
