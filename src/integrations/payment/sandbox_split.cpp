// The sandbox gateway's profit sharing (docs/splits.md): it keeps the requests in its books
// (sandbox_profit_sharing), guards the trade's money like a real gateway (a split never exceeds what the
// trade has left; a return never exceeds the receiver's share and never comes from a personal receiver,
// as WeChat Pay refuses those) and shows each result split_delay_ms after accepting it; the outcome is
// drawn when it is accepted (split_failure_percent).
#include <random>
#include <sstream>

#include "core/clock.hpp"
#include "integrations/payment/sandbox_gateway.hpp"

namespace zc::payment {

namespace {

constexpr const char* kSplit = "split";
constexpr const char* kReturn = "return";

SplitStatus status_of(const std::string& outcome) {
  return outcome == "succeeded" ? SplitStatus::succeeded : SplitStatus::failed;
}

}  // namespace

std::string SandboxGateway::split_outcome() {
  thread_local std::mt19937 rng{std::random_device{}()};
  int64_t p = split_failure_percent_.load();
  return p > 0 && static_cast<int64_t>(rng() % 100) < p ? "failed" : "succeeded";
}

SplitResult SandboxGateway::split(const SplitRequest& r) {
  if (r.receivers.empty() || r.receivers.size() > 50) throw GatewayError("receivers: 1 to 50");
  int64_t total = 0;
  std::ostringstream detail;
  for (const auto& x : r.receivers) {
    if (x.amount <= 0) throw GatewayError("receiver amount must be positive");
    if (x.type != "merchant" && x.type != "personal") throw GatewayError("receiver type " + x.type);
    total += x.amount;
    detail << x.type << ' ' << x.account << ' ' << x.amount << '\n';
  }
  return books_.write([&](sandbox::BooksTx& repo) {
    if (auto existing = repo.sharing_of(r.merchant.merchant_no, kSplit, r.out_order_no)) {
      if (existing->amount != total) throw GatewayError("out_order_no reused with another amount");
      return SplitResult{SplitStatus::processing, existing->gateway_id, ""};
    }
    auto o = repo.order_of(r.merchant.merchant_no, r.out_trade_no);
    if (!o || o->status != "paid") throw GatewayError("ORDER_NOT_READY: trade not paid: " + r.out_trade_no);
    if (total > o->amount - o->refunded - repo.shared_of_trade(r.merchant.merchant_no, r.out_trade_no))
      throw GatewayError("NOT_ENOUGH: the split exceeds the trade's unsplit amount");
    int64_t now = now_ms();
    sandbox::SharingRecord s;
    s.kind = kSplit;
    s.merchant_no = r.merchant.merchant_no;
    s.out_no = r.out_order_no;
    s.gateway_id = random_id("sps");
    s.out_trade_no = r.out_trade_no;
    s.amount = total;
    s.detail = detail.str();
    s.outcome = split_outcome();
    if (s.outcome == "failed") s.reason = "RECEIVER_INVALID: the receiver's account cannot accept the split";
    s.due_at = now + std::max<int64_t>(0, s_.split_delay_ms);
    repo.insert_sharing(s, now);
    return SplitResult{SplitStatus::processing, s.gateway_id, ""};
  });
}

SplitResult SandboxGateway::sharing_result(const std::string& merchant_no, const char* kind,
                                           const std::string& out_no) {
  auto s = books_.read([&](sandbox::BooksTx& repo) { return repo.sharing_of(merchant_no, kind, out_no); });
  if (!s) return {};
  if (now_ms() < s->due_at) return {SplitStatus::processing, s->gateway_id, ""};
  return {status_of(s->outcome), s->gateway_id, s->reason};
}

SplitResult SandboxGateway::query_split(const Merchant& m, const std::string& out_order_no) {
  return sharing_result(m.merchant_no, kSplit, out_order_no);
}

SplitResult SandboxGateway::return_split(const SplitReturnRequest& r) {
  if (r.amount <= 0) throw GatewayError("return amount must be positive");
  return books_.write([&](sandbox::BooksTx& repo) {
    if (auto existing = repo.sharing_of(r.merchant.merchant_no, kReturn, r.out_return_no)) {
      if (existing->amount != r.amount) throw GatewayError("out_return_no reused with another amount");
      return SplitResult{SplitStatus::processing, existing->gateway_id, ""};
    }
    auto split = repo.sharing_of(r.merchant.merchant_no, kSplit, r.out_order_no);
    if (!split || split->outcome != "succeeded" || now_ms() < split->due_at)
      throw GatewayError("ORDER_NOT_READY: no finished split " + r.out_order_no);
    std::istringstream lines(split->detail);
    std::string type, account;
    int64_t amount = 0;
    bool found = false;
    while (lines >> type >> account >> amount)
      if (account == r.return_account) {
        found = true;
        break;
      }
    if (!found) throw GatewayError("RECEIVER_NOT_FOUND: " + r.return_account + " is not in the split");
    if (type == "personal")
      throw GatewayError("NOT_SUPPORTED: money cannot be returned from a personal receiver");
    if (r.amount > amount) throw GatewayError("NOT_ENOUGH: the return exceeds the receiver's share");
    int64_t now = now_ms();
    sandbox::SharingRecord s;
    s.kind = kReturn;
    s.merchant_no = r.merchant.merchant_no;
    s.out_no = r.out_return_no;
    s.gateway_id = random_id("spr");
    s.out_trade_no = split->out_trade_no;
    s.out_order_no = r.out_order_no;
    s.account = r.return_account;
    s.amount = r.amount;
    s.outcome = split_outcome();
    if (s.outcome == "failed") s.reason = "BALANCE_NOT_ENOUGH: the receiver's balance is insufficient";
    s.due_at = now + std::max<int64_t>(0, s_.split_delay_ms);
    repo.insert_sharing(s, now);
    return SplitResult{SplitStatus::processing, s.gateway_id, ""};
  });
}

SplitResult SandboxGateway::query_return(const Merchant& m, const std::string& out_return_no) {
  return sharing_result(m.merchant_no, kReturn, out_return_no);
}

void SandboxGateway::unfreeze(const Merchant& m, const std::string& out_trade_no, const std::string&) {
  books_.read([&](sandbox::BooksTx& repo) {
    auto o = repo.order_of(m.merchant_no, out_trade_no);
    if (!o || o->status != "paid") throw GatewayError("ORDER_NOT_READY: trade not paid: " + out_trade_no);
  });
}

}  // namespace zc::payment
