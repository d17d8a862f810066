#pragma once
// SQL of the login log and the operation log list pages (/monitor). Writing them is the auth
// service's and the HTTP pipeline's job.
#include <boost/json/object.hpp>
#include <optional>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::sys {

class LogRepo {
 public:
  explicit LogRepo(Connection& c) : c_(c) {}
  Page login_log(const QueryParams& q, const DataScope& scope);
  Page oper_log(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> oper_detail(int64_t id, const DataScope& scope);

 private:
  Connection& c_;
};

}  // namespace zc::db::sys
