#include "integrations/payment/sandbox_gateway.hpp"

#include <atomic>

#include <spdlog/spdlog.h>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "integrations/payment/http_post.hpp"
#include "integrations/payment/signature.hpp"

namespace zc::payment {

namespace json = boost::json;

const char* to_string(TradeStatus s) {
  switch (s) {
    case TradeStatus::pending:
      return "pending";
    case TradeStatus::paid:
      return "paid";
    case TradeStatus::declined:
      return "declined";
    case TradeStatus::closed:
      return "closed";
    case TradeStatus::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string random_id(const char* prefix) {
  std::string t = crypto::random_token();  // URL-safe base64, 43 chars
  std::string out = prefix;
  for (char c : t)
    if (std::isalnum(static_cast<unsigned char>(c))) out += c;
  return out.substr(0, std::string(prefix).size() + 24);
}

namespace {

TradeStatus status_of(const std::string& s) {
  if (s == "pending") return TradeStatus::pending;
  if (s == "paid") return TradeStatus::paid;
  if (s == "declined") return TradeStatus::declined;
  if (s == "closed") return TradeStatus::closed;
  return TradeStatus::unknown;
}

}  // namespace

SandboxGateway::SandboxGateway(sandbox::Books& books, SandboxSettings s)
    : books_(books), s_(std::move(s)), split_failure_percent_(s_.split_failure_percent) {}

SandboxGateway::~SandboxGateway() {
  stop();
}

std::string SandboxGateway::merchant_key(std::string_view merchant_no) const {
  return sandbox_merchant_key(s_.secret, merchant_no);
}

Prepay SandboxGateway::create_prepay(const PrepayRequest& r) {
  if (r.amount <= 0) throw GatewayError("amount must be positive");
  if (r.merchant.merchant_no.empty()) throw GatewayError("merchant no. missing");
  return books_.write([&](sandbox::BooksTx& repo) {
    if (auto existing = repo.order_of(r.merchant.merchant_no, r.out_trade_no)) {
      // A repeated request for the same trade gets the same prepay id (as real gateways do).
      if (existing->amount != r.amount) throw GatewayError("out_trade_no reused with another amount");
      return Prepay{existing->prepay_id, "/sandbox/pay/" + existing->prepay_id};
    }
    sandbox::GatewayOrder o;
    o.prepay_id = random_id("sbx");
    o.merchant_no = r.merchant.merchant_no;
    o.out_trade_no = r.out_trade_no;
    o.description = r.description;
    o.amount = r.amount;
    o.notify_url = r.notify_url;
    o.created_at = now_ms();
    o.expires_at = r.expires_at;
    repo.insert_order(o);
    return Prepay{o.prepay_id, "/sandbox/pay/" + o.prepay_id};
  });
}

TradeQuery SandboxGateway::query(const Merchant& m, const std::string& out_trade_no) {
  return books_.read([&](sandbox::BooksTx& repo) {
    TradeQuery q;
    auto o = repo.order_of(m.merchant_no, out_trade_no);
    if (!o) return q;
    q.status = status_of(o->status);
    q.transaction_id = o->transaction_id;
    q.amount = o->amount;
    q.refunded = o->refunded;
    q.paid_at = o->paid_at;
    return q;
  });
}

RefundAccepted SandboxGateway::refund(const RefundRequest& r) {
  if (r.amount <= 0) throw GatewayError("refund amount must be positive");
  RefundAccepted out = books_.write([&](sandbox::BooksTx& repo) {
    if (auto existing = repo.refund_of(r.merchant.merchant_no, r.out_refund_no)) {
      if (existing->amount != r.amount) throw GatewayError("out_refund_no reused with another amount");
      return RefundAccepted{existing->refund_id};  // idempotent: the same refund request
    }
    auto o = repo.order_of(r.merchant.merchant_no, r.out_trade_no);
    if (!o) throw GatewayError("trade not found: " + r.out_trade_no);
    if (o->status != "paid") throw GatewayError("trade is not paid: " + r.out_trade_no);
    if (refuse_refunds_.load() > 0 && refuse_refunds_.fetch_sub(1) > 0)
      throw GatewayError("NOT_ENOUGH: the merchant's available balance is insufficient");
    if (!repo.reserve_refund(o->id, r.amount))
      throw GatewayError("refund exceeds the refundable amount of " + r.out_trade_no);
    sandbox::GatewayRefund f;
    f.refund_id = random_id("sbr");
    f.merchant_no = r.merchant.merchant_no;
    f.out_trade_no = r.out_trade_no;
    f.out_refund_no = r.out_refund_no;
    f.amount = r.amount;
    f.notify_url = r.notify_url;
    int64_t now = now_ms();
    f.due_at = now + std::max<int64_t>(0, s_.refund_delay_ms);
    repo.insert_refund(f, now);
    return RefundAccepted{f.refund_id};
  });
  {
    std::lock_guard lk(mu_);
    wake_ = true;
  }
  cv_.notify_one();
  return out;
}

void SandboxGateway::close(const Merchant& m, const std::string& out_trade_no) {
  books_.write([&](sandbox::BooksTx& repo) {
    auto o = repo.order_of(m.merchant_no, out_trade_no);
    if (!o) throw GatewayError("trade not found: " + out_trade_no);
    if (o->status == "paid") throw GatewayError("trade already paid: " + out_trade_no);
    repo.close(m.merchant_no, out_trade_no);
  });
}

std::optional<Notification> SandboxGateway::verify_notification(std::string_view body,
                                                                std::string_view signature,
                                                                std::string& why) const {
  boost::system::error_code ec;
  json::value v = json::parse(body, ec);
  if (ec || !v.is_object()) {
    why = "body is not a JSON object";
    return std::nullopt;
  }
  const json::object& o = v.as_object();
  auto str = [&](const char* k) -> std::string {
    auto it = o.find(k);
    return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
  };
  auto num = [&](const char* k) -> int64_t {
    auto it = o.find(k);
    return it != o.end() && it->value().is_int64() ? it->value().as_int64() : 0;
  };
  Notification n;
  n.merchant_no = str("merchantNo");
  if (n.merchant_no.empty()) {
    why = "merchantNo missing";
    return std::nullopt;
  }
  if (signature.empty()) {
    why = "Zc-Signature header missing";
    return std::nullopt;
  }
  if (!signature_matches(merchant_key(n.merchant_no), body, signature)) {
    why = "bad signature";
    return std::nullopt;
  }
  std::string event = str("event");
  if (event == "payment.succeeded")
    n.kind = NotificationKind::payment_succeeded;
  else if (event == "payment.declined")
    n.kind = NotificationKind::payment_declined;
  else if (event == "refund.succeeded")
    n.kind = NotificationKind::refund_succeeded;
  else {
    why = "unknown event '" + event + "'";
    return std::nullopt;
  }
  n.id = str("id");
  n.out_trade_no = str("outTradeNo");
  n.out_refund_no = str("outRefundNo");
  n.transaction_id = str("transactionId");
  n.refund_id = str("refundId");
  n.amount = num("amount");
  n.time = num("time");
  return n;
}

std::string SandboxGateway::safe_return_url(std::string_view url) {
  if (url.size() > 512 || !url.starts_with("/h5/") || url.find("//") != std::string_view::npos ||
      url.find("..") != std::string_view::npos)
    return "";
  for (char c : url) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view("-_.~/?=&%").find(c) != std::string_view::npos;
    if (!ok) return "";
  }
  return std::string(url);
}

std::string SandboxGateway::cashier_return_query(std::string_view safe_url) {
  if (safe_url.empty()) return "";
  static const char* hex = "0123456789ABCDEF";
  std::string out = "?returnUrl=";
  for (char c : safe_url) {
    auto u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  return out;
}

std::optional<sandbox::GatewayOrder> SandboxGateway::cashier_order(const std::string& prepay_id) {
  return books_.read([&](sandbox::BooksTx& repo) { return repo.order_by_prepay(prepay_id); });
}

void SandboxGateway::enqueue(sandbox::BooksTx& books, const std::string& merchant_no, const std::string& url,
                             const std::string& body) {
  books.enqueue(merchant_no, url, body, now_ms());
}

CashierResult SandboxGateway::confirm(const std::string& prepay_id) {
  CashierResult res = books_.write([&](sandbox::BooksTx& repo) {
    auto o = repo.order_by_prepay(prepay_id);
    if (!o) return CashierResult::not_found;
    if (o->status != "pending") return CashierResult::already_done;
    int64_t now = now_ms();
    std::string txn = random_id("4200");
    if (!repo.confirm(prepay_id, txn, now)) return CashierResult::expired;
    json::object n;
    n["id"] = random_id("N");
    n["event"] = "payment.succeeded";
    n["merchantNo"] = o->merchant_no;
    n["outTradeNo"] = o->out_trade_no;
    n["transactionId"] = txn;
    n["amount"] = o->amount;
    n["time"] = now;
    enqueue(repo, o->merchant_no, o->notify_url, json::serialize(n));
    return CashierResult::paid;
  });
  if (res == CashierResult::paid) {
    std::lock_guard lk(mu_);
    wake_ = true;
  }
  cv_.notify_one();
  return res;
}

CashierResult SandboxGateway::decline(const std::string& prepay_id) {
  CashierResult res = books_.write([&](sandbox::BooksTx& repo) {
    auto o = repo.order_by_prepay(prepay_id);
    if (!o) return CashierResult::not_found;
    if (o->status != "pending") return CashierResult::already_done;
    int64_t now = now_ms();
    if (!repo.decline(prepay_id, now)) return CashierResult::expired;
    json::object n;
    n["id"] = random_id("N");
    n["event"] = "payment.declined";
    n["merchantNo"] = o->merchant_no;
    n["outTradeNo"] = o->out_trade_no;
    n["amount"] = o->amount;
    n["time"] = now;
    enqueue(repo, o->merchant_no, o->notify_url, json::serialize(n));
    return CashierResult::declined;
  });
  {
    std::lock_guard lk(mu_);
    wake_ = true;
  }
  cv_.notify_one();
  return res;
}

int64_t SandboxGateway::backoff_ms(int64_t attempts) const {
  int64_t d = std::max<int64_t>(1, s_.notify_retry_base_ms);
  for (int64_t i = 1; i < attempts && d < s_.notify_retry_max_ms; ++i) d *= 2;
  return std::min(d, std::max<int64_t>(1, s_.notify_retry_max_ms));
}

void SandboxGateway::deliver(const sandbox::Outgoing& o) {
  std::string sig = sign_body(merchant_key(o.merchant_no), o.body);
  HttpPostResult r =
      http_post(o.url, {{"Zc-Signature", sig}}, o.body, std::chrono::milliseconds(s_.notify_timeout_ms));
  int64_t attempts = o.attempts + 1;
  bool acked = false;
  if (r.status == 200) {
    boost::system::error_code ec;
    json::value v = json::parse(r.body, ec);
    acked = !ec && v.is_object() && v.as_object().contains("code") && v.as_object().at("code").is_string() &&
            v.as_object().at("code").as_string() == "SUCCESS";
  }
  books_.write([&](sandbox::BooksTx& repo) {
    if (acked) {
      repo.delivered(o.id, attempts, now_ms());
    } else {
      std::string err = r.status ? "HTTP " + std::to_string(r.status) + " " + r.body.substr(0, 200) : r.error;
      repo.attempt_failed(o.id, attempts, now_ms() + backoff_ms(attempts), err);
      spdlog::warn("sandbox gateway: notification {} to {} not acknowledged (attempt {}/{}): {}", o.id, o.url,
                   attempts, s_.notify_max_attempts, err);
    }
  });
}

void SandboxGateway::dispatch_once() {
  int64_t now = now_ms();
  // Refunds whose processing time has come succeed and are notified.
  books_.write([&](sandbox::BooksTx& repo) {
    for (const auto& f : repo.due_refunds(now, 50)) {
      if (!repo.complete_refund(f.id, now)) continue;
      json::object n;
      n["id"] = random_id("N");
      n["event"] = "refund.succeeded";
      n["merchantNo"] = f.merchant_no;
      n["outTradeNo"] = f.out_trade_no;
      n["outRefundNo"] = f.out_refund_no;
      n["refundId"] = f.refund_id;
      n["amount"] = f.amount;
      n["time"] = now;
      repo.enqueue(f.merchant_no, f.notify_url, json::serialize(n), now);
    }
  });
  constexpr int64_t kBatch = 200;
  auto due = books_.read(
      [&](sandbox::BooksTx& repo) { return repo.due_notifications(now, s_.notify_max_attempts, kBatch); });
  std::vector<sandbox::Outgoing> mine;
  books_.write([&](sandbox::BooksTx& repo) {
    for (const auto& o : due)
      if (repo.claim(o, now + s_.notify_timeout_ms + 1000)) mine.push_back(o);  // lease while sending
  });
  deliver_all(mine);
  if (static_cast<int64_t>(due.size()) == kBatch) {  // more may be due: no pause before the next pass
    std::lock_guard lk(mu_);
    wake_ = true;
  }
}

void SandboxGateway::deliver_all(const std::vector<sandbox::Outgoing>& batch) {
  size_t senders =
      std::min<size_t>(batch.size(), static_cast<size_t>(std::max<int64_t>(1, s_.notify_senders)));
  if (senders <= 1) {
    for (const auto& o : batch) deliver(o);
    return;
  }
  std::atomic<size_t> next{0};
  auto send_some = [&] {
    for (size_t i; (i = next.fetch_add(1)) < batch.size();) {
      try {
        deliver(batch[i]);
      } catch (const std::exception& e) {  // the lease expires and the next pass retries it
        spdlog::error("sandbox gateway: notification {}: {}", batch[i].id, e.what());
      }
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 1; t < senders; ++t) threads.emplace_back(send_some);
  send_some();
  for (auto& t : threads) t.join();
}

void SandboxGateway::start() {
  std::lock_guard lk(mu_);
  if (running_) return;
  running_ = true;
  thread_ = std::thread([this] {
    std::unique_lock lk(mu_);
    while (running_) {
      lk.unlock();
      try {
        dispatch_once();
      } catch (const std::exception& e) {
        spdlog::error("sandbox gateway: {}", e.what());
      }
      lk.lock();
      cv_.wait_for(lk, std::chrono::milliseconds(200), [this] { return !running_ || wake_; });
      wake_ = false;
    }
  });
}

void SandboxGateway::stop() {
  {
    std::lock_guard lk(mu_);
    if (!running_) return;
    running_ = false;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace zc::payment
