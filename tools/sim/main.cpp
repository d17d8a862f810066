// zhichong-sim: device simulators. `zhichong-sim ocpp --help`.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "ocpp_sim.hpp"

int main(int argc, char** argv) {
  CLI::App app{"zhichong-sim — device simulators for demos, tests and load"};
  app.require_subcommand(1);
  zc::sim::OcppOptions o;
  std::string codes;
  auto* ocpp = app.add_subcommand("ocpp", "OCPP 1.6J charge points (car piles / e-bike devices)");
  ocpp->add_option("--url", o.url, "central system URL; the charge point id is appended")
      ->capture_default_str();
  ocpp->add_option("--codes", codes, "comma-separated charge point ids (instead of --prefix)");
  ocpp->add_option("--prefix", o.prefix, "id prefix: ids are prefix + zero-padded number");
  ocpp->add_option("--start", o.start, "first number")->capture_default_str();
  ocpp->add_option("--width", o.width, "digits of the number (0: up to 14 characters)")
      ->capture_default_str();
  ocpp->add_option("--devices", o.devices, "number of charge points")->capture_default_str();
  ocpp->add_option("--connectors", o.connectors, "connectors (guns / sockets) each")->capture_default_str();
  ocpp->add_option("--heartbeat", o.heartbeat_s, "heartbeat interval s (0: as the server says)")
      ->capture_default_str();
  ocpp->add_option("--meter-interval", o.meter_interval_s, "MeterValues interval s while charging")
      ->capture_default_str();
  ocpp->add_option("--charge-after", o.charge_after_s, "start a local session s after boot (<0: never)")
      ->capture_default_str();
  ocpp->add_option("--charge-duration", o.charge_duration_s, "session length s, then unplug")
      ->capture_default_str();
  ocpp->add_option("--power", o.power_kw, "charging power kW")->capture_default_str();
  ocpp->add_option("--duration", o.duration_s, "run time s (0: until SIGINT/SIGTERM)")->capture_default_str();
  ocpp->add_option("--reconnect", o.reconnect_s, "reconnect delay s")->capture_default_str();
  ocpp->add_option("--ramp", o.ramp_s, "spread connects over s")->capture_default_str();
  ocpp->add_option("--call-timeout", o.call_timeout_s, "answer timeout s")->capture_default_str();
  ocpp->add_option("--stats", o.stats_s, "print stats every s (0: at the end only)")->capture_default_str();
  ocpp->add_option("--threads", o.threads, "network threads")->capture_default_str();
  ocpp->add_option("--id-tag", o.id_tag, "idTag of local sessions")->capture_default_str();
  ocpp->add_option("--password", o.password, "HTTP Basic password (security profile 1)");
  ocpp->add_flag("--quiet", o.quiet, "no per-event log on stderr");
  CLI11_PARSE(app, argc, argv);
  if (!codes.empty()) {
    size_t i = 0;
    while (i <= codes.size()) {
      size_t j = codes.find(',', i);
      if (j == std::string::npos) j = codes.size();
      if (j > i) o.codes.push_back(codes.substr(i, j - i));
      i = j + 1;
    }
    o.devices = static_cast<int64_t>(o.codes.size());
  } else if (o.prefix.empty()) {
    std::fprintf(stderr, "ocpp: give --codes or --prefix\n");
    return 2;
  }
  if (o.devices < 1 || o.connectors < 1 || o.connectors > 100) {
    std::fprintf(stderr, "ocpp: --devices ≥ 1 and 1 ≤ --connectors ≤ 100\n");
    return 2;
  }
  return zc::sim::run_ocpp(o);
}
