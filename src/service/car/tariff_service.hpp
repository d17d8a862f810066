#pragma once
// Car tariffs (CAR-TARIFF): one per area, versioned. Every create/edit stores a version that takes
// effect at 24:00 of that day in the station's time zone (or at 00:00 of a later effectiveDate); the
// previous version stays in force until then and both stay readable. Validation, the slot table, the
// bill and the YKC model come from domain/tariff (car_tariff, car_billing, ykc_billing_model).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/tariff/car_tariff.hpp"
#include "domain/tariff/ykc_billing_model.hpp"
#include "service/car/context.hpp"
#include "storage/list_query.hpp"

namespace zc::car {

struct TariffInput {
  int64_t id = 0;                       // update
  int64_t station_id = 0, area_id = 0;  // create
  std::string name, mode;
  std::optional<std::string> effective_date;  // "YYYY-MM-DD"
  boost::json::value tiers;                   // {sharp: {energyPrice, servicePrice}, …}
  boost::json::value periods;                 // [{start, end, tier}]
  std::vector<int64_t> prepay_values;         // create
};

class TariffService {
 public:
  explicit TariffService(CarContext ctx) : ctx_(ctx) {}
  db::Page list(const QueryParams& q, const Principal& p);
  boost::json::object get(int64_t id, const Principal& p);  // row + versions
  int64_t create(const TariffInput& in, const Principal& p);
  void update(const TariffInput& in, const Principal& p);
  void set_prepay(int64_t id, const std::vector<int64_t>& values, const Principal& p);
  void change_status(int64_t id, int64_t status, const Principal& p);
  // The engine's bill for `energy` (0.0001 kWh) from `start_ms` over `duration_minutes`, by the version
  // in force at the start (or, before the first version takes effect, by that first version).
  boost::json::object billing_test(int64_t id, int64_t energy, std::optional<int64_t> start_ms,
                                   int64_t duration_minutes, const Principal& p);
  // The tariff detail of a pile's area, or null.
  boost::json::value of_pile(int64_t pile_id, const Principal& p);
  // Marks rows that carry `areaId` (the admin pile/gun or device/socket lists and details) with
  // `tariffInForce`: whether their area has a tariff in force now — without one nothing can start there.
  void mark_in_force(boost::json::array& rows);
  void mark_in_force(boost::json::object& row);
  // The YKC model number of the version in force now for an area (pile tariff sync).
  std::optional<uint16_t> model_for_area(int64_t area_id);
  // The YKC billing model (0x0A / 0x58) of the version in force now for an area (YKC piles).
  std::optional<tariff::YkcBillingModel> ykc_model_for_area(int64_t area_id);

  // For the charging orders: the area's enabled tariff with the version in force at `at_ms`, its
  // prepay values and the station's time zone; nullopt when there is none in force.
  struct InForce {
    int64_t tariff_id = 0, version_id = 0;
    tariff::CarTariff tariff;
    std::vector<int64_t> prepay_values;  // fen
    std::string timezone;
  };
  std::optional<InForce> in_force_for_area(int64_t area_id, int64_t at_ms);
  // The same for many areas in one read (the app's station list); `timezone` is left empty (the caller
  // has its stations'). Areas without a tariff in force are absent.
  std::map<int64_t, InForce> in_force_for_areas(const std::vector<int64_t>& area_ids, int64_t at_ms);
  // The definition of one version of the area's tariff (a session is billed by the version it started
  // with, even after a newer one took effect); nullopt when unknown.
  std::optional<tariff::CarTariff> version_of_area(int64_t area_id, int64_t version_id);

 private:
  CarContext ctx_;
};

// 400 "prepayValues: …" unless ≤ 12 values, each 1..1 000 000 fen, no duplicates.
void validate_prepay(const std::vector<int64_t>& values);

}  // namespace zc::car
