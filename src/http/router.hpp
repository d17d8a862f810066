#pragma once
// Method + path routing with {name} parameters. Every route declares its permission (or is public).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "http/types.hpp"

namespace zc::http {

using Handler = std::function<Response(Request&)>;

// Business types of the operation log (contract: docs/api-system.md).
enum class Op { none = 0, add = 1, edit = 2, remove = 3, status = 4, audit = 5, grant = 6, other = 7 };

struct RouteOptions {
  std::string permission;  // "" = any signed-in user
  bool is_public = false;  // no sign-in needed
  bool inline_ok = false;  // no blocking I/O: may run on the network thread when auth is cached
  std::string log_title;   // non-empty = write an operation-log entry
  Op op = Op::none;
  // public routes are limited per client address (http.public_rate_per_s); not these: health checks and
  // device endpoints that identify the device and limit it themselves
  bool unlimited = false;
  int64_t body_limit = 0;  // bytes; 0 = http.body_limit (a larger one for this route only: camera pushes)
};

struct Route {
  std::string method;
  std::string pattern;
  std::vector<std::string> segments;  // "{x}" marks a parameter
  RouteOptions options;
  Handler handler;
};

class Router {
 public:
  void add(std::string method, std::string pattern, RouteOptions options, Handler handler);
  void get(std::string p, RouteOptions o, Handler h) { add("GET", std::move(p), std::move(o), std::move(h)); }
  void post(std::string p, RouteOptions o, Handler h) {
    add("POST", std::move(p), std::move(o), std::move(h));
  }
  void put(std::string p, RouteOptions o, Handler h) { add("PUT", std::move(p), std::move(o), std::move(h)); }
  void del(std::string p, RouteOptions o, Handler h) {
    add("DELETE", std::move(p), std::move(o), std::move(h));
  }

  struct Match {
    const Route* route = nullptr;
    bool path_known = false;  // some route has this path (→ 405 rather than 404)
  };
  Match match(std::string_view method, std::string_view path,
              std::vector<std::pair<std::string, std::string>>& params) const;
  // The largest body_limit of any route (0: none sets one).
  int64_t max_body_limit() const { return max_body_limit_; }
  // Every route in registration order (the route table the permission matrix test reads).
  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

 private:
  std::vector<std::unique_ptr<Route>> routes_;
  std::unordered_map<std::string, const Route*> exact_;  // "GET /getInfo" → route (no parameters)
  int64_t max_body_limit_ = 0;
};

}  // namespace zc::http
