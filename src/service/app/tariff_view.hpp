#pragma once
// What the driver app shows of a tariff (APP-3): prices and, for car TOU tariffs, the tier in force now in
// the station's local time. Units as everywhere: per-kWh prices in 0.00001 yuan/kWh, time-based prices in
// 0.0001 yuan per unit, amounts in fen.
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>

#include "core/timezone.hpp"
#include "domain/tariff/bike_tariff.hpp"
#include "domain/tariff/car_tariff.hpp"

namespace zc::driver {

// {mode, tiers:[{tier, label, energyPrice, servicePrice, unitPrice}], periods:[{start, end, tier}],
//  current:{tier, label, energyPrice, servicePrice, unitPrice, start, end}, timezone}
boost::json::object car_tariff_json(const tariff::CarTariff& t, const TimeZone& zone, int64_t now_ms);

// {mode, name, maxDurationMinutes, autoStopAmount, freeMinutes, unitMinutes, unitPrice, bands, energyPrice,
//  servicePrice} — the fields the mode uses.
boost::json::object bike_tariff_json(const std::string& name, const tariff::BikeTariff& t);

}  // namespace zc::driver
