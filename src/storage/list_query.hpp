#pragma once
// The one list-query mechanism every list endpoint uses: declared filters, whitelisted sorting,
// pagination, total count and data scope, all bound as parameters.
#include <boost/json/array.hpp>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/row_struct.hpp"

namespace zc::db {

enum class Match {
  equal,     // expr = ?
  contains,  // expr LIKE %v% (case-insensitive, wildcards escaped)
  at_least,  // expr >= ?
  at_most,   // expr <= ?
  custom,    // expr is a condition with `?` placeholders, each bound to the value
};
enum class Kind { integer, text };

struct Filter {
  std::string param;  // query parameter name
  std::string expr;
  Match match = Match::equal;
  Kind kind = Kind::integer;
};

// Columns (or expressions) that tie a row to its owners; empty = the row has no such owner.
struct ScopeColumns {
  std::string provider;
  std::string property;
  std::string collective;
  std::string car_station;
  std::string bike_station;
};

// The usual owner columns: `alias`.provider_id and `alias`.property_id; with a station kind ("car" |
// "bike") also the station column `station_col` (e.g. "o.station_id") for users bound to stations.
ScopeColumns owner_columns(const std::string& alias, const std::string& station_kind = "",
                           const std::string& station_col = "");

struct ListSpec {
  std::string select;   // list_page: camelCase aliases (p.name AS "name"); list_page_of: T's members in order
  std::string from;     // FROM clause incl. joins, without the word FROM
  Params from_params;   // bound to the `?` of `from` (a derived table's own conditions), before the WHERE's
  std::string where;    // a fixed condition (may be empty)
  Params where_params;  // bound to the `?` of `where`
  std::vector<Filter> filters;
  std::vector<std::pair<std::string, std::string>> sortable;  // field → SQL expression
  std::string default_order;                                  // e.g. "p.id DESC"
  ScopeColumns scope;
};

// A WHERE under construction: conditions joined by AND with their parameters.
struct Where {
  std::vector<std::string> conditions;
  Params params;
  void add(std::string condition, Params p = {});
  std::string sql() const;  // "" or " WHERE a AND b"
};

// Adds the data-scope condition for `scope` (nothing for system users; "1=0" when the row type has
// no owner column matching the user's kind).
void add_scope(Where& w, const ScopeColumns& cols, const DataScope& scope);
void add_filters(Where& w, const std::vector<Filter>& filters, const QueryParams& q, Dialect d);

// The parsed query of one list: page, filters with the data scope (bound parameters) and sort, each
// value checked (400 naming the parameter). Every list and the export of the same list parse their
// query through it, so an export refuses exactly what its list refuses (docs/api-system.md).
struct ListQuery {
  int64_t page_num = 1;
  int64_t page_size = 10;  // 1–500
  Where where;
  std::string order_by;  // " ORDER BY …" (the whitelisted orderByColumn, else the default) or ""
};
ListQuery parse_list_query(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope);

struct Page {
  boost::json::array rows;
  int64_t total = 0;
};

Page list_page(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope);
// The rows of list_page's query, read into T (storage/row_struct.hpp).
Result list_page_result(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope,
                        int64_t& total);
template <class T>
RowsPage<T> list_page_of(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope) {
  RowsPage<T> page;
  page.rows = read_rows<T>(list_page_result(c, spec, q, scope, page.total));
  return page;
}
// All matching rows, no paging (trees, exports); the query is parsed as for list_page.
boost::json::array list_all(Connection& c, const ListSpec& spec, const QueryParams& q,
                            const DataScope& scope);
Result list_all_result(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope);
template <class T>
std::vector<T> list_all_of(Connection& c, const ListSpec& spec, const QueryParams& q,
                           const DataScope& scope) {
  return read_rows<T>(list_all_result(c, spec, q, scope));
}

}  // namespace zc::db
