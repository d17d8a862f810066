#pragma once
// The customer-service call log (STAT-CALL) and the fault log (STAT-FAULT) (docs/api-stat.md): rows of a
// property, added and edited by its staff, exported to Excel.
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "service/export/export_jobs.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/service_log_repo.hpp"

namespace zc::stat {

struct ServiceLogContext {
  db::Database& db;
  const Clock& clock;
  exports::ExportJobs& jobs;
};

class ServiceLogService {
 public:
  explicit ServiceLogService(ServiceLogContext ctx) : ctx_(ctx) {}

  db::Page calls(const QueryParams& q, const Principal& p);
  boost::json::object call(int64_t id, const Principal& p);
  int64_t add_call(std::optional<int64_t> property_id, const db::stat::CallFields& f, const Principal& p);
  void edit_call(int64_t id, const db::stat::CallFields& f, const Principal& p);
  std::string export_calls(const QueryParams& filters, const Principal& p);  // the job id

  db::Page faults(const QueryParams& q, const Principal& p);
  boost::json::object fault(int64_t id, const Principal& p);
  int64_t add_fault(std::optional<int64_t> property_id, db::stat::FaultFields f, const Principal& p);
  void edit_fault(int64_t id, db::stat::FaultFields f, const Principal& p);
  std::string export_faults(const QueryParams& filters, const Principal& p);

 private:
  ServiceLogContext ctx_;
};

}  // namespace zc::stat
