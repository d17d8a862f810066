#pragma once
// One Database interface over SQLite and PostgreSQL. SQL is written once with `?` placeholders;
// the PostgreSQL driver numbers them. All values are bound, never spliced into SQL text.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace zc::db {

enum class Dialect { sqlite, postgres };

// A bound parameter or a result cell.
using Value = std::variant<std::monostate, int64_t, double, std::string>;
using Params = std::vector<Value>;

inline Value null() {
  return std::monostate{};
}
template <class T>
Value opt(const std::optional<T>& v) {
  return v ? Value(*v) : null();
}

struct Result {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;

  bool empty() const { return rows.empty(); }
  size_t size() const { return rows.size(); }
  bool is_null(size_t r, size_t c) const { return std::holds_alternative<std::monostate>(rows[r][c]); }
  int64_t i64(size_t r, size_t c) const;         // 0 for NULL
  std::string str(size_t r, size_t c) const;     // "" for NULL
  boost::json::object row_json(size_t r) const;  // {column alias: value}
  boost::json::array to_json() const;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  virtual Result query(std::string_view sql, const Params& params = {}) = 0;
  // Returns the number of rows changed.
  virtual int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;

  // INSERT … RETURNING id (both engines support it).
  int64_t insert(std::string_view sql_without_returning, const Params& params);
  std::optional<int64_t> scalar(std::string_view sql, const Params& params = {});
  // Case-insensitive LIKE for the dialect.
  const char* ilike() const { return dialect() == Dialect::postgres ? "ILIKE" : "LIKE"; }
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;

  // Runs fn(Connection&) on a pooled connection, outside a transaction.
  template <class F>
  auto read(F&& fn) {
    auto lease = acquire(false);
    return fn(*lease);
  }
  // Runs fn(Connection&) in one transaction: committed if fn returns, rolled back if it throws.
  template <class F>
  auto write(F&& fn) {
    auto lease = acquire(true);
    begin(*lease);
    try {
      if constexpr (std::is_void_v<decltype(fn(*lease))>) {
        fn(*lease);
        commit(*lease);
      } else {
        auto r = fn(*lease);
        commit(*lease);
        return r;
      }
    } catch (...) {
      rollback(*lease);
      throw;
    }
  }

 protected:
  struct Releaser {
    std::function<void(Connection*)> release;
    void operator()(Connection* c) const { release(c); }
  };
  using Lease = std::unique_ptr<Connection, Releaser>;
  virtual Lease acquire(bool for_write) = 0;
  virtual void begin(Connection& c) = 0;
  void commit(Connection& c) { c.execute("COMMIT"); }
  void rollback(Connection& c) noexcept;
};

// Opens the database named by a URL: "sqlite:PATH" or "postgresql://…".
std::unique_ptr<Database> open_database(const std::string& url, int pool_size, int busy_timeout_ms);

class DatabaseError : public std::runtime_error {
 public:
  DatabaseError(std::string msg, bool unique_violation = false)
      : std::runtime_error(std::move(msg)), unique_violation_(unique_violation) {}
  bool unique_violation() const { return unique_violation_; }

 private:
  bool unique_violation_;
};

}  // namespace zc::db
