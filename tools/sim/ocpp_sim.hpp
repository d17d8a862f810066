#pragma once
// Simulated OCPP 1.6J charge points (car piles, or e-bike devices with one connector per socket).
#include <cstdint>
#include <string>
#include <vector>

namespace zc::sim {

struct OcppOptions {
  std::string url = "ws://127.0.0.1:8080/ocpp";  // charge point id is appended: <url>/<code>
  std::vector<std::string> codes;                // explicit ids, or generated from prefix/start/width
  std::string prefix;
  int64_t start = 1, width = 0;  // width 0: fill up to 14 characters
  int64_t devices = 1, connectors = 2;
  double heartbeat_s = 0;          // 0: the interval of BootNotification.conf
  double meter_interval_s = 15;    // MeterValues while charging
  double charge_after_s = -1;      // start a local session this long after boot (< 0: only remote starts)
  double charge_duration_s = 60;   // then stop it (unplug)
  double charging_fraction = 1;    // share of the devices that run local sessions (--charge-after)
  double power_kw = 7;             // simulated charging power
  double power_drop_after_s = -1;  // a session's power falls to power_drop_kw this long after its start
  double power_drop_kw = 0;        // (a full battery: the charger only trickles)
  double duration_s = 0;           // run time; 0 = until SIGINT/SIGTERM
  double reconnect_s = 2;          // delay before reconnecting after a drop / reset
  double ramp_s = 0;               // spread the connects over this time
  double call_timeout_s = 30;
  double stats_s = 0;  // print stats every N s (0: only at the end)
  int64_t threads = 1;
  std::string id_tag = "SIM0001";
  std::vector<std::string> id_tags;  // idTags of local sessions in turn or at random (empty: id_tag)
  bool id_tag_random = false;        // pick any idTag of the list (else in turn, see sim_pick.hpp)
  // RemoteStartTransaction: accept (and start), refuse (answer Rejected), ignore (answer Accepted and
  // never start: the platform's start timeout).
  std::string remote_start = "accept";  // accept, refuse, ignore (Accepted, never started), silent
  bool repeat_stop = false;  // send every StopTransaction twice (a retransmission the platform applies once)
  // SIGUSR1: the network is lost (connections dropped, sessions keep running, no reconnect) until
  // SIGUSR2: back (reconnect; the running sessions are reported as Charging again).
  std::string password;  // HTTP Basic (security profile 1)
  bool quiet = false;
  // Benchmark: after boot each device starts a transaction on connector 1 and sends MeterValues
  // back-to-back (closed loop: the next one when the answer arrived) until the end.
  bool bench = false;
  double warmup_s = 0;  // counters and latency histogram restart after this time
};

// Runs until the duration ends or a signal; prints a JSON summary on stdout. Returns the exit code.
int run_ocpp(const OcppOptions& o);

}  // namespace zc::sim
