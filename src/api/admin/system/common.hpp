#pragma once
// Shared by the system-management handlers: DTO parsing helpers and the per-resource registrars.
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "core/principal.hpp"
#include "http/envelope.hpp"
#include "http/router.hpp"
#include "service/export/export_jobs.hpp"
#include "service/system/context.hpp"
#include "storage/list_query.hpp"

namespace zc::api::system {

inline http::Response rows(db::Page page) {
  return http::ok_rows(std::move(page.rows), page.total);
}

inline boost::json::object id_data(int64_t id) {
  boost::json::object o;
  o["id"] = id;
  return o;
}

// Optional text field: absent/null → "". Multi-line fields (descriptions) pass TextKind::multiline.
inline std::string text(const JsonBody& b, std::string_view key, size_t max_len,
                        TextKind kind = TextKind::line) {
  return b.opt_str(key, max_len, kind).value_or("");
}

// A nullable id field on update: absent → nullopt (unchanged), null/""/0 → 0 (clear), else the id.
inline std::optional<int64_t> nullable_id(const JsonBody& b, std::string_view key) {
  if (!b.object().contains(key)) return std::nullopt;
  return b.opt_i64(key).value_or(0);
}

// Required positive id field.
inline int64_t required_id(const JsonBody& b, std::string_view key) {
  int64_t id = b.i64(key);
  if (id <= 0) fail_bad_request(std::string(key) + ": 应为正整数");
  return id;
}

inline std::optional<UserType> opt_user_type(const JsonBody& b, std::string_view key) {
  auto s = b.opt_str(key, 20);
  if (!s || s->empty()) return std::nullopt;
  UserType t;
  if (!parse_user_type(*s, t))
    fail_bad_request(std::string(key) + ": 只能是system、provider、property或collective");
  return t;
}

void register_provider_routes(http::Router& r, sys::SystemContext ctx);
void register_property_routes(http::Router& r, sys::SystemContext ctx);
void register_user_routes(http::Router& r, sys::SystemContext ctx);
void register_role_routes(http::Router& r, sys::SystemContext ctx);
void register_dept_routes(http::Router& r, sys::SystemContext ctx);
void register_post_routes(http::Router& r, sys::SystemContext ctx);
void register_log_routes(http::Router& r, sys::SystemContext ctx,
                         exports::ExportJobs& jobs);  // src/api/admin/monitor/

}  // namespace zc::api::system
