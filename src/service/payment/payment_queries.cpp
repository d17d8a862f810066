#include "service/payment/payment_queries.hpp"

#include "core/error.hpp"
#include "storage/repositories/member_ledger.hpp"
#include "storage/repositories/payment_repo.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::payment {

namespace json = boost::json;
using db::Connection;
using namespace db::payment;

db::Page PaymentQueries::pay_orders(const QueryParams& q, const Principal& p) {
  return db_.read([&](Connection& c) { return db::list_page(c, pay_order_list_spec(), q, p.scope); });
}

json::object PaymentQueries::pay_order(int64_t id, const Principal& p) {
  return db_.read([&](Connection& c) {
    auto row = db::station::row_by_id(c, pay_order_list_spec(), "p.id", id, p.scope);
    if (!row) fail_not_found("支付订单不存在或无权访问");
    PaymentRepo repo(c);
    (*row)["refunds"] = repo.refunds_of(id);
    (*row)["ledger"] = repo.ledger_of(id);
    auto o = repo.find(id);
    (*row)["heldAmount"] = o ? o->held() : 0;
    return *row;
  });
}

db::Page PaymentQueries::refunds(const QueryParams& q, const Principal& p) {
  return db_.read([&](Connection& c) { return db::list_page(c, refund_list_spec(), q, p.scope); });
}

json::object PaymentQueries::refund(int64_t id, const Principal& p) {
  return db_.read([&](Connection& c) {
    auto row = db::station::row_by_id(c, refund_list_spec(), "r.id", id, p.scope);
    if (!row) fail_not_found("退费记录不存在或无权访问");
    return *row;
  });
}

json::object PaymentQueries::reconciliation() {
  // The whole ledger: pay orders, and the card and collective accounts (docs/members.md "Money").
  auto [problems, member_problems] = db_.read([&](Connection& c) {
    return std::pair{PaymentRepo(c).reconcile(), db::member::MemberLedgerRepo(c).reconcile()};
  });
  json::object o;
  o["balanced"] = problems.empty() && member_problems.empty();
  json::array arr;
  for (const auto& pr : problems) {
    json::object e;
    e["payOrderId"] = pr.pay_order_id;
    e["payNo"] = pr.pay_no;
    e["problem"] = pr.problem;
    arr.push_back(std::move(e));
  }
  for (const auto& problem : member_problems) arr.push_back(json::object{{"problem", problem}});
  o["problems"] = std::move(arr);
  return o;
}

}  // namespace zc::payment
