#pragma once
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace zc::db {
// WAL mode, busy timeout, one writer connection (serialised) and a pool of readers.
std::unique_ptr<Database> make_sqlite_database(const std::string& path, int readers, int busy_timeout_ms);
}  // namespace zc::db
