// Pure rules of system management: validators, owners and scope, dept ancestors, trees, menu grants.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api_error_probe.hpp"
#include "core/error.hpp"
#include "service/system/rules.hpp"

using namespace zc;
using namespace zc::sys;

using test::api_error_code;

TEST(SystemValidation, MobilePhone) {
  EXPECT_TRUE(is_mobile_phone("13800138000"));
  EXPECT_TRUE(is_mobile_phone("19912345678"));
  EXPECT_FALSE(is_mobile_phone("12800138000"));  // second digit 3-9
  EXPECT_FALSE(is_mobile_phone("1380013800"));
  EXPECT_FALSE(is_mobile_phone("138001380001"));
  EXPECT_FALSE(is_mobile_phone("1380013800a"));
  EXPECT_FALSE(is_mobile_phone("23800138000"));
  EXPECT_FALSE(is_mobile_phone(""));
  std::string msg;
  EXPECT_EQ(api_error_code([] { require_mobile("phone", "123"); }, &msg), 400);
  EXPECT_EQ(msg.rfind("phone: ", 0), 0u);
  EXPECT_EQ(api_error_code([] { require_mobile("phone", "13800138000"); }), 0);
}

TEST(SystemValidation, Email) {
  EXPECT_TRUE(is_email("a@example.com"));
  EXPECT_TRUE(is_email("first.last+tag@mail.example.cn"));
  EXPECT_FALSE(is_email("nope"));
  EXPECT_FALSE(is_email("a@b"));
  EXPECT_FALSE(is_email("@example.com"));
  EXPECT_FALSE(is_email("a@@example.com"));
  EXPECT_FALSE(is_email("a b@example.com"));
  EXPECT_FALSE(is_email("a@example."));
  EXPECT_FALSE(is_email("a@.example.com"));
  EXPECT_EQ(api_error_code([] { check_email("email", ""); }), 0);  // optional
  std::string msg;
  EXPECT_EQ(api_error_code([] { check_email("email", "bad"); }, &msg), 400);
  EXPECT_EQ(msg.rfind("email: ", 0), 0u);
}

TEST(SystemValidation, ContactPhoneStatusRoleKeyPassword) {
  EXPECT_TRUE(is_contact_phone("0755-12345678"));
  EXPECT_TRUE(is_contact_phone("13800138000"));
  EXPECT_FALSE(is_contact_phone("12ab5678"));
  EXPECT_EQ(api_error_code([] { check_status("status", 0); }), 0);
  EXPECT_EQ(api_error_code([] { check_status("status", 1); }), 0);
  EXPECT_EQ(api_error_code([] { check_status("status", 7); }), 400);
  EXPECT_EQ(api_error_code([] { check_role_key("roleKey", "ops_team"); }), 0);
  EXPECT_EQ(api_error_code([] { check_role_key("roleKey", "admin"); }), 400);  // reserved
  EXPECT_EQ(api_error_code([] { check_role_key("roleKey", "provider_admin"); }), 400);
  EXPECT_EQ(api_error_code([] { check_role_key("roleKey", "has space"); }), 400);
  EXPECT_EQ(api_error_code([] { check_password("password", "Passw0rd123"); }), 0);
  std::string msg;
  EXPECT_EQ(api_error_code([] { check_password("password", "short1"); }, &msg), 400);
  EXPECT_EQ(msg.rfind("password: ", 0), 0u);
  EXPECT_EQ(api_error_code([] { check_password("password", "nodigitsatall"); }), 400);
}

TEST(SystemOwner, OwnerOfColumns) {
  EXPECT_EQ(owner_of_columns(0, 0, 0).type, UserType::system);
  EXPECT_EQ(owner_of_columns(3, 0, 0).type, UserType::provider);
  EXPECT_EQ(owner_of_columns(3, 9, 0).type, UserType::property);
  EXPECT_EQ(owner_of_columns(0, 0, 4).type, UserType::collective);
}

TEST(SystemOwner, ScopeRules) {
  DataScope sys;
  DataScope prov{UserType::provider, 3};
  DataScope prop{UserType::property, 3, 9};
  Owner system_row = owner_of_columns(0, 0, 0);
  Owner p3 = owner_of_columns(3, 0, 0);
  Owner p4 = owner_of_columns(4, 0, 0);
  Owner a9 = owner_of_columns(3, 9, 0);
  Owner b10 = owner_of_columns(3, 10, 0);
  for (const Owner& o : {system_row, p3, p4, a9, b10}) EXPECT_TRUE(owner_in_scope(o, sys));
  EXPECT_FALSE(owner_in_scope(system_row, prov));
  EXPECT_TRUE(owner_in_scope(p3, prov));
  EXPECT_FALSE(owner_in_scope(p4, prov));
  EXPECT_TRUE(owner_in_scope(a9, prov));  // a provider sees its properties' rows
  EXPECT_TRUE(owner_in_scope(b10, prov));
  EXPECT_FALSE(owner_in_scope(p3, prop));  // a property user does not see provider-level rows
  EXPECT_TRUE(owner_in_scope(a9, prop));
  EXPECT_FALSE(owner_in_scope(b10, prop));
  DataScope broken{UserType::provider, 0};  // a provider user without a provider sees nothing
  EXPECT_FALSE(owner_in_scope(owner_of_columns(0, 0, 0), broken));
}

TEST(SystemOwner, SameOwner) {
  Owner a9 = owner_of_columns(3, 9, 0), b10 = owner_of_columns(3, 10, 0), p3 = owner_of_columns(3, 0, 0);
  EXPECT_TRUE(same_owner(a9, owner_of_columns(3, 9, 0)));
  EXPECT_FALSE(same_owner(a9, b10));
  EXPECT_FALSE(same_owner(a9, p3));  // a property user cannot take a provider-level dept
  EXPECT_FALSE(same_owner(p3, a9));
  EXPECT_TRUE(same_owner(owner_of_columns(0, 0, 0), owner_of_columns(0, 0, 0)));
  EXPECT_FALSE(same_owner(owner_of_columns(0, 0, 0), p3));
}

TEST(SystemDept, Ancestors) {
  EXPECT_EQ(child_ancestors("0", 5), "0,5");
  EXPECT_EQ(child_ancestors("0,5", 7), "0,5,7");
  EXPECT_EQ(child_ancestors("", 5), "0,5");
  EXPECT_EQ(parse_ancestors("0,5,7"), (std::vector<int64_t>{0, 5, 7}));
  EXPECT_TRUE(in_subtree(5, 5, "0"));        // itself
  EXPECT_TRUE(in_subtree(5, 9, "0,5,7"));    // a descendant
  EXPECT_FALSE(in_subtree(5, 9, "0,55,7"));  // not a prefix match on digits
  EXPECT_FALSE(in_subtree(5, 3, "0"));
}

TEST(SystemDept, RebaseOnMove) {
  // Dept 5 (ancestors "0,2") moves under 8 (ancestors "0,3"): children prefix "0,2,5" → "0,3,8,5".
  EXPECT_EQ(rebase_ancestors("0,2,5", "0,2,5", "0,3,8,5"), "0,3,8,5");
  EXPECT_EQ(rebase_ancestors("0,2,5,7", "0,2,5", "0,3,8,5"), "0,3,8,5,7");
  EXPECT_EQ(rebase_ancestors("0,2,55", "0,2,5", "0,3,8,5"), "0,2,55");  // a sibling, untouched
  EXPECT_EQ(rebase_ancestors("0,9", "0,2,5", "0,3,8,5"), "0,9");
}

TEST(SystemTree, BuildTree) {
  auto flat = boost::json::parse(R"([
    {"id": 1, "parentId": 0, "label": "a"},
    {"id": 2, "parentId": 1, "label": "b"},
    {"id": 3, "parentId": 2, "label": "c"},
    {"id": 4, "parentId": 99, "label": "orphan"},
    {"id": 5, "parentId": 1, "label": "d"}
  ])")
                  .as_array();
  auto tree = build_tree(flat, "parentId");
  ASSERT_EQ(tree.size(), 2u);  // 1 and the orphan
  EXPECT_EQ(tree[0].at("id").as_int64(), 1);
  EXPECT_EQ(tree[1].at("id").as_int64(), 4);
  const auto& kids = tree[0].at("children").as_array();
  ASSERT_EQ(kids.size(), 2u);
  EXPECT_EQ(kids[0].at("id").as_int64(), 2);
  EXPECT_EQ(kids[1].at("id").as_int64(), 5);
  EXPECT_EQ(kids[0].at("children").as_array()[0].at("id").as_int64(), 3);
  EXPECT_TRUE(tree[1].at("children").as_array().empty());
}

TEST(SystemMenus, GrantOnlyWhatYouHold) {
  std::vector<MenuNode> menus = {
      {700, 0, ""},                       // directory
      {706, 700, "system:post:list"},     // page
      {70601, 706, "system:post:query"},  // button
      {70602, 706, "system:post:add"},
      {703, 700, "system:user:list"},
  };
  std::set<int64_t> held = {706, 70601};
  EXPECT_EQ(first_ungrantable({700, 706, 70601}, held, menus), 0);  // directory parent is fine
  EXPECT_EQ(first_ungrantable({70602}, held, menus), 70602);
  EXPECT_EQ(first_ungrantable({703}, held, menus), 703);
  // Holding only a button does not let one grant its page (which carries a permission).
  EXPECT_EQ(first_ungrantable({706}, std::set<int64_t>{70601}, menus), 706);
  EXPECT_EQ(first_ungrantable({}, held, menus), 0);
}
