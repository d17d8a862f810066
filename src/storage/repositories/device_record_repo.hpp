#pragma once
// The devices' transaction records for the operator (订单管理 › 设备交易记录; docs/api-order.md "Device
// records"): every row of charging_transaction, car piles and e-bike devices, with the device, station,
// review flags, reconciliation and the platform order it belongs to (when one took its reference).
#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::records {

// Filters: deviceType (car_pile | bike_device), deviceId, deviceCode, stationId, connectorId, serial,
// idTag, status, beginTime/endTime (on the start), flagged (abnormal 0/1), withoutOrder (0/1),
// reconcile (open | reviewed). Newest start first. 400 naming the parameter on bad values.
Page list(Connection& c, const QueryParams& q, const DataScope& scope);
std::optional<boost::json::object> find(Connection& c, int64_t id, const DataScope& scope);
// reconcile = status (open | reviewed) with the note, who and when; false when not in scope.
bool review(Connection& c, int64_t id, const std::string& status, const std::string& note,
            const std::string& by, int64_t now, const DataScope& scope);

}  // namespace zc::db::records
