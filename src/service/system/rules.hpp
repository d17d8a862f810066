#pragma once
// Pure rules of the system module (SYS-*): field validation, owners and data scope, department
// ancestors, menu grants and trees. No I/O — unit-tested in tests/unit/system_rules_test.cpp.
#include <boost/json/array.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/principal.hpp"

namespace zc::sys {

// ---- field validation (each throws ApiError 400 "<field>: …") -------------------------------------
bool is_mobile_phone(std::string_view s);   // 1[3-9]\d{9}
bool is_email(std::string_view s);          // local@domain.tld, no spaces, ≤ 100 chars
bool is_contact_phone(std::string_view s);  // landline or mobile: digits, '-', '+', ' ', 5–20 chars
void require_mobile(std::string_view field, std::string_view value);
void check_email(std::string_view field, std::string_view value);          // "" allowed
void check_contact_phone(std::string_view field, std::string_view value);  // "" allowed
void check_status(std::string_view field, int64_t status);                 // 0 or 1
void check_role_key(std::string_view field, std::string_view key);
void check_password(std::string_view field, std::string_view password);

// ---- owners and scope -------------------------------------------------------------------------
// Who a row belongs to. Ids are 0 when absent. `type` is the kind of owner: a property-owned row has
// type property (and also carries its provider id).
struct Owner {
  UserType type = UserType::system;
  int64_t provider_id = 0;
  int64_t property_id = 0;
  int64_t collective_id = 0;
};

// The owner implied by a row's owner columns (dept, post, role without role_type).
Owner owner_of_columns(int64_t provider_id, int64_t property_id, int64_t collective_id);
// True when a caller with `scope` may see/write rows of `owner`.
bool owner_in_scope(const Owner& owner, const DataScope& scope);
// True when `row` (dept/post/role) belongs to exactly the owner of `user` (same level, same ids).
bool same_owner(const Owner& user, const Owner& row);

// ---- departments ------------------------------------------------------------------------------
// Ancestors of a child of `parent` (ancestors "0,3" and id 7 → "0,3,7"); top level is "0".
std::string child_ancestors(std::string_view parent_ancestors, int64_t parent_id);
std::vector<int64_t> parse_ancestors(std::string_view ancestors);
// True when `candidate` (with its ancestors) is `dept_id` or inside its subtree.
bool in_subtree(int64_t dept_id, int64_t candidate_id, std::string_view candidate_ancestors);
// After moving a dept whose own-path prefix changes from `old_prefix` to `new_prefix` (each being the
// ancestors of the dept's children, i.e. "<dept ancestors>,<dept id>"), the new ancestors of a
// descendant; unchanged when it is not under old_prefix.
std::string rebase_ancestors(std::string_view descendant_ancestors, std::string_view old_prefix,
                             std::string_view new_prefix);

// ---- trees ------------------------------------------------------------------------------------
// Builds a tree from flat JSON objects with `id` and `parent_key`; rows whose parent is absent become
// roots. Order is kept. Each node gets `children` (an array, possibly empty).
boost::json::array build_tree(const boost::json::array& flat, std::string_view parent_key);

// ---- menu grants ------------------------------------------------------------------------------
struct MenuNode {
  int64_t id = 0;
  int64_t parent_id = 0;
  std::string perms;
};
// Menus a caller may grant: those it holds, plus the permission-less ancestors (directories) of those
// it holds (the web sends half-checked parents). Returns the first id that is not grantable, or 0.
int64_t first_ungrantable(const std::vector<int64_t>& requested, const std::set<int64_t>& held,
                          const std::vector<MenuNode>& all_menus);

}  // namespace zc::sys
