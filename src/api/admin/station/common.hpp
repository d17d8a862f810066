#pragma once
// Handler helpers shared by every station module (car, e-bike): DTO parsing (booleans, coordinates,
// integer lists, filter bodies), binary responses, and the routes of the shared station configuration
// (invoice and payment configuration, parameterised by the station type).
#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "api/admin/system/common.hpp"
#include "core/clock.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::api::station {

using system::id_data;
using system::required_id;
using system::rows;
using system::text;

// true/false or 0/1; absent/null → `def`.
bool opt_bool(const JsonBody& b, std::string_view key, bool def = false);
// A JSON number (or numeric string) of degrees → micro-degrees; absent/null/"" → nullopt.
std::optional<int64_t> opt_micro_degrees(const JsonBody& b, std::string_view key);
// An optional integer with a default.
int64_t int_or(const JsonBody& b, std::string_view key, int64_t def);
// An array of integers (`prepayValues`); 400 naming the field otherwise.
std::vector<int64_t> int_list(const JsonBody& b, std::string_view key);
// An export's JSON body as the query parameters of its list (docs/api-system.md "Exports"): strings and
// numbers as written, null = absent; an array or object is a 400 naming the key. The export then parses
// them through its list's own parser.
QueryParams filters_of(const JsonBody& b);
boost::json::object job_data(const std::string& job_id);  // {jobId}

http::Response png(std::string bytes, const std::string& file_name);

db::station::InvoiceFields invoice_input(const JsonBody& b);

// GET {base}/{id}/invoiceConfig, PUT {base}/invoiceConfig, GET {base}/{id}/payConfig, PUT {base}/payConfig
// with permissions `{perm}:invoice` / `{perm}:pay` (docs/api-car.md CAR-ST-INV/PAY, docs/api-bike.md).
// e.g. base "/bike/station", perm "bike:station", title "单车电站". `clock` stamps the changes.
void register_station_config_routes(http::Router& r, db::Database& db, const Clock& clock,
                                    db::station::StationType type, const std::string& base,
                                    const std::string& perm, const std::string& title);

// GET /test/clock, POST /test/clock {offsetMs} or {now} (system admin; testing.enabled only): reads or moves
// the business clock every station module and the driver app's station reads share.
void register_clock_test_routes(http::Router& r, Clock& clock);

}  // namespace zc::api::station
