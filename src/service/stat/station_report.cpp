#include "service/stat/station_report.hpp"

#include "core/error.hpp"
#include "service/export/list_export.hpp"
#include "service/stat/rollups.hpp"
#include "storage/repositories/station_report_repo.hpp"

namespace zc::stat {

namespace json = boost::json;
using db::stat::ReportFigures;

// The dates are compared as text: only the exact form YYYY-MM-DD is accepted.
static void check_dates(const QueryParams& q) {
  for (const char* name : {"beginDate", "endDate"}) {
    auto v = query_str(q, name);
    if (v && !parse_day(*v)) fail_bad_request(std::string(name) + ": 日期格式应为YYYY-MM-DD");
  }
  auto type = query_str(q, "stationType");
  if (type && *type != "car" && *type != "bike") fail_bad_request("stationType: 只能是car或bike");
}

static json::object to_json(const ReportFigures& f) {
  return {{"rows", f.rows},
          {"sessions", f.sessions},
          {"chargeSeconds", f.charge_seconds},
          {"energy", f.energy},
          {"energyFee", f.energy_fee},
          {"serviceFee", f.service_fee},
          {"occupancyFee", f.occupancy_fee},
          {"charged", f.charged},
          {"refunds", f.refunds},
          {"refunded", f.refunded},
          {"net", f.charged - f.refunded}};
}

db::Page StationReportService::list(const QueryParams& q, const Principal& p) {
  check_dates(q);
  return ctx_.db.read(
      [&](db::Connection& c) { return db::list_page(c, db::stat::station_report_spec(), q, p.scope); });
}

json::object StationReportService::summary(const QueryParams& q, const Principal& p) {
  check_dates(q);
  return ctx_.db.read([&](db::Connection& c) {
    auto lq = db::parse_list_query(c, db::stat::station_report_spec(), q, p.scope);
    db::stat::StationReportRepo repo(c);
    json::array days, sessions, energy, charged, refunded, net;
    for (const auto& d : repo.per_day(lq.where)) {
      days.emplace_back(d.day);
      sessions.emplace_back(d.sessions);
      energy.emplace_back(d.energy);
      charged.emplace_back(d.charged);
      refunded.emplace_back(d.refunded);
      net.emplace_back(d.charged - d.refunded);
    }
    return json::object{{"totals", to_json(repo.totals(lq.where))},
                        {"chart", json::object{{"days", days},
                                               {"sessions", sessions},
                                               {"energy", energy},
                                               {"charged", charged},
                                               {"refunded", refunded},
                                               {"net", net}}}};
  });
}

std::string StationReportService::export_rows(const QueryParams& filters, const Principal& p) {
  check_dates(filters);
  exports::ListExport plan{
      db::stat::station_report_spec(),
      "r.id",
      {{"日期", "day", XlsxKind::text, 12},
       {"站点类型", "stationType", XlsxKind::text, 10, {{"car", "汽车"}, {"bike", "电单车"}}},
       {"站点", "stationName", XlsxKind::text, 24},
       {"物业", "propertyName", XlsxKind::text, 20},
       {"充电次数", "sessions", XlsxKind::integer, 10},
       {"充电时长(秒)", "chargeSeconds", XlsxKind::integer, 14},
       {"电量(kWh)", "energy", XlsxKind::energy, 12},
       {"电费(元)", "energyFee", XlsxKind::money_fen, 12},
       {"服务费(元)", "serviceFee", XlsxKind::money_fen, 12},
       {"占位费(元)", "occupancyFee", XlsxKind::money_fen, 12},
       {"消费金额(元)", "charged", XlsxKind::money_fen, 14},
       {"退费笔数", "refunds", XlsxKind::integer, 10},
       {"退费金额(元)", "refunded", XlsxKind::money_fen, 14},
       {"净收入(元)", "net", XlsxKind::money_fen, 14}},
      "站点统计",
      "站点统计.xlsx"};
  return exports::start_list_export(ctx_.db, ctx_.jobs, p, std::move(plan), filters);
}

}  // namespace zc::stat
