#include "service/invoice/invoice_service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/money_text.hpp"
#include "core/timezone.hpp"
#include "domain/invoice/invoice_amounts.hpp"
#include "export/invoice_pdf.hpp"
#include "storage/repositories/invoice_repo.hpp"

namespace zc::invoice {

namespace json = boost::json;
namespace fs = std::filesystem;
using db::Connection;
using db::invoice::InvoiceRepo;
using db::invoice::InvoiceRow;

namespace {

std::string str(const json::object& o, const char* k) {
  auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}
int64_t num(const json::object& o, const char* k) {
  auto* v = o.if_contains(k);
  return v && v->is_int64() ? v->as_int64() : 0;
}

std::string yuan(int64_t fen) {
  return "¥" + money::fen_text(fen);
}

IssueRequest issue_request(const InvoiceRow& v) {
  const json::object s = json::parse(v.seller).as_object();
  IssueRequest r;
  r.order_no = v.invoice_no;
  r.saler_tax_num = str(s, "taxpayerId");
  r.saler_name = str(s, "name");
  r.saler_tel = str(s, "phone");
  r.saler_address = str(s, "address");
  r.saler_bank = str(s, "bankName") + " " + str(s, "bankAccount");
  r.merchant_no = v.merchant_no;
  r.clerk = str(s, "drawer");
  r.payee = str(s, "payee");
  r.checker = str(s, "reviewer");
  r.buyer_name = v.title;
  r.buyer_tax_num = v.taxpayer_id;
  r.buyer_phone = v.phone;
  r.email = v.email;
  r.push_mode = v.email.empty() ? -1 : 0;
  r.invoice_line = v.invoice_line;
  r.remark = v.remark;
  const json::value lines = json::parse(v.lines);
  for (const auto& l : lines.as_array()) {
    const auto& o = l.as_object();
    r.lines.push_back({str(o, "name"), str(o, "code"), str(o, "unit"), num(o, "rateBp"), num(o, "amount"),
                       num(o, "tax"), num(o, "excluded")});
  }
  return r;
}

// Written beside and renamed: a reader never sees half a file.
void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, path);
}

InvoicePdf document(const InvoiceRow& v, bool voided) {
  const json::object s = json::parse(v.seller).as_object();
  InvoicePdf d;
  d.invoice_number = v.invoice_number;
  const auto day = TimeZone::shanghai().local_date(v.issued_at.value_or(v.created_at));
  char date[64];
  std::snprintf(date, sizeof date, "%04d年%02d月%02d日", day.year, day.month, day.day);
  d.issue_date = date;
  d.buyer_name = v.title;
  d.buyer_tax_id = v.taxpayer_id;
  d.seller_name = str(s, "name");
  d.seller_tax_id = str(s, "taxpayerId");
  int64_t excluded = 0, tax = 0;
  const json::value lines = json::parse(v.lines);
  for (const auto& l : lines.as_array()) {
    const auto& o = l.as_object();
    d.lines.push_back({str(o, "name"), "", str(o, "unit"), str(o, "quantity"), str(o, "price"),
                       money::fen_text(num(o, "excluded")), rate_text(num(o, "rateBp")),
                       money::fen_text(num(o, "tax"))});
    excluded += num(o, "excluded");
    tax += num(o, "tax");
  }
  d.total_excluded = yuan(excluded);
  d.total_tax = yuan(tax);
  d.total_capitals = capitals(v.amount);
  d.total_figures = yuan(v.amount);
  d.remarks = v.remark;
  d.drawer = str(s, "drawer");
  char ymd[32];
  std::snprintf(ymd, sizeof ymd, "%04d%02d%02d", day.year, day.month, day.day);
  // The check code line of a 数电票 QR: version, type, (code), number, amount, date.
  d.qr_text = "01,32,," + v.invoice_number + "," + money::fen_text(v.amount) + "," + ymd + ",,";
  d.voided = voided;
  return d;
}

}  // namespace

InvoiceService::InvoiceService(db::Database& db, InvoiceProvider& provider, ServiceOptions o)
    : db_(db), provider_(provider), opt_(std::move(o)) {}

InvoiceService::~InvoiceService() {
  stop();
}

void InvoiceService::start() {
  provider_.set_callback([this](const IssueResult& r) { enqueue({JobKind::finish, 0, r}); });
  for (int64_t i = 0; i < std::max<int64_t>(1, opt_.worker_threads); ++i)
    workers_.emplace_back([this] { work(); });
  poller_ = std::thread([this] { poll(); });
}

void InvoiceService::stop() {
  {
    std::lock_guard lk(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  cv_.notify_all();
  poll_cv_.notify_all();
  for (auto& t : workers_)
    if (t.joinable()) t.join();
  if (poller_.joinable()) poller_.join();
}

size_t InvoiceService::queued() const {
  std::lock_guard lk(mu_);
  return pending_sends_.size() + pending_finishes_.size();  // every queued job is in one of them
}

void InvoiceService::enqueue(Job j) {
  {
    std::lock_guard lk(mu_);
    if (j.kind == JobKind::send && !pending_sends_.insert(j.id).second) return;
    if (j.kind == JobKind::finish && !pending_finishes_.insert(j.result.serial_no).second) return;
    jobs_.push_back(std::move(j));
  }
  cv_.notify_one();
}

void InvoiceService::work() {
  for (;;) {
    Job j;
    {
      std::unique_lock lk(mu_);
      cv_.wait(lk, [&] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      j = std::move(jobs_.front());
      jobs_.pop_front();
    }
    try {
      if (j.kind == JobKind::send) {
        send(j.id);
      } else {
        finish(j.result);
      }
    } catch (const std::exception& e) {
      spdlog::warn("invoice {} {}: {}", j.kind == JobKind::send ? "send" : "finish",
                   j.kind == JobKind::send ? std::to_string(j.id) : j.result.serial_no, e.what());
    }
    std::lock_guard lk(mu_);
    if (j.kind == JobKind::send) {
      pending_sends_.erase(j.id);
    } else {
      pending_finishes_.erase(j.result.serial_no);
    }
  }
}

void InvoiceService::poll() {
  std::unique_lock lk(mu_);
  while (
      !poll_cv_.wait_for(lk, std::chrono::milliseconds(opt_.poll_interval_ms), [&] { return stopping_; })) {
    lk.unlock();
    try {
      auto ids = db_.read(
          [&](Connection& c) { return InvoiceRepo(c).issuing(now_ms() - opt_.query_after_ms, 1000); });
      for (int64_t id : ids) {
        {
          std::lock_guard g(mu_);
          if (pending_sends_.count(id)) continue;
        }
        auto v = db_.read([&](Connection& c) { return InvoiceRepo(c).find(id); });
        if (!v || v->status != "issuing") continue;
        {
          std::lock_guard g(mu_);
          if (pending_finishes_.count(v->serial_no)) continue;  // its result is queued already
        }
        if (v->serial_no.empty()) {
          enqueue({JobKind::send, id, {}});
          continue;
        }
        try {
          auto r = provider_.query(v->serial_no);
          if (r.status != IssueStatus::issuing) enqueue({JobKind::finish, 0, r});
        } catch (const InvoiceError&) {
          // The service does not know the serial (a restarted sandbox): ask again under the same order no.
          db_.write([&](Connection& c) {
            InvoiceRepo(c).set_sent(id, std::string(provider_.name()), "", now_ms());
          });
          enqueue({JobKind::send, id, {}});
        }
      }
    } catch (const std::exception& e) {
      spdlog::warn("invoice poll: {}", e.what());
    }
    lk.lock();
  }
}

void InvoiceService::send(int64_t id) {
  auto v = db_.read([&](Connection& c) { return InvoiceRepo(c).find(id); });
  if (!v || v->status != "issuing") return;
  try {
    const std::string serial = provider_.issue(issue_request(*v));
    db_.write(
        [&](Connection& c) { InvoiceRepo(c).set_sent(id, std::string(provider_.name()), serial, now_ms()); });
  } catch (const InvoiceError& e) {
    db_.write([&](Connection& c) {
      InvoiceRepo(c).set_failed(id, std::string("开票请求被拒绝：") + e.what(), now_ms());
    });
  }
}

void InvoiceService::finish(const IssueResult& r) {
  auto v = db_.read([&](Connection& c) { return InvoiceRepo(c).find_by_serial(r.serial_no); });
  if (!v || v->status != "issuing") return;  // a repeated answer
  if (r.status == IssueStatus::failed) {
    db_.write([&](Connection& c) { InvoiceRepo(c).set_failed(v->id, r.fail_reason, now_ms()); });
    return;
  }
  if (r.status != IssueStatus::issued) return;
  // The PDF first: an invoice shown as issued always has its PDF.
  v->invoice_number = r.invoice_number;
  v->invoice_code = r.invoice_code;
  v->issued_at = r.invoice_time;
  const std::string bytes = render_invoice_pdf(document(*v, false));
  const auto day = TimeZone::shanghai().local_date(r.invoice_time);
  char dir[64];
  std::snprintf(dir, sizeof dir, "invoices/%04d/%02d", day.year, day.month);
  const std::string rel = std::string(dir) + "/" + v->invoice_no + ".pdf";
  write_file(fs::path(opt_.data_dir) / rel, bytes);
  db_.write([&](Connection& c) {
    InvoiceRepo repo(c);
    if (repo.set_issued(v->id, r.invoice_number, r.invoice_code, r.invoice_time, now_ms()))
      repo.set_pdf(v->id, rel, static_cast<int64_t>(bytes.size()), now_ms());
  });
}

void InvoiceService::store_pdf(int64_t id, bool voided) {
  auto v = db_.read([&](Connection& c) { return InvoiceRepo(c).find(id); });
  if (!v || v->pdf_path.empty()) return;
  const std::string bytes = render_invoice_pdf(document(*v, voided));
  write_file(fs::path(opt_.data_dir) / v->pdf_path, bytes);
  db_.write([&](Connection& c) {
    InvoiceRepo(c).set_pdf(id, v->pdf_path, static_cast<int64_t>(bytes.size()), now_ms());
  });
}

int64_t InvoiceService::request(const Request& r, const Requester& who) {
  const int64_t id = db_.write([&](Connection& c) { return create_invoice(c, r, who, now_ms()); });
  enqueue({JobKind::send, id, {}});
  return id;
}

InvoiceRow InvoiceService::in_scope(int64_t id, const Principal& p) {
  auto v = db_.read([&](Connection& c) -> std::optional<InvoiceRow> {
    InvoiceRepo repo(c);
    if (!repo.in_scope(id, p.scope)) return std::nullopt;
    return repo.find(id);
  });
  if (!v) fail_not_found("发票不存在或无权访问");
  return *v;
}

void InvoiceService::reissue(int64_t id, const Principal& p) {
  auto v = in_scope(id, p);
  if (v.status != "failed") fail_conflict("只有开票失败的发票可以重开");
  if (!db_.write([&](Connection& c) { return InvoiceRepo(c).set_reissuing(id, now_ms()); }))
    fail_conflict("发票状态已变化，请刷新");
  try {
    if (v.serial_no.empty()) throw InvoiceError("never accepted");
    provider_.reissue(v.serial_no);
  } catch (const InvoiceError&) {
    db_.write(
        [&](Connection& c) { InvoiceRepo(c).set_sent(id, std::string(provider_.name()), "", now_ms()); });
    enqueue({JobKind::send, id, {}});
  }
}

void InvoiceService::void_invoice(int64_t id, const std::string& reason, const Principal& p) {
  auto v = in_scope(id, p);
  if (v.status != "issued" && v.status != "failed") fail_conflict("只有已开票或开票失败的发票可以作废");
  std::string red;
  if (v.status == "issued") {
    try {
      red = provider_.red(v.serial_no, reason);
    } catch (const InvoiceError& e) {
      fail_conflict(std::string("电子发票服务拒绝红冲：") + e.what());
    }
  }
  if (!db_.write([&](Connection& c) { return InvoiceRepo(c).set_voided(id, red, reason, now_ms()); }))
    fail_conflict("发票状态已变化，请刷新");
  if (!red.empty()) store_pdf(id, true);
}

Pdf InvoiceService::read_pdf(const std::string& path, const std::string& invoice_no) {
  if (path.empty()) fail_not_found("发票尚未开具，没有PDF");
  std::ifstream f(fs::path(opt_.data_dir) / path, std::ios::binary);
  if (!f) fail_not_found("发票PDF文件不存在");
  std::ostringstream ss;
  ss << f.rdbuf();
  return {ss.str(), invoice_no + ".pdf"};
}

Pdf InvoiceService::pdf(int64_t id, const Principal& p) {
  auto v = in_scope(id, p);
  return read_pdf(v.pdf_path, v.invoice_no);
}

Pdf InvoiceService::pdf_of_driver(int64_t id, int64_t user_id) {
  auto v = db_.read([&](Connection& c) { return InvoiceRepo(c).find(id); });
  if (!v || v->user_id != user_id) fail_not_found("发票不存在");
  return read_pdf(v->pdf_path, v->invoice_no);
}

}  // namespace zc::invoice
