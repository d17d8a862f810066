#pragma once
// SQL of e-bike tariffs (BIKE-TARIFF). The definition is the engine's BikeTariff
// (src/domain/tariff/bike_tariff.hpp); bands and prepay values are stored as JSON arrays.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "domain/tariff/bike_tariff.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/bike_station.hpp"
#include "storage/repositories/station_child.hpp"

namespace zc::db::bike {

struct TariffRec {
  int64_t id = 0, station_id = 0, area_id = 0, status = 0;
  std::string name;
  tariff::BikeTariff def;
};

// [{minW, maxW|null, unitPrice}] ↔ bands; [fen, …] ↔ prepay values.
boost::json::array bands_json(const std::vector<tariff::PowerBand>& bands);
boost::json::array prepay_json(const std::vector<money::Fen>& values);

class TariffRepo : public station::ChildRows {
 public:
  explicit TariffRepo(Connection& c);
  std::optional<TariffRec> find(int64_t id);
  // The tariff that applies in each of these areas: its newest enabled one (one query; an area without one is
  // absent).
  std::vector<TariffRec> enabled_of_areas(const std::vector<int64_t>& area_ids);
  // The tariff in force in an area: its newest enabled one (an e-bike tariff has no versions — it is in
  // force once saved and enabled); what the orders start with and the app shows. nullopt: none.
  std::optional<int64_t> in_force_of_area(int64_t area_id);
  int64_t insert(const Owned& o, int64_t area_id, const std::string& name, const tariff::BikeTariff& t,
                 const std::string& by, int64_t now);
  void update(int64_t id, const std::string& name, const tariff::BikeTariff& t, const std::string& by,
              int64_t now);
  void set_prepay(int64_t id, const std::vector<money::Fen>& values, const std::string& by, int64_t now);
  void move_to_area(int64_t id, int64_t area_id);  // another area of the same station
  void remove(int64_t id);
};

}  // namespace zc::db::bike
