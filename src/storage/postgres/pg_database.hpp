#pragma once
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace zc::db {
// libpq, a pool of connections; `?` placeholders are rewritten to $n.
std::unique_ptr<Database> make_pg_database(const std::string& url, int pool_size);
// Exposed for unit tests.
std::string pg_number_placeholders(std::string_view sql);
}  // namespace zc::db
