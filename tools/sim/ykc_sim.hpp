#pragma once
// Simulated YKC (云快充 v1.6) car piles over plain TCP: `zhichong-sim ykc --help`.
#include <cstdint>
#include <string>
#include <vector>

namespace zc::sim {

struct YkcOptions {
  std::string host = "127.0.0.1";
  std::string port = "8767";
  std::vector<std::string> codes;  // explicit 14-digit pile codes, or generated from prefix/start
  std::string prefix;              // digits; codes are prefix + zero-padded number, 14 digits in all
  int64_t start = 1, devices = 1;
  int64_t guns = 2;
  bool ac = false;                        // --type ac|dc
  double heartbeat_s = 10;                // 0x03 per gun
  double realtime_interval_s = 15;        // 0x13 while charging
  double idle_interval_s = 300;           // 0x13 while idle (spec: 5 min)
  double charge_after_s = 0;              // remote start → car plugged in after this; 0: plugged already
  double charge_duration_s = 0;           // session length, then the pile ends it (0: until remote stop)
  double card_start_after_s = -1;         // 0x31 by card this long after the first login (< 0: never)
  std::string card = "00000000D14B0A54";  // physical card (16 hex digits)
  std::vector<std::string> cards;         // physical cards swiped in turn or at random (empty: `card`)
  double card_every_s = 0;                // after the first swipe another every S s (± 50 %); 0: once
  bool card_random = false;               // pick any card of the list (else in turn, see sim_pick.hpp)
  double vin_start_after_s = -1;          // 0x31 by VIN (< 0: never)
  std::string vin = "LSVAU2180N2183294";
  double power_kw = 60;
  std::string tz = "Asia/Shanghai";  // the pile's local time (tier slots, CP56Time2a)
  bool crc_high_first = false;
  bool split_frames = false;
  int64_t retransmit_record = 0;  // extra copies of every 0x3B
  double record_retry_s = 30;     // resend an unconfirmed 0x3B after this
  bool refuse_start = false;
  bool no_start_confirm = false;
  double silent_disconnect_after_s = -1;  // < 0: never
  double reconnect_s = 5;
  double reply_timeout_s = 10;
  double duration_s = 0;  // 0: until SIGINT/SIGTERM
  double ramp_s = 0;
  int64_t threads = 1;
  double stats_s = 0;
  bool quiet = false;
  bool events = false;
  // Closed-loop load (bench/ykc): windows of bench_window 0x13 frames, each closed by a heartbeat whose
  // 0x04 is awaited. 0: off (normal pile behaviour).
  int64_t bench_window = 0;
  double warmup_s = 0;  // counters restart after this (rates and percentiles cover the rest)
};

// Runs until the duration ends or a signal; prints a JSON summary on stdout. Returns the exit code.
int run_ykc(const YkcOptions& o);

}  // namespace zc::sim
