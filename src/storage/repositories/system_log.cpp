#include "storage/repositories/system_log.hpp"

namespace zc::db::sys {

ListSpec login_log_spec() {
  ListSpec s;
  s.select =
      "l.id AS \"id\", l.user_name AS \"userName\", l.ipaddr AS \"ipaddr\", l.user_agent AS \"userAgent\", "
      "l.status AS \"status\", l.msg AS \"msg\", l.login_time AS \"loginTime\"";
  s.from = "sys_login_log l";
  s.filters = {
      // An account's attempts: the name as typed or its beginning (not any name containing it).
      {"userName", "l.user_name LIKE (? || '%')", Match::custom, Kind::text},
      {"ipaddr", "l.ipaddr", Match::contains, Kind::text},
      {"status", "l.status", Match::equal, Kind::integer},
      {"beginTime", "l.login_time", Match::at_least, Kind::integer},
      {"endTime", "l.login_time", Match::at_most, Kind::integer},
  };
  s.sortable = {
      {"id", "l.id"}, {"userName", "l.user_name"}, {"loginTime", "l.login_time"}, {"status", "l.status"}};
  s.default_order = "l.id DESC";
  s.scope.provider = "l.provider_id";
  s.scope.property = "l.property_id";
  return s;
}

RowsPage<LoginLogRow> LogRepo::login_log(const QueryParams& q, const DataScope& scope) {
  return list_page_of<LoginLogRow>(c_, login_log_spec(), q, scope);
}

static const char* kOperSelect =
    "o.id AS \"id\", o.title AS \"title\", o.business_type AS \"businessType\", o.method AS \"method\", "
    "o.request_method AS \"requestMethod\", o.oper_name AS \"operName\", o.oper_url AS \"operUrl\", "
    "o.oper_ip AS \"operIp\", o.oper_param AS \"operParam\", o.json_result AS \"jsonResult\", "
    "o.status AS \"status\", o.error_msg AS \"errorMsg\", o.oper_time AS \"operTime\", o.cost_time AS "
    "\"costTime\"";

static ScopeColumns oper_scope() {
  ScopeColumns s;
  s.provider = "o.provider_id";
  s.property = "o.property_id";
  return s;
}

ListSpec oper_log_spec() {
  ListSpec s;
  s.select = kOperSelect;
  s.from = "sys_oper_log o";
  s.filters = {
      {"title", "o.title", Match::contains, Kind::text},
      {"operName", "o.oper_name", Match::contains, Kind::text},
      {"businessType", "o.business_type", Match::equal, Kind::integer},
      {"status", "o.status", Match::equal, Kind::integer},
      {"operIp", "o.oper_ip", Match::contains, Kind::text},
      {"beginTime", "o.oper_time", Match::at_least, Kind::integer},
      {"endTime", "o.oper_time", Match::at_most, Kind::integer},
  };
  s.sortable = {{"id", "o.id"},
                {"operTime", "o.oper_time"},
                {"costTime", "o.cost_time"},
                {"operName", "o.oper_name"},
                {"title", "o.title"},
                {"businessType", "o.business_type"}};
  s.default_order = "o.id DESC";
  s.scope = oper_scope();
  return s;
}

RowsPage<OperLogRow> LogRepo::oper_log(const QueryParams& q, const DataScope& scope) {
  return list_page_of<OperLogRow>(c_, oper_log_spec(), q, scope);
}

std::optional<OperLogRow> LogRepo::oper_detail(int64_t id, const DataScope& scope) {
  Where w;
  w.add("o.id = ?", {id});
  add_scope(w, oper_scope(), scope);
  return read_first<OperLogRow>(
      c_.query(std::string("SELECT ") + kOperSelect + " FROM sys_oper_log o" + w.sql(), w.params));
}

int64_t LogRepo::clear_login_log() {
  return c_.execute("DELETE FROM sys_login_log");
}

int64_t LogRepo::clear_oper_log() {
  return c_.execute("DELETE FROM sys_oper_log");
}

bool LogRepo::unlock_user(const std::string& user_name, const DataScope& scope) {
  Where w;
  w.add("u.user_name = ?", {user_name});
  ScopeColumns cols;
  cols.provider = "u.provider_id";
  cols.property = "u.property_id";
  cols.collective = "u.collective_id";
  add_scope(w, cols, scope);
  auto id = c_.scalar("SELECT u.id FROM sys_user u" + w.sql(), w.params);
  if (!id) return false;
  c_.execute("UPDATE sys_user SET failed_logins = 0, locked_until = 0 WHERE id = ?", {*id});
  return true;
}

}  // namespace zc::db::sys
