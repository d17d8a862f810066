#pragma once
// The rules of an invoice request (ORD-INV, APP-5; docs/invoices.md), checked in the request's transaction:
// only completed orders with a kept fee (fee − refunds) > 0, not paid by a stored-value card (a card is
// invoiced at top-up), of one station whose invoice configuration is complete, of one buyer, none already
// on an active invoice. The invoice copies the seller and its lines: electricity and service, each with the
// station's rate and tax classification code, tax split per line in fen (domain/invoice/invoice_amounts).
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "storage/database.hpp"
#include "storage/repositories/invoice_repo.hpp"

namespace zc::invoice {

using db::orders::OrderKind;

struct Buyer {
  std::string title_type;  // person | company
  std::string title, taxpayer_id, email, phone;
};

struct Request {
  OrderKind kind = OrderKind::car;
  std::vector<std::string> keys;  // order ids (admin) or order numbers (app)
  bool by_no = false;
  Buyer buyer;
};

// Who asks: the admin (scope) or the driver (user id).
struct Requester {
  std::string source;  // admin | app
  std::string applicant;
  const DataScope* scope = nullptr;  // admin
  std::optional<int64_t> app_user_id;
};

// Checks the buyer fields (400 naming the field).
void check_buyer(const Buyer& b);

// Checks everything and inserts the invoice (status issuing) with its orders; answers its id. ApiError
// 400/404/409 with the reason otherwise.
int64_t create_invoice(db::Connection& c, const Request& r, const Requester& who, int64_t now);

}  // namespace zc::invoice
