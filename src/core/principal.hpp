#pragma once
// The signed-in user as every layer sees it: identity, permissions and data scope (SYS-SCOPE).
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

namespace zc {

enum class UserType { system, provider, property, collective };

const char* to_string(UserType t);
bool parse_user_type(std::string_view s, UserType& out);

// Which rows a principal may see. `kind` follows the user type; station bindings narrow station data.
struct DataScope {
  UserType kind = UserType::system;
  int64_t provider_id = 0;
  int64_t property_id = 0;
  int64_t collective_id = 0;
  std::vector<int64_t> car_station_ids;  // non-empty = bound to these car stations only
  std::vector<int64_t> bike_station_ids;
  bool all() const { return kind == UserType::system; }
};

struct Principal {
  int64_t user_id = 0;
  std::string user_name;
  std::string nick_name;
  std::string phone, email, dept_name;
  int64_t dept_id = 0;
  int64_t session_id = 0;
  int64_t expires_at = 0;
  DataScope scope;
  std::vector<std::string> role_keys;
  std::vector<std::string> role_names;  // beside role_keys, what the user reads (超级管理员, 物业管理员 …)
  std::unordered_set<std::string> permissions;
  bool super_admin = false;  // holds the built-in admin role: every permission

  bool has_permission(const std::string& perm) const { return super_admin || permissions.count(perm) > 0; }
};

using PrincipalPtr = std::shared_ptr<const Principal>;

}  // namespace zc
