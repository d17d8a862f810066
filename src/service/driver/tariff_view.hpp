#pragma once
// What the driver app shows of a tariff (APP-3): prices and, for car TOU tariffs, the tier in force now in
// the station's local time. Units as everywhere: per-kWh prices in 0.00001 yuan/kWh, time-based prices in
// 0.0001 yuan per unit, amounts in fen.
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "core/timezone.hpp"
#include "domain/tariff/bike_tariff.hpp"
#include "domain/tariff/car_tariff.hpp"

namespace zc::driver {

// {mode, tiers:[{tier, label, energyPrice, servicePrice, unitPrice}], periods:[{start, end, tier}],
//  current:{tier, label, energyPrice, servicePrice, unitPrice, start, end}, timezone}
boost::json::object car_tariff_json(const tariff::CarTariff& t, const TimeZone& zone, int64_t now_ms);

// The price in force at `now_ms` in the station's local time: {tier, label, energyPrice, servicePrice,
// unitPrice, start, end} (the tier's consecutive period around now). car_tariff_json's `current`.
boost::json::object car_price_now(const tariff::CarTariff& t, const TimeZone& zone, int64_t now_ms);

// {mode, name, maxDurationMinutes, autoStopAmount, freeMinutes, unitMinutes, unitPrice, bands, energyPrice,
//  servicePrice} — the fields the mode uses.
boost::json::object bike_tariff_json(const std::string& name, const tariff::BikeTariff& t);

// The unit price an e-bike tariff charges (no time of day): {mode, unitMinutes?, unitPrice? (0.0001 yuan per
// unit: A the fee, D the service fee, B/E the lowest band's), kwhPrice? (0.00001 yuan/kWh: C energy +
// service, D/E energy), banded (B/E: the price depends on the power, unitPrice is the lowest band's)}.
boost::json::object bike_price_now(const tariff::BikeTariff& t);

// A station card shows one price: of its areas' prices now (car_price_now / bike_price_now), the lowest
// (car: unitPrice; e-bike: kwhPrice, then unitPrice), `varies` = true when its areas charge differently.
// Null when no area has a tariff in force.
boost::json::value lowest_price(const std::vector<boost::json::object>& area_prices);

}  // namespace zc::driver
