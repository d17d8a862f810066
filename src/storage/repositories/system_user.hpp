#pragma once
// SQL of user accounts (SYS-USER), roles and menu grants (SYS-ROLE).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/row_struct.hpp"

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

// A user account of the list and the detail (the columns).
struct UserRow {
  int64_t id = 0;
  std::string user_name, nick_name, phone, email, user_type;
  std::optional<int64_t> provider_id;
  std::optional<std::string> provider_name;
  std::optional<int64_t> property_id;
  std::optional<std::string> property_name;
  std::optional<int64_t> collective_id, dept_id;
  std::optional<std::string> dept_name;
  std::optional<int64_t> post_id;
  std::optional<std::string> post_name;
  int64_t status = 0;
  std::string login_ip;
  std::optional<int64_t> login_date;
  Audit audit;
};
BOOST_DESCRIBE_STRUCT(UserRow, (),
                      (id, user_name, nick_name, phone, email, user_type, provider_id, provider_name,
                       property_id, property_name, collective_id, dept_id, dept_name, post_id, post_name,
                       status, login_ip, login_date, audit))

// A user with the roles it holds (ordered by role id).
struct UserItem {
  UserRow user;
  std::vector<int64_t> role_ids;
  std::vector<std::string> role_names;
};
BOOST_DESCRIBE_STRUCT(UserItem, (), (user, role_ids, role_names))

struct UserStation {
  std::string station_type;  // car | bike
  int64_t station_id = 0;
};
BOOST_DESCRIBE_STRUCT(UserStation, (), (station_type, station_id))

struct UserDetail {
  UserItem item;
  std::vector<UserStation> stations;
};
BOOST_DESCRIBE_STRUCT(UserDetail, (), (item, stations))

class UserRepo {
 public:
  explicit UserRepo(Connection& c) : c_(c) {}
  // `extra` adds filters (e.g. the users of a role).
  RowsPage<UserItem> list(const QueryParams& q, const DataScope& scope, const std::vector<Filter>& extra = {},
                          const std::string& fixed_where = "");
  std::optional<UserDetail> detail(int64_t id, const DataScope& scope);
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
  std::vector<UserItem> with_roles(std::vector<UserRow> rows);
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

// A role of the list and the detail.
struct RoleRow {
  int64_t id = 0;
  std::string role_name, role_key, role_type;
  std::optional<int64_t> provider_id;
  std::optional<std::string> provider_name;
  std::optional<int64_t> property_id;
  std::optional<std::string> property_name;
  std::optional<int64_t> collective_id;
  int64_t status = 0;
  std::string remark;
  int64_t user_count = 0;
  bool built_in = false;
  Audit audit;
};
BOOST_DESCRIBE_STRUCT(RoleRow, (),
                      (id, role_name, role_key, role_type, provider_id, provider_name, property_id,
                       property_name, collective_id, status, remark, user_count, built_in, audit))

struct RoleDetail {
  RoleRow role;
  std::vector<int64_t> menu_ids;
};
BOOST_DESCRIBE_STRUCT(RoleDetail, (), (role, menu_ids))

// An enabled role (a select's option; `name` repeats role_name for the generic option pickers).
struct RoleOption {
  int64_t id = 0;
  std::string role_name, name, role_key, role_type;
  bool built_in = false;
};
BOOST_DESCRIBE_STRUCT(RoleOption, (), (id, role_name, name, role_key, role_type, built_in))

// An enabled menu of the menu tree (flat; the tree is built above).
struct MenuNode {
  int64_t id = 0, parent_id = 0;
  std::string label, label_en, perms, menu_type;
};
BOOST_DESCRIBE_STRUCT(MenuNode, (), (id, parent_id, label, label_en, perms, menu_type))

struct MenuRow {
  int64_t id = 0;
  int64_t parent_id = 0;
  std::string perms;
};

class RoleRepo {
 public:
  explicit RoleRepo(Connection& c) : c_(c) {}
  RowsPage<RoleRow> list(const QueryParams& q, const DataScope& scope);
  std::optional<RoleDetail> detail(int64_t id, const DataScope& scope);
  std::optional<RoleRec> find(int64_t id);
  std::optional<RoleRec> find_by_key(const std::string& key);  // built-in roles
  bool in_scope(int64_t id, const DataScope& scope);
  // Enabled roles of `role_type` for an owner: built-in templates of the type plus the owner's own.
  std::vector<RoleOption> options(const std::optional<std::string>& role_type,
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
  std::vector<MenuNode> menu_rows(const std::set<int64_t>* only);  // parents first

 private:
  Connection& c_;
};

}  // namespace zc::db::sys
