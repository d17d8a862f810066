#pragma once
// SQL of the e-invoices (0027_invoices.sql; docs/invoices.md): the orders an invoice is asked for, the
// invoice and its orders, the provider's answers, the lists of the admin page and of the driver app.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/order_query_repo.hpp"

namespace zc::db::invoice {

using orders::OrderKind;

// What the invoice rules read of an order.
struct OrderFacts {
  int64_t id = 0;
  std::string order_no, state, phone;
  int64_t provider_id = 0, property_id = 0, station_id = 0;
  std::optional<int64_t> user_id, pay_order_id;
  int64_t charged = 0, refunded = 0, energy = 0, energy_fee = 0, service_fee = 0;
};

struct InvoiceRow {
  int64_t id = 0;
  std::string invoice_no;
  int64_t provider_id = 0, property_id = 0, station_id = 0;
  std::string station_type;
  std::optional<int64_t> user_id;
  std::string source, applicant, title_type, title, taxpayer_id, email, phone;
  int64_t amount = 0, tax = 0;
  std::string merchant_no, invoice_line, seller, lines, remark;  // seller, lines: JSON text
  std::string status, provider, serial_no, invoice_number, invoice_code, fail_reason, red_number, pdf_path;
  int64_t pdf_size = 0, attempts = 0, created_at = 0;
  std::optional<int64_t> issued_at, finished_at, voided_at;
};

struct InvoiceOrder {
  std::string order_type, order_no;
  int64_t order_id = 0, amount = 0;
  bool active = true;
};

class InvoiceRepo {
 public:
  explicit InvoiceRepo(Connection& c) : c_(c) {}

  // The orders of `kind` by id (by_no = false) or order number, inside `scope` (nullptr: no scope — the
  // app checks the driver instead). Missing ones are absent.
  std::vector<OrderFacts> orders(OrderKind kind, const std::vector<std::string>& keys, bool by_no,
                                 const DataScope* scope);
  // order id → invoice_no of its active invoice, for those of `ids` that have one.
  std::vector<std::pair<int64_t, std::string>> active_invoices(OrderKind kind,
                                                               const std::vector<int64_t>& ids);

  int64_t insert(const InvoiceRow& r, const std::vector<InvoiceOrder>& orders);
  std::optional<InvoiceRow> find(int64_t id);
  std::optional<InvoiceRow> find_by_serial(const std::string& serial_no);
  std::vector<InvoiceOrder> orders_of(int64_t id);
  bool in_scope(int64_t id, const DataScope& scope);

  void set_sent(int64_t id, const std::string& provider, const std::string& serial_no, int64_t at);
  // issuing → issued / failed; false when it was not issuing (a repeated callback).
  bool set_issued(int64_t id, const std::string& number, const std::string& code, int64_t issued_at,
                  int64_t at);
  bool set_failed(int64_t id, const std::string& reason, int64_t at);
  void set_pdf(int64_t id, const std::string& path, int64_t size, int64_t at);
  // failed → issuing (attempts + 1); false when it was not failed.
  bool set_reissuing(int64_t id, int64_t at);
  // issued / failed → voided, its orders invoiceable again; false when it was in neither state.
  bool set_voided(int64_t id, const std::string& red_number, const std::string& reason, int64_t at);
  // Invoices still issuing: those never sent (serial empty) and those sent before `sent_before`.
  std::vector<int64_t> issuing(int64_t sent_before, int64_t limit);

  // Counts by status (bench, tests): [{status, count}].
  std::vector<std::pair<std::string, int64_t>> count_by_status();

 private:
  Connection& c_;
};

ListSpec invoice_list_spec();
// The driver's invoices, newest first.
std::vector<InvoiceRow> invoices_of_user(Connection& c, int64_t user_id, int64_t limit);

// testing.enabled only: `count` completed orders of `kind` at the station for the driver (phone), with the
// fees given; answers their ids.
std::vector<int64_t> seed_completed_orders(Connection& c, OrderKind kind, int64_t station_id, int64_t user_id,
                                           const std::string& phone, int64_t count, int64_t energy_fee,
                                           int64_t service_fee, int64_t refunded, int64_t at);

}  // namespace zc::db::invoice
