// Rows read into described structs (storage/row_struct.hpp) and written back as JSON (api/row_json.hpp):
// the JSON is what the aliased select gave (same keys, order, types and nulls); a cell of the wrong type
// is an error, not a silent default.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "api/row_json.hpp"
#include "storage/database.hpp"
#include "storage/row_struct.hpp"

using namespace zc;

namespace {

struct Place {
  int64_t station_id = 0;
  std::optional<std::string> station_name;
};
BOOST_DESCRIBE_STRUCT(Place, (), (station_id, station_name))

struct Row {
  int64_t id = 0;
  Place place;
  bool online = false;
  std::optional<int64_t> last_seen;
  db::Audit audit;
};
BOOST_DESCRIBE_STRUCT(Row, (), (id, place, online, last_seen, audit))

struct Item {
  Row row;
  std::vector<int64_t> role_ids;
};
BOOST_DESCRIBE_STRUCT(Item, (), (row, role_ids))

db::Result result(std::vector<db::Value> cells) {
  db::Result r;
  for (size_t i = 0; i < cells.size(); ++i) r.columns.push_back("c" + std::to_string(i));
  r.rows.push_back(std::move(cells));
  return r;
}

}  // namespace

TEST(RowStruct, ReadsInOrderAndWritesCamelCaseJson) {
  db::Result r = result({int64_t{7}, int64_t{3}, db::null(), int64_t{1}, db::null(), std::string("admin"),
                         int64_t{1000}, db::null(), int64_t{2000}});
  Item item{db::read_row<Row>(r, 0), {4, 5}};
  EXPECT_EQ(boost::json::serialize(api::row_json(item)),
            R"({"id":7,"stationId":3,"stationName":null,"online":true,"lastSeen":null,"createBy":"admin",)"
            R"("createTime":1000,"updateBy":null,"updateTime":2000,"roleIds":[4,5]})");
}

TEST(RowStruct, WrongCellIsAnError) {
  auto cells = [](db::Value id) {
    return result({id, int64_t{3}, db::null(), int64_t{0}, db::null(), std::string("a"), int64_t{1},
                   db::null(), db::null()});
  };
  EXPECT_NO_THROW(db::read_row<Row>(cells(int64_t{1}), 0));
  EXPECT_THROW(db::read_row<Row>(cells(db::null()), 0), db::DatabaseError);        // NULL, not optional
  EXPECT_THROW(db::read_row<Row>(cells(std::string("1")), 0), db::DatabaseError);  // text for an integer
  EXPECT_THROW(db::read_row<Row>(result({int64_t{1}}), 0), db::DatabaseError);     // too few columns
  db::Result more = result({int64_t{1}, int64_t{3}, db::null(), int64_t{0}, db::null(), std::string("a"),
                            int64_t{1}, db::null(), db::null(), int64_t{1}});
  EXPECT_THROW(db::read_row<Row>(more, 0), db::DatabaseError);  // too many
}

TEST(RowStruct, CamelCase) {
  EXPECT_EQ(api::camel_case("create_time"), "createTime");
  EXPECT_EQ(api::camel_case("id"), "id");
  EXPECT_EQ(api::camel_case("label_en"), "labelEn");
}
