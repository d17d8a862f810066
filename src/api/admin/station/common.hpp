#pragma once
// Handler helpers shared by every station module (car, e-bike): DTO parsing (booleans, coordinates,
// integer lists, filter bodies), binary responses, and the routes of the shared station configuration
// (invoice and payment configuration, parameterised by the station type).
#include <boost/json/object.hpp>
#include <functional>
#include <memory>
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
// A station type's input with its ids: propertyId and providerId (optional) when creating, id otherwise.
template <class Input>
Input station_input_ids(const JsonBody& b, bool create) {
  Input in;
  if (create) {
    in.property_id = b.opt_i64("propertyId");
    in.provider_id = b.opt_i64("providerId");
  } else {
    in.id = required_id(b, "id");
  }
  return in;
}

// The fields every station type has (name, operationType, openingHours, address parts, coordinates,
// timezone); the type's parser adds its own.
void common_station_input(const JsonBody& b, db::station::CommonFields& f);

// GET {base}/{id}/invoiceConfig, PUT {base}/invoiceConfig, GET {base}/{id}/payConfig, PUT {base}/payConfig
// with permissions `{perm}:invoice` / `{perm}:pay` (docs/api-car.md CAR-ST-INV/PAY, docs/api-bike.md).
// e.g. base "/bike/station", perm "bike:station", title "单车电站". `clock` stamps the changes.
void register_station_config_routes(http::Router& r, db::Database& db, const Clock& clock,
                                    db::station::StationType type, const std::string& base,
                                    const std::string& perm, const std::string& title);

// The station routes every type has the same way: GET {base}/options, PUT {base}/audit, PUT
// {base}/changeStatus (docs/api-car.md CAR-ST, docs/api-bike.md BIKE-ST) and the configuration routes
// above. The type's module adds list, detail, create and edit (its own fields).
void register_station_lifecycle_routes(http::Router& r, db::Database& db, const Clock& clock,
                                       db::station::StationType type, const std::string& base,
                                       const std::string& perm, const std::string& title);

// GET {base}/list, GET {base}/{id}, POST {base}, PUT {base} of a station type's service, whose create and
// update take the type's input (`input(body, create)` parses the type's own fields).
template <class Service, class Input>
void register_station_rows(http::Router& r, std::shared_ptr<Service> svc, const std::string& base,
                           const std::string& perm, const std::string& title,
                           Input (*input)(const JsonBody& b, bool create)) {
  r.get(base + "/list", {.permission = perm + ":list"},
        [svc](http::Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get(base + "/{id}", {.permission = perm + ":query"},
        [svc](http::Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.post(base, {.permission = perm + ":add", .log_title = title, .op = http::Op::add},
         [svc, input](http::Request& q) {
           return http::ok(id_data(svc->create(input(JsonBody::parse(q.body), true), q.user())));
         });
  r.put(base, {.permission = perm + ":edit", .log_title = title, .op = http::Op::edit},
        [svc, input](http::Request& q) {
          svc->update(input(JsonBody::parse(q.body), false), q.user());
          return http::ok();
        });
}

// The area routes of a station type (CAR-AREA, BIKE-AREA): GET {base}/list, {base}/options, {base}/{id};
// POST/PUT {base}; PUT {base}/changeStatus; DELETE {base}/{id} for e-bike areas only (car areas are not
// removed). Permissions `{perm}:list|query|add|edit|status|remove`; the car body carries `power` (kW).
// e.g. base "/bike/area", perm "bike:area", title "单车区域".
void register_area_routes(http::Router& r, db::Database& db, const Clock& clock,
                          db::station::StationType type, const std::string& base, const std::string& perm,
                          const std::string& title);

// GET /test/clock, POST /test/clock {offsetMs} or {now} (system admin; testing.enabled only): reads or moves
// the business clock every station module and the driver app's station reads share.
void register_clock_test_routes(http::Router& r, Clock& clock);

}  // namespace zc::api::station
