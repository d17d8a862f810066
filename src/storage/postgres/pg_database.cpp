#include "storage/postgres/pg_database.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>

#include "storage/pool.hpp"

namespace zc::db {

std::string pg_number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool in_str = false, in_ident = false;
  for (char c : sql) {
    if (c == '\'' && !in_ident)
      in_str = !in_str;
    else if (c == '"' && !in_str)
      in_ident = !in_ident;
    if (c == '?' && !in_str && !in_ident) {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// Type OIDs from pg_type.h that we convert to numbers; everything else stays text.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& url) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw DatabaseError("cannot connect to PostgreSQL: " + msg);
    }
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
  }
  ~PgConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::postgres; }
  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

  Result query(std::string_view sql, const Params& params) override {
    PGresult* res = run(sql, params);
    Result r;
    int ncol = PQnfields(res), nrow = PQntuples(res);
    r.columns.reserve(ncol);
    std::vector<Oid> types(ncol);
    for (int c = 0; c < ncol; ++c) {
      r.columns.emplace_back(PQfname(res, c));
      types[c] = PQftype(res, c);
    }
    r.rows.reserve(nrow);
    for (int i = 0; i < nrow; ++i) {
      std::vector<Value> row;
      row.reserve(ncol);
      for (int c = 0; c < ncol; ++c) {
        if (PQgetisnull(res, i, c)) {
          row.emplace_back(std::monostate{});
          continue;
        }
        const char* v = PQgetvalue(res, i, c);
        size_t len = static_cast<size_t>(PQgetlength(res, i, c));
        row.push_back(convert(types[c], v, len));
      }
      r.rows.push_back(std::move(row));
    }
    PQclear(res);
    return r;
  }

  int64_t execute(std::string_view sql, const Params& params) override {
    PGresult* res = run(sql, params);
    const char* n = PQcmdTuples(res);
    int64_t changed = (n && *n) ? std::strtoll(n, nullptr, 10) : 0;
    PQclear(res);
    return changed;
  }

  void execute_script(std::string_view sql) override {
    std::string s(sql);
    PGresult* res = PQexec(conn_, s.c_str());
    check(res, sql);
    PQclear(res);
  }

 private:
  static Value convert(Oid type, const char* v, size_t len) {
    switch (type) {
      case kBool:
        return static_cast<int64_t>(v[0] == 't');
      case kInt2:
      case kInt4:
      case kInt8: {
        int64_t n = 0;
        std::from_chars(v, v + len, n);
        return n;
      }
      case kNumeric: {
        int64_t n = 0;
        auto [p, ec] = std::from_chars(v, v + len, n);
        if (ec == std::errc() && p == v + len) return n;
        return std::strtod(v, nullptr);
      }
      case kFloat4:
      case kFloat8:
        return std::strtod(v, nullptr);
      default:
        return std::string(v, len);
    }
  }

  PGresult* run(std::string_view sql, const Params& params) {
    std::string text = pg_number_placeholders(sql);
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (auto p = std::get_if<int64_t>(&v))
        storage[i] = std::to_string(*p);
      else if (auto p = std::get_if<double>(&v))
        storage[i] = std::to_string(*p);
      else if (auto p = std::get_if<std::string>(&v))
        storage[i] = *p;
      values[i] = std::holds_alternative<std::monostate>(v) ? nullptr : storage[i].c_str();
    }
    PGresult* res = PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                                 nullptr, nullptr, 0);
    check(res, sql);
    return res;
  }

  void check(PGresult* res, std::string_view sql) {
    ExecStatusType st = PQresultStatus(res);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return;
    const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    bool unique = state && std::strcmp(state, "23505") == 0;
    std::string msg = std::string("PostgreSQL: ") + PQresultErrorMessage(res) + " in: " + std::string(sql);
    PQclear(res);
    throw DatabaseError(msg, unique);
  }

  PGconn* conn_ = nullptr;
};

class PgDatabase final : public Database {
 public:
  PgDatabase(const std::string& url, int pool_size)
      : pool_(static_cast<size_t>(std::max(1, pool_size)),
              [url] { return std::make_unique<PgConnection>(url); }) {
    // Fail at start-up, not at the first request, when the server is unreachable.
    auto c = pool_.take();
    pool_.give_back(std::move(c), true);
  }
  Dialect dialect() const override { return Dialect::postgres; }

 protected:
  Lease acquire(bool) override {
    auto c = pool_.take();
    return Lease(c.release(), Releaser{[this](Connection* p) {
                   bool ok = static_cast<PgConnection*>(p)->healthy();
                   pool_.give_back(std::unique_ptr<Connection>(p), ok);
                 }});
  }
  void begin(Connection& c) override { c.execute("BEGIN"); }

 private:
  ConnectionPool pool_;
};

}  // namespace

std::unique_ptr<Database> make_pg_database(const std::string& url, int pool_size) {
  return std::make_unique<PgDatabase>(url, pool_size);
}

}  // namespace zc::db
