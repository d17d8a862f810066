#pragma once
// SQL of the login log and the operation log pages (/monitor): lists, clearing, unlocking an account.
// Writing the logs is the auth service's and the HTTP pipeline's job.
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::sys {

// The list specs, shared by the lists and their exports (one parser: docs/api-system.md "Exports").
ListSpec login_log_spec();
ListSpec oper_log_spec();

class LogRepo {
 public:
  explicit LogRepo(Connection& c) : c_(c) {}
  Page login_log(const QueryParams& q, const DataScope& scope);
  Page oper_log(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> oper_detail(int64_t id, const DataScope& scope);
  int64_t clear_login_log();  // every row; the rows removed
  int64_t clear_oper_log();
  // Clears the lockout (failed count, locked_until) of the account `user_name` in `scope`; false when
  // there is no such account in the scope.
  bool unlock_user(const std::string& user_name, const DataScope& scope);

 private:
  Connection& c_;
};

}  // namespace zc::db::sys
