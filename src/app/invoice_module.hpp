#pragma once
// E-invoices (docs/invoices.md): the built-in sandbox e-invoice service, the invoice service and its pool,
// and their routes (admin, app, and the test routes when testing.enabled).
#include "core/config.hpp"
#include "http/router.hpp"
#include "integrations/invoice/sandbox_invoice.hpp"
#include "service/invoice/invoice_service.hpp"
#include "storage/database.hpp"

namespace zc::app {

class InvoiceModule {
 public:
  InvoiceModule(db::Database& db, const Config& cfg, http::Router& router);
  ~InvoiceModule() { stop(); }
  void start() { service_.start(); }
  void stop();

 private:
  invoice::SandboxInvoiceService sandbox_;
  invoice::InvoiceService service_;
};

}  // namespace zc::app
