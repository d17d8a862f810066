#pragma once
// The HTTP listener (Boost.Beast behind a small interface: only server.cpp includes Beast).
#include <cstdint>
#include <memory>

#include "core/config.hpp"

namespace zc::devices {
struct UpgradeRoute;  // devices/upgrade.hpp
}

namespace zc::http {

class Pipeline;
class StaticFiles;

class HttpServer {
 public:
  HttpServer(const Config& cfg, Pipeline& pipeline, const StaticFiles& statics);
  ~HttpServer();
  // Hands `Upgrade:` requests under route.prefix to the route (before run()).
  void add_upgrade(devices::UpgradeRoute route);
  uint16_t bind();  // opens the listening socket; returns the bound port
  // Serves until SIGTERM/SIGINT, then stops accepting, lets in-flight requests finish (up to the
  // grace period) and returns. Blocking work ran on the worker pool, which is joined before return.
  void run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zc::http
