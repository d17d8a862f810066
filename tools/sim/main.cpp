// zhichong-sim: device simulators. `zhichong-sim ocpp --help`, `zhichong-sim ykc --help`,
// `zhichong-sim camera --help`.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "camera_sim.hpp"
#include "drivers_sim.hpp"
#include "ocpp_sim.hpp"
#include "ykc_sim.hpp"

namespace {
std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(',', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// A list option: "a,b,c" or "@FILE" (entries separated by commas, spaces or lines; # starts a comment).
bool read_list(const std::string& v, std::vector<std::string>& out) {
  if (v.empty() || v[0] != '@') {
    out = split_commas(v);
    return true;
  }
  std::ifstream in(v.substr(1));
  if (!in) return false;
  std::string line, word;
  out.clear();
  while (std::getline(in, line)) {
    std::istringstream words(line.substr(0, line.find('#')));
    while (std::getline(words, word, ','))
      for (std::istringstream w(word); w >> word;) out.push_back(word);
  }
  return true;
}

void add_ykc_options(CLI::App* y, zc::sim::YkcOptions& k, std::string& codes, std::string& type,
                     std::string& crc_order, std::string& cards, std::string& card_pick) {
  y->add_option("--host", k.host, "platform host")->capture_default_str();
  y->add_option("--port", k.port, "platform YKC port")->capture_default_str();
  y->add_option("--codes", codes, "comma-separated pile codes (14 digits; instead of --prefix)");
  y->add_option("--prefix", k.prefix,
                "code prefix (digits): codes are prefix + zero-padded number, 14 digits");
  y->add_option("--start", k.start, "first number")->capture_default_str();
  y->add_option("--devices", k.devices, "number of piles")->capture_default_str();
  y->add_option("--guns", k.guns, "guns per pile")->capture_default_str();
  y->add_option("--type", type, "dc or ac")->capture_default_str();
  y->add_option("--heartbeat", k.heartbeat_s, "0x03 interval s (one per gun)")->capture_default_str();
  y->add_option("--realtime-interval", k.realtime_interval_s, "0x13 interval s while charging")
      ->capture_default_str();
  y->add_option("--idle-interval", k.idle_interval_s, "0x13 interval s while idle (spec: 300)")
      ->capture_default_str();
  y->add_option("--charge-after", k.charge_after_s,
                "s between a remote start and the car being plugged in; 0: plugged already. ≤ 60: 0x33 fail "
                "0x05 then 0x33 success; > 60: only the failure")
      ->capture_default_str();
  y->add_option("--charge-duration", k.charge_duration_s,
                "session length s, then the pile stops (0: until 0x36)")
      ->capture_default_str();
  y->add_option("--card-start-after", k.card_start_after_s,
                "start by card (0x31) s after the first login (<0: never)")
      ->capture_default_str();
  y->add_option("--card", k.card, "physical card number, 16 hex digits")->capture_default_str();
  y->add_option("--cards", cards,
                "physical cards swiped in turn instead of --card: HEX,HEX,… or @FILE (one or more a line)");
  y->add_option("--card-every", k.card_every_s,
                "after the first swipe (--card-start-after, SIGUSR1) swipe again every S s ± 50 % (0: once)")
      ->capture_default_str();
  y->add_option("--card-pick", card_pick,
                "turn: pile i swipes card i, i + piles, …; random: any card of the list")
      ->check(CLI::IsMember({"turn", "random"}))
      ->capture_default_str();
  y->add_option("--vin-start-after", k.vin_start_after_s,
                "start by VIN (0x31) s after the first login (<0: never)")
      ->capture_default_str();
  y->add_option("--vin", k.vin, "VIN (17 characters)")->capture_default_str();
  y->add_option("--power", k.power_kw, "charging power kW")->capture_default_str();
  y->add_option("--tz", k.tz, "the pile's local time zone (tier slots, CP56Time2a)")->capture_default_str();
  y->add_option("--crc-order", crc_order, "CRC byte order sent: low (spec) or high (deviant piles)")
      ->capture_default_str();
  y->add_flag("--split-frames", k.split_frames,
              "write frames concatenated and cut into random 1–16 byte chunks");
  y->add_option("--retransmit-record", k.retransmit_record,
                "send every 0x3B this many extra times (after each 0x40)")
      ->capture_default_str();
  y->add_option("--record-retry", k.record_retry_s, "resend an unconfirmed 0x3B after s")
      ->capture_default_str();
  y->add_flag("--refuse-start", k.refuse_start, "answer 0x34 with 0x33 failure (device fault)");
  y->add_flag("--no-start-confirm", k.no_start_confirm, "never answer 0x34 (and do not start)");
  y->add_option("--silent-disconnect-after", k.silent_disconnect_after_s,
                "s after login stop sending and answering, without closing (<0: never)")
      ->capture_default_str();
  y->add_option("--reconnect", k.reconnect_s, "reconnect delay s")->capture_default_str();
  y->add_option("--reply-timeout", k.reply_timeout_s, "wait s for 0x02/0x06/0x0A/0x04 (bench)")
      ->capture_default_str();
  y->add_option("--duration", k.duration_s, "run time s (0: until SIGINT/SIGTERM)")->capture_default_str();
  y->add_option("--ramp", k.ramp_s, "spread the connects over s")->capture_default_str();
  y->add_option("--threads", k.threads, "network threads (one io_context each)")->capture_default_str();
  y->add_option("--stats", k.stats_s, "print stats every s (0: at the end only)")->capture_default_str();
  y->add_flag("--quiet", k.quiet, "no per-pile log on stderr");
  y->add_flag("--events", k.events, "one JSON object per line on stdout for everything a pile saw or did");
  y->add_option(
       "--bench-window", k.bench_window,
       "closed-loop load: windows of N 0x13 frames each closed by a 0x03 whose 0x04 is awaited (0: off)")
      ->capture_default_str();
  y->add_option("--warmup", k.warmup_s, "bench: start counting after s")->capture_default_str();
}
}  // namespace

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
  ocpp->add_option("--charging-fraction", o.charging_fraction,
                   "share of the devices (0–1) that start local sessions (--charge-after)")
      ->capture_default_str();
  ocpp->add_option("--power", o.power_kw, "charging power kW")->capture_default_str();
  ocpp->add_option("--duration", o.duration_s, "run time s (0: until SIGINT/SIGTERM)")->capture_default_str();
  ocpp->add_option("--reconnect", o.reconnect_s, "reconnect delay s")->capture_default_str();
  ocpp->add_option("--ramp", o.ramp_s, "spread connects over s")->capture_default_str();
  ocpp->add_option("--call-timeout", o.call_timeout_s, "answer timeout s")->capture_default_str();
  ocpp->add_option("--stats", o.stats_s, "print stats every s (0: at the end only)")->capture_default_str();
  ocpp->add_option("--threads", o.threads, "network threads")->capture_default_str();
  ocpp->add_option("--id-tag", o.id_tag, "idTag of local sessions")->capture_default_str();
  std::string id_tags, id_tag_pick = "turn";
  ocpp->add_option(
      "--id-tags", id_tags,
      "idTags (e.g. printed card numbers) of local sessions in turn instead of --id-tag: A,B,… or "
      "@FILE");
  ocpp->add_option("--id-tag-pick", id_tag_pick,
                   "turn: device i uses idTag i, i + devices, …; random: any idTag of the list")
      ->check(CLI::IsMember({"turn", "random"}))
      ->capture_default_str();
  ocpp->add_option("--password", o.password, "HTTP Basic password (security profile 1)");
  ocpp->add_flag("--quiet", o.quiet, "no per-event log on stderr");
  ocpp->add_option("--remote-start", o.remote_start,
                   "RemoteStartTransaction: accept, refuse (Rejected), ignore (Accepted, never started) or "
                   "silent (never answered)")
      ->check(CLI::IsMember({"accept", "refuse", "ignore", "silent"}))
      ->capture_default_str();
  ocpp->add_flag("--repeat-stop", o.repeat_stop, "send every StopTransaction twice");
  ocpp->add_option("--power-drop-after", o.power_drop_after_s,
                   "a session's power falls to --power-drop this many s after its start (<0: never)")
      ->capture_default_str();
  ocpp->add_option("--power-drop", o.power_drop_kw, "the power after --power-drop-after, kW")
      ->capture_default_str();
  ocpp->add_flag("--bench", o.bench,
                 "closed-loop MeterValues: after boot a transaction on connector 1, then MeterValues "
                 "back-to-back until the end");
  ocpp->add_option("--warmup", o.warmup_s, "restart the counters and latency histogram after s")
      ->capture_default_str();
  zc::sim::YkcOptions k;
  std::string ykc_codes, ykc_type = "dc", crc_order = "low", ykc_cards, card_pick = "turn";
  auto* ykc = app.add_subcommand("ykc", "YKC (云快充 v1.6) car piles over TCP");
  add_ykc_options(ykc, k, ykc_codes, ykc_type, crc_order, ykc_cards, card_pick);
  zc::sim::DriversOptions d;
  auto* drivers =
      app.add_subcommand("drivers", "drivers of the app API: sign in, scan, pay (sandbox), charge, stop");
  drivers->add_option("--url", d.url, "the platform's HTTP base URL")->capture_default_str();
  drivers->add_option("--phones", d.phones, "number of drivers (one phone each)")->capture_default_str();
  drivers->add_option("--phone-prefix", d.phone_prefix, "phones are prefix + zero-padded number, 11 digits")
      ->capture_default_str();
  drivers->add_option("--type", d.type, "car, bike or both (alternating)")
      ->check(CLI::IsMember({"car", "bike", "both"}))
      ->capture_default_str();
  drivers->add_option("--interval", d.interval_s, "pause s between a driver's sessions (± 50 %)")
      ->capture_default_str();
  drivers->add_option("--charge", d.charge_s, "s a session charges before the driver stops it")
      ->capture_default_str();
  drivers->add_option("--timeout", d.timeout_s, "longest wait s for payment, start and stop")
      ->capture_default_str();
  drivers->add_option("--duration", d.duration_s, "run time s (0: until SIGINT/SIGTERM)")
      ->capture_default_str();
  drivers
      ->add_option("--card-share", d.card_share,
                   "share (0–1) of sessions a driver with a usable card starts with it instead of paying")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  drivers->add_flag("--quiet", d.quiet, "no per-driver log on stderr");
  zc::sim::CameraSimOptions cam;
  auto cam_cli = zc::sim::add_camera_command(app, cam);
  CLI11_PARSE(app, argc, argv);
  if (cam_cli.cmd->parsed()) return cam_cli.parse(cam) ? zc::sim::run_camera_sim(cam) : 2;
  if (drivers->parsed()) {
    if (d.phones < 1 || d.phones > 1000 || d.phone_prefix.size() > 10 ||
        d.phone_prefix.find_first_not_of("0123456789") != std::string::npos ||
        d.phone_prefix.size() + std::to_string(d.phones).size() > 11) {
      std::fprintf(stderr,
                   "drivers: 1 ≤ --phones ≤ 1000 and a digits-only --phone-prefix that leaves room\n");
      return 2;
    }
    if (d.interval_s < 0 || d.charge_s < 0 || d.timeout_s <= 0) {
      std::fprintf(stderr, "drivers: --interval, --charge ≥ 0 and --timeout > 0\n");
      return 2;
    }
    return zc::sim::run_drivers(d);
  }
  if (ykc->parsed()) {
    if (!ykc_codes.empty()) {
      k.codes = split_commas(ykc_codes);
      k.devices = static_cast<int64_t>(k.codes.size());
    } else if (k.prefix.empty()) {
      std::fprintf(stderr, "ykc: give --codes or --prefix\n");
      return 2;
    }
    if (ykc_type != "dc" && ykc_type != "ac") {
      std::fprintf(stderr, "ykc: --type must be dc or ac\n");
      return 2;
    }
    if (crc_order != "low" && crc_order != "high") {
      std::fprintf(stderr, "ykc: --crc-order must be low or high\n");
      return 2;
    }
    if (k.devices < 1 || k.guns < 1 || k.guns > 99) {
      std::fprintf(stderr, "ykc: --devices ≥ 1 and 1 ≤ --guns ≤ 99\n");
      return 2;
    }
    if (k.heartbeat_s <= 0 || k.realtime_interval_s <= 0 || k.idle_interval_s <= 0 || k.record_retry_s <= 0) {
      std::fprintf(stderr,
                   "ykc: --heartbeat, --realtime-interval, --idle-interval, --record-retry must be > 0\n");
      return 2;
    }
    if (k.bench_window < 0 || k.bench_window > 1000) {
      std::fprintf(stderr, "ykc: 0 ≤ --bench-window ≤ 1000\n");
      return 2;
    }
    if (!ykc_cards.empty() && (!read_list(ykc_cards, k.cards) || k.cards.empty())) {
      std::fprintf(stderr, "ykc: --cards: no cards in '%s'\n", ykc_cards.c_str());
      return 2;
    }
    k.card_random = card_pick == "random";
    k.ac = ykc_type == "ac";
    k.crc_high_first = crc_order == "high";
    return zc::sim::run_ykc(k);
  }
  if (!id_tags.empty() && (!read_list(id_tags, o.id_tags) || o.id_tags.empty())) {
    std::fprintf(stderr, "ocpp: --id-tags: no idTags in '%s'\n", id_tags.c_str());
    return 2;
  }
  o.id_tag_random = id_tag_pick == "random";
  if (!codes.empty()) {
    o.codes = split_commas(codes);
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
