// Pure parts of core, http and storage: JSON DTO validation, routing, placeholders, menu tree.
#include <gtest/gtest.h>

#include "api_error_probe.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/json_body.hpp"
#include "http/messages.hpp"
#include "http/pipeline.hpp"
#include "http/router.hpp"
#include "service/auth/router_tree.hpp"
#include "storage/migrations.hpp"
#include "storage/postgres/pg_database.hpp"

using namespace zc;

using test::api_error_code;

TEST(JsonBody, NamesTheFieldOnWrongType) {
  std::string msg;
  EXPECT_EQ(api_error_code([] { JsonBody::parse(R"({"name": 5})").str("name"); }, &msg), 400);
  EXPECT_NE(msg.find("name"), std::string::npos);
  EXPECT_EQ(api_error_code([] { JsonBody::parse(R"({"id": "x1"})").i64("id"); }, &msg), 400);
  EXPECT_NE(msg.find("id"), std::string::npos);
  EXPECT_EQ(api_error_code([] { JsonBody::parse("{not json"); }), 400);
  EXPECT_EQ(api_error_code([] { JsonBody::parse("[1,2]"); }), 400);
}

TEST(JsonBody, TrimsAndLimitsStrings) {
  auto b = JsonBody::parse(R"({"a": "  hi  ", "b": "充电站充电站", "ids": [1, 2, 3.0]})");
  EXPECT_EQ(b.str("a"), "hi");
  EXPECT_EQ(b.str("b", 6), "充电站充电站");
  EXPECT_EQ(api_error_code([&] { b.str("b", 5); }), 400);
  EXPECT_EQ(b.id_list("ids"), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(api_error_code([&] { b.str("missing"); }), 400);
  EXPECT_EQ(api_error_code([] { JsonBody::parse(R"({"id": "5"})").i64("id"); }),
            400);  // a string is the wrong type
  EXPECT_FALSE(b.opt_i64("missing").has_value());
}

TEST(Router, MatchesLiteralsBeforeParameters) {
  http::Router r;
  auto h = [](http::Request&) { return http::Response{}; };
  r.get("/system/user/{id}", {}, h);
  r.get("/system/user/list", {}, h);
  r.del("/system/user/{ids}", {}, h);
  std::vector<std::pair<std::string, std::string>> params;
  auto m = r.match("GET", "/system/user/list", params);
  ASSERT_TRUE(m.route);
  EXPECT_EQ(m.route->pattern, "/system/user/list");
  m = r.match("GET", "/system/user/42", params);
  ASSERT_TRUE(m.route);
  EXPECT_EQ(m.route->pattern, "/system/user/{id}");
  ASSERT_EQ(params.size(), 1u);
  EXPECT_EQ(params[0].second, "42");
  m = r.match("PUT", "/system/user/42", params);
  EXPECT_FALSE(m.route);
  EXPECT_TRUE(m.path_known);  // → 405
  m = r.match("GET", "/nope", params);
  EXPECT_FALSE(m.route);
  EXPECT_FALSE(m.path_known);
}

TEST(Postgres, NumbersPlaceholdersOutsideQuotes) {
  EXPECT_EQ(db::pg_number_placeholders("SELECT ? , '?' , \"a?\" , ?"), "SELECT $1 , '?' , \"a?\" , $2");
}

TEST(Migrations, RendersPrimaryKeyPerDialect) {
  EXPECT_EQ(db::render_migration("id {{ID}},", db::Dialect::sqlite), "id INTEGER PRIMARY KEY AUTOINCREMENT,");
  EXPECT_NE(db::render_migration("id {{ID}}", db::Dialect::postgres).find("IDENTITY"), std::string::npos);
}

TEST(Migrations, KeepsTheDialectsSections) {
  const char* sql =
      "CREATE TABLE a (id {{ID}});\n-- @sqlite\nSQLITE ONLY;\n-- @postgres  \nDO $$ PG ONLY $$;\n-- "
      "@all\nBOTH;";
  EXPECT_EQ(db::render_migration(sql, db::Dialect::sqlite),
            "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT);\nSQLITE ONLY;\nBOTH;");
  std::string pg = db::render_migration(sql, db::Dialect::postgres);
  EXPECT_EQ(pg.find("SQLITE ONLY"), std::string::npos);
  EXPECT_NE(pg.find("DO $$ PG ONLY $$;\nBOTH;"), std::string::npos);
  EXPECT_EQ(db::render_migration("-- @sqlite\nX;", db::Dialect::postgres), "");
}

TEST(Pipeline, MasksSecretsInOperationLog) {
  auto s =
      http::mask_secrets(R"({"phone":"13800000000","password":"Secret123","nested":{"newPassword":"x"}})");
  EXPECT_EQ(s.find("Secret123"), std::string::npos);
  EXPECT_EQ(s.find("\"x\""), std::string::npos);
  EXPECT_NE(s.find("13800000000"), std::string::npos);
}

TEST(Crypto, PasswordsAndTokens) {
  crypto::init();
  auto h = crypto::hash_password("Abc12345", 1, 8192);
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(crypto::verify_password(h, "Abc12345"));
  EXPECT_FALSE(crypto::verify_password(h, "Abc12346"));
  EXPECT_NE(crypto::random_token(), crypto::random_token());
  EXPECT_EQ(crypto::token_digest("x").size(), 64u);
  EXPECT_EQ(crypto::password_problem(crypto::random_password()), "");
  EXPECT_NE(crypto::password_problem("short1"), "");
  EXPECT_NE(crypto::password_problem("onlyletters"), "");
}

TEST(RouterTree, BuildsModulesWithVisiblePagesOnly) {
  std::vector<db::MenuRow> rows = {
      {700, 0, "系统管理", "System", "M", "/system", "Layout", "", "system", 7},
      {703, 700, "用户管理", "Users", "C", "user", "system/user/index", "system:user:list", "", 3},
      {701, 700, "服务商管理", "Providers", "C", "provider", "system/provider/index", "system:provider:list",
       "", 1},
      {200, 0, "汽车管理", "Car", "M", "/car", "Layout", "", "car", 2},  // no visible page → hidden
  };
  auto tree = auth::build_router_tree(rows);
  ASSERT_EQ(tree.size(), 1u);
  const auto& sys = tree[0].as_object();
  EXPECT_EQ(sys.at("path").as_string(), "/system");
  EXPECT_EQ(sys.at("redirect").as_string(), "/system/provider");
  const auto& kids = sys.at("children").as_array();
  ASSERT_EQ(kids.size(), 2u);
  EXPECT_EQ(kids[0].as_object().at("component").as_string(), "system/provider/index");
  EXPECT_EQ(kids[1].as_object().at("meta").as_object().at("titleEn").as_string(), "Users");
}

TEST(Messages, EnglishForCommonErrorsKeepsFieldsAndNumbers) {
  EXPECT_EQ(http::localize_message("name: 应为字符串", true), "name: must be a string");
  EXPECT_EQ(http::localize_message("账号已锁定，请7分钟后再试", true),
            "The account is locked; try again in 7 minute(s)");
  EXPECT_EQ(http::localize_message("用户名或密码错误", false), "用户名或密码错误");
  EXPECT_EQ(http::localize_message("某个未知的提示", true), "某个未知的提示");  // no translation: unchanged
}
