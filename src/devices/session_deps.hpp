#pragma once
// What a device session needs from the platform, the same for every protocol (OCPP endpoint, YKC
// listener): built once by the composition root (app/platform.cpp) and handed to both.
#include <cstdint>
#include <functional>
#include <optional>

#include "core/config.hpp"
#include "devices/charging_service.hpp"
#include "devices/device_directory.hpp"
#include "devices/message_log.hpp"
#include "devices/meter_store.hpp"
#include "devices/session_registry.hpp"
#include "devices/state_writer.hpp"
#include "domain/tariff/ykc_billing_model.hpp"

namespace zc::devices {

// The YKC billing model of the tariff version in force now for a car area (nullopt: no tariff in force).
using TariffLookup = std::function<std::optional<tariff::YkcBillingModel>(int64_t area_id)>;

struct SessionDeps {
  DeviceDirectory& directory;           // identity, login data, billing model and lock state of devices
  const Config& cfg;                    // limits and timeouts (ocpp.*, ykc.*)
  SessionRegistry& registry;            // the connected devices (commands reach them through it)
  StateWriter& state;                   // online / connector states and meters, written through
  MessageLog& messages;                 // the frames an operator can view
  MeterStore& meters;                   // latest meter values per connector
  charging::ChargingService& charging;  // the transactions the devices report
  TariffLookup tariffs;                 // piles that hold a billing model (YKC) read it here
};

}  // namespace zc::devices
