#include "app/platform.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>

#include "api/admin/auth/auth_routes.hpp"
#include "api/admin/bike/register.hpp"
#include "api/admin/car/register.hpp"
#include "api/admin/device/camera_routes.hpp"
#include "api/admin/device/device_routes.hpp"
#include "api/admin/device/ykc_routes.hpp"
#include "api/admin/member/offline_cards.hpp"
#include "api/admin/member/register.hpp"
#include "api/admin/monitor/online.hpp"
#include "api/admin/monitor/route_table.hpp"
#include "api/admin/order/register.hpp"
#include "api/admin/order/reservation_routes.hpp"
#include "api/admin/stat/register.hpp"
#include "api/admin/station/common.hpp"
#include "api/admin/system/register.hpp"
#include "api/driver/bike_orders_routes.hpp"
#include "api/driver/car_orders.hpp"
#include "api/driver/parking_routes.hpp"
#include "api/driver/register.hpp"
#include "app/demo.hpp"
#include "app/invoice_module.hpp"
#include "app/payment_module.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "devices/local_gateway.hpp"
#include "devices/message_log.hpp"
#include "devices/meter_store.hpp"
#include "devices/ocpp16/endpoint.hpp"
#include "devices/session_registry.hpp"
#include "devices/state_writer.hpp"
#include "devices/upgrade.hpp"
#include "devices/ykc/server/listener.hpp"
#include "http/pipeline.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "integrations/sms/log_sms_provider.hpp"
#include "service/auth/audit_log.hpp"
#include "service/auth/auth_service.hpp"
#include "service/car/camera_store.hpp"
#include "service/car/station_service.hpp"
#include "service/car/tariff_service.hpp"
#include "service/charging/db_device_directory.hpp"
#include "service/charging/recording_charging_service.hpp"
#include "service/driver/sign_in_service.hpp"
#include "service/export/export_jobs.hpp"
#include "service/order/bike_orders.hpp"
#include "service/order/car_orders.hpp"
#include "service/order/card_events.hpp"
#include "service/order/order_charging_service.hpp"
#include "service/parking/parking_service.hpp"
#include "service/stat/rollups.hpp"
#include "service/station/public_url.hpp"
#include "service/station/station_config.hpp"
#include "service/system/station_directory.hpp"
#include "storage/migrations.hpp"
#include "storage/repositories/auth_repository.hpp"

namespace zc::app {

namespace {

std::unique_ptr<db::Database> open(const Config& cfg) {
  auto db = db::open_database(cfg.database.url, static_cast<int>(cfg.database.pool_size),
                              static_cast<int>(cfg.database.busy_timeout_ms));
  db::apply_migrations(*db);
  return db;
}

// On an empty database: the system administrator `admin`, password from config or random, printed once.
void bootstrap_admin(db::Database& db, const Config& cfg, auth::AuthService& auth) {
  db::AuthRepository repo;
  if (db.read([&](db::Connection& c) { return repo.count_users(c); }) > 0) return;
  std::string password = cfg.auth.initial_admin_password;
  bool generated = password.empty();
  if (generated) password = crypto::random_password(14);
  std::string hash = auth.hash_password(password);
  db.write([&](db::Connection& c) { repo.create_system_admin(c, "admin", "超级管理员", hash, now_ms()); });
  if (generated) {
    std::printf(
        "\n  First start: administrator account created.\n  login: admin\n  password: %s\n"
        "  (shown only now; change it under 个人中心 or with `zhichong user reset-password`)\n\n",
        password.c_str());
  } else {
    std::printf(
        "\n  First start: administrator account created.\n  login: admin\n  password: "
        "(auth.initial_admin_password)\n\n");
  }
  std::fflush(stdout);
}

order::BikeOrderSettings bike_order_settings(const Config& cfg) {
  const auto& o = cfg.order;
  return {o.bike_start_timeout_s, o.bike_suspend_timeout_s, o.bike_stop_timeout_s, o.bike_full_power_w,
          o.bike_full_hold_s,     o.sweep_interval_ms,      o.command_timeout_ms,  o.card_min_balance_fen};
}

}  // namespace

int serve(Config cfg, bool demo) {
  auto db = open(cfg);
  auth::AuthService auth(*db, cfg.auth);
  auth::AuditLog audit(*db);
  bootstrap_admin(*db, cfg, auth);
  if (demo) {
    auto accounts = seed_demo(*db, cfg, auth);
    if (!accounts.empty()) {
      std::printf("  Demo data created. Demo accounts (passwords shown only now):\n");
      for (const auto& a : accounts)
        std::printf("    %-28s login %-12s password %s\n", a.who.c_str(), a.user_name.c_str(),
                    a.password.c_str());
      std::printf("\n");
    }
  }

  http::Router router;
  api::register_auth_routes(router, *db, auth);
  // Excel exports of every module (lists, QR codes): background jobs, files under data/exports.
  exports::ExportJobs export_jobs((std::filesystem::path(cfg.app.data_dir) / "exports").string());
  api::register_system_routes(router, *db, cfg, auth, export_jobs);
  auth::OnlineUsers online_users(*db, auth);
  api::register_online_user_routes(router, online_users);

  // Devices: sessions of connected devices (OCPP 1.6J on /ocpp/<id>), their state written through
  // (coalesced), the commands of the admin buttons sent over the device's session.
  devices::SessionRegistry sessions;
  charging::DbDeviceDirectory device_directory(*db);  // what the device layer reads and records
  charging::DbDeviceStateStore device_store(*db);
  devices::StateWriter::reset_online(device_store);  // a crash left devices "online" that are not connected
  devices::StateWriter device_state(
      device_store, std::chrono::milliseconds(std::max<int64_t>(10, cfg.gateway.flush_interval_ms)));
  devices::MessageLog device_messages(devices::message_log_budget(cfg));
  devices::MeterStore meters;
  devices::LocalGateway gateway(sessions);
  // The devices' transactions: car piles → car orders, e-bike devices → e-bike orders (issue 7); both
  // still record every transaction in charging_transaction through `recording`.
  Clock clock;  // one business clock for every station module (moved only by /test/clock)
  car::CarContext car_ctx{*db, cfg, gateway, clock, export_jobs};
  PaymentModule payments(*db, cfg, router);  // sandbox gateway, notify endpoint, ORD-PAY/ORD-REF
  charging::RecordingChargingService recording(*db, cfg.ocpp.accept_any_id_tag);
  // Car orders (docs/orders.md): the car piles' side of the device transactions (recorded through
  // `recording` as before), the driver's car routes, and the admin end action (as order::OrderEnder).
  order::CarOrders car_orders(car_ctx, payments.service(), meters, recording);
  // E-bike orders (docs/orders.md): the e-bike devices' side, started from the payment (on_paid).
  order::BikeOrders bike_orders(*db, gateway, meters, payments.service(), recording,
                                bike_order_settings(cfg));
  order::OrderChargingService charging(car_orders, bike_orders);
  // What the device sessions of both protocols need from the platform; YKC piles also read the billing
  // model of their area's tariff from the car module (version in force per area).
  devices::SessionDeps device_deps{
      device_directory,
      cfg,
      sessions,
      device_state,
      device_messages,
      meters,
      charging,
      [car_ctx](int64_t area_id) { return car::TariffService(car_ctx).ykc_model_for_area(area_id); }};
  devices::ocpp16::OcppEndpoint ocpp(device_deps);
  api::register_device_routes(router, {*db, sessions, device_messages, meters});
  api::register_ykc_routes(router, {*db, gateway});
  // Parking rules, ground locks, reservations and occupancy fees (docs/parking.md); the camera gateway
  // reports plates and lock states to it as devices::camera::ParkingEvents.
  parking::ParkingService parking({*db, gateway, clock, cfg, payments.service()});
  // Parking cameras (docs/camera.md): their pushes and polls on POST /camera/vzenith, sessions in the
  // same registry (commands through `gateway`), photos under app.data_dir/captures.
  car::DbCameraStore camera_store(*db);
  devices::camera::CameraGateway cameras(cfg, camera_store, parking, sessions, device_state, device_messages);
  api::register_camera_routes(router, {*db, cfg, cameras});
  sys::station_directories().add("car", car::make_car_station_directory());
  api::register_car_routes(router, car_ctx);
  api::register_car_public_routes(router, car_ctx);
  api::register_export_routes(router, export_jobs);
  bike::BikeContext bike_ctx{*db, cfg, gateway, clock, export_jobs};
  sys::station_directories().add("bike", station::make_station_directory(db::station::StationType::bike));
  api::register_bike_routes(router, bike_ctx);
  order::OfflineCardLists offline_cards(
      *db, gateway, std::chrono::seconds(std::max<int64_t>(1, cfg.order.offline_card_sweep_s)));
  offline_cards.start();
  device_directory.on_ykc_login([&offline_cards](int64_t pile_id) { offline_cards.pile_logged_in(pile_id); });
  order::CardEvents card_events(*db, gateway, offline_cards);
  api::register_reservation_routes(router, parking);
  api::register_member_routes(router, {*db, clock, &card_events, &parking});
  api::register_offline_card_routes(router, car_ctx, offline_cards);    // member center (docs/api-member.md)
  api::register_service_log_routes(router, {*db, clock, export_jobs});  // call and fault logs
  // The daily roll-ups the dashboard and the station report read, fed by the orders' change marks.
  stat::Rollups rollups(*db, std::chrono::milliseconds(std::max<int64_t>(100, cfg.order.rollup_interval_ms)));
  api::register_dashboard_routes(router, *db);                      // the home dashboard
  api::register_station_report_routes(router, {*db, export_jobs});  // STAT-STATION
  if (demo) {
    seed_demo_stations(*db, car_ctx, bike_ctx);
    seed_demo_cameras(*db, car_ctx);
    seed_demo_members(*db, clock);
    seed_demo_parking(*db, parking);
  }
  // Admin order pages (ORD-CAR/ORD-BIKE, exports); the end action goes to the car/e-bike order services.
  api::register_order_admin_routes(router, {*db, export_jobs, payments.service(), &car_orders, &bike_orders});
  InvoiceModule invoices(*db, cfg, router);  // e-invoices: sandbox service, pool, routes (docs/invoices.md)
  // The driver app API (docs/api-driver.md). sms.provider "log" is the built-in provider (codes to the log).
  if (cfg.sms.provider != "log")
    throw std::runtime_error("sms.provider: unknown provider '" + cfg.sms.provider + "' (built in: log)");
  sms::LogSmsProvider sms_log;
  driver::SignInService sign_in(*db, cfg, sms_log);
  api::driver::register_app_routes(router, {*db, cfg, sign_in, &sms_log, &car_ctx, &payments.service()});
  api::driver::register_car_order_routes(router, *db, car_orders);
  api::driver::register_bike_order_routes(router, *db, bike_orders);
  api::driver::register_parking_routes(router, *db, parking);
  if (cfg.sms.dev_endpoint)
    spdlog::warn("sms.dev_endpoint: GET /app/dev/sms answers sign-in codes — never in production");
  if (cfg.testing.enabled) {
    spdlog::warn("testing.enabled: test-only routes (/test/…) are on — never in production");
    api::station::register_clock_test_routes(router, clock);
    api::register_car_test_routes(router, car_ctx);
    api::register_device_test_routes(router, {*db, gateway});
    api::register_bike_test_routes(router, bike_ctx);
    api::driver::register_car_order_test_routes(router, *db, car_orders);
    api::driver::register_bike_order_test_routes(router, bike_orders);
    api::register_rollup_test_routes(router, rollups);
    api::register_offline_card_test_routes(router, offline_cards);
    api::register_parking_test_routes(router, parking);
    api::register_route_table_test_route(router);
  }

  http::RateLimiter public_limiter(cfg.http.public_rate_per_s, cfg.http.public_burst);
  http::Pipeline pipeline(router, auth, audit, cfg.log.access_log, &public_limiter);
  http::StaticFiles statics(cfg.http.web_root);
  if (!statics.enabled())
    spdlog::warn("admin web not found at '{}' (build it with `make web`); serving the API only",
                 cfg.http.web_root);
  // The driver H5 app (docs/driver-web.md): /h5/, and the pages the printed QR codes open.
  if (!cfg.http.driver_web_root.empty() &&
      statics.mount("/h5", cfg.http.driver_web_root,
                    {"/app/gun/", "/app/pile/", "/app/socket/", "/app/device/"}) == 0)
    spdlog::warn("driver H5 app not found at '{}' (build it with `make web`); /h5/ is off",
                 cfg.http.driver_web_root);
  // YKC (云快充) piles: TCP on ykc.port.
  devices::ykc::YkcServer ykc(device_deps);

  http::HttpServer server(cfg, pipeline, statics);
  server.add_upgrade(ocpp.route());
  uint16_t port = server.bind();
  // Every public link follows one rule: app.public_url, else the listen address with the bound port. Every
  // module holds a reference to this cfg; it is set here, before any request is served and before the
  // device listeners and order threads start.
  cfg.app.public_url = station::resolve_public_url(cfg.app.public_url, cfg.http.host, port);
  if (auto warning = station::public_url_warning(cfg.app.public_url, cfg.http.host); !warning.empty())
    spdlog::warn("app.public_url: {}", warning);
  payments.listening();
  car_orders.start();
  bike_orders.start();
  rollups.start();
  invoices.start();
  parking.start();
  cameras.start();
  std::printf("zhichong %s listening on http://%s:%u  (database: %s)\n", ZC_VERSION, cfg.http.host.c_str(),
              port, db->dialect() == db::Dialect::sqlite ? "SQLite" : "PostgreSQL");
  std::printf("zhichong public links (QR codes) on %s\n", cfg.app.public_url.c_str());
  if (cfg.ykc.enabled) {
    uint16_t ykc_port = ykc.start();
    std::printf("zhichong YKC piles on tcp://%s:%u\n", cfg.ykc.host.c_str(), ykc_port);
  }
  std::fflush(stdout);
  server.run();
  car_orders.stop();  // no start/stop command or timer runs past here
  bike_orders.stop();
  offline_cards.stop();
  rollups.stop();
  invoices.stop();
  parking.stop();
  payments.stop();
  cameras.stop();       // every camera offline
  ykc.stop();           // every YKC session closed: offline state handed to the state writer (flushed below)
  device_state.stop();  // the sessions closed: their offline state and log rows are written now
  spdlog::info("stopped");
  return 0;
}

int migrate(const Config& cfg) {
  auto db = db::open_database(cfg.database.url, 1, static_cast<int>(cfg.database.busy_timeout_ms));
  int n = db::apply_migrations(*db);
  std::printf("%d migration(s) applied\n", n);
  return 0;
}

int rebuild_stats(const Config& cfg, const std::string& from, const std::string& to) {
  auto db = open(cfg);
  stat::Rollups rollups(*db, std::chrono::milliseconds(1000));
  int64_t n = rollups.rebuild(from, to);
  std::printf("statistics rebuilt: %lld station-days from %s to %s\n", static_cast<long long>(n),
              from.c_str(), to.c_str());
  return 0;
}

int create_admin(const Config& cfg, const std::string& user_name, const std::string& password) {
  auto db = open(cfg);
  auth::AuthService auth(*db, cfg.auth);
  if (auto p = crypto::password_problem(password); !p.empty()) {
    std::fprintf(stderr, "password: %s\n", p.c_str());
    return 2;
  }
  db::AuthRepository repo;
  if (db->read([&](db::Connection& c) { return repo.find_user_id(c, user_name); })) {
    std::fprintf(stderr, "user '%s' already exists\n", user_name.c_str());
    return 1;
  }
  std::string hash = auth.hash_password(password);
  db->write([&](db::Connection& c) { repo.create_system_admin(c, user_name, user_name, hash, now_ms()); });
  std::printf("administrator '%s' created\n", user_name.c_str());
  return 0;
}

int reset_password(const Config& cfg, const std::string& user_name, const std::string& given) {
  auto db = open(cfg);
  auth::AuthService auth(*db, cfg.auth);
  std::string password = given.empty() ? crypto::random_password(14) : given;
  if (auto p = crypto::password_problem(password); !p.empty()) {
    std::fprintf(stderr, "password: %s\n", p.c_str());
    return 2;
  }
  db::AuthRepository repo;
  auto id = db->read([&](db::Connection& c) { return repo.find_user_id(c, user_name); });
  if (!id) {
    std::fprintf(stderr, "no user '%s'\n", user_name.c_str());
    return 1;
  }
  std::string hash = auth.hash_password(password);
  db->write([&](db::Connection& c) {
    repo.update_password(c, *id, hash, now_ms(), "cli");
    auth.revoke_user_sessions(c, *id);
  });
  std::printf("password of '%s' set%s%s\n", user_name.c_str(), given.empty() ? ": " : "",
              given.empty() ? password.c_str() : "");
  return 0;
}

}  // namespace zc::app
