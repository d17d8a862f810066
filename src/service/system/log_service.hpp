#pragma once
// Login log and operation log pages (/monitor), in the caller's data scope: lists (the login log with
// the browser and OS read from the user agent), Excel exports, clearing (system users only) and
// unlocking an account locked by failed sign-ins.
#include <string>

#include "service/export/export_jobs.hpp"
#include "service/system/context.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/system_log.hpp"

namespace zc::sys {

// A login log row with the browser and OS read from its user agent.
struct LoginLogItem {
  db::sys::LoginLogRow row;
  std::string browser, os;
};
BOOST_DESCRIBE_STRUCT(LoginLogItem, (), (row, browser, os))

class LogService {
 public:
  LogService(SystemContext ctx, exports::ExportJobs& jobs) : ctx_(ctx), jobs_(jobs) {}
  db::RowsPage<LoginLogItem> login_log(const QueryParams& q, const Principal& p);
  db::RowsPage<db::sys::OperLogRow> oper_log(const QueryParams& q, const Principal& p);
  db::sys::OperLogRow oper_detail(int64_t id, const Principal& p);
  // Export jobs of the lists with the lists' filters (a filter the list refuses: the same 400); job id.
  std::string export_login_log(const QueryParams& filters, const Principal& p);
  std::string export_oper_log(const QueryParams& filters, const Principal& p);
  // Removes every row; 403 unless the caller is a system user (a provider or property account holding
  // the permission is refused too). Returns the rows removed.
  int64_t clear_login_log(const Principal& p);
  int64_t clear_oper_log(const Principal& p);
  // Clears the lockout of `user_name`; an account outside the caller's scope is 404 as a missing one.
  void unlock(const std::string& user_name, const Principal& p);

 private:
  SystemContext ctx_;
  exports::ExportJobs& jobs_;
};

}  // namespace zc::sys
