#pragma once
// SQL of user accounts (SYS-USER), roles and menu grants (SYS-ROLE).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::sys {

struct UserRec {
  int64_t id = 0;
  std::string user_name;
  std::string user_type;
  std::string phone;
  int64_t provider_id = 0, property_id = 0, collective_id = 0;
  int64_t dept_id = 0, post_id = 0;
  int64_t status = 0;
};

struct UserFields {
  std::string user_name, nick_name, user_type, phone, email, password_hash;
  int64_t provider_id = 0, property_id = 0, collective_id = 0;
  int64_t dept_id = 0, post_id = 0;
};

class UserRepo {
 public:
  explicit UserRepo(Connection& c) : c_(c) {}
  // `extra` adds filters (e.g. the users of a role); rows get roleIds/roleNames.
  Page list(const QueryParams& q, const DataScope& scope, const std::vector<Filter>& extra = {},
            const std::string& fixed_where = "");
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);  // + stations
  std::optional<UserRec> find(int64_t id);
  bool in_scope(int64_t id, const DataScope& scope);
  // True when `phone` is already a login account or the phone of a provider/property.
  bool login_phone_taken(const std::string& phone);
  bool account_exists(const std::string& user_name_or_phone);  // sys_user only
  int64_t insert(const UserFields& f, const std::string& by, int64_t now);
  void update_profile(int64_t id, const std::string& nick, const std::string& email, int64_t dept_id,
                      int64_t post_id, const std::string& by, int64_t now);
  void set_password(int64_t id, const std::string& hash, const std::string& by, int64_t now);
  void set_status(int64_t id, int64_t status, const std::string& by, int64_t now);
  void remove(int64_t id);
  std::vector<int64_t> role_ids(int64_t user_id);
  void set_roles(int64_t user_id, const std::vector<int64_t>& role_ids);
  void add_role(int64_t user_id, int64_t role_id);  // no-op when held
  void remove_role(int64_t user_id, int64_t role_id);
  bool holds_role_key(int64_t user_id, const std::string& role_key);
  // SYS-ADMIN (service/system/admin_guard.hpp): serialises the transactions that may take the last
  // administrator away (a row lock on PostgreSQL; SQLite writes are serial), counts the enabled users
  // holding the enabled admin role, and tells whether a user holds `perm` through an enabled role.
  void lock_admin_rule();
  int64_t enabled_super_admins();
  bool holds_permission(int64_t user_id, const std::string& perm);
  void set_stations(int64_t user_id, const std::string& type, const std::vector<int64_t>& ids);

 private:
  void attach_roles(boost::json::array& rows);
  Connection& c_;
};

struct RoleRec {
  int64_t id = 0;
  std::string role_name, role_key, role_type;
  int64_t provider_id = 0, property_id = 0, collective_id = 0;
  int64_t status = 0;
  bool built_in = false;
};

struct RoleFields {
  std::string role_name, role_key, role_type, remark;
  int64_t provider_id = 0, property_id = 0, collective_id = 0;
  int64_t status = 0;
};

struct MenuRow {
  int64_t id = 0;
  int64_t parent_id = 0;
  std::string perms;
};

class RoleRepo {
 public:
  explicit RoleRepo(Connection& c) : c_(c) {}
  Page list(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);  // + menuIds
  std::optional<RoleRec> find(int64_t id);
  std::optional<RoleRec> find_by_key(const std::string& key);  // built-in roles
  bool in_scope(int64_t id, const DataScope& scope);
  // Enabled roles of `role_type` for an owner: built-in templates of the type plus the owner's own.
  boost::json::array options(const std::optional<std::string>& role_type,
                             const std::optional<int64_t>& provider_id,
                             const std::optional<int64_t>& property_id,
                             const std::optional<int64_t>& collective_id, bool include_admin,
                             const DataScope& scope);
  int64_t insert(const RoleFields& f, const std::string& by, int64_t now);
  void update(int64_t id, const std::string& name, const std::string& remark, int64_t status,
              const std::string& by, int64_t now);
  void set_status(int64_t id, int64_t status, const std::string& by, int64_t now);
  void set_menus(int64_t id, const std::vector<int64_t>& menu_ids);
  int64_t user_count(int64_t id);
  void remove(int64_t id);
  // Permission strings of the role's menus (non-empty ones).
  std::set<std::string> perms(int64_t id);

  // Menus: every enabled menu, the ones a user holds through enabled roles, and the tree source.
  std::vector<MenuRow> all_menus();
  std::set<int64_t> held_menus(int64_t user_id);
  boost::json::array menu_rows(const std::set<int64_t>* only);  // {id,parentId,label,labelEn,perms,menuType}

 private:
  Connection& c_;
};

}  // namespace zc::db::sys
