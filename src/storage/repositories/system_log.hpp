#pragma once
// SQL of the login log and the operation log pages (/monitor): lists, clearing, unlocking an account.
// Writing the logs is the auth service's and the HTTP pipeline's job.
#include <optional>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/row_struct.hpp"

namespace zc::db::sys {

// The list specs, shared by the lists and their exports (one parser: docs/api-system.md "Exports"). The
// lists read their columns into the structs below; the exports take them by alias.
ListSpec login_log_spec();
ListSpec oper_log_spec();

struct LoginLogRow {
  int64_t id = 0;
  std::string user_name, ipaddr, user_agent;
  int64_t status = 0;
  std::string msg;
  int64_t login_time = 0;
};
BOOST_DESCRIBE_STRUCT(LoginLogRow, (), (id, user_name, ipaddr, user_agent, status, msg, login_time))

struct OperLogRow {
  int64_t id = 0;
  std::string title;
  int64_t business_type = 0;
  std::string method, request_method, oper_name, oper_url, oper_ip, oper_param, json_result;
  int64_t status = 0;
  std::string error_msg;
  int64_t oper_time = 0, cost_time = 0;
};
BOOST_DESCRIBE_STRUCT(OperLogRow, (),
                      (id, title, business_type, method, request_method, oper_name, oper_url, oper_ip,
                       oper_param, json_result, status, error_msg, oper_time, cost_time))

class LogRepo {
 public:
  explicit LogRepo(Connection& c) : c_(c) {}
  RowsPage<LoginLogRow> login_log(const QueryParams& q, const DataScope& scope);
  RowsPage<OperLogRow> oper_log(const QueryParams& q, const DataScope& scope);
  std::optional<OperLogRow> oper_detail(int64_t id, const DataScope& scope);
  int64_t clear_login_log();  // every row; the rows removed
  int64_t clear_oper_log();
  // Clears the lockout (failed count, locked_until) of the account `user_name` in `scope`; false when
  // there is no such account in the scope.
  bool unlock_user(const std::string& user_name, const DataScope& scope);

 private:
  Connection& c_;
};

}  // namespace zc::db::sys
