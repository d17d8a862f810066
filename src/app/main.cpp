// zhichong — the charging-operator platform. Subcommands: serve, migrate, user, stats, version.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/platform.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"

int main(int argc, char** argv) {
  CLI::App cli{"zhichong (智充) charging-operator platform"};
  std::string config_path = "zhichong.toml";
  auto* config_opt =
      cli.add_option("-c,--config", config_path, "config file (default ./zhichong.toml if present)");
  cli.require_subcommand(1);

  auto* serve = cli.add_subcommand("serve", "run the platform (HTTP, admin web, APIs)");
  bool demo = false;
  serve->add_flag("--demo", demo, "on a fresh database, create the demo data set");
  auto* migrate = cli.add_subcommand("migrate", "apply pending database migrations and exit");
  auto* version = cli.add_subcommand("version", "print the version");
  auto* config_ref = cli.add_subcommand("config", "print every configuration key with its env variable");
  auto* user = cli.add_subcommand("user", "manage accounts");
  user->require_subcommand(1);
  std::string user_name, password;
  auto* create_admin = user->add_subcommand("create-admin", "create a system administrator");
  create_admin->add_option("--username", user_name, "login name")->required();
  create_admin->add_option("--password", password, "password (8–64, letters and digits)")->required();
  auto* reset = user->add_subcommand("reset-password", "set a user's password (random if not given)");
  reset->add_option("--username", user_name, "login name")->required();
  reset->add_option("--password", password, "new password");

  auto* stats = cli.add_subcommand("stats", "statistics roll-ups");
  stats->require_subcommand(1);
  std::string from, to;
  auto* rebuild = stats->add_subcommand("rebuild", "recompute the daily roll-ups of a date range");
  rebuild->add_option("--from", from, "first local date, YYYY-MM-DD")->required();
  rebuild->add_option("--to", to, "last local date, YYYY-MM-DD")->required();

  CLI11_PARSE(cli, argc, argv);

  if (version->parsed()) {
    std::printf("zhichong %s\n", ZC_VERSION);
    return 0;
  }
  if (config_ref->parsed()) {
    for (const auto& k : zc::config_reference())
      std::printf("%-38s %-30s %-22s %s\n", k.env.c_str(), k.key.c_str(), k.default_value.c_str(),
                  k.help.c_str());
    return 0;
  }
  try {
    zc::crypto::init();
    zc::Config cfg = zc::Config::load(config_path, config_opt->count() > 0);
    zc::init_logging(cfg.log.level);
    if (serve->parsed()) return zc::app::serve(cfg, demo);
    if (migrate->parsed()) return zc::app::migrate(cfg);
    if (rebuild->parsed()) return zc::app::rebuild_stats(cfg, from, to);
    if (create_admin->parsed()) return zc::app::create_admin(cfg, user_name, password);
    if (reset->parsed()) return zc::app::reset_password(cfg, user_name, password);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zhichong: %s\n", e.what());
    return 1;
  }
  return 0;
}
