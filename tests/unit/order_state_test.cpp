// Car and e-bike order state machines: every state × every event against the expected matrix, written
// out here independently of the implementation's table (domain/order/*_order_state.hpp).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "domain/order/bike_order_state.hpp"
#include "domain/order/car_order_state.hpp"
#include "storage/repositories/order_state_column.hpp"

using namespace zc::order;

namespace {

// Columns in kCarOrderEvents order: start_confirmed, start_refused, start_timeout, stop_requested,
// stop_refused, final_record, device_lost_timeout, device_returned, admin_end. "-" = refused.
const std::map<std::string, std::array<const char*, 9>> kCarExpected = {
    {"starting", {"charging", "abnormal", "abnormal", "-", "-", "completed", "-", "-", "completed"}},
    {"charging", {"-", "-", "-", "stopping", "-", "completed", "suspended", "-", "completed"}},
    {"stopping", {"-", "-", "-", "-", "charging", "completed", "suspended", "-", "completed"}},
    {"completed", {"-", "-", "-", "-", "-", "-", "-", "-", "-"}},
    {"abnormal", {"-", "-", "-", "-", "-", "completed", "-", "-", "completed"}},
    {"suspended", {"-", "-", "-", "-", "-", "completed", "-", "charging", "completed"}},
};

// Columns in kBikeOrderEvents order: start_failed, session_ended, auto_stop, device_lost_timeout,
// device_returned, admin_end.
const std::map<std::string, std::array<const char*, 6>> kBikeExpected = {
    {"charging", {"abnormal", "finished", "finished", "suspended", "-", "finished"}},
    {"finished", {"-", "-", "-", "-", "-", "-"}},
    {"suspended", {"-", "finished", "finished", "-", "charging", "finished"}},
    {"abnormal", {"-", "finished", "-", "-", "-", "finished"}},
};

}  // namespace

TEST(CarOrderState, EveryStateTimesEveryEvent) {
  ASSERT_EQ(kCarExpected.size(), kCarOrderStates.size());
  int checked = 0;
  for (CarOrderState s : kCarOrderStates) {
    const auto& row = kCarExpected.at(std::string(to_string(s)));
    for (size_t i = 0; i < kCarOrderEvents.size(); ++i) {
      CarOrderEvent e = kCarOrderEvents[i];
      auto got = next_state(s, e);
      std::string want = row[i];
      SCOPED_TRACE(std::string(to_string(s)) + " + " + std::string(to_string(e)));
      if (want == "-") {
        EXPECT_FALSE(got.has_value()) << "got " << to_string(*got);
      } else {
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(to_string(*got), want);
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 6 * 9);
}

TEST(CarOrderState, AdminEndAndFinality) {
  EXPECT_TRUE(admin_can_end(CarOrderState::starting));
  EXPECT_TRUE(admin_can_end(CarOrderState::charging));
  EXPECT_TRUE(admin_can_end(CarOrderState::stopping));
  EXPECT_TRUE(admin_can_end(CarOrderState::suspended));
  EXPECT_TRUE(admin_can_end(CarOrderState::abnormal));
  EXPECT_FALSE(admin_can_end(CarOrderState::completed));
  for (CarOrderState s : kCarOrderStates) EXPECT_EQ(is_final(s), s == CarOrderState::completed);
}

TEST(CarOrderState, NamesRoundTrip) {
  for (CarOrderState s : kCarOrderStates) EXPECT_EQ(parse_car_order_state(to_string(s)), s);
  EXPECT_FALSE(parse_car_order_state("finished").has_value());
  EXPECT_FALSE(parse_car_order_state("").has_value());
}

TEST(CarOrderState, SuspendAndStartTimeouts) {
  EXPECT_FALSE(suspend_due(1000, 1000 + 59'999, 60'000));
  EXPECT_TRUE(suspend_due(1000, 1000 + 60'000, 60'000));
  EXPECT_TRUE(suspend_due(1000, 1000, 0));
  EXPECT_TRUE(suspend_due(1000, 1000, -5));  // a negative timeout counts as 0
  EXPECT_FALSE(start_timed_out(0, 29'999, 30'000));
  EXPECT_TRUE(start_timed_out(0, 30'000, 30'000));
}

TEST(CarOrderState, DeviceLostAndBackResumesTheSameOrder) {
  auto s = next_state(CarOrderState::starting, CarOrderEvent::start_confirmed);
  s = next_state(*s, CarOrderEvent::device_lost_timeout);
  ASSERT_EQ(s, CarOrderState::suspended);
  s = next_state(*s, CarOrderEvent::device_returned);
  ASSERT_EQ(s, CarOrderState::charging);
  s = next_state(*s, CarOrderEvent::stop_requested);
  s = next_state(*s, CarOrderEvent::final_record);
  EXPECT_EQ(s, CarOrderState::completed);
  EXPECT_FALSE(next_state(*s, CarOrderEvent::final_record).has_value());  // a retransmitted record
}

TEST(BikeOrderState, EveryStateTimesEveryEvent) {
  ASSERT_EQ(kBikeExpected.size(), kBikeOrderStates.size());
  int checked = 0;
  for (BikeOrderState s : kBikeOrderStates) {
    const auto& row = kBikeExpected.at(std::string(to_string(s)));
    for (size_t i = 0; i < kBikeOrderEvents.size(); ++i) {
      BikeOrderEvent e = kBikeOrderEvents[i];
      auto got = next_state(s, e);
      std::string want = row[i];
      SCOPED_TRACE(std::string(to_string(s)) + " + " + std::string(to_string(e)));
      if (want == "-") {
        EXPECT_FALSE(got.has_value()) << "got " << to_string(*got);
      } else {
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(to_string(*got), want);
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 4 * 6);
}

TEST(BikeOrderState, AdminEndNamesFinality) {
  EXPECT_TRUE(admin_can_end(BikeOrderState::charging));
  EXPECT_TRUE(admin_can_end(BikeOrderState::suspended));
  EXPECT_TRUE(admin_can_end(BikeOrderState::abnormal));
  EXPECT_FALSE(admin_can_end(BikeOrderState::finished));
  for (BikeOrderState s : kBikeOrderStates) {
    EXPECT_EQ(parse_bike_order_state(to_string(s)), s);
    EXPECT_EQ(is_final(s), s == BikeOrderState::finished);
  }
  EXPECT_FALSE(parse_bike_order_state("completed").has_value());
}

// The repositories' `state IN …` lists come from the open states' stored names.
TEST(OrderStateColumn, OpenStatesListedByTheirStoredNames) {
  EXPECT_EQ(zc::db::state_list(kOpenCarOrderStates), "('starting', 'charging', 'stopping', 'suspended')");
  EXPECT_EQ(zc::db::state_list(kOpenBikeOrderStates), "('charging', 'suspended')");
  for (CarOrderState s : kCarOrderStates)
    EXPECT_EQ(is_open(s), !is_final(s) && s != CarOrderState::abnormal) << to_string(s);
  for (BikeOrderState s : kBikeOrderStates)
    EXPECT_EQ(is_open(s), !is_final(s) && s != BikeOrderState::abnormal) << to_string(s);
}
