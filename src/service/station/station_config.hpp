#pragma once
// The station mechanisms every station type shares (car CAR-ST, e-bike BIKE-ST), parameterised by the
// station type: scope and "enabled" checks, change history, invoice configuration, payment configuration
// (secrets masked) and the station directory for user ↔ station binding (SYS-USER 绑定电站).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "service/system/station_directory.hpp"
#include "storage/database.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::station {

using db::station::StationRef;
using db::station::StationType;

// The station `id` inside the caller's scope (404 naming `field` otherwise).
StationRef station_in_scope(db::Connection& c, StationType t, int64_t id, const Principal& p,
                            const std::string& field = "stationId");
// 409 when the station, its property or its provider is disabled (adding children under it).
void require_station_enabled(db::Connection& c, const StationRef& s);

class StationConfigService {
 public:
  // `clock` stamps the changes.
  StationConfigService(db::Database& db, StationType type, const Clock& clock)
      : db_(db), type_(type), clock_(clock) {}

  // nullopt when not configured.
  std::optional<db::station::InvoiceRow> invoice_config(int64_t station_id, const Principal& p);
  void save_invoice_config(int64_t station_id, const db::station::InvoiceFields& f, const Principal& p);
  boost::json::object pay_config(int64_t station_id, const Principal& p);  // secrets masked
  void save_pay_config(int64_t station_id, const boost::json::object& body, const Principal& p);

 private:
  db::Database& db_;
  StationType type_;
  const Clock& clock_;
};

// Plugs the stations of `type` into SYS-USER station binding (`station_directories().add(...)`).
std::shared_ptr<sys::StationDirectory> make_station_directory(StationType type);

}  // namespace zc::station
