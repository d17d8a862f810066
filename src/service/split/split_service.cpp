#include "service/split/split_service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <chrono>
#include <thread>
#include <tuple>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/payment/split_rules.hpp"
#include "storage/repositories/order_query_repo.hpp"
#include "storage/repositories/payment_repo.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::split {

namespace json = boost::json;
using db::Connection;
using db::payment::PaymentRepo;
using db::payment::PayOrder;
using db::split::Receiver;
using db::split::Return;
using db::split::SplitOrder;
using db::split::SplitRepo;

namespace {

// The station's receivers when its configuration has splitting on (leshua.profitSharing with accounts).
std::vector<Receiver> configured_receivers(const std::string& doc) {
  std::vector<Receiver> out;
  boost::system::error_code ec;
  json::value v = json::parse(doc, ec);
  if (ec || !v.is_object()) return out;
  const auto* l = v.as_object().if_contains("leshua");
  if (!l || !l->is_object()) return out;
  const auto* on = l->as_object().if_contains("profitSharing");
  const auto* accounts = l->as_object().if_contains("splitAccounts");
  if (!on || !on->is_bool() || !on->as_bool() || !accounts || !accounts->is_array()) return out;
  int64_t seq = 0;
  for (const auto& a : accounts->as_array()) {
    if (!a.is_object()) continue;
    const auto& o = a.as_object();
    auto str = [&](const char* k) {
      const auto* x = o.if_contains(k);
      return x && x->is_string() ? std::string(x->as_string()) : std::string();
    };
    const auto* ratio = o.if_contains("ratio");
    Receiver r;
    r.seq = ++seq;
    r.type = str("type").empty() ? "merchant" : str("type");
    r.account = str("account");
    r.name = str("name");
    r.ratio = ratio && ratio->is_int64() ? ratio->as_int64() : 0;
    if (!r.account.empty() && r.ratio > 0) out.push_back(std::move(r));
  }
  return out;
}

payment::Merchant merchant_of(const PayOrder& p) {
  return {p.merchant_no, p.pay_type};
}

}  // namespace

SplitService::SplitService(db::Database& db, payment::PaymentProvider& provider,
                           payment::PaymentService& payments, SplitSettings s)
    : db_(db), provider_(provider), s_(s) {
  payments.on_captured([this](Connection& c, const PayOrder& p, int64_t fee) { create_in(c, p, fee); });
  payments.before_fee_refund(
      [this](int64_t id, int64_t amount, const std::string& op) { return_for_refund(id, amount, op); });
}

void SplitService::create_in(Connection& c, const PayOrder& p, int64_t fee) {
  if (fee <= 0) return;
  auto type = p.station_type == "bike" ? db::station::StationType::bike : db::station::StationType::car;
  auto doc = db::station::StationRecords(c, type).pay_config(p.station_id);
  if (!doc) return;
  auto receivers = configured_receivers(*doc);
  if (receivers.empty()) return;
  std::vector<int64_t> ratios;
  for (const auto& r : receivers) ratios.push_back(r.ratio);
  auto shares = payment::split::shares_of(fee, ratios);
  std::vector<Receiver> paid;
  int64_t total = 0;
  for (size_t i = 0; i < receivers.size(); ++i)
    if (shares[i] > 0) {
      receivers[i].amount = shares[i];
      total += shares[i];
      paid.push_back(receivers[i]);
    }
  if (total == 0) return;  // every share below a fen: nothing to split, the fee stays with the merchant
  SplitOrder s;
  s.split_no = payment::business_no('S');
  s.pay_order_id = p.id;
  s.pay_no = p.pay_no;
  s.order_type = p.order_type;
  s.charge_order_id = p.charge_order_id;
  s.station_type = p.station_type;
  s.station_id = p.station_id;
  s.provider_id = p.provider_id;
  s.property_id = p.property_id;
  s.merchant_no = p.merchant_no;
  s.fee = fee;
  s.amount = total;
  s.op = "system";
  int64_t now = now_ms();
  SplitRepo repo(c);
  repo.insert(s, paid, now);
  if (!repo.add_split_amount(p.id, total)) fail_conflict("分账金额超过已扣款金额");
  PaymentRepo(c).post("splitreq:" + s.split_no, "split_request", p, std::nullopt,
                      {{db::payment::kRevenue, -total}, {db::split::kSplitPending, total}}, now);
  repo.sync_order(s, "pending");
}

void SplitService::run(int64_t now) {
  auto [due, processing, returns] = db_.read([&](Connection& c) {
    SplitRepo repo(c);
    return std::tuple{repo.due(now, 100), repo.processing(100), repo.processing_returns(100)};
  });
  for (const auto& s : due) send(s, now);
  for (const auto& s : processing) read_result(s, now);
  for (const auto& r : returns) read_return(r);
}

void SplitService::send(const SplitOrder& s, int64_t now) {
  auto [p, receivers] = db_.read([&](Connection& c) {
    return std::pair{PaymentRepo(c).find(s.pay_order_id), SplitRepo(c).receivers(s.id)};
  });
  if (!p) return;
  payment::SplitRequest req;
  req.merchant = merchant_of(*p);
  req.out_trade_no = p->pay_no;
  req.transaction_id = p->gateway_txn_no;
  req.out_order_no = s.split_no + "-" + std::to_string(s.sends + 1);  // a gateway keeps a failed number
  for (const auto& r : receivers) req.receivers.push_back({r.type, r.account, r.name, r.amount});
  try {
    auto a = provider_.split(req);
    db_.write([&](Connection& c) {
      SplitRepo repo(c);
      if (repo.mark_sent(s.id, req.out_order_no, a.gateway_id, now_ms())) repo.sync_order(s, "processing");
    });
  } catch (const payment::GatewayError& e) {
    attempt_failed(s, s.attempts + 1, e.what(), now);
  }
}

void SplitService::attempt_failed(const SplitOrder& s, int64_t attempts, const std::string& why,
                                  int64_t now) {
  std::optional<int64_t> next;
  if (attempts < s_.max_attempts) {
    int64_t wait = std::max<int64_t>(1, s_.retry_base_ms);
    for (int64_t i = 1; i < attempts && wait < 86'400'000; ++i) wait *= 2;
    next = now + wait;
  }
  spdlog::warn("split {} attempt {} failed: {}{}", s.split_no, attempts, why,
               next ? "" : " — waiting for a manual re-split");
  db_.write([&](Connection& c) {
    SplitRepo repo(c);
    if (repo.attempt_failed(s.id, why, next, now_ms())) repo.sync_order(s, next ? "pending" : "failed");
  });
}

void SplitService::read_result(const SplitOrder& s, int64_t now) {
  auto p = db_.read([&](Connection& c) { return PaymentRepo(c).find(s.pay_order_id); });
  if (!p) return;
  payment::SplitResult r;
  try {
    r = provider_.query_split(merchant_of(*p), s.gateway_out_no);
  } catch (const payment::GatewayError& e) {
    spdlog::warn("split {}: query failed: {}", s.split_no, e.what());
    return;
  }
  if (r.status == payment::SplitStatus::processing) return;
  if (r.status != payment::SplitStatus::succeeded) {
    attempt_failed(s, s.attempts, r.reason.empty() ? "unknown at the gateway" : r.reason, now);
    return;
  }
  db_.write([&](Connection& c) {
    SplitRepo repo(c);
    if (!repo.mark_succeeded(s.id, now_ms())) return;
    std::vector<db::payment::Posting> postings{{db::split::kSplitPending, -s.amount}};
    for (const auto& x : repo.receivers(s.id))
      postings.push_back({db::split::receiver_account(x.account), x.amount});
    PaymentRepo(c).post("split:" + s.split_no, "split", *p, std::nullopt, postings, now_ms());
    repo.sync_order(s, "succeeded");
  });
}

std::optional<int64_t> SplitService::start_return(const SplitOrder& s, const Receiver& r, int64_t amount,
                                                  const std::string& reason, const std::string& op,
                                                  std::string& error) {
  Return ret{0, payment::business_no('T'), s.id, r.id, r.account, amount, reason, "processing"};
  std::optional<PayOrder> p;
  auto id = db_.write([&](Connection& c) -> std::optional<int64_t> {
    p = PaymentRepo(c).find(s.pay_order_id);
    if (!p) return std::nullopt;
    auto reserved = SplitRepo(c).insert_return(ret, op, now_ms());
    if (!reserved) return std::nullopt;
    PaymentRepo(c).post(
        "splitretreq:" + ret.return_no, "split_return_request", *p, std::nullopt,
        {{db::split::receiver_account(r.account), -amount}, {db::split::kSplitReturning, amount}}, now_ms());
    return reserved;
  });
  if (!id) {
    error = "分账接收方可回退金额不足：" + r.account;
    return std::nullopt;
  }
  ret.id = *id;
  try {
    provider_.return_split({merchant_of(*p), s.gateway_out_no, ret.return_no, r.account, amount,
                            reason == "refund" ? "订单退费，分账回退" : "分账撤销"});
    return id;
  } catch (const payment::GatewayError& e) {
    error = e.what();
    db_.write([&](Connection& c) {
      if (!SplitRepo(c).finish_return(ret, false, error, now_ms())) return;
      PaymentRepo(c).post(
          "splitretfail:" + ret.return_no, "split_return_failed", *p, std::nullopt,
          {{db::split::kSplitReturning, -amount}, {db::split::receiver_account(r.account), amount}},
          now_ms());
    });
    return std::nullopt;
  }
}

std::string SplitService::read_return(const Return& r) {
  auto [s, p] = db_.read([&](Connection& c) {
    auto s = SplitRepo(c).find(r.split_id);
    return std::pair{s, s ? PaymentRepo(c).find(s->pay_order_id) : std::nullopt};
  });
  if (!s || !p) return r.status;
  payment::SplitResult res;
  try {
    res = provider_.query_return(merchant_of(*p), r.return_no);
  } catch (const payment::GatewayError& e) {
    spdlog::warn("split return {}: query failed: {}", r.return_no, e.what());
    return r.status;
  }
  if (res.status == payment::SplitStatus::processing) return r.status;
  bool ok = res.status == payment::SplitStatus::succeeded;
  std::string why = ok ? "" : (res.reason.empty() ? "unknown at the gateway" : res.reason);
  db_.write([&](Connection& c) {
    SplitRepo repo(c);
    PaymentRepo pay(c);
    if (!repo.finish_return(r, ok, why, now_ms())) return;
    if (ok) {
      pay.post("splitret:" + r.return_no, "split_return", *p, std::nullopt,
               {{db::split::kSplitReturning, -r.amount}, {db::payment::kRevenue, r.amount}}, now_ms());
      if (!repo.add_split_amount(p->id, -r.amount)) fail_conflict("分账回退金额超过分账金额");
      repo.mark_returned_if_done(s->id, now_ms());
      if (auto now = repo.find(s->id); now && now->status == "returned") repo.sync_order(*now, "returned");
    } else {
      pay.post("splitretfail:" + r.return_no, "split_return_failed", *p, std::nullopt,
               {{db::split::kSplitReturning, -r.amount}, {db::split::receiver_account(r.account), r.amount}},
               now_ms());
    }
  });
  return ok ? "succeeded" : "failed:" + why;
}

void SplitService::return_for_refund(int64_t pay_order_id, int64_t amount, const std::string& op) {
  auto [s, p, receivers] = db_.read([&](Connection& c) {
    auto s = SplitRepo(c).find_by_pay_order(pay_order_id);
    return std::tuple{s, PaymentRepo(c).find(pay_order_id),
                      s ? SplitRepo(c).receivers(s->id) : std::vector<Receiver>{}};
  });
  if (!s || !p || s->status == "returned") return;
  if (s->status == "pending" || s->status == "processing") fail_conflict("该订单分账处理中，请稍后再退费");
  if (s->status == "failed") fail_conflict("该订单分账失败，请先重新分账再退费");
  std::vector<int64_t> net;
  for (const auto& r : receivers) net.push_back(r.net());
  auto back = payment::split::returns_for(amount, p->captured, net);
  std::vector<Return> started;
  for (size_t i = 0; i < receivers.size(); ++i) {
    if (back[i] <= 0) continue;
    std::string error;
    auto id = start_return(*s, receivers[i], back[i], "refund", op, error);
    if (!id) fail_conflict("分账回退失败，不能退费：" + error);
    started.push_back(
        {*id, "", s->id, receivers[i].id, receivers[i].account, back[i], "refund", "processing"});
  }
  // The refund needs the returned money: wait for the gateway's results (asynchronous).
  int64_t until = now_ms() + s_.refund_wait_ms;
  for (auto& r : started) {
    for (;;) {
      auto now = db_.read([&](Connection& c) { return SplitRepo(c).find_return(r.id); });
      if (!now) break;
      std::string st = now->status == "processing" ? read_return(*now) : now->status + ":" + now->result;
      if (st == "succeeded" || st == "succeeded:") break;
      if (st.rfind("failed:", 0) == 0) fail_conflict("分账回退失败，不能退费：" + st.substr(7));
      if (now_ms() > until) fail_conflict("分账回退处理中，请稍后再退费");
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

std::optional<SplitOrder> SplitService::in_scope(Connection& c, int64_t id, const Principal& p) {
  if (!db::station::row_by_id(c, db::split::split_list_spec(), "so.id", id, p.scope)) return std::nullopt;
  return SplitRepo(c).find(id);
}

db::Page SplitService::list(const QueryParams& q, const Principal& p) {
  return db_.read([&](Connection& c) { return db::list_page(c, db::split::split_list_spec(), q, p.scope); });
}

json::object SplitService::detail(int64_t id, const Principal& p) {
  return db_.read([&](Connection& c) {
    auto row = db::station::row_by_id(c, db::split::split_list_spec(), "so.id", id, p.scope);
    if (!row) fail_not_found("分账记录不存在或无权访问");
    SplitRepo repo(c);
    (*row)["receivers"] = repo.receivers_json(id);
    (*row)["returns"] = repo.returns_of(id);
    return *row;
  });
}

void SplitService::resplit(int64_t id, const Principal& p) {
  db_.write([&](Connection& c) {
    auto s = in_scope(c, id, p);
    if (!s) fail_not_found("分账记录不存在或无权访问");
    SplitRepo repo(c);
    if (!repo.resplit(id, p.user_name, now_ms())) fail_conflict("只有分账失败的记录可以重新分账");
    repo.sync_order(*s, "pending");
  });
}

void SplitService::resplit_order(const std::string& order_type, int64_t charge_order_id, const Principal& p) {
  auto kind = order_type == "bike" ? db::orders::OrderKind::bike : db::orders::OrderKind::car;
  auto id = db_.read([&](Connection& c) -> std::optional<int64_t> {
    auto o = db::orders::find_order(c, kind, charge_order_id, p.scope);
    if (!o) fail_not_found("订单不存在或无权访问");
    auto s = o->pay_order_id ? SplitRepo(c).find_by_pay_order(*o->pay_order_id) : std::nullopt;
    return s ? std::optional<int64_t>(s->id) : std::nullopt;
  });
  if (!id) fail_conflict("该订单没有分账记录");
  resplit(*id, p);
}

int64_t SplitService::revoke(int64_t id, const Principal& p) {
  auto [s, receivers] = db_.read([&](Connection& c) {
    auto s = in_scope(c, id, p);
    return std::pair{s, s ? SplitRepo(c).receivers(id) : std::vector<Receiver>{}};
  });
  if (!s) fail_not_found("分账记录不存在或无权访问");
  if (s->status != "succeeded") fail_conflict("只有分账成功的记录可以撤销");
  int64_t accepted = 0;
  std::string errors;
  for (const auto& r : receivers) {
    if (r.net() <= 0) continue;
    std::string error;
    if (start_return(*s, r, r.net(), "revoke", p.user_name, error))
      ++accepted;
    else
      errors += (errors.empty() ? "" : "；") + r.account + "：" + error;
  }
  if (accepted == 0) fail_conflict("分账撤销失败：" + (errors.empty() ? "没有可回退的金额" : errors));
  return accepted;
}

}  // namespace zc::split
