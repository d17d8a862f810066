#pragma once
// E-bike stations (BIKE-ST): the shared station::StationService with the e-bike fields. Areas (BIKE-AREA)
// are station::AreaService (type bike); invoice and payment configuration the shared
// station::StationConfigService; user ↔ station binding station::make_station_directory.
#include <vector>

#include "service/bike/context.hpp"
#include "service/station/station_lifecycle.hpp"

namespace zc::bike {

// The e-bike station's part of station::StationService: its repository, fields and their rules.
struct BikeStationKind
    : station::StationKind<db::station::StationType::bike, db::bike::StationRepo, db::bike::StationFields> {
  static void validate(Fields& f);  // short name and service phone
  static const std::vector<station::HistoryField<Fields>> history;
};

using StationService = station::StationService<BikeStationKind>;
using StationInput = StationService::Input;

}  // namespace zc::bike
