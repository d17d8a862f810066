#pragma once
// The built-in sandbox e-invoice service: behaves like Nuonuo without leaving the machine. A request is
// accepted at once (开票中); after `delay_ms` it becomes 已开票 (invoice number, code and date assigned)
// or, with probability failure_permille / 1000, 开票失败 with a reason; the result is then pushed to the
// callback (unless `callback` is off: then only query() tells it). Red-letter succeeds at once. The
// service renders no PDF (pdf_url empty): the platform renders it from the invoice data.
// State lives in memory; a restarted process answers "unknown serial" and the platform issues again.
#include <condition_variable>
#include <mutex>
#include <queue>
#include <random>
#include <thread>
#include <unordered_map>

#include "integrations/invoice/invoice_provider.hpp"

namespace zc::invoice {

struct SandboxOptions {
  int64_t delay_ms = 300;
  int64_t failure_permille = 0;  // 0–1000
  bool callback = true;
};

class SandboxInvoiceService final : public InvoiceProvider {
 public:
  explicit SandboxInvoiceService(SandboxOptions o);
  ~SandboxInvoiceService() override;
  std::string_view name() const override { return "sandbox"; }
  void set_callback(Callback cb) override;
  std::string issue(const IssueRequest& r) override;
  IssueResult query(const std::string& serial_no) override;
  void reissue(const std::string& serial_no) override;
  std::string red(const std::string& serial_no, const std::string& reason) override;

  // Tests: the share of requests that fail from now on; whether results are pushed (off: query only).
  void set_failure_permille(int64_t permille);
  void set_callback_enabled(bool on);
  void stop();

 private:
  struct Entry {
    IssueResult result;
    bool red = false;
  };
  void schedule(const std::string& serial, std::unique_lock<std::mutex>& lk);
  void run();
  void decide(Entry& e);

  SandboxOptions opt_;
  std::mutex mu_;
  std::condition_variable cv_;
  Callback cb_;
  std::unordered_map<std::string, Entry> entries_;         // serial → state
  std::unordered_map<std::string, std::string> by_order_;  // order_no → serial
  std::priority_queue<std::pair<int64_t, std::string>, std::vector<std::pair<int64_t, std::string>>,
                      std::greater<>>
      due_;
  std::mt19937_64 rng_;
  int64_t next_number_ = 0;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace zc::invoice
