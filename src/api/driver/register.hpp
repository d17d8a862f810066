#pragma once
// The driver app API (docs/api-driver.md): sign-in, profile, plates, stations, scan, payment status.
// Every route is public to the admin auth; the ones that need a driver call require_app_user.
#include "core/config.hpp"
#include "http/router.hpp"
#include "integrations/sms/log_sms_provider.hpp"
#include "service/car/context.hpp"
#include "service/driver/sign_in_service.hpp"
#include "service/payment/payment_service.hpp"
#include "storage/database.hpp"

namespace zc::api::driver {

struct AppContext {
  db::Database& db;
  const Config& cfg;
  zc::driver::SignInService& sign_in;
  const sms::LogSmsProvider* dev_sms = nullptr;  // the log provider, for GET /app/dev/sms (sms.dev_endpoint)
  const zc::car::CarContext* car = nullptr;      // stations, scan: car assets, tariffs and the business clock
  payment::PaymentService* payments = nullptr;   // scan: whether the station can take app payments
};

// The route options of every app route: public to the admin auth (the driver is checked by the handler).
inline http::RouteOptions app_route() {
  return http::RouteOptions{.is_public = true};
}

std::string bearer_token(const http::Request& req);  // "" when there is none

// An integer query parameter in 1 … max (`fallback` when absent); 400 naming it otherwise.
int64_t bounded_param(const http::Request& req, const char* name, int64_t fallback, int64_t max);

void register_app_routes(http::Router& r, AppContext ctx);
void register_auth_routes(http::Router& r, AppContext ctx);
void register_profile_routes(http::Router& r, AppContext ctx);
void register_station_routes(http::Router& r, AppContext ctx);  // stations, scan, payment status
void register_card_routes(http::Router& r, AppContext ctx);     // the driver's cards and their ledgers

}  // namespace zc::api::driver
