#pragma once
// Composition root: opens the database, applies migrations, wires every module explicitly and
// runs the server. The only place that knows all the parts.
#include <memory>

#include "core/config.hpp"

namespace zc::app {

// `demo`: on a fresh database, also create the demo data set (make run). `cfg` is the server's own copy:
// once the HTTP port is bound it holds the resolved public base URL (service/station/public_url.hpp).
int serve(Config cfg, bool demo = false);
int migrate(const Config& cfg);
// `zhichong stats rebuild --from --to`: recomputes the statistics roll-ups of those local dates (inclusive)
// and every user's session counts (docs/api-stat.md "Roll-ups").
int rebuild_stats(const Config& cfg, const std::string& from, const std::string& to);
// `zhichong user …`: creates a system administrator or sets a user's password (random when empty).
int create_admin(const Config& cfg, const std::string& user_name, const std::string& password);
int reset_password(const Config& cfg, const std::string& user_name, const std::string& password);

}  // namespace zc::app
