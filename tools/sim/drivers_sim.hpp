#pragma once
// Simulated drivers of the app API (docs/api-driver.md): each signs in with the dev SMS endpoint, picks a
// free gun (or socket) of a payable station, starts an order with a prepay value, pays on the sandbox cashier
// page, waits until it charges, stops after a while, and does it again. For `make run` and demos.
#include <cstdint>
#include <string>

namespace zc::sim {

struct DriversOptions {
  std::string url = "http://127.0.0.1:8080";  // the platform (HTTP)
  int64_t phones = 3;                         // drivers, each with its own phone number
  std::string phone_prefix = "1990000";       // phones are prefix + zero-padded number (11 digits)
  std::string type = "car";                   // car | bike | both (alternating)
  double interval_s = 60;                     // pause between a driver's sessions (± 50 % jitter)
  double charge_s = 120;                      // how long a session charges before the driver stops it
  double timeout_s = 90;                      // longest wait for the payment, the start and the stop
  double duration_s = 0;                      // run time; 0 = until SIGINT/SIGTERM
  double card_share = 0.5;  // a driver with a usable card starts this share of sessions with it (no payment)
  bool quiet = false;
};

// Runs until the duration ends or a signal; prints a JSON summary on stdout. Returns the exit code.
int run_drivers(const DriversOptions& o);

}  // namespace zc::sim
