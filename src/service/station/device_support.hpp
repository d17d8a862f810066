#pragma once
// Device-side mechanisms shared by every station type (car piles/guns, e-bike devices/sockets):
// the API outcome of a DeviceGateway command, QR links and print labels (3 templates), and the QR Excel
// export run as an export job (docs/api-car.md "Exports": station, QR image, QR URL, factory id, codes).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/principal.hpp"
#include "devices/gateway.hpp"
#include "service/station/public_url.hpp"  // public_base, public_link: every public link
#include "storage/database.hpp"
#include "storage/repositories/station_common.hpp"  // StationType

namespace zc::exports {
class ExportJobs;
}

namespace zc::station {

// Marks rows that carry `areaId` (pile/gun or device/socket lists and details) with `tariffInForce`:
// whether their area has a tariff in force at `now_ms` (one query for all rows).
void mark_tariff_in_force(db::Database& db, db::station::StationType type, int64_t now_ms,
                          boost::json::array& rows);

// A device command's reply as the API answers it (docs/api-car.md "Device commands"): accepted →
// {result: "accepted", reason: "accepted", detail}; otherwise 409 with data {reason, detail} — reason
// the stable code of devices::reason_code (offline, timeout, refused, not_plugged_in, …,
// unsupported_by_protocol) — and msg the server's wording (设备不在线，无法执行 / 设备响应超时 /
// 设备拒绝执行…).
boost::json::object command_outcome(const devices::CommandReply& reply);

// A QR print label (export/qr_templates) as PNG; `tmpl` "" = plain, unknown → 400 naming `template`.
// `subtitle`: the card's instruction line ("" = scan to charge).
std::string qr_label_png(const std::string& tmpl, const std::string& url, const std::string& title,
                         const std::string& code, const std::string& subtitle = "");

// One QR export: the list rows (read on the export worker), and how a row becomes the QR URL and the
// code columns. Columns: 电站, 二维码, 二维码URL, 出厂标识, then `code_headers` (one cell each).
struct QrExportSpec {
  std::string file_name;   // offered to the browser, e.g. "插座二维码.xlsx"
  std::string sheet_name;  // e.g. "插座二维码"
  std::vector<std::string> code_headers;
  std::function<boost::json::array(db::Connection&)> rows;  // all matching rows, in scope
  std::function<std::string(const boost::json::object&)> url;
  std::function<std::vector<std::string>(const boost::json::object&)> codes;  // one per code header
};
inline constexpr size_t kMaxQrExportRows = 20000;

// Starts the export job of `user`; returns the job id. Rows beyond kMaxQrExportRows fail the job.
std::string start_qr_export(exports::ExportJobs& jobs, db::Database& db, const Principal& user,
                            QrExportSpec spec);

}  // namespace zc::station
