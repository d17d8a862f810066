#pragma once
// Device-side mechanisms shared by every station type (car piles/guns, e-bike devices/sockets):
// the device input, code allocation and the fixed identity of a device, the refresh command, the API
// outcome of a DeviceGateway command, QR links and print labels (3 templates), and the QR Excel export
// run as an export job (docs/api-car.md "Exports": station, QR image, QR URL, factory id, codes).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/principal.hpp"
#include "devices/gateway.hpp"
#include "service/station/public_url.hpp"  // public_base, public_link: every public link
#include "storage/database.hpp"
#include "storage/repositories/station_child.hpp"
#include "storage/repositories/station_common.hpp"  // StationType

namespace zc::exports {
class ExportJobs;
}

namespace zc::station {

// How long the admin waits for a device's reply to a command.
inline constexpr std::chrono::milliseconds kCommandTimeout{10000};

// The create/edit input of a device (car pile, e-bike device) with the kind's `Fields`.
template <class Fields>
struct DeviceInput {
  int64_t id = 0, station_id = 0, area_id = 0;
  std::optional<std::string> code;  // create: optional (assigned); update: must be unchanged
  Fields f;
};

// The codes of a device kind: `digits` digits; an assigned code is `first` + the row id (e.g. 电桩: 14
// digits from 8×10¹³). `noun` names the code in the messages (电桩 → "code: 电桩编号…").
struct DeviceCode {
  const char* noun;
  size_t digits;
  int64_t first;

  bool valid(const std::string& code) const;
  // 400 when a code is given that is not `digits` digits.
  void check_format(const std::optional<std::string>& given) const;
  // 409 when a code is given that another row has.
  void check_free(db::station::DeviceRows& repo, const std::optional<std::string>& given) const;
  // The code given, or assigned (skipping codes given by hand), written to row `id`.
  std::string assign(db::station::DeviceRows& repo, int64_t id,
                     const std::optional<std::string>& given) const;
  // 400 when an edit changes the code or the factory id (both fixed after creation).
  void check_unchanged(const std::optional<std::string>& given, const std::string& code,
                       const std::string& given_factory_no, const std::string& factory_no) const;
};

// 刷新状态 of a device of `Repo`: the gateway's view, stored on the row; offline → 409 offline, online →
// the device is asked for its current status (OCPP TriggerMessage StatusNotification).
template <class Repo>
boost::json::object refresh_device(db::Database& db, const Clock& clock, devices::DeviceGateway& gateway,
                                   const devices::DeviceRef& ref);

// Marks rows that carry `areaId` (pile/gun or device/socket lists and details) with `tariffInForce`:
// whether their area has a tariff in force at `now_ms` (one query for all rows).
void mark_tariff_in_force(db::Database& db, db::station::StationType type, int64_t now_ms,
                          boost::json::array& rows);
void mark_tariff_in_force(db::Database& db, db::station::StationType type, int64_t now_ms,
                          boost::json::object& row);

// The string at `key` of a list row ("" when absent or not a string).
std::string str_field(const boost::json::object& row, const char* key);
// "01".."99": socket and gun numbers in their codes and names.
std::string two_digits(int64_t n);

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
  struct CodeColumn {
    std::string header;
    double width = 20;
  };
  std::string file_name;   // offered to the browser, e.g. "插座二维码.xlsx"
  std::string sheet_name;  // e.g. "插座二维码"
  std::vector<CodeColumn> code_headers;
  std::function<boost::json::array(db::Connection&)> rows;  // all matching rows, in scope
  std::function<std::string(const boost::json::object&)> url;
  std::function<std::vector<std::string>(const boost::json::object&)> codes;  // one per code header
};
inline constexpr size_t kMaxQrExportRows = 20000;

// Starts the export job of `user`; returns the job id. Rows beyond kMaxQrExportRows fail the job.
std::string start_qr_export(exports::ExportJobs& jobs, db::Database& db, const Principal& user,
                            QrExportSpec spec);

template <class Repo>
boost::json::object refresh_device(db::Database& db, const Clock& clock, devices::DeviceGateway& gateway,
                                   const devices::DeviceRef& ref) {
  bool online = gateway.is_online(ref);
  db.write([&](db::Connection& c) { Repo(c).set_online(ref.id, online, clock.now()); });
  if (!online) command_outcome(devices::CommandReply::offline());
  return command_outcome(gateway.send(ref, devices::Refresh{}, kCommandTimeout));
}

}  // namespace zc::station
