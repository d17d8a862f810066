#pragma once
// SQL of the station report (STAT-STATION; docs/api-stat.md "Station report"): the daily roll-ups
// (stat_station_day, migration 0023) as a list with its filters, their totals and their per-day sums.
#include <string>
#include <vector>

#include "storage/list_query.hpp"

namespace zc::db::stat {

struct ReportFigures {
  std::string day;  // the chart's date; empty for the totals
  int64_t rows = 0, sessions = 0, charge_seconds = 0, energy = 0, energy_fee = 0, service_fee = 0,
          occupancy_fee = 0, charged = 0, refunds = 0, refunded = 0;
};

ListSpec station_report_spec();

class StationReportRepo {
 public:
  explicit StationReportRepo(Connection& c) : c_(c) {}
  // The totals of the rows `where` selects (parsed from the list's query), and their sums per day.
  ReportFigures totals(const Where& where);
  std::vector<ReportFigures> per_day(const Where& where);

 private:
  Connection& c_;
};

}  // namespace zc::db::stat
