#include "app/payment_module.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "api/payment/register.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "service/station/public_url.hpp"

namespace zc::app {

static payment::SandboxSettings sandbox_settings(const Config& cfg) {
  payment::SandboxSettings s;
  s.secret = cfg.payment.sandbox_secret;
  if (s.secret.empty()) {
    s.secret = crypto::random_token();
    spdlog::info("payment.sandbox_secret not set: sandbox merchant keys are random for this run");
  }
  s.refund_delay_ms = cfg.payment.sandbox_refund_delay_ms;
  s.notify_senders = cfg.payment.sandbox_notify_senders;
  s.notify_max_attempts = cfg.payment.notify_max_attempts;
  s.notify_retry_base_ms = cfg.payment.notify_retry_base_ms;
  s.notify_retry_max_ms = cfg.payment.notify_retry_max_ms;
  s.split_delay_ms = cfg.payment.sandbox_split_delay_ms;
  s.split_failure_percent = std::clamp<int64_t>(cfg.payment.sandbox_split_failure_rate, 0, 100);
  return s;
}

PaymentModule::PaymentModule(db::Database& db, const Config& cfg, http::Router& router)
    : cfg_(cfg),
      sandbox_books_(db),
      sandbox_(sandbox_books_, sandbox_settings(cfg)),
      service_(db, sandbox_,
               {cfg.payment.order_expiry_s, [this] { return notify_base_ + "/pay/notify/sandbox"; }}),
      housekeeping_("payment: housekeeping", std::chrono::seconds(30),
                    [this] {
                      int64_t now = now_ms();
                      service_.close_expired(now);
                      // a refund still unsent a minute after its commit was left by a stopped process (or a
                      // failed write of the gateway's answer): the gateway treats the same refund number as
                      // the same refund
                      service_.send_unsent_refunds(now - 60'000);
                    }),
      splits_(db, sandbox_, service_, {cfg.payment.split_max_attempts, cfg.payment.split_retry_base_ms}),
      split_job_("payment: splits",
                 std::chrono::milliseconds(std::max<int64_t>(10, cfg.payment.split_poll_ms)),
                 [this] { splits_.run(now_ms()); }) {
  api::register_payment_public_routes(router, service_, sandbox_);
  api::register_payment_admin_routes(router, db);
  api::register_split_routes(router, splits_);
  if (cfg.testing.enabled) {
    api::register_payment_test_routes(router, db, service_, sandbox_);
    api::register_split_test_routes(router, splits_, sandbox_);
  }
}

void PaymentModule::listening() {
  notify_base_ =
      cfg_.payment.notify_base_url.empty() ? station::public_base(cfg_) : cfg_.payment.notify_base_url;
  while (!notify_base_.empty() && notify_base_.back() == '/') notify_base_.pop_back();
  if (notify_base_.rfind("http://", 0) != 0)
    spdlog::warn(
        "payment: the sandbox gateway posts its notifications over plain http, not to {} — set "
        "payment.notify_base_url to an http:// address of this server",
        notify_base_);
  sandbox_.start();
  housekeeping_.start();
  split_job_.start();
}

void PaymentModule::stop() {
  split_job_.stop();
  housekeeping_.stop();
  sandbox_.stop();
}

}  // namespace zc::app
