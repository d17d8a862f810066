// 订单管理 › 设备交易记录 (docs/api-order.md "Device records"): the transaction records the devices
// reported — with or without a platform order —, their review flags, and an operator's review.
// Thin: parse, check, call the repository (SQL in storage/repositories/device_record_repo.cpp).
#include "api/admin/order/register.hpp"
#include "api/row_json.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json_body.hpp"
#include "http/envelope.hpp"
#include "storage/repositories/device_record_repo.hpp"

namespace zc::api {

using http::Op;
using http::Request;

void register_device_record_routes(http::Router& r, db::Database& db) {
  r.get("/order/record/list", {.permission = "order:record:list"}, [&db](Request& q) {
    auto page = db.read([&](db::Connection& c) { return db::records::list(c, q.query, q.user().scope); });
    return rows_response(page);
  });
  r.get("/order/record/{id}", {.permission = "order:record:query"}, [&db](Request& q) {
    int64_t id = q.id_param("id");
    auto row = db.read([&](db::Connection& c) { return db::records::find(c, id, q.user().scope); });
    if (!row) fail_not_found("交易记录不存在");
    return http::ok(row_json(*row));
  });
  // {status: open | reviewed, note}: the operator has looked at the record (e.g. a card session to be
  // charged once stored-value cards exist); the note says what was decided.
  r.put("/order/record/{id}/review",
        {.permission = "order:record:review", .log_title = "设备交易记录-核对", .op = Op::edit},
        [&db](Request& q) {
          int64_t id = q.id_param("id");
          auto b = JsonBody::parse(q.body);
          std::string status = b.str("status", 16);
          if (status != "open" && status != "reviewed") fail_bad_request("status: 只能是open或reviewed");
          std::string note = b.opt_str("note", 500).value_or("");
          bool found = db.write([&](db::Connection& c) {
            return db::records::review(c, id, status, note, q.user().user_name, now_ms(), q.user().scope);
          });
          if (!found) fail_not_found("交易记录不存在");
          return http::ok();
        });
}

}  // namespace zc::api
