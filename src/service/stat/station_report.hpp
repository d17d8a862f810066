#pragma once
// The station report (STAT-STATION; docs/api-stat.md "Station report"): per station and local day from the
// roll-ups, with its totals, a per-day chart and an Excel export, within the caller's data scope.
#include <boost/json/object.hpp>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "service/export/export_jobs.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::stat {

struct StationReportContext {
  db::Database& db;
  exports::ExportJobs& jobs;
};

class StationReportService {
 public:
  explicit StationReportService(StationReportContext ctx) : ctx_(ctx) {}
  db::Page list(const QueryParams& q, const Principal& p);
  // {totals: {...}, chart: {days, sessions, energy, charged, refunded, net}} of the rows the filters select.
  boost::json::object summary(const QueryParams& q, const Principal& p);
  std::string export_rows(const QueryParams& filters, const Principal& p);  // the job id

 private:
  StationReportContext ctx_;
};

}  // namespace zc::stat
