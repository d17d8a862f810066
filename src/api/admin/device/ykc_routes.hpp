#pragma once
// Routes of the YKC pile side (docs/ykc.md): binding a parking spot's ground lock to a YKC pile's gun
// (0x61–0x63), and — testing.enabled only — a device command by name through the DeviceGateway, for
// the commands no admin button sends yet (remoteStart / remoteStop, used by the orders module later).
#include "devices/gateway.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace zc::api {

struct YkcApiContext {
  db::Database& db;
  devices::DeviceGateway& gateway;
};

// PUT /car/spot/lockPile {id, pileId (null = unbind), gunNo}
void register_ykc_routes(http::Router& router, YkcApiContext ctx);
// POST /test/device/command {deviceType: car_pile|car_lock, deviceId, command, args: {…}, timeoutMs?}
void register_device_test_routes(http::Router& router, YkcApiContext ctx);

}  // namespace zc::api
