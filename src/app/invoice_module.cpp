#include "app/invoice_module.hpp"

#include "api/admin/order/invoice_routes.hpp"

namespace zc::app {

InvoiceModule::InvoiceModule(db::Database& db, const Config& cfg, http::Router& router)
    : sandbox_(
          {cfg.invoice.sandbox_delay_ms, cfg.invoice.sandbox_failure_permille, cfg.invoice.sandbox_callback}),
      service_(db, sandbox_,
               {cfg.app.data_dir, cfg.invoice.worker_threads, cfg.invoice.poll_interval_ms,
                cfg.invoice.query_after_ms}) {
  api::InvoiceContext ctx{db, service_, &sandbox_};
  api::register_invoice_routes(router, ctx);
  api::register_invoice_app_routes(router, ctx);
  if (cfg.testing.enabled) api::register_invoice_test_routes(router, ctx);
}

void InvoiceModule::stop() {
  sandbox_.stop();  // no callback arrives after this
  service_.stop();
}

}  // namespace zc::app
