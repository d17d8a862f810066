#pragma once
// GET /test/routes (testing.enabled only): the server's own route table — method, path pattern, declared
// permission, public or not — which tests/integration/route-matrix.test.mjs turns into the permission
// and isolation matrix (issue 22), so a route added later is checked without anyone listing it.
#include "http/router.hpp"

namespace zc::api {

void register_route_table_test_route(http::Router& router);

}  // namespace zc::api
