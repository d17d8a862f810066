#include "service/order/order_query.hpp"

#include <map>
#include <stdexcept>

#include "core/error.hpp"
#include "domain/order/bike_order_state.hpp"
#include "domain/order/car_order_state.hpp"
#include "export/xlsx.hpp"
#include "storage/repositories/member_card_use.hpp"
#include "storage/repositories/payment_repo.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::order {

namespace json = boost::json;
using db::Connection;
using db::Result;
using namespace db::orders;

namespace {

// Excel's own limit is 1,048,575 rows; a bigger export is refused before it starts writing.
constexpr int64_t kMaxExportRows = 1'000'000;
constexpr int64_t kExportBatch = 1000;

// Labels of the stored words in the exported sheets (the web shows them through its i18n).
const std::map<std::string, std::string>& labels() {
  static const std::map<std::string, std::string> m = {
      {"starting", "启动中"},
      {"charging", "充电中"},
      {"stopping", "停止中"},
      {"completed", "已完成"},
      {"abnormal", "异常"},
      {"suspended", "挂起"},
      {"finished", "已结束"},
      {"app", "小程序"},
      {"card", "刷卡"},
      {"admin", "后台"},
      {"car", "汽车"},
      {"bike", "单车"},
      {"unpaid", "待支付"},
      {"paid", "已支付"},
      {"failed", "失败"},
      {"closed", "已关闭"},
      {"wechat", "微信支付"},
      {"leshua", "乐刷"},
      {"suixingpay", "随行付"},
      {"prepay_return", "预付退回"},
      {"fee_refund", "费用退款"},
      {"pending", "退款中"},
      {"succeeded", "退款成功"},
  };
  return m;
}

std::string label(const std::string& v) {
  auto it = labels().find(v);
  return it == labels().end() ? v : it->second;
}

// One exported column: its header and kind, the list column it reads and how.
enum class Cell { text, label, money, time, number, energy };
struct ExportColumn {
  std::string header;
  std::string field;  // the list's camelCase alias
  Cell cell = Cell::text;
  double width = 0;
};

XlsxKind xlsx_kind(Cell c) {
  switch (c) {
    case Cell::money:
      return XlsxKind::money_fen;
    case Cell::energy:
      return XlsxKind::energy;
    case Cell::time:
      return XlsxKind::datetime_ms;
    case Cell::number:
      return XlsxKind::integer;
    default:
      return XlsxKind::text;
  }
}

struct ExportPlan {
  db::ListSpec spec;
  std::string time_col, id_col;
  std::vector<ExportColumn> columns;
  std::string sheet;
};

std::string start_export(db::Database& db, exports::ExportJobs& jobs, const Principal& p,
                         std::string file_name, const ExportPlan& plan, QueryParams q) {
  DataScope scope = p.scope;
  // Parse the request as the list parses it, now: a value the list refuses is a 400 of this request
  // (with the list's message), not a failed job. Then paging and sorting go: an export has every row.
  db.read([&](Connection& c) { db::parse_list_query(c, plan.spec, q, scope); });
  q.erase("pageNum");
  q.erase("pageSize");
  q.erase("orderByColumn");
  q.erase("isAsc");
  db::Database* dbp = &db;
  return jobs.start(p.user_id, std::move(file_name),
                    [dbp, plan, q, scope](const std::string& path, exports::JobControl& control) {
                      dbp->read([&](Connection& c) {
                        int64_t total = count_all(c, plan.spec, q, scope);
                        if (total > kMaxExportRows)
                          throw std::runtime_error("导出行数" + std::to_string(total) + "超过" +
                                                   std::to_string(kMaxExportRows) + "行，请缩小查询范围");
                        control.set_total(total);
                        std::vector<XlsxColumn> cols;
                        for (const auto& col : plan.columns)
                          cols.push_back({col.header, xlsx_kind(col.cell), col.width});
                        XlsxOptions opt;
                        opt.sheet_name = plan.sheet;
                        opt.progress_every = 500;
                        opt.on_progress = [&control](size_t n) { control.progress(static_cast<int64_t>(n)); };
                        XlsxWriter w(path, cols, opt);
                        std::vector<XlsxCell> cells(plan.columns.size());
                        for_each_batch(c, plan.spec, q, scope, plan.time_col, plan.id_col, kExportBatch,
                                       [&](const Result& r) {
                                         std::vector<int> at(plan.columns.size(), -1);
                                         for (size_t i = 0; i < plan.columns.size(); ++i)
                                           for (size_t k = 0; k < r.columns.size(); ++k)
                                             if (r.columns[k] == plan.columns[i].field)
                                               at[i] = static_cast<int>(k);
                                         for (size_t row = 0; row < r.size(); ++row) {
                                           for (size_t i = 0; i < plan.columns.size(); ++i) {
                                             if (at[i] < 0 || r.is_null(row, at[i])) {
                                               cells[i] = std::monostate{};
                                               continue;
                                             }
                                             switch (plan.columns[i].cell) {
                                               case Cell::text:
                                                 cells[i] = r.str(row, at[i]);
                                                 break;
                                               case Cell::label:
                                                 cells[i] = label(r.str(row, at[i]));
                                                 break;
                                               default:
                                                 cells[i] = r.i64(row, at[i]);
                                             }
                                           }
                                           w.add_row(cells);
                                         }
                                       });
                        w.finish();
                        control.progress(static_cast<int64_t>(w.rows()));
                      });
                    });
}

std::vector<ExportColumn> order_columns(OrderKind k) {
  std::vector<ExportColumn> c = {{"订单编号", "orderNo", Cell::text, 22},
                                 {"手机号", "phone", Cell::text, 14},
                                 {"电站", "stationName", Cell::text, 22},
                                 {"区域", "areaName", Cell::text, 14}};
  if (k == OrderKind::car) {
    c.push_back({"电桩", "pileName", Cell::text, 16});
    c.push_back({"电桩编号", "pileCode", Cell::text, 18});
    c.push_back({"充电枪编号", "gunCode", Cell::text, 20});
    c.push_back({"车牌号", "plate", Cell::text, 12});
  } else {
    c.push_back({"设备", "deviceName", Cell::text, 16});
    c.push_back({"设备编号", "deviceCode", Cell::text, 18});
    c.push_back({"插座号", "socketNo", Cell::number, 8});
  }
  std::vector<ExportColumn> rest = {
      {"启动方式", "startMethod", Cell::label, 10},  {"状态", "status", Cell::label, 10},
      {"预付金额(元)", "prepaid", Cell::money, 12},  {"电费(元)", "energyFee", Cell::money, 10},
      {"服务费(元)", "serviceFee", Cell::money, 10}, {"订单金额(元)", "charged", Cell::money, 12},
      {"已退金额(元)", "refunded", Cell::money, 12}, {"预付退回(元)", "prepayReturned", Cell::money, 12},
      {"退费(元)", "feeRefunded", Cell::money, 10},  {"充电量(kWh)", "energy", Cell::energy, 12},
      {"下单时间", "createTime", Cell::time, 20},    {"开始时间", "startTime", Cell::time, 20},
      {"结束时间", "endTime", Cell::time, 20},       {"结束原因", "endReason", Cell::text, 20}};
  c.insert(c.end(), rest.begin(), rest.end());
  return c;
}

}  // namespace

OrderListPage OrderQueries::list(OrderKind k, const QueryParams& q, const Principal& p) {
  auto page = db_.read([&](Connection& c) { return list_bounded(c, k, q, p.scope); });
  OrderListPage out{{}, page.total, page.capped};
  out.rows.reserve(page.rows.size());
  for (auto& row : page.rows) {
    auto cost = running_cost(row);
    out.rows.push_back({std::move(row), cost});
  }
  return out;
}

std::optional<int64_t> OrderQueries::running_cost(const db::orders::OrderRow& row) {
  OrderEnder* orders = row.kind == OrderKind::car ? car_ : bike_;
  if (!orders) return std::nullopt;
  bool open = false;
  if (row.kind == OrderKind::car) {
    auto st = parse_car_order_state(row.state);
    open = st && is_open(*st);
  } else {
    auto st = parse_bike_order_state(row.state);
    open = st && is_open(*st);
  }
  if (!open) return std::nullopt;
  return orders->running_cost(row.id);
}

OrderDetailView OrderQueries::detail(OrderKind k, int64_t id, const Principal& p) {
  OrderDetailView out = db_.read([&](Connection& c) {
    auto d = order_detail(c, k, id, p.scope);
    if (!d) fail_not_found("订单不存在或无权访问");
    OrderDetailView v;
    v.order = std::move(*d);
    if (auto pay_id = v.order.row.pay_order_id) {
      auto po = db::station::row_by_id(c, db::payment::pay_order_list_spec(), "p.id", *pay_id, DataScope{});
      if (po) {
        db::payment::PaymentRepo repo(c);
        (*po)["ledger"] = repo.ledger_of(*pay_id);
        auto o = repo.find(*pay_id);
        (*po)["heldAmount"] = o ? o->held() : 0;
        v.payment = std::move(*po);
        v.refunds = repo.refunds_of(*pay_id);
      }
    }
    if (!v.order.row.card_no.empty())
      v.card_ledger = db::member::CardUseRepo(c).ledger_of_order(k == OrderKind::car ? "car" : "bike", id);
    if (k == OrderKind::car && v.order.tariff_version_id)
      v.car_tariff = car_tariff_version(c, *v.order.tariff_version_id);
    if (k == OrderKind::bike && v.order.tariff_id) v.bike_tariff = bike_tariff(c, *v.order.tariff_id);
    return v;
  });
  out.cost_so_far = running_cost(out.order.row);
  return out;
}

std::string OrderQueries::export_orders(OrderKind k, const QueryParams& filters, const Principal& p) {
  ExportPlan plan{k == OrderKind::car ? car_order_list_spec() : bike_order_list_spec(), "o.created_at",
                  "o.id", order_columns(k), k == OrderKind::car ? "汽车订单" : "单车订单"};
  return start_export(db_, exports_, p, k == OrderKind::car ? "汽车订单.xlsx" : "单车订单.xlsx", plan,
                      filters);
}

std::string OrderQueries::export_payments(const QueryParams& filters, const Principal& p) {
  ExportPlan plan{db::payment::pay_order_list_spec(),
                  "p.created_at",
                  "p.id",
                  {{"支付单号", "payNo", Cell::text, 22},
                   {"订单类型", "orderType", Cell::label, 10},
                   {"电站", "stationName", Cell::text, 22},
                   {"手机号", "phone", Cell::text, 14},
                   {"支付方式", "payType", Cell::label, 12},
                   {"商户号", "merchantNo", Cell::text, 16},
                   {"支付金额(元)", "amount", Cell::money, 12},
                   {"状态", "status", Cell::label, 10},
                   {"实付金额(元)", "paidAmount", Cell::money, 12},
                   {"扣款金额(元)", "capturedAmount", Cell::money, 12},
                   {"已退金额(元)", "refundedAmount", Cell::money, 12},
                   {"退款中(元)", "refundPending", Cell::money, 12},
                   {"第三方交易号", "gatewayTxnNo", Cell::text, 24},
                   {"创建时间", "createTime", Cell::time, 20},
                   {"支付时间", "payTime", Cell::time, 20},
                   {"第三方回调", "notifyBody", Cell::text, 60}},
                  "支付订单"};
  return start_export(db_, exports_, p, "支付订单.xlsx", plan, filters);
}

std::string OrderQueries::export_refunds(const QueryParams& filters, const Principal& p) {
  ExportPlan plan{db::payment::refund_list_spec(),
                  "r.created_at",
                  "r.id",
                  {{"退费单号", "refundNo", Cell::text, 22},
                   {"支付单号", "payNo", Cell::text, 22},
                   {"订单类型", "orderType", Cell::label, 10},
                   {"电站", "stationName", Cell::text, 22},
                   {"收款人", "payee", Cell::text, 14},
                   {"退费类型", "refundType", Cell::label, 12},
                   {"退费金额(元)", "amount", Cell::money, 12},
                   {"支付金额(元)", "payAmount", Cell::money, 12},
                   {"状态", "status", Cell::label, 10},
                   {"原因", "reason", Cell::text, 20},
                   {"操作人", "operator", Cell::text, 12},
                   {"第三方退款单号", "gatewayRefundNo", Cell::text, 24},
                   {"退款结果", "result", Cell::text, 16},
                   {"申请时间", "createTime", Cell::time, 20},
                   {"退款时间", "refundTime", Cell::time, 20}},
                  "退费记录"};
  return start_export(db_, exports_, p, "退费记录.xlsx", plan, filters);
}

}  // namespace zc::order
