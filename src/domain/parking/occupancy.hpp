#pragma once
// Occupancy time and fee of a car's stay in a spot (issue 17; docs/parking.md "Occupancy fee"): the stay
// minus the time the spot's gun was charging, billed by the pile's 占位收费 settings.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace zc::parking {

struct OccupancyRules {
  int64_t free_min = 0;     // minutes of occupancy that are free
  int64_t price_fen = 0;    // price of one started period (0 = no fee)
  int64_t period_min = 60;  // length of a period
  int64_t cap_fen = 0;      // most one stay pays (0 = no cap)
};

// Seconds of [from, to) (ms) not covered by any of `charging` (ms intervals, may overlap each other and
// reach outside the stay).
int64_t charging_seconds(int64_t from, int64_t to, std::vector<std::pair<int64_t, int64_t>> charging);

struct OccupancyFee {
  int64_t periods = 0;
  int64_t fee = 0;
  std::string detail;  // how it was computed, for the order's detail
};

// Whole minutes of occupancy beyond the free minutes, in started periods × price, at most the cap.
OccupancyFee occupancy_fee(int64_t occupancy_s, const OccupancyRules& r);

}  // namespace zc::parking
