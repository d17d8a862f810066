#pragma once
// The JSON of the plain structs repositories return (described with BOOST_DESCRIBE_STRUCT, read by
// storage/row_struct.hpp): an object with each member under its name in camelCase (create_time →
// createTime), in declaration order; a described member struct's members in place; a vector as an
// array; an empty optional as null. Handlers add what is not a member (e.g. a detail's children).
#include <boost/describe/members.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "http/envelope.hpp"
#include "storage/row_struct.hpp"

namespace zc::api {

std::string camel_case(std::string_view snake);

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

template <class T>
boost::json::value to_json_value(const T& v);

// Adds the members of the described struct `s` to `o`.
template <class T>
void put_members(boost::json::object& o, const T& s) {
  using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
  boost::mp11::mp_for_each<Members>([&](auto d) {
    using M = std::remove_cv_t<std::remove_reference_t<decltype(s.*d.pointer)>>;
    if constexpr (boost::describe::has_describe_members<M>::value) {
      put_members(o, s.*d.pointer);
    } else {
      static const std::string key = camel_case(d.name);
      o[key] = to_json_value(s.*d.pointer);
    }
  });
}

template <class T>
boost::json::object row_json(const T& s) {
  boost::json::object o;
  put_members(o, s);
  return o;
}

template <class T>
boost::json::array rows_json(const std::vector<T>& rows) {
  boost::json::array a;
  a.reserve(rows.size());
  for (const auto& r : rows) a.push_back(to_json_value(r));
  return a;
}

template <class T>
boost::json::value to_json_value(const T& v) {
  if constexpr (boost::describe::has_describe_members<T>::value) {
    return row_json(v);
  } else if constexpr (db::row_detail::is_optional<T>::value) {
    if (!v) return nullptr;
    return to_json_value(*v);
  } else if constexpr (is_vector<T>::value) {
    return rows_json(v);
  } else {
    return boost::json::value(v);
  }
}

// A list page: {rows, total} in the envelope.
template <class T>
http::Response rows_response(const db::RowsPage<T>& page) {
  return http::ok_rows(rows_json(page.rows), page.total);
}

}  // namespace zc::api
