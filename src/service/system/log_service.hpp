#pragma once
// Login log and operation log list pages (/monitor), in the caller's data scope.
#include <boost/json/object.hpp>

#include "service/system/context.hpp"
#include "storage/list_query.hpp"

namespace zc::sys {

class LogService {
 public:
  explicit LogService(SystemContext ctx) : ctx_(ctx) {}
  db::Page login_log(const QueryParams& q, const Principal& p);
  db::Page oper_log(const QueryParams& q, const Principal& p);
  boost::json::object oper_detail(int64_t id, const Principal& p);

 private:
  SystemContext ctx_;
};

}  // namespace zc::sys
