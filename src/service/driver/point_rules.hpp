#pragma once
// A gun (car) or socket (e-bike) as the driver app sees it: availability, the reason it cannot start, its
// area's tariff in force. Shared by the station detail and the scan.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <map>
#include <optional>
#include <string>

#include "service/car/context.hpp"
#include "storage/repositories/app_station_repo.hpp"

namespace zc::driver {

inline constexpr const char* kNoTariffInForce = "没有生效的计费规则";

// Free now: the point and its pile/device enabled, online, idle (car: or plugged), and its area has a tariff
// in force.
bool available(db::app::StationKind kind, const db::app::PointRow& p);
// Why a session cannot start on it by its state or its area's tariff ("" = it can; kNoTariffInForce for an
// idle point without a tariff in force); payment is checked by the scan.
std::string state_problem(db::app::StationKind kind, const db::app::PointRow& p);
// {id, code, gunNo|socketNo, name, state, available, reason} (reason: state_problem, "" when available)
boost::json::object point_json(db::app::StationKind kind, const db::app::PointRow& p);

struct AreaTariff {
  boost::json::object tariff;        // tariff_view.hpp
  boost::json::array prepay_values;  // fen
};
// The tariff in force now for the area (car: the version in force at the business clock's now, with the
// current tier in the station's zone; e-bike: the area's enabled tariff); nullopt when there is none.
std::optional<AreaTariff> tariff_of_area(const car::CarContext& ctx, db::app::StationKind kind,
                                         int64_t area_id, const std::string& timezone);

// The price now of each of these stations (id → time zone) for the station list: lowest_price of its
// areas' prices (tariff_view.hpp), null when none has a tariff in force. The areas in one query, the
// tariffs in one read, whatever the number of stations.
std::map<int64_t, boost::json::value> prices_now(const car::CarContext& ctx, db::app::StationKind kind,
                                                 const std::map<int64_t, std::string>& station_zones);

}  // namespace zc::driver
