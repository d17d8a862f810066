#pragma once
// E-invoices end to end (ORD-INV, APP-5; docs/invoices.md): requests (invoice_requests), the e-invoice
// service (integrations/invoice), the PDF (export/invoice_pdf) stored under <app.data_dir>/invoices/.
//
// Issuing runs on the service's own bounded pool (invoice.worker_threads), never on an HTTP worker:
//   send    the request goes to the provider (issue); its serial number is stored
//   finish  a result (callback or query): issued → the PDF is rendered and stored, then the row says
//           issued; failed → the reason is stored
// A poller (invoice.poll_interval_ms) sends what was never sent (a stop between commit and send) and
// queries what has had no callback for invoice.query_after_ms.
// Re-issue (failed → issuing) and void (issued/failed → voided: its orders can be invoiced again; an
// issued one is red-lettered at the provider and its PDF stamped 已作废) run in the caller's request.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "core/principal.hpp"
#include "integrations/invoice/invoice_provider.hpp"
#include "service/invoice/invoice_requests.hpp"
#include "storage/database.hpp"

namespace zc::invoice {

struct ServiceOptions {
  std::string data_dir = "data";
  int64_t worker_threads = 2;
  int64_t poll_interval_ms = 2000;
  int64_t query_after_ms = 10000;
};

struct Pdf {
  std::string bytes, file_name;
};

class InvoiceService {
 public:
  InvoiceService(db::Database& db, InvoiceProvider& provider, ServiceOptions o);
  ~InvoiceService();
  void start();
  void stop();

  int64_t request(const Request& r, const Requester& who);
  void reissue(int64_t id, const Principal& p);
  void void_invoice(int64_t id, const std::string& reason, const Principal& p);

  // The stored PDF of an issued (or voided) invoice in the user's scope / of the driver; 404 otherwise.
  Pdf pdf(int64_t id, const Principal& p);
  Pdf pdf_of_driver(int64_t id, int64_t user_id);

  // Work not yet done by the pool (bench, tests).
  size_t queued() const;

 private:
  enum class JobKind { send, finish };
  struct Job {
    JobKind kind;
    int64_t id = 0;
    IssueResult result;
  };
  void enqueue(Job j);
  void work();
  void poll();
  void send(int64_t id);
  void finish(const IssueResult& r);
  void store_pdf(int64_t id, bool voided);
  Pdf read_pdf(const std::string& path, const std::string& invoice_no);
  db::invoice::InvoiceRow in_scope(int64_t id, const Principal& p);

  db::Database& db_;
  InvoiceProvider& provider_;
  ServiceOptions opt_;
  mutable std::mutex mu_;
  std::condition_variable cv_;       // the pool's jobs
  std::condition_variable poll_cv_;  // the poller's sleep (stop wakes it)
  std::deque<Job> jobs_;
  std::unordered_set<int64_t> pending_sends_;         // ids queued or being sent (the poller skips them)
  std::unordered_set<std::string> pending_finishes_;  // serials whose result is queued or being applied
  bool stopping_ = false;
  std::vector<std::thread> workers_;
  std::thread poller_;
};

}  // namespace zc::invoice
