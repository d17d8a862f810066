#pragma once
// Versioned schema migrations, embedded from src/storage/migrations/NNNN_name.sql.
// Portable SQL; `{{ID}}` becomes the dialect's auto-increment primary key; lines after `-- @sqlite` or
// `-- @postgres` are kept for that dialect only, until `-- @all`.
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace zc::db {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const std::vector<Migration>& embedded_migrations();
std::string render_migration(std::string_view sql, Dialect d);
// Applies the pending ones in order, each in its own transaction; returns how many ran.
int apply_migrations(Database& db);

}  // namespace zc::db
