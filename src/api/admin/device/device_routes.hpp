#pragma once
// Admin routes of the device gateway: the online/offline log (STAT-ONLINE), a pile's message log
// and live session, and a pile's OCPP connection password. Contract: docs/ocpp.md.
#include "devices/message_log.hpp"
#include "devices/meter_store.hpp"
#include "devices/session_registry.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace zc::api {

struct DeviceApiContext {
  db::Database& db;
  devices::SessionRegistry& registry;
  devices::MessageLog& messages;
  devices::MeterStore& meters;
};

void register_device_routes(http::Router& router, DeviceApiContext ctx);

}  // namespace zc::api
