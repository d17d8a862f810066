#pragma once
// Rules of the devices' own transaction records (charging_transaction; docs/ykc.md "Transaction records",
// docs/ocpp.md): the review flags a record carries. Pure, no I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zc::order {

// The flags of a record are its review reasons joined by "; ". Adds `reason` unless it is there already
// (a retried record, a flag raised twice) or empty.
std::string merge_flags(std::string_view flags, std::string_view reason);

// A meter stop below the meter start cannot be a session's reading: the reason, or nothing.
// Units as stored (0.0001 kWh).
std::optional<std::string> meter_flag(int64_t meter_start, int64_t meter_stop);

// The device_serial under which an OCPP StopTransaction for a transaction the platform never issued to
// this device is kept (one row per device and claimed id, however often it is sent).
std::string orphan_stop_serial(int64_t transaction_id);

}  // namespace zc::order
