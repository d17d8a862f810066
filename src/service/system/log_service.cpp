#include "service/system/log_service.hpp"

#include "core/error.hpp"
#include "service/export/list_export.hpp"
#include "service/system/user_agent.hpp"
#include "storage/repositories/system_log.hpp"

namespace zc::sys {

namespace json = boost::json;
using exports::ListExportColumn;

namespace {

void add_browser_os(json::object& row) {
  auto it = row.find("userAgent");
  UserAgentInfo info =
      parse_user_agent(it != row.end() && it->value().is_string() ? std::string_view(it->value().as_string())
                                                                  : std::string_view());
  row["browser"] = info.browser;
  row["os"] = info.os;
}

void require_system_user(const Principal& p) {
  if (p.scope.kind != UserType::system) fail_forbidden("仅系统管理员可以清空日志");
}

}  // namespace

db::RowsPage<LoginLogItem> LogService::login_log(const QueryParams& q, const Principal& p) {
  auto page = ctx_.db.read([&](db::Connection& c) { return db::sys::LogRepo(c).login_log(q, p.scope); });
  db::RowsPage<LoginLogItem> out{{}, page.total};
  for (auto& row : page.rows) {
    UserAgentInfo info = parse_user_agent(row.user_agent);
    out.rows.push_back({std::move(row), info.browser, info.os});
  }
  return out;
}

db::RowsPage<db::sys::OperLogRow> LogService::oper_log(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) { return db::sys::LogRepo(c).oper_log(q, p.scope); });
}

db::sys::OperLogRow LogService::oper_detail(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](db::Connection& c) { return db::sys::LogRepo(c).oper_detail(id, p.scope); });
  if (!row) fail_not_found("操作日志不存在");
  return *row;
}

std::string LogService::export_login_log(const QueryParams& filters, const Principal& p) {
  exports::ListExport plan{db::sys::login_log_spec(),
                           "l.id",
                           {{"访问编号", "id", XlsxKind::integer, 10},
                            {"用户名称", "userName", XlsxKind::text, 16},
                            {"登录地址", "ipaddr", XlsxKind::text, 16},
                            {"浏览器", "browser", XlsxKind::text, 18},
                            {"操作系统", "os", XlsxKind::text, 16},
                            {"登录状态", "status", XlsxKind::text, 10, {{"0", "成功"}, {"1", "失败"}}},
                            {"提示消息", "msg", XlsxKind::text, 28},
                            {"访问时间", "loginTime", XlsxKind::datetime_ms, 20},
                            {"User-Agent", "userAgent", XlsxKind::text, 60}},
                           "登录日志",
                           "登录日志.xlsx",
                           add_browser_os};
  return exports::start_list_export(ctx_.db, jobs_, p, std::move(plan), filters);
}

std::string LogService::export_oper_log(const QueryParams& filters, const Principal& p) {
  const std::map<std::string, std::string> types = {{"1", "新增"}, {"2", "修改"}, {"3", "删除"},
                                                    {"4", "状态"}, {"5", "审核"}, {"6", "授权"},
                                                    {"7", "其他"}};
  exports::ListExport plan{db::sys::oper_log_spec(),
                           "o.id",
                           {{"日志编号", "id", XlsxKind::integer, 10},
                            {"系统模块", "title", XlsxKind::text, 20},
                            {"操作类型", "businessType", XlsxKind::text, 10, types},
                            {"请求方式", "requestMethod", XlsxKind::text, 10},
                            {"操作人员", "operName", XlsxKind::text, 14},
                            {"操作地址", "operIp", XlsxKind::text, 16},
                            {"请求地址", "operUrl", XlsxKind::text, 36},
                            {"操作状态", "status", XlsxKind::text, 10, {{"0", "成功"}, {"1", "失败"}}},
                            {"错误消息", "errorMsg", XlsxKind::text, 30},
                            {"操作时间", "operTime", XlsxKind::datetime_ms, 20},
                            {"耗时(毫秒)", "costTime", XlsxKind::integer, 12},
                            {"请求参数", "operParam", XlsxKind::text, 50},
                            {"返回结果", "jsonResult", XlsxKind::text, 50}},
                           "操作日志",
                           "操作日志.xlsx"};
  return exports::start_list_export(ctx_.db, jobs_, p, std::move(plan), filters);
}

int64_t LogService::clear_login_log(const Principal& p) {
  require_system_user(p);
  return ctx_.db.write([&](db::Connection& c) { return db::sys::LogRepo(c).clear_login_log(); });
}

int64_t LogService::clear_oper_log(const Principal& p) {
  require_system_user(p);
  return ctx_.db.write([&](db::Connection& c) { return db::sys::LogRepo(c).clear_oper_log(); });
}

void LogService::unlock(const std::string& user_name, const Principal& p) {
  bool found =
      ctx_.db.write([&](db::Connection& c) { return db::sys::LogRepo(c).unlock_user(user_name, p.scope); });
  if (!found) fail_not_found("用户不存在");
}

}  // namespace zc::sys
