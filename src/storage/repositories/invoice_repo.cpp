#include "storage/repositories/invoice_repo.hpp"

#include "storage/repositories/payment_repo.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::db::invoice {

namespace {

constexpr const char* kColumns =
    "id, invoice_no, provider_id, property_id, station_id, station_type, user_id, source, applicant, "
    "title_type, title, taxpayer_id, email, phone, amount, tax, merchant_no, invoice_line, seller, lines, "
    "remark, status, provider, serial_no, invoice_number, invoice_code, fail_reason, red_number, pdf_path, "
    "pdf_size, attempts, created_at, issued_at, finished_at, voided_at";

std::optional<int64_t> opt_i64(const Result& r, size_t i, size_t c) {
  return r.is_null(i, c) ? std::nullopt : std::optional<int64_t>(r.i64(i, c));
}

InvoiceRow row_from(const Result& r, size_t i) {
  InvoiceRow v;
  size_t c = 0;
  v.id = r.i64(i, c++);
  v.invoice_no = r.str(i, c++);
  v.provider_id = r.i64(i, c++);
  v.property_id = r.i64(i, c++);
  v.station_id = r.i64(i, c++);
  v.station_type = r.str(i, c++);
  v.user_id = opt_i64(r, i, c++);
  for (std::string* s :
       {&v.source, &v.applicant, &v.title_type, &v.title, &v.taxpayer_id, &v.email, &v.phone})
    *s = r.str(i, c++);
  v.amount = r.i64(i, c++);
  v.tax = r.i64(i, c++);
  for (std::string* s :
       {&v.merchant_no, &v.invoice_line, &v.seller, &v.lines, &v.remark, &v.status, &v.provider, &v.serial_no,
        &v.invoice_number, &v.invoice_code, &v.fail_reason, &v.red_number, &v.pdf_path})
    *s = r.str(i, c++);
  v.pdf_size = r.i64(i, c++);
  v.attempts = r.i64(i, c++);
  v.created_at = r.i64(i, c++);
  v.issued_at = opt_i64(r, i, c++);
  v.finished_at = opt_i64(r, i, c++);
  v.voided_at = opt_i64(r, i, c++);
  return v;
}

std::string placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

}  // namespace

std::vector<OrderFacts> InvoiceRepo::orders(OrderKind kind, const std::vector<std::string>& keys, bool by_no,
                                            const DataScope* scope) {
  std::vector<OrderFacts> out;
  if (keys.empty()) return out;
  Where w;
  Params p;
  for (const auto& k : keys) {
    if (by_no) {
      p.emplace_back(k);
    } else {
      p.emplace_back(static_cast<int64_t>(std::stoll(k)));
    }
  }
  w.add(std::string(by_no ? "o.order_no" : "o.id") + " IN (" + placeholders(keys.size()) + ")", p);
  if (scope)
    add_scope(w,
              station::child_scope(
                  kind == OrderKind::car ? station::StationType::car : station::StationType::bike, "o"),
              *scope);
  Result r = c_.query(std::string("SELECT o.id, o.order_no, o.state, o.phone, o.provider_id, o.property_id, "
                                  "o.station_id, o.user_id, o.pay_order_id, o.charged, o.refunded, o.energy, "
                                  "o.energy_fee, o.service_fee FROM ") +
                          orders::order_table(kind) + " o" + w.sql() + " ORDER BY o.id",
                      w.params);
  for (size_t i = 0; i < r.size(); ++i) {
    OrderFacts f;
    f.id = r.i64(i, 0);
    f.order_no = r.str(i, 1);
    f.state = r.str(i, 2);
    f.phone = r.str(i, 3);
    f.provider_id = r.i64(i, 4);
    f.property_id = r.i64(i, 5);
    f.station_id = r.i64(i, 6);
    f.user_id = opt_i64(r, i, 7);
    f.pay_order_id = opt_i64(r, i, 8);
    f.charged = r.i64(i, 9);
    f.refunded = r.i64(i, 10);
    f.energy = r.i64(i, 11);
    f.energy_fee = r.i64(i, 12);
    f.service_fee = r.i64(i, 13);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::pair<int64_t, std::string>> InvoiceRepo::active_invoices(OrderKind kind,
                                                                          const std::vector<int64_t>& ids) {
  std::vector<std::pair<int64_t, std::string>> out;
  if (ids.empty()) return out;
  Params p{std::string(orders::kind_name(kind))};
  for (int64_t id : ids) p.emplace_back(id);
  Result r = c_.query(
      "SELECT io.order_id, i.invoice_no FROM invoice_order io JOIN invoice i ON i.id = io.invoice_id "
      "WHERE io.active = 1 AND io.order_type = ? AND io.order_id IN (" +
          placeholders(ids.size()) + ")",
      p);
  for (size_t i = 0; i < r.size(); ++i) out.emplace_back(r.i64(i, 0), r.str(i, 1));
  return out;
}

int64_t InvoiceRepo::insert(const InvoiceRow& v, const std::vector<InvoiceOrder>& orders) {
  int64_t id = c_.insert(
      "INSERT INTO invoice (invoice_no, provider_id, property_id, station_type, station_id, user_id, source, "
      "applicant, title_type, title, taxpayer_id, email, phone, amount, tax, merchant_no, invoice_line, "
      "seller, "
      "lines, remark, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, "
      "?, ?, ?, 'issuing', ?, ?)",
      {v.invoice_no, v.provider_id, v.property_id, v.station_type, v.station_id,   opt(v.user_id),
       v.source,     v.applicant,   v.title_type,  v.title,        v.taxpayer_id,  v.email,
       v.phone,      v.amount,      v.tax,         v.merchant_no,  v.invoice_line, v.seller,
       v.lines,      v.remark,      v.created_at,  v.created_at});
  for (const auto& o : orders)
    c_.execute(
        "INSERT INTO invoice_order (invoice_id, order_type, order_id, order_no, amount, active) VALUES "
        "(?, ?, ?, ?, ?, 1)",
        {id, o.order_type, o.order_id, o.order_no, o.amount});
  return id;
}

std::optional<InvoiceRow> InvoiceRepo::find(int64_t id) {
  Result r = c_.query(std::string("SELECT ") + kColumns + " FROM invoice WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return row_from(r, 0);
}

std::optional<InvoiceRow> InvoiceRepo::find_by_serial(const std::string& serial_no) {
  Result r = c_.query(std::string("SELECT ") + kColumns + " FROM invoice WHERE serial_no = ?", {serial_no});
  if (r.empty()) return std::nullopt;
  return row_from(r, 0);
}

std::vector<InvoiceOrder> InvoiceRepo::orders_of(int64_t id) {
  Result r = c_.query(
      "SELECT order_type, order_id, order_no, amount, active FROM invoice_order WHERE invoice_id = ? "
      "ORDER BY order_id",
      {id});
  std::vector<InvoiceOrder> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.str(i, 0), r.str(i, 2), r.i64(i, 1), r.i64(i, 3), r.i64(i, 4) != 0});
  return out;
}

bool InvoiceRepo::in_scope(int64_t id, const DataScope& scope) {
  return station::exists_in_scope(c_, "invoice", "i", payment::mixed_station_scope("i"), id, scope);
}

void InvoiceRepo::set_sent(int64_t id, const std::string& provider, const std::string& serial_no,
                           int64_t at) {
  c_.execute("UPDATE invoice SET provider = ?, serial_no = ?, updated_at = ? WHERE id = ?",
             {provider, serial_no, at, id});
}

bool InvoiceRepo::set_issued(int64_t id, const std::string& number, const std::string& code,
                             int64_t issued_at, int64_t at) {
  return c_.execute(
             "UPDATE invoice SET status = 'issued', invoice_number = ?, invoice_code = ?, issued_at = ?, "
             "finished_at = ?, fail_reason = '', updated_at = ? WHERE id = ? AND status = 'issuing'",
             {number, code, issued_at, at, at, id}) == 1;
}

bool InvoiceRepo::set_failed(int64_t id, const std::string& reason, int64_t at) {
  return c_.execute(
             "UPDATE invoice SET status = 'failed', fail_reason = ?, finished_at = ?, updated_at = ? WHERE "
             "id = ? AND status = 'issuing'",
             {reason, at, at, id}) == 1;
}

void InvoiceRepo::set_pdf(int64_t id, const std::string& path, int64_t size, int64_t at) {
  c_.execute("UPDATE invoice SET pdf_path = ?, pdf_size = ?, updated_at = ? WHERE id = ?",
             {path, size, at, id});
}

bool InvoiceRepo::set_reissuing(int64_t id, int64_t at) {
  return c_.execute(
             "UPDATE invoice SET status = 'issuing', fail_reason = '', finished_at = NULL, attempts = "
             "attempts + 1, updated_at = ? WHERE id = ? AND status = 'failed'",
             {at, id}) == 1;
}

bool InvoiceRepo::set_voided(int64_t id, const std::string& red_number, const std::string& reason,
                             int64_t at) {
  if (c_.execute("UPDATE invoice SET status = 'voided', red_number = ?, void_reason = ?, voided_at = ?, "
                 "updated_at = ? WHERE id = ? AND status IN ('issued', 'failed')",
                 {red_number, reason, at, at, id}) != 1)
    return false;
  c_.execute("UPDATE invoice_order SET active = 0 WHERE invoice_id = ?", {id});
  return true;
}

std::vector<int64_t> InvoiceRepo::issuing(int64_t sent_before, int64_t limit) {
  Result r = c_.query(
      "SELECT id FROM invoice WHERE status = 'issuing' AND (serial_no = '' OR updated_at < ?) "
      "ORDER BY id LIMIT ?",
      {sent_before, limit});
  std::vector<int64_t> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.i64(i, 0));
  return out;
}

std::vector<std::pair<std::string, int64_t>> InvoiceRepo::count_by_status() {
  Result r = c_.query("SELECT status, COUNT(*) FROM invoice GROUP BY status ORDER BY status");
  std::vector<std::pair<std::string, int64_t>> out;
  for (size_t i = 0; i < r.size(); ++i) out.emplace_back(r.str(i, 0), r.i64(i, 1));
  return out;
}

ListSpec invoice_list_spec() {
  ListSpec s;
  s.select =
      "i.id AS \"id\", i.invoice_no AS \"invoiceNo\", i.station_type AS \"stationType\", i.station_id AS "
      "\"stationId\", " +
      payment::station_name("i") +
      " AS \"stationName\", "
      "i.source AS \"source\", i.applicant AS \"applicant\", i.title_type AS \"titleType\", i.title AS "
      "\"title\", "
      "i.taxpayer_id AS \"taxpayerId\", i.email AS \"email\", i.phone AS \"phone\", i.amount AS \"amount\", "
      "i.tax "
      "AS \"tax\", i.merchant_no AS \"merchantNo\", i.invoice_line AS \"invoiceLine\", i.status AS "
      "\"status\", "
      "i.provider AS \"provider\", i.serial_no AS \"serialNo\", i.invoice_number AS \"invoiceNumber\", "
      "i.invoice_code AS \"invoiceCode\", i.fail_reason AS \"failReason\", i.red_number AS \"redNumber\", "
      "i.attempts AS \"attempts\", i.created_at AS \"createTime\", i.issued_at AS \"issueTime\", "
      "i.finished_at AS "
      "\"finishTime\", i.voided_at AS \"voidTime\", "
      "(SELECT COUNT(*) FROM invoice_order io WHERE io.invoice_id = i.id) AS \"orderCount\"";
  s.from = "invoice i";
  s.filters = {
      {"stationId", "i.station_id", Match::equal, Kind::integer},
      {"stationType", "i.station_type", Match::equal, Kind::text},
      {"titleType", "i.title_type", Match::equal, Kind::text},
      {"invoiceLine", "i.invoice_line", Match::equal, Kind::text},
      {"status", "i.status", Match::equal, Kind::text},
      {"invoiceNo", "i.invoice_no", Match::equal, Kind::text},
      {"invoiceNumber", "i.invoice_number", Match::equal, Kind::text},
      {"title", "i.title", Match::contains, Kind::text},
      {"taxpayerId", "i.taxpayer_id", Match::equal, Kind::text},
      {"applicant", "i.applicant", Match::contains, Kind::text},
      {"orderNo", "EXISTS (SELECT 1 FROM invoice_order io WHERE io.invoice_id = i.id AND io.order_no = ?)",
       Match::custom, Kind::text},
      {"beginTime", "i.created_at", Match::at_least, Kind::integer},
      {"endTime", "i.created_at", Match::at_most, Kind::integer},
      {"finishBeginTime", "i.finished_at", Match::at_least, Kind::integer},
      {"finishEndTime", "i.finished_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"createTime", "i.created_at"}, {"finishTime", "i.finished_at"}, {"amount", "i.amount"}};
  s.default_order = "i.created_at DESC, i.id DESC";
  s.scope = payment::mixed_station_scope("i");
  return s;
}

std::vector<InvoiceRow> invoices_of_user(Connection& c, int64_t user_id, int64_t limit) {
  Result r = c.query(std::string("SELECT ") + kColumns +
                         " FROM invoice WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                     {user_id, limit});
  std::vector<InvoiceRow> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(row_from(r, i));
  return out;
}

std::vector<int64_t> seed_completed_orders(Connection& c, OrderKind kind, int64_t station_id, int64_t user_id,
                                           const std::string& phone, int64_t count, int64_t energy_fee,
                                           int64_t service_fee, int64_t refunded, int64_t at) {
  const bool car = kind == OrderKind::car;
  auto owner = c.query(std::string("SELECT provider_id, property_id FROM ") +
                           (car ? "car_station" : "bike_station") + " WHERE id = ?",
                       {station_id});
  if (owner.empty()) return {};
  std::vector<int64_t> ids;
  const int64_t fee = energy_fee + service_fee;
  for (int64_t n = 0; n < count; ++n) {
    const std::string no = std::string(car ? "TC" : "TB") + std::to_string(at) + "S" + std::to_string(n);
    const std::string cols = car ? "pile_id, gun_id, state" : "device_id, socket_id, state";
    ids.push_back(c.insert("INSERT INTO " + std::string(orders::order_table(kind)) +
                               " (order_no, provider_id, property_id, station_id, user_id, phone, " + cols +
                               ", prepaid, energy, energy_fee, service_fee, charged, refunded, created_at, "
                               "start_at, end_at) VALUES "
                               "(?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           {no, owner.i64(0, 0), owner.i64(0, 1), station_id, user_id, phone,
                            std::string(car ? "completed" : "finished"), fee, int64_t{123400}, energy_fee,
                            service_fee, fee, refunded, at + n, at + n - 3600000, at + n}));
  }
  return ids;
}

}  // namespace zc::db::invoice
