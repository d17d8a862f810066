#pragma once
// The demo data set of `make run` (`zhichong serve --demo`): a provider, two properties, their
// departments, posts, a role and staff users — created through the same services the admin web uses.
#include <string>
#include <vector>

#include "core/config.hpp"
#include "service/auth/session_revoker.hpp"
#include "storage/database.hpp"

namespace zc::app {

struct DemoAccount {
  std::string who, user_name, password;
};

// Seeds once: does nothing (returns {}) when any provider exists already.
std::vector<DemoAccount> seed_demo(db::Database& db, const Config& cfg, auth::SessionRevoker& sessions);

}  // namespace zc::app
