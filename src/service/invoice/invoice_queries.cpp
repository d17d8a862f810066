#include "service/invoice/invoice_queries.hpp"

#include <boost/json.hpp>

#include "core/error.hpp"
#include "storage/repositories/invoice_repo.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::invoice {

namespace json = boost::json;
using db::Connection;
using db::invoice::InvoiceRepo;

namespace {

json::array orders_json(InvoiceRepo& repo, int64_t id) {
  json::array out;
  for (const auto& o : repo.orders_of(id))
    out.push_back(json::object{{"orderType", o.order_type},
                               {"orderId", o.order_id},
                               {"orderNo", o.order_no},
                               {"amount", o.amount},
                               {"active", o.active}});
  return out;
}

}  // namespace

db::Page InvoiceQueries::list(const QueryParams& q, const Principal& p) {
  return db_.read(
      [&](Connection& c) { return db::list_page(c, db::invoice::invoice_list_spec(), q, p.scope); });
}

json::object InvoiceQueries::detail(int64_t id, const Principal& p) {
  return db_.read([&](Connection& c) {
    auto row = db::station::row_by_id(c, db::invoice::invoice_list_spec(), "i.id", id, p.scope);
    if (!row) fail_not_found("发票不存在或无权访问");
    InvoiceRepo repo(c);
    auto v = repo.find(id);
    (*row)["seller"] = json::parse(v->seller);
    (*row)["lines"] = json::parse(v->lines);
    (*row)["remark"] = v->remark;
    (*row)["hasPdf"] = !v->pdf_path.empty();
    (*row)["pdfSize"] = v->pdf_size;
    (*row)["orders"] = orders_json(repo, id);
    return *row;
  });
}

json::array InvoiceQueries::of_driver(int64_t user_id) {
  return db_.read([&](Connection& c) {
    InvoiceRepo repo(c);
    json::array out;
    for (const auto& v : db::invoice::invoices_of_user(c, user_id, 200)) {
      json::object o{{"id", v.id},
                     {"invoiceNo", v.invoice_no},
                     {"orderType", v.station_type},
                     {"status", v.status},
                     {"titleType", v.title_type},
                     {"title", v.title},
                     {"taxpayerId", v.taxpayer_id},
                     {"email", v.email},
                     {"amount", v.amount},
                     {"tax", v.tax},
                     {"invoiceNumber", v.invoice_number},
                     {"failReason", v.fail_reason},
                     {"createTime", v.created_at},
                     {"hasPdf", !v.pdf_path.empty()},
                     {"orders", orders_json(repo, v.id)}};
      o["issueTime"] = v.issued_at ? json::value(*v.issued_at) : json::value(nullptr);
      out.push_back(std::move(o));
    }
    return out;
  });
}

}  // namespace zc::invoice
