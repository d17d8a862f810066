#include "integrations/invoice/sandbox_invoice.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/clock.hpp"

namespace zc::invoice {

namespace {

// The reasons a real service gives most often (taxpayer id not found, seller quota, …).
constexpr const char* kReasons[] = {"购方纳税人识别号校验不通过", "销方开票额度不足",
                                    "税局系统繁忙，请稍后重开"};

}  // namespace

const char* to_string(IssueStatus s) {
  switch (s) {
    case IssueStatus::issuing:
      return "issuing";
    case IssueStatus::issued:
      return "issued";
    case IssueStatus::failed:
      return "failed";
  }
  return "issuing";
}

SandboxInvoiceService::SandboxInvoiceService(SandboxOptions o)
    : opt_(o), rng_(std::random_device{}()), thread_([this] { run(); }) {}

SandboxInvoiceService::~SandboxInvoiceService() {
  stop();
}

void SandboxInvoiceService::stop() {
  {
    std::lock_guard lk(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SandboxInvoiceService::set_callback(Callback cb) {
  std::lock_guard lk(mu_);
  cb_ = std::move(cb);
}

void SandboxInvoiceService::set_failure_permille(int64_t permille) {
  std::lock_guard lk(mu_);
  opt_.failure_permille = std::clamp<int64_t>(permille, 0, 1000);
}

void SandboxInvoiceService::set_callback_enabled(bool on) {
  std::lock_guard lk(mu_);
  opt_.callback = on;
}

std::string SandboxInvoiceService::issue(const IssueRequest& r) {
  if (r.order_no.empty() || r.lines.empty()) throw InvoiceError("orderNo and invoiceDetail are required");
  if (r.buyer_name.empty()) throw InvoiceError("buyerName is required");
  for (const auto& l : r.lines)
    if (l.goods_code.size() != 19 || l.amount != l.tax + l.excluded)
      throw InvoiceError("invalid invoiceDetail");
  std::unique_lock lk(mu_);
  if (auto it = by_order_.find(r.order_no); it != by_order_.end()) return it->second;
  char serial[64];
  std::snprintf(serial, sizeof serial, "SB%013lld%06lld", static_cast<long long>(now_ms()),
                static_cast<long long>(++next_number_ % 1000000));
  entries_[serial].result.serial_no = serial;
  by_order_[r.order_no] = serial;
  schedule(serial, lk);
  return serial;
}

void SandboxInvoiceService::schedule(const std::string& serial, std::unique_lock<std::mutex>&) {
  due_.emplace(now_ms() + opt_.delay_ms, serial);
  cv_.notify_all();
}

IssueResult SandboxInvoiceService::query(const std::string& serial_no) {
  std::lock_guard lk(mu_);
  auto it = entries_.find(serial_no);
  if (it == entries_.end()) throw InvoiceError("unknown invoiceSerialNum " + serial_no);
  return it->second.result;
}

void SandboxInvoiceService::reissue(const std::string& serial_no) {
  std::unique_lock lk(mu_);
  auto it = entries_.find(serial_no);
  if (it == entries_.end()) throw InvoiceError("unknown invoiceSerialNum " + serial_no);
  if (it->second.result.status != IssueStatus::failed)
    throw InvoiceError("only a failed invoice is re-issued");
  it->second.result.status = IssueStatus::issuing;
  it->second.result.fail_reason.clear();
  schedule(serial_no, lk);
}

std::string SandboxInvoiceService::red(const std::string& serial_no, const std::string&) {
  std::lock_guard lk(mu_);
  auto it = entries_.find(serial_no);
  if (it == entries_.end()) throw InvoiceError("unknown invoiceSerialNum " + serial_no);
  if (it->second.result.status != IssueStatus::issued || it->second.red)
    throw InvoiceError("only an issued blue invoice is red-lettered");
  it->second.red = true;
  return "R" + it->second.result.invoice_number.substr(1);
}

void SandboxInvoiceService::decide(Entry& e) {
  IssueResult& r = e.result;
  if (static_cast<int64_t>(rng_() % 1000) < opt_.failure_permille) {
    r.status = IssueStatus::failed;
    r.fail_reason = kReasons[rng_() % std::size(kReasons)];
    return;
  }
  r.status = IssueStatus::issued;
  r.invoice_time = now_ms();
  // 数电票 numbers: 2-digit year + 2-digit region + 16 digits; the code is the 12-digit legacy field.
  char number[48], code[48];
  std::snprintf(number, sizeof number, "2644%016llu",
                static_cast<unsigned long long>(rng_() % 10000000000000000ULL));
  std::snprintf(code, sizeof code, "0440%08llu", static_cast<unsigned long long>(rng_() % 100000000ULL));
  r.invoice_number = number;
  r.invoice_code = code;
}

void SandboxInvoiceService::run() {
  std::unique_lock lk(mu_);
  while (!stopping_) {
    if (due_.empty()) {
      cv_.wait(lk);
      continue;
    }
    const int64_t at = due_.top().first;
    if (int64_t now = now_ms(); at > now) {
      cv_.wait_for(lk, std::chrono::milliseconds(at - now));
      continue;
    }
    std::string serial = due_.top().second;
    due_.pop();
    auto it = entries_.find(serial);
    if (it == entries_.end() || it->second.result.status != IssueStatus::issuing) continue;
    decide(it->second);
    if (!opt_.callback || !cb_) continue;
    IssueResult copy = it->second.result;
    Callback cb = cb_;
    lk.unlock();
    cb(copy);  // like a real service: the platform's answer does not change the result
    lk.lock();
  }
}

}  // namespace zc::invoice
