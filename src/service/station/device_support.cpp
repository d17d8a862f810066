#include "service/station/device_support.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "core/error.hpp"
#include "export/qr.hpp"
#include "export/qr_templates.hpp"
#include "export/xlsx.hpp"
#include "service/export/export_jobs.hpp"
#include "storage/repositories/tariff_in_force.hpp"

namespace zc::station {

void mark_tariff_in_force(db::Database& db, db::station::StationType type, int64_t now_ms,
                          boost::json::array& rows) {
  std::vector<int64_t> areas;
  for (const auto& r : rows)
    if (const auto* a = r.as_object().if_contains("areaId"); a && a->is_int64())
      areas.push_back(a->as_int64());
  auto in_force =
      db.read([&](db::Connection& c) { return db::areas_with_tariff_in_force(c, type, areas, now_ms); });
  for (auto& r : rows) {
    auto& o = r.as_object();
    const auto* a = o.if_contains("areaId");
    o["tariffInForce"] = a && a->is_int64() && in_force.count(a->as_int64()) > 0;
  }
}

void mark_tariff_in_force(db::Database& db, db::station::StationType type, int64_t now_ms,
                          boost::json::object& row) {
  boost::json::array one{row};
  mark_tariff_in_force(db, type, now_ms, one);
  row = std::move(one[0].as_object());
}

namespace json = boost::json;

bool DeviceCode::valid(const std::string& code) const {
  return code.size() == digits &&
         std::all_of(code.begin(), code.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

void DeviceCode::check_format(const std::optional<std::string>& given) const {
  if (given && !given->empty() && !valid(*given))
    fail_bad_request(std::string("code: ") + noun + "编号必须是" + std::to_string(digits) + "位数字");
}

void DeviceCode::check_free(db::station::DeviceRows& repo, const std::optional<std::string>& given) const {
  if (given && !given->empty() && repo.code_taken(*given))
    fail_conflict(std::string("code: ") + noun + "编号已存在");
}

std::string DeviceCode::assign(db::station::DeviceRows& repo, int64_t id,
                               const std::optional<std::string>& given) const {
  std::string code;
  if (given && !given->empty()) {
    code = *given;
  } else {
    for (int64_t n = first + id;; ++n) {
      code = std::to_string(n);
      if (!repo.code_taken(code)) break;
    }
  }
  repo.set_code(id, code);
  return code;
}

void DeviceCode::check_unchanged(const std::optional<std::string>& given, const std::string& code,
                                 const std::string& given_factory_no, const std::string& factory_no) const {
  if (given && !given->empty() && *given != code)
    fail_bad_request(std::string("code: ") + noun + "编号不可修改");
  if (given_factory_no != factory_no) fail_bad_request("factoryNo: 出厂标识不可修改");
}

// The server's own wording of a failed command (the admin web shows its localized text by the reason).
static const char* failure_message(const devices::CommandReply& reply) {
  using devices::RejectReason;
  switch (reply.result) {
    case devices::CommandResult::accepted:
    case devices::CommandResult::offline:
      return "设备不在线，无法执行";
    case devices::CommandResult::timeout:
      return "设备响应超时";
    case devices::CommandResult::rejected:
      break;
  }
  switch (reply.reason) {
    case RejectReason::not_plugged_in:
      return "设备拒绝执行：车辆未插枪";
    case RejectReason::not_charging:
      return "设备拒绝执行：没有正在进行的充电";
    case RejectReason::busy:
      return "设备拒绝执行：设备正忙";
    case RejectReason::failed:
      return "设备拒绝执行：设备执行失败";
    case RejectReason::unsupported_by_device:
      return "设备拒绝执行：设备不支持该指令";
    case RejectReason::unsupported_by_protocol:
      return "该设备的通信协议不支持此指令，平台未下发";
    case RejectReason::invalid_argument:
      return "指令参数不适用于该设备，平台未下发";
    case RejectReason::no_tariff:
      return "电桩所在区域没有生效的计费规则，平台未下发";
    case RejectReason::none:
    case RejectReason::refused:
      break;
  }
  return "设备拒绝执行";
}

json::object command_outcome(const devices::CommandReply& reply) {
  if (reply.result != devices::CommandResult::accepted)
    throw ApiError(409, failure_message(reply), devices::reason_code(reply), reply.detail);
  json::object o;
  o["result"] = "accepted";
  o["reason"] = "accepted";
  o["detail"] = reply.detail;
  return o;
}

std::string qr_label_png(const std::string& tmpl, const std::string& url, const std::string& title,
                         const std::string& code, const std::string& subtitle) {
  auto t = parse_qr_template(tmpl.empty() ? "plain" : tmpl);
  if (!t) fail_bad_request("template: 只能是plain、labelled或card");
  QrLabel label;
  label.tmpl = *t;
  label.qr_text = url;
  label.title = title;
  label.code = code;
  label.subtitle = subtitle;
  return render_qr_label(label);
}

std::string str_field(const json::object& o, const char* k) {
  auto it = o.find(k);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
}

std::string two_digits(int64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(n));
  return buf;
}

std::string start_qr_export(exports::ExportJobs& jobs, db::Database& db, const Principal& user,
                            QrExportSpec spec) {
  db::Database* dbp = &db;
  std::string file_name = spec.file_name;
  return jobs.start(
      user.user_id, file_name,
      [dbp, spec = std::move(spec)](const std::string& path, exports::JobControl& control) {
        json::array rows = dbp->read([&](db::Connection& c) { return spec.rows(c); });
        if (rows.size() > kMaxQrExportRows)
          throw std::runtime_error("导出行数超过" + std::to_string(kMaxQrExportRows) + "行，请缩小查询范围");
        control.set_total(static_cast<int64_t>(rows.size()));
        std::vector<XlsxColumn> cols = {{"电站", XlsxKind::text, 24},
                                        {"二维码", XlsxKind::image_png, 0},
                                        {"二维码URL", XlsxKind::text, 48},
                                        {"出厂标识", XlsxKind::text, 20}};
        for (const auto& h : spec.code_headers) cols.push_back({h.header, XlsxKind::text, h.width});
        XlsxOptions opt;
        opt.sheet_name = spec.sheet_name;
        opt.max_rows = kMaxQrExportRows;
        opt.progress_every = 100;
        opt.on_progress = [&control](size_t n) { control.progress(static_cast<int64_t>(n)); };
        XlsxWriter w(path, cols, opt);
        for (const auto& v : rows) {
          const auto& o = v.as_object();
          std::string url = spec.url(o);
          std::vector<XlsxCell> cells = {str_field(o, "stationName"), qr_png(url, 4, 2), url,
                                         str_field(o, "factoryNo")};
          for (auto& code : spec.codes(o)) cells.emplace_back(std::move(code));
          w.add_row(cells);
        }
        w.finish();
        control.progress(static_cast<int64_t>(rows.size()));
      });
}

}  // namespace zc::station
