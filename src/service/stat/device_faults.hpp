#pragma once
// Faults the devices report (docs/api-stat.md "Fault log"): YKC real-time data with its hardware-fault bits,
// OCPP StatusNotification Faulted with its errorCode (car piles and e-bike devices). A device whose
// connector reports a fault gets one fault record (source device) per episode; when its connectors report a
// working state again and none is left in fault, the record is solved by itself. Called where the device
// states are written (charging::DbDeviceStateStore), in that transaction.
#include <map>
#include <string>

#include "storage/database.hpp"

namespace zc::stat {

// `connectors`: connector → state written now; `faults`: connector → fault code, for those in fault.
void record_device_faults(db::Connection& c, const std::string& device_type, int64_t device_id,
                          const std::map<int64_t, std::string>& connectors,
                          const std::map<int64_t, std::string>& faults, int64_t now);

}  // namespace zc::stat
