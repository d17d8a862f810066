#pragma once
// Roles and their menu permissions (SYS-ROLE). The auth service computes permissions from the menus
// of a user's enabled roles; this service keeps the rules about who may grant what.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "service/system/context.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/system_user.hpp"

namespace zc::sys {

struct RoleCreate {
  OwnerRequest owner;
  std::string role_name;
  std::optional<std::string> role_key;
  std::string remark;
  int64_t status = 0;
  std::vector<int64_t> menu_ids;
};

struct RoleUpdate {
  int64_t id = 0;
  std::string role_name, remark;
  int64_t status = 0;
  std::optional<std::vector<int64_t>> menu_ids;  // nullopt = unchanged
};

struct RoleOptionsQuery {
  std::optional<std::string> role_type;
  std::optional<int64_t> provider_id, property_id, collective_id;
};

class RoleService {
 public:
  explicit RoleService(SystemContext ctx) : ctx_(ctx) {}
  db::RowsPage<db::sys::RoleRow> list(const QueryParams& q, const Principal& p);
  db::sys::RoleDetail get(int64_t id, const Principal& p);
  // The menus the caller may grant with their ancestors, flat, parents first (the api builds the tree).
  std::vector<db::sys::MenuNode> menu_tree(const Principal& p);
  std::vector<db::sys::RoleOption> options(const RoleOptionsQuery& q, const Principal& p);
  int64_t create(const RoleCreate& in, const Principal& p);
  void update(const RoleUpdate& in, const Principal& p);
  void change_status(int64_t id, int64_t status, const Principal& p);
  void remove(const std::vector<int64_t>& ids, const Principal& p);
  // allocated: users holding the role; otherwise users who could be given it.
  db::RowsPage<db::sys::UserItem> users(int64_t role_id, bool allocated, const QueryParams& q,
                                        const Principal& p);
  void grant_users(int64_t role_id, const std::vector<int64_t>& user_ids, const Principal& p);
  void revoke_users(int64_t role_id, const std::vector<int64_t>& user_ids, const Principal& p);

 private:
  SystemContext ctx_;
};

}  // namespace zc::sys
