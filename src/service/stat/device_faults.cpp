#include "service/stat/device_faults.hpp"

#include <spdlog/spdlog.h>

#include "storage/repositories/service_log_repo.hpp"

namespace zc::stat {

void record_device_faults(db::Connection& c, const std::string& device_type, int64_t device_id,
                          const std::map<int64_t, std::string>& connectors,
                          const std::map<int64_t, std::string>& faults, int64_t now) {
  db::stat::ServiceLogRepo repo(c);
  if (!faults.empty()) {
    std::string detail;
    for (const auto& [n, code] : faults)
      detail += (detail.empty() ? "" : "; ") + std::to_string(n) + ": " + code;
    if (repo.open_device_fault(device_type, device_id, faults.begin()->second, detail, now))
      spdlog::info("fault record opened for {} {}: {}", device_type, device_id, detail);
    return;
  }
  for (const auto& [n, state] : connectors) {
    if (state == "idle" || state == "plugged" || state == "charging") {
      repo.solve_device_faults(device_type, device_id, now);
      return;
    }
  }
}

}  // namespace zc::stat
