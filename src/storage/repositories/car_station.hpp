#pragma once
// SQL of car stations (CAR-ST): rows and private-pile applications (CAR-ST-PRIV). Change history, invoice
// and payment configuration and the user ↔ station binding lookups are db::station::StationRecords.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/station_child.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::db::car {

struct StationRec {
  int64_t id = 0;
  int64_t provider_id = 0;
  int64_t property_id = 0;
  std::string name;
  std::string timezone;
  std::string hotline;
  std::string address;
  int64_t status = 0;
  int64_t audit_status = 0;
};

// The editable fields: the common ones and the car station's own.
struct StationFields : station::CommonFields {
  std::string contact, contact_phone, intro, hotline;
  int64_t max_power = 0, capacity_load = 0;  // kW, kVA
};

struct PrivateApplyFields {
  int64_t station_id = 0, provider_id = 0, property_id = 0;
  std::string name, phone, plate, community, parking_spot, remark, ip;
};

class StationRepo {
 public:
  explicit StationRepo(Connection& c) : c_(c) {}
  Page list(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);
  std::optional<StationRec> find(int64_t id);  // no scope: callers check it
  std::optional<StationFields> fields(int64_t id);
  bool in_scope(int64_t id, const DataScope& scope);
  int64_t insert(int64_t provider_id, int64_t property_id, const StationFields& f, const std::string& by,
                 int64_t now);
  void update(int64_t id, const StationFields& f, bool reset_audit, const std::string& by, int64_t now);
  boost::json::object counts(int64_t id);  // {areas, piles, guns, spots}
  // Both the provider and the property enabled.
  bool owners_enabled(int64_t provider_id, int64_t property_id);
  // Locks the station row until the transaction ends (PostgreSQL; SQLite writes are serial anyway).
  void lock(int64_t id);

 private:
  Connection& c_;
};

class PrivateApplyRepo : public station::ChildRows {
 public:
  explicit PrivateApplyRepo(Connection& c);
  int64_t count_since(int64_t station_id, const std::string& phone, int64_t since_ms);
  int64_t insert(const PrivateApplyFields& f, int64_t now);
  std::optional<int64_t> status_of(int64_t id);
  void handle(int64_t id, int64_t status, const std::string& remark, const std::string& by, int64_t now);
};

}  // namespace zc::db::car
