#pragma once
// The devices' transaction records for the operator (订单管理 › 设备交易记录; docs/api-order.md "Device
// records"): every row of charging_transaction, car piles and e-bike devices, with the device, station,
// review flags, reconciliation and the platform order it belongs to (when one took its reference).
#include <optional>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/row_struct.hpp"

namespace zc::db::records {

// A record with its device, station and platform order (null when no order took its reference).
struct RecordRow {
  int64_t id = 0;
  std::string device_type;  // car_pile | bike_device
  int64_t device_id = 0;
  std::string device_name, device_code;
  std::optional<int64_t> station_id;
  std::string station_name;
  int64_t connector_id = 0;
  std::optional<std::string> serial;
  std::string id_tag, id_tag_status, start_method, vin, card;
  int64_t start_time = 0;
  std::optional<int64_t> stop_time;
  int64_t meter_start = 0;
  std::optional<int64_t> meter_stop, meter_last, energy, amount;
  std::string status, stop_reason;
  std::optional<int64_t> stop_code;
  int64_t abnormal = 0;
  std::string flags, reconcile, reconcile_note, reconciled_by;
  std::optional<int64_t> reconciled_at;
  std::optional<std::string> order_no;
  std::optional<int64_t> order_id;
  int64_t create_time = 0;
};
BOOST_DESCRIBE_STRUCT(RecordRow, (),
                      (id, device_type, device_id, device_name, device_code, station_id, station_name,
                       connector_id, serial, id_tag, id_tag_status, start_method, vin, card, start_time,
                       stop_time, meter_start, meter_stop, meter_last, energy, amount, status, stop_reason,
                       stop_code, abnormal, flags, reconcile, reconcile_note, reconciled_by, reconciled_at,
                       order_no, order_id, create_time))

// Filters: deviceType (car_pile | bike_device), deviceId, deviceCode, stationId, connectorId, serial,
// idTag, status, beginTime/endTime (on the start), flagged (abnormal 0/1), withoutOrder (0/1),
// reconcile (open | reviewed). Newest start first. 400 naming the parameter on bad values.
RowsPage<RecordRow> list(Connection& c, const QueryParams& q, const DataScope& scope);
std::optional<RecordRow> find(Connection& c, int64_t id, const DataScope& scope);
// reconcile = status (open | reviewed) with the note, who and when; false when not in scope.
bool review(Connection& c, int64_t id, const std::string& status, const std::string& note,
            const std::string& by, int64_t now, const DataScope& scope);

}  // namespace zc::db::records
