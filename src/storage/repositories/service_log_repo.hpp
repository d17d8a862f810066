#pragma once
// SQL of the customer-service call log (STAT-CALL) and the fault log (STAT-FAULT), migration 0020.
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::stat {

struct CallFields {
  std::string caller_name, caller_phone, agent_name, agent_phone, content;
  int64_t call_time = 0;
};

struct FaultFields {
  std::string reporter_name, reporter_phone, repairer_name, repairer_phone, summary, detail, solution, state,
      order_no;
  std::optional<std::string> device_type;  // car_pile | bike_device
  std::optional<int64_t> device_id;
};

// The rows of one log kind owned by a property: list (the spec below), detail, owner, insert, update.
ListSpec call_log_spec();
ListSpec fault_spec();

class ServiceLogRepo {
 public:
  explicit ServiceLogRepo(Connection& c) : c_(c) {}
  Page calls(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> call(int64_t id, const DataScope& scope);
  int64_t insert_call(int64_t provider_id, int64_t property_id, const CallFields& f, const std::string& by,
                      int64_t now);
  void update_call(int64_t id, const CallFields& f, const std::string& by, int64_t now);

  Page faults(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> fault(int64_t id, const DataScope& scope);
  int64_t insert_fault(int64_t provider_id, int64_t property_id, const FaultFields& f, const std::string& by,
                       int64_t now);
  void update_fault(int64_t id, const FaultFields& f, const std::string& by, int64_t now);
  // The property of a device (car pile or e-bike device) in the caller's scope.
  std::optional<int64_t> device_property(const std::string& device_type, int64_t device_id,
                                         const DataScope& scope);

  // Faults a device reports (source device): opens a record unless one of the device is still unsolved;
  // returns whether it did.
  bool open_device_fault(const std::string& device_type, int64_t device_id, const std::string& code,
                         const std::string& detail, int64_t now);
  // Solves the device's unsolved device-reported records once none of its connectors is in fault.
  int64_t solve_device_faults(const std::string& device_type, int64_t device_id, int64_t now);

 private:
  Connection& c_;
};

}  // namespace zc::db::stat
