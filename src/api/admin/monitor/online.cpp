#include "api/admin/monitor/online.hpp"

#include "api/row_json.hpp"
#include "service/system/user_agent.hpp"

namespace zc::api {

void register_online_user_routes(http::Router& r, auth::OnlineUsers& online) {
  r.get("/monitor/online/list", {.permission = "monitor:online:list"}, [&online](http::Request& q) {
    auto page = online.list(q.query, q.user());
    boost::json::array rows = rows_json(page.rows);
    for (size_t i = 0; i < rows.size(); ++i) {
      auto& row = rows[i].as_object();
      auto agent = sys::parse_user_agent(page.rows[i].user_agent);
      row["browser"] = agent.browser;
      row["os"] = agent.os;
      // the caller's own session: the page offers signing out, not forcing out
      row["current"] = page.rows[i].id == q.user().session_id;
    }
    return http::ok_rows(std::move(rows), page.total);
  });
  r.del("/monitor/online/{id}",
        {.permission = "monitor:online:forceLogout", .log_title = "在线用户-强退", .op = http::Op::other},
        [&online](http::Request& q) {
          online.force_logout(q.id_param("id"), q.user());
          return http::ok();
        });
}

}  // namespace zc::api
