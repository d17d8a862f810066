#pragma once
// Query rows read into plain structs described with BOOST_DESCRIBE_STRUCT: the select lists one column
// per member, in declaration order, whatever its alias; a member that is itself a described struct takes
// its members' columns in place (a column group several rows share, e.g. Audit). The api layer writes the
// same structs as JSON (api/row_json.hpp), so no SQL alias names an API field.
//
// A cell must hold the member's type: int64 for int64_t and bool (0/1), text for std::string, a real
// for double; NULL only in a std::optional. Anything else is a DatabaseError naming the column.
#include <boost/describe/class.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "storage/database.hpp"

namespace zc::db {

// createBy, createTime, updateBy, updateTime of a row (the created_by, created_at, updated_by,
// updated_at columns, in that order).
struct Audit {
  std::string create_by;
  int64_t create_time = 0;
  std::optional<std::string> update_by;
  std::optional<int64_t> update_time;
};
BOOST_DESCRIBE_STRUCT(Audit, (), (create_by, create_time, update_by, update_time))

// A list page of structs (list_page_of in storage/list_query.hpp).
template <class T>
struct RowsPage {
  std::vector<T> rows;
  int64_t total = 0;
};

namespace row_detail {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

[[noreturn]] void bad_cell(const Result& res, size_t col, const char* want);

template <class T>
void read_cell(const Result& res, size_t r, size_t& col, T& out) {
  if constexpr (boost::describe::has_describe_members<T>::value) {
    using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
    boost::mp11::mp_for_each<Members>([&](auto d) { read_cell(res, r, col, out.*d.pointer); });
  } else {
    if (col >= res.columns.size()) bad_cell(res, col, "a column");
    const Value& v = res.rows[r][col];
    if constexpr (is_optional<T>::value) {
      if (std::holds_alternative<std::monostate>(v)) {
        out.reset();
        ++col;
        return;
      }
      typename T::value_type x{};
      read_cell(res, r, col, x);
      out = std::move(x);
      return;
    } else if constexpr (std::is_same_v<T, bool>) {
      auto p = std::get_if<int64_t>(&v);
      if (!p) bad_cell(res, col, "0/1");
      out = *p != 0;
    } else if constexpr (std::is_same_v<T, int64_t>) {
      auto p = std::get_if<int64_t>(&v);
      if (!p) bad_cell(res, col, "an integer");
      out = *p;
    } else if constexpr (std::is_same_v<T, double>) {
      auto p = std::get_if<double>(&v);
      if (!p) bad_cell(res, col, "a real number");
      out = *p;
    } else {
      static_assert(std::is_same_v<T, std::string>, "row member of an unsupported type");
      auto p = std::get_if<std::string>(&v);
      if (!p) bad_cell(res, col, "text");
      out = *p;
    }
    ++col;
  }
}

}  // namespace row_detail

template <class T>
T read_row(const Result& res, size_t r) {
  T out{};
  size_t col = 0;
  row_detail::read_cell(res, r, col, out);
  if (col != res.columns.size()) row_detail::bad_cell(res, col, "no more columns");
  return out;
}

template <class T>
std::vector<T> read_rows(const Result& res) {
  std::vector<T> out;
  out.reserve(res.size());
  for (size_t r = 0; r < res.size(); ++r) out.push_back(read_row<T>(res, r));
  return out;
}

template <class T>
std::optional<T> read_first(const Result& res) {
  if (res.empty()) return std::nullopt;
  return read_row<T>(res, 0);
}

}  // namespace zc::db
