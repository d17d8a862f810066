// The shared list mechanism on a real SQLite database: filters, escaping, scope, sorting, paging.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/error.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

using namespace zc;

class ListQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("zc-list-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    db_ = db::open_database("sqlite:" + path_.string(), 2, 1000);
    db_->write([](db::Connection& c) {
      c.execute_script(
          "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, status INTEGER, provider_id INTEGER, "
          "property_id INTEGER, created_at INTEGER)");
      const char* names[] = {"Alpha 50%", "beta_1", "Gamma", "alphabet", "Delta"};
      for (int i = 0; i < 5; ++i)
        c.execute("INSERT INTO t (name, status, provider_id, property_id, created_at) VALUES (?, ?, ?, ?, ?)",
                  {std::string(names[i]), int64_t{i % 2}, int64_t{i < 3 ? 1 : 2}, int64_t{10 + i},
                   int64_t{1000 + i}});
    });
    spec_.select = R"(t.id AS "id", t.name AS "name", t.status AS "status")";
    spec_.from = "t";
    spec_.filters = {{"name", "t.name", db::Match::contains, db::Kind::text},
                     {"status", "t.status", db::Match::equal, db::Kind::integer},
                     {"beginTime", "t.created_at", db::Match::at_least, db::Kind::integer}};
    spec_.sortable = {{"name", "t.name"}};
    spec_.default_order = "t.id ASC";
    spec_.scope = {.provider = "t.provider_id", .property = "t.property_id"};
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove(path_);
    std::filesystem::remove(path_.string() + "-wal");
    std::filesystem::remove(path_.string() + "-shm");
  }
  db::Page list(const QueryParams& q, DataScope scope = {}) {
    return db_->read([&](db::Connection& c) { return db::list_page(c, spec_, q, scope); });
  }
  std::filesystem::path path_;
  std::unique_ptr<db::Database> db_;
  db::ListSpec spec_;
};

TEST_F(ListQueryTest, ContainsIsCaseInsensitiveAndEscapesWildcards) {
  EXPECT_EQ(list({{"name", "alpha"}}).total, 2);
  EXPECT_EQ(list({{"name", "50%"}}).total, 1);
  EXPECT_EQ(list({{"name", "_"}}).total, 1);  // only "beta_1", not every row
}

TEST_F(ListQueryTest, PagingAndTotal) {
  auto p = list({{"pageNum", "2"}, {"pageSize", "2"}});
  EXPECT_EQ(p.total, 5);
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[0].as_object().at("id").as_int64(), 3);
  EXPECT_THROW(list({{"pageSize", "501"}}), ApiError);
  EXPECT_THROW(list({{"pageNum", "x"}}), ApiError);
}

TEST_F(ListQueryTest, SortingIsWhitelisted) {
  auto p = list({{"orderByColumn", "name"}, {"isAsc", "desc"}});
  EXPECT_EQ(p.rows[0].as_object().at("name").as_string(), "beta_1");  // binary collation
  try {
    list({{"orderByColumn", "password_hash; DROP TABLE t"}});
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), 400);
  }
}

TEST_F(ListQueryTest, FiltersByTypeAndEmptyMeansNoFilter) {
  EXPECT_EQ(list({{"status", "1"}}).total, 2);
  EXPECT_EQ(list({{"status", ""}}).total, 5);
  EXPECT_EQ(list({{"beginTime", "1003"}}).total, 2);
  EXPECT_THROW(list({{"status", "x"}}), ApiError);
}

TEST_F(ListQueryTest, DataScopeLimitsRows) {
  DataScope provider{.kind = UserType::provider, .provider_id = 2};
  EXPECT_EQ(list({}, provider).total, 2);
  DataScope property{.kind = UserType::property, .property_id = 11};
  auto p = list({}, property);
  ASSERT_EQ(p.total, 1);
  EXPECT_EQ(p.rows[0].as_object().at("name").as_string(), "beta_1");
  DataScope collective{.kind = UserType::collective, .collective_id = 1};
  EXPECT_EQ(list({}, collective).total, 0);  // the table has no collective owner column
}

TEST_F(ListQueryTest, WriteRollsBackOnError) {
  EXPECT_THROW(db_->write([](db::Connection& c) {
    c.execute("UPDATE t SET name = 'changed'");
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(list({{"name", "changed"}}).total, 0);
}
