#include "storage/database.hpp"

#include <spdlog/spdlog.h>

#include <charconv>

#include "storage/postgres/pg_database.hpp"
#include "storage/row_struct.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace zc::db {

int64_t Result::i64(size_t r, size_t c) const {
  const Value& v = rows[r][c];
  if (auto p = std::get_if<int64_t>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return static_cast<int64_t>(*p);
  if (auto p = std::get_if<std::string>(&v)) {
    int64_t n = 0;
    std::from_chars(p->data(), p->data() + p->size(), n);
    return n;
  }
  return 0;
}

void row_detail::bad_cell(const Result& res, size_t col, const char* want) {
  std::string name = col < res.columns.size() ? res.columns[col] : "#" + std::to_string(col);
  throw DatabaseError("column " + name + ": expected " + want);
}

std::string Result::str(size_t r, size_t c) const {
  const Value& v = rows[r][c];
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) return std::to_string(*p);
  return {};
}

boost::json::object Result::row_json(size_t r) const {
  boost::json::object o;
  o.reserve(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) {
    const Value& v = rows[r][c];
    if (auto p = std::get_if<int64_t>(&v))
      o[columns[c]] = *p;
    else if (auto p = std::get_if<double>(&v))
      o[columns[c]] = *p;
    else if (auto p = std::get_if<std::string>(&v))
      o[columns[c]] = *p;
    else
      o[columns[c]] = nullptr;
  }
  return o;
}

boost::json::array Result::to_json() const {
  boost::json::array a;
  a.reserve(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) a.push_back(row_json(r));
  return a;
}

int64_t Connection::insert(std::string_view sql, const Params& params) {
  std::string s(sql);
  s += " RETURNING id";
  Result r = query(s, params);
  if (r.empty()) throw DatabaseError("INSERT returned no id");
  return r.i64(0, 0);
}

std::optional<int64_t> Connection::scalar(std::string_view sql, const Params& params) {
  Result r = query(sql, params);
  if (r.empty() || r.is_null(0, 0)) return std::nullopt;
  return r.i64(0, 0);
}

void Database::rollback(Connection& c) noexcept {
  try {
    c.execute("ROLLBACK");
  } catch (const std::exception& e) {
    spdlog::error("rollback failed: {}", e.what());
  }
}

std::unique_ptr<Database> open_database(const std::string& url, int pool_size, int busy_timeout_ms) {
  if (url.rfind("sqlite:", 0) == 0) return make_sqlite_database(url.substr(7), pool_size, busy_timeout_ms);
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    return make_pg_database(url, pool_size);
  throw std::runtime_error("database.url must start with sqlite: or postgresql:// — got '" + url + "'");
}

}  // namespace zc::db
