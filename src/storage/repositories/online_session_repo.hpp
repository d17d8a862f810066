#pragma once
// SQL of the online-users page (/monitor/online): the live admin sessions of the accounts in a scope, and
// the owner of one of them (forcing it out). A session is live while not revoked and not expired.
#include <optional>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/row_struct.hpp"

namespace zc::db::sys {

struct OnlineSessionRow {
  int64_t id = 0, user_id = 0;
  std::string user_name, nick_name, dept_name, ipaddr, user_agent;
  int64_t login_time = 0, expires_at = 0;
  int64_t provider_id = 0, property_id = 0;  // the account's owner (0: none)
};
BOOST_DESCRIBE_STRUCT(OnlineSessionRow, (),
                      (id, user_id, user_name, nick_name, dept_name, ipaddr, user_agent, login_time,
                       expires_at, provider_id, property_id))

class OnlineSessionRepo {
 public:
  explicit OnlineSessionRepo(Connection& c) : c_(c) {}
  // Filters: userName (beginning), ipaddr (contains).
  RowsPage<OnlineSessionRow> live(const QueryParams& q, const DataScope& scope, int64_t now);
  // The live session `id` of an account in `scope`; nullopt when there is none (missing, ended, or out of
  // scope: the same answer).
  std::optional<OnlineSessionRow> live_one(int64_t id, const DataScope& scope, int64_t now);

 private:
  Connection& c_;
};

}  // namespace zc::db::sys
