#pragma once
// E-bike tariffs (BIKE-TARIFF): the five modes of the engine (src/domain/tariff/bike_*), validated by the
// engine with its messages (field names as in the API), prepay values, enable/disable, delete, the
// billing test and prepay → duration (the same engine the order settlement and the device start use).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/tariff/bike_tariff.hpp"
#include "service/bike/context.hpp"
#include "service/station/child_rows.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/bike_tariff.hpp"

namespace zc::bike {

struct TariffInput {
  int64_t id = 0;          // update
  int64_t station_id = 0;  // create
  int64_t area_id = 0;     // create; update: 0 = unchanged, else another area of the same station
  std::string name;
  tariff::BikeTariff def;
};

class TariffService : public station::RowService<db::bike::TariffRepo> {
 public:
  explicit TariffService(BikeContext ctx) : RowService(ctx, "计费规则不存在"), ctx_(ctx) {}
  int64_t create(const TariffInput& in, const Principal& p);
  void update(const TariffInput& in, const Principal& p);
  void set_prepay(int64_t id, const std::vector<int64_t>& values, const Principal& p);
  void remove(const std::vector<int64_t>& ids, const Principal& p);
  // The engine's bill of a session of `duration_min` at `power_w` (else the reference power).
  boost::json::object billing_test(int64_t id, int64_t duration_min, std::optional<int64_t> power_w,
                                   const Principal& p);
  // The duration `amount` (fen) buys: {durationMinutes, powerW, band, maxDuration, bill}.
  boost::json::object prepay_duration(int64_t id, int64_t amount, std::optional<int64_t> power_w,
                                      const Principal& p);

  // Marks rows that carry `areaId` (the admin pile/gun or device/socket lists and details) with
  // `tariffInForce`: whether their area has a tariff in force now — without one nothing can start there.
  void mark_in_force(boost::json::array& rows);
  void mark_in_force(boost::json::object& row);

 private:
  BikeContext ctx_;
};

// Every problem of the engine's validation as one 400 ("; "-separated), field names as in the API
// (maxDurationMinutes, referencePowerW, bands, …). Also checks the name.
void validate_tariff(const std::string& name, const tariff::BikeTariff& t);

}  // namespace zc::bike
