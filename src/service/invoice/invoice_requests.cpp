#include "service/invoice/invoice_requests.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "core/error.hpp"
#include "core/money_text.hpp"
#include "domain/invoice/invoice_amounts.hpp"
#include "service/station/station_rules.hpp"
#include "service/system/rules.hpp"
#include "storage/repositories/member_card_use.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::invoice {

namespace json = boost::json;
using db::Connection;
using db::invoice::OrderFacts;
using station::is_taxpayer_id;

namespace {

constexpr size_t kMaxOrders = 100;
constexpr size_t kRemarkOrders = 10;  // order numbers listed in the remark; the rest is counted

bool is_tax_code(const std::string& s) {
  if (s.size() != 19) return false;
  for (char ch : s)
    if (ch < '0' || ch > '9') return false;
  return true;
}

// The station's invoice configuration, complete; 409 naming what is missing otherwise.
db::station::InvoiceFields seller_of(Connection& c, OrderKind kind, int64_t station_id) {
  auto row = db::station::StationRecords(
                 c, kind == OrderKind::car ? db::station::StationType::car : db::station::StationType::bike)
                 .invoice(station_id);
  if (!row) fail_conflict("电站未配置发票信息，不能开票（请在电站的发票配置中填写）");
  const auto& f = row->fields;
  std::vector<std::string> missing;
  auto need = [&](bool ok, const char* name) {
    if (!ok) missing.emplace_back(name);
  };
  need(!f.merchant_no.empty(), "商户号");
  need(!f.company_name.empty(), "公司名称");
  need(is_taxpayer_id(f.taxpayer_id), "纳税人识别号");
  need(!f.seller_address.empty(), "售方地址");
  need(!f.bank_name.empty(), "银行名称");
  need(!f.bank_account.empty(), "银行账号");
  need(!f.drawer.empty(), "开票人");
  need(is_tax_code(f.electricity_tax_code), "电费费率编码（19位数字）");
  need(is_tax_code(f.service_tax_code), "服务费费率编码（19位数字）");
  if (!missing.empty()) {
    std::string names;
    for (const auto& m : missing) names += (names.empty() ? "" : "、") + m;
    fail_conflict("电站发票配置不完整，缺少：" + names);
  }
  return f;
}

void check_order(Connection& c, OrderKind kind, const OrderFacts& o) {
  const char* done = kind == OrderKind::car ? "completed" : "finished";
  if (o.state != done) fail_conflict("订单" + o.order_no + "未完成，不能开票");
  if (o.charged - o.refunded <= 0)
    fail_conflict("订单" + o.order_no + (o.charged <= 0 ? "费用为0，不能开票" : "已全额退费，不能开票"));
  if (!o.pay_order_id && db::member::CardUseRepo(c).paid_for(db::orders::kind_name(kind), o.id))
    fail_conflict("订单" + o.order_no + "由电卡支付：电卡在充值时开票，不按订单开票");
}

// "1.234500" yuan per unit: excluded fen ÷ quantity (quantity in 10^-decimals units), 6 decimals, half up.
std::string unit_price(int64_t excluded_fen, int64_t quantity, int decimals) {
  if (quantity <= 0) return "";
  int64_t scale = 10000;  // fen → 10^-6 yuan
  for (int i = 0; i < decimals; ++i) scale *= 10;
  return money::decimal_text((excluded_fen * scale * 2 + quantity) / (2 * quantity), 6);
}

json::object line_json(const char* name, const std::string& code, const char* unit,
                       const std::string& quantity, const std::string& price, int64_t rate_bp,
                       int64_t amount) {
  const TaxSplit t = split_tax(amount, rate_bp);
  return json::object{{"name", name},         {"code", code},   {"unit", unit},
                      {"quantity", quantity}, {"price", price}, {"rateBp", rate_bp},
                      {"amount", amount},     {"tax", t.tax},   {"excluded", t.excluded}};
}

}  // namespace

void check_buyer(const Buyer& b) {
  if (b.title_type != "person" && b.title_type != "company")
    fail_bad_request("titleType: 只能是person或company");
  if (b.title.empty() || b.title.size() > 150) fail_bad_request("title: 请填写发票抬头（最多50字）");
  if (b.title_type == "company" && !is_taxpayer_id(b.taxpayer_id))
    fail_bad_request("taxpayerId: 企业抬头须填写纳税人识别号（15到20位数字或大写字母）");
  if (b.title_type == "person" && !b.taxpayer_id.empty() && !is_taxpayer_id(b.taxpayer_id))
    fail_bad_request("taxpayerId: 纳税人识别号应为15到20位数字或大写字母");
  if (b.email.empty()) fail_bad_request("email: 请填写接收发票的邮箱");
  sys::check_email("email", b.email);
  sys::check_contact_phone("phone", b.phone);
}

int64_t create_invoice(Connection& c, const Request& r, const Requester& who, int64_t now) {
  check_buyer(r.buyer);
  if (r.keys.empty())
    fail_bad_request(r.by_no ? "orderNos: 请选择要开票的订单" : "orderIds: 请选择要开票的订单");
  if (r.keys.size() > kMaxOrders) fail_bad_request("一张发票最多合并100个订单");
  std::set<std::string> unique(r.keys.begin(), r.keys.end());
  if (unique.size() != r.keys.size()) fail_bad_request("订单重复");
  db::invoice::InvoiceRepo repo(c);
  auto orders = repo.orders(r.kind, r.keys, r.by_no, who.scope);
  if (who.app_user_id)
    std::erase_if(orders, [&](const OrderFacts& o) { return o.user_id != who.app_user_id; });
  if (orders.size() != r.keys.size()) fail_not_found("订单不存在或无权访问");
  const OrderFacts& first = orders.front();
  std::vector<int64_t> ids;
  for (const auto& o : orders) {
    if (o.station_id != first.station_id || o.user_id != first.user_id || (!o.user_id && orders.size() > 1))
      fail_conflict("合并开票的订单须属于同一电站、同一用户");
    check_order(c, r.kind, o);
    ids.push_back(o.id);
  }
  if (auto taken = repo.active_invoices(r.kind, ids); !taken.empty()) {
    auto no = std::find_if(orders.begin(), orders.end(), [&](auto& o) { return o.id == taken[0].first; });
    fail_conflict("订单" + no->order_no + "已开票（发票编号" + taken[0].second + "），请先作废该发票");
  }
  const auto seller = seller_of(c, r.kind, first.station_id);

  // Lines: the kept fee of each order split into electricity and service, summed per line.
  int64_t electricity = 0, service = 0, energy = 0;
  std::vector<db::invoice::InvoiceOrder> links;
  std::string remark_nos;
  for (size_t i = 0; i < orders.size(); ++i) {
    const auto& o = orders[i];
    const int64_t kept = o.charged - o.refunded;
    const FeeParts p = split_kept(kept, o.energy_fee, o.service_fee);
    electricity += p.electricity;
    service += p.service;
    energy += o.energy;
    links.push_back({db::orders::kind_name(r.kind), o.order_no, o.id, kept, true});
    if (i < kRemarkOrders) remark_nos += (i ? "、" : "") + o.order_no;
  }
  if (orders.size() > kRemarkOrders) remark_nos += "等" + std::to_string(orders.size()) + "笔";
  json::array lines;
  int64_t tax = 0;
  if (electricity > 0) {
    const TaxSplit t = split_tax(electricity, seller.electricity_tax_rate);
    lines.push_back(line_json("*供电*电费", seller.electricity_tax_code, "千瓦时",
                              energy > 0 ? money::energy_text(energy) : "", unit_price(t.excluded, energy, 4),
                              seller.electricity_tax_rate, electricity));
    tax += t.tax;
  }
  if (service > 0) {
    const int64_t n = static_cast<int64_t>(orders.size());
    const TaxSplit t = split_tax(service, seller.service_tax_rate);
    lines.push_back(line_json("*现代服务*充电服务费", seller.service_tax_code, "次", std::to_string(n),
                              unit_price(t.excluded, n, 0), seller.service_tax_rate, service));
    tax += t.tax;
  }
  json::object s{{"name", seller.company_name},      {"taxpayerId", seller.taxpayer_id},
                 {"address", seller.seller_address}, {"phone", seller.phone},
                 {"bankName", seller.bank_name},     {"bankAccount", seller.bank_account},
                 {"drawer", seller.drawer},          {"payee", seller.payee},
                 {"reviewer", seller.reviewer},      {"merchantNo", seller.merchant_no}};
  auto station = db::station::StationRecords(c, r.kind == OrderKind::car ? db::station::StationType::car
                                                                         : db::station::StationType::bike)
                     .find(first.station_id);

  db::invoice::InvoiceRow v;
  // Unique: an order is on one active invoice at a time, and a re-invoice comes at a later millisecond.
  v.invoice_no = "FP" + std::to_string(now) + std::to_string(first.id);
  v.provider_id = first.provider_id;
  v.property_id = first.property_id;
  v.station_type = db::orders::kind_name(r.kind);
  v.station_id = first.station_id;
  v.user_id = first.user_id;
  v.source = who.source;
  v.applicant = who.applicant;
  v.title_type = r.buyer.title_type;
  v.title = r.buyer.title;
  v.taxpayer_id = r.buyer.taxpayer_id;
  v.email = r.buyer.email;
  v.phone = r.buyer.phone.empty() ? first.phone : r.buyer.phone;
  v.amount = electricity + service;
  v.tax = tax;
  v.merchant_no = seller.merchant_no;
  v.invoice_line = "pc";
  v.seller = json::serialize(s);
  v.lines = json::serialize(lines);
  v.remark = "充电订单：" + remark_nos + "\n电站：" + (station ? station->name : "") + "\n销方地址电话：" +
             seller.seller_address + " " + seller.phone + "；销方开户行及账号：" + seller.bank_name + " " +
             seller.bank_account;
  v.created_at = now;
  try {
    return repo.insert(v, links);
  } catch (const db::DatabaseError& e) {
    if (e.unique_violation()) fail_conflict("订单已在开票中，请勿重复提交");
    throw;
  }
}

}  // namespace zc::invoice
