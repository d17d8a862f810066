#pragma once
// User accounts (SYS-USER): owner consistency, dept/post/role assignment rules, session revocation,
// station bindings.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "service/system/context.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/station_common.hpp"
#include "storage/repositories/system_user.hpp"

namespace zc::sys {

struct UserCreate {
  OwnerRequest owner;
  std::string nick_name, phone, email, password;
  std::optional<int64_t> dept_id, post_id;
  std::vector<int64_t> role_ids;
};

struct UserUpdate {
  int64_t id = 0;
  std::string nick_name, email;
  // nullopt = leave unchanged; a value of 0 = clear.
  std::optional<int64_t> dept_id, post_id;
  std::optional<std::vector<int64_t>> role_ids;
  std::optional<std::string> password;
  std::optional<std::string> phone;  // the login account: must be unchanged when sent
};

class UserService {
 public:
  explicit UserService(SystemContext ctx) : ctx_(ctx) {}
  db::RowsPage<db::sys::UserItem> list(const QueryParams& q, const Principal& p);
  db::sys::UserDetail get(int64_t id, const Principal& p);
  int64_t create(const UserCreate& in, const Principal& p);
  void update(const UserUpdate& in, const Principal& p);
  void change_status(int64_t id, int64_t status, const Principal& p);
  void remove(const std::vector<int64_t>& ids, const Principal& p);
  void reset_password(int64_t id, const std::string& password, const Principal& p);
  void bind_stations(int64_t id, const std::string& station_type, const std::vector<int64_t>& station_ids,
                     const Principal& p);
  std::vector<db::station::StationName> station_options(const std::string& station_type,
                                                        std::optional<int64_t> user_id, const Principal& p);

 private:
  SystemContext ctx_;
};

// Shared with the role service: 403 unless a non-super-admin caller holds every permission the role
// gives (nobody hands out more than they have), and nobody but a super admin hands out `admin`.
void check_can_assign_role(db::Connection& c, int64_t role_id, const Principal& caller);
// 400/409 unless the role may be held by a user of `owner`: enabled, of the user's type, and either a
// built-in template or owned by exactly the user's owner.
void check_role_fits_user(db::Connection& c, int64_t role_id, const Owner& user_owner);
// Owner of an existing user row.
Owner user_owner(int64_t provider_id, int64_t property_id, int64_t collective_id,
                 const std::string& user_type);

}  // namespace zc::sys
