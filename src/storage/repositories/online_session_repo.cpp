#include "storage/repositories/online_session_repo.hpp"

namespace zc::db::sys {

namespace {

ListSpec online_spec(int64_t now) {
  ListSpec s;
  s.select =
      "s.id, s.user_id, u.user_name, u.nick_name, COALESCE(d.dept_name, ''), s.ip, s.user_agent, "
      "s.created_at, "
      "s.expires_at, COALESCE(u.provider_id, 0), COALESCE(u.property_id, 0)";
  s.from = "sys_session s JOIN sys_user u ON u.id = s.user_id LEFT JOIN sys_dept d ON d.id = u.dept_id";
  s.where = "s.revoked_at IS NULL AND s.expires_at > ?";
  s.where_params = {now};
  s.filters = {
      {"userName", "u.user_name LIKE (? || '%')", Match::custom, Kind::text},
      {"ipaddr", "s.ip", Match::contains, Kind::text},
  };
  s.sortable = {{"loginTime", "s.created_at"}, {"userName", "u.user_name"}};
  s.default_order = "s.created_at DESC";
  s.scope = owner_columns("u");
  return s;
}

}  // namespace

RowsPage<OnlineSessionRow> OnlineSessionRepo::live(const QueryParams& q, const DataScope& scope,
                                                   int64_t now) {
  return list_page_of<OnlineSessionRow>(c_, online_spec(now), q, scope);
}

std::optional<OnlineSessionRow> OnlineSessionRepo::live_one(int64_t id, const DataScope& scope, int64_t now) {
  ListSpec s = online_spec(now);
  Where w;
  w.add(s.where, s.where_params);
  w.add("s.id = ?", {id});
  add_scope(w, s.scope, scope);
  return read_first<OnlineSessionRow>(c_.query("SELECT " + s.select + " FROM " + s.from + w.sql(), w.params));
}

}  // namespace zc::db::sys
