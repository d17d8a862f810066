#include "storage/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <mutex>
#include <unordered_map>

#include "storage/pool.hpp"

namespace zc::db {

namespace {

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, int busy_timeout_ms, bool writer) {
    int flags = writer ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READWRITE;
    flags |= SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw DatabaseError("cannot open SQLite database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    execute_script("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
    if (writer) execute_script("PRAGMA journal_mode = WAL;");
  }
  ~SqliteConnection() override {
    for (auto& [_, st] : cache_) sqlite3_finalize(st);
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  Result query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = prepare(sql, params);
    Result r;
    int ncol = sqlite3_column_count(st);
    r.columns.reserve(ncol);
    for (int i = 0; i < ncol; ++i) r.columns.emplace_back(sqlite3_column_name(st, i));
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(sql);
      std::vector<Value> row;
      row.reserve(ncol);
      for (int i = 0; i < ncol; ++i) {
        switch (sqlite3_column_type(st, i)) {
          case SQLITE_INTEGER:
            row.emplace_back(static_cast<int64_t>(sqlite3_column_int64(st, i)));
            break;
          case SQLITE_FLOAT:
            row.emplace_back(sqlite3_column_double(st, i));
            break;
          case SQLITE_NULL:
            row.emplace_back(std::monostate{});
            break;
          default:
            row.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, i)),
                                         static_cast<size_t>(sqlite3_column_bytes(st, i))));
        }
      }
      r.rows.push_back(std::move(row));
    }
    sqlite3_reset(st);
    return r;
  }

  int64_t execute(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = prepare(sql, params);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) fail(sql);
    sqlite3_reset(st);
    return sqlite3_changes64(db_);
  }

  void execute_script(std::string_view sql) override {
    char* err = nullptr;
    std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw DatabaseError("SQLite: " + msg);
    }
  }

 private:
  // Prepared statements are cached per connection: the same SQL text is parsed once.
  sqlite3_stmt* prepare(std::string_view sql, const Params& params) {
    std::string key(sql);
    sqlite3_stmt* st;
    auto it = cache_.find(key);
    if (it != cache_.end()) {
      st = it->second;
      sqlite3_reset(st);
      sqlite3_clear_bindings(st);
    } else {
      if (sqlite3_prepare_v2(db_, key.c_str(), static_cast<int>(key.size()), &st, nullptr) != SQLITE_OK)
        throw DatabaseError(std::string("SQLite prepare: ") + sqlite3_errmsg(db_) + " in: " + key);
      cache_.emplace(std::move(key), st);
    }
    int n = static_cast<int>(params.size());
    if (n != sqlite3_bind_parameter_count(st))
      throw DatabaseError("SQLite: parameter count mismatch in: " + std::string(sql));
    for (int i = 0; i < n; ++i) {
      const Value& v = params[i];
      int rc;
      if (auto p = std::get_if<int64_t>(&v))
        rc = sqlite3_bind_int64(st, i + 1, *p);
      else if (auto p = std::get_if<double>(&v))
        rc = sqlite3_bind_double(st, i + 1, *p);
      else if (auto p = std::get_if<std::string>(&v))
        rc = sqlite3_bind_text(st, i + 1, p->data(), static_cast<int>(p->size()), SQLITE_TRANSIENT);
      else
        rc = sqlite3_bind_null(st, i + 1);
      if (rc != SQLITE_OK) throw DatabaseError(std::string("SQLite bind: ") + sqlite3_errmsg(db_));
    }
    return st;
  }

  [[noreturn]] void fail(std::string_view sql) {
    int ext = sqlite3_extended_errcode(db_);
    std::string msg = std::string("SQLite: ") + sqlite3_errmsg(db_) + " in: " + std::string(sql);
    for (auto& [_, st] : cache_) sqlite3_reset(st);
    throw DatabaseError(msg, ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY);
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(const std::string& path, int readers, int busy_timeout_ms)
      : writer_(std::make_unique<SqliteConnection>(path, busy_timeout_ms, true)),
        readers_(static_cast<size_t>(std::max(1, readers)),
                 [=] { return std::make_unique<SqliteConnection>(path, busy_timeout_ms, false); }) {}

  Dialect dialect() const override { return Dialect::sqlite; }

 protected:
  Lease acquire(bool for_write) override {
    if (for_write) {
      // One writer at a time: SQLite allows only one, and queuing here beats SQLITE_BUSY retries.
      write_mu_.lock();
      return Lease(writer_.get(), Releaser{[this](Connection*) { write_mu_.unlock(); }});
    }
    auto c = readers_.take();
    return Lease(c.release(), Releaser{[this](Connection* p) {
                   readers_.give_back(std::unique_ptr<Connection>(p), true);
                 }});
  }
  void begin(Connection& c) override { c.execute("BEGIN IMMEDIATE"); }

 private:
  std::unique_ptr<SqliteConnection> writer_;
  std::mutex write_mu_;
  ConnectionPool readers_;
};

}  // namespace

std::unique_ptr<Database> make_sqlite_database(const std::string& path, int readers, int busy_timeout_ms) {
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  return std::make_unique<SqliteDatabase>(path, readers, busy_timeout_ms);
}

}  // namespace zc::db
