#pragma once
// The steps of a station's life that every station type shares (CAR-ST, BIKE-ST): create (owner, default
// area, history), edit (re-submission after a rejection, history), audit, enable/disable, options. The
// type's own columns are written by its service through the callbacks; the rest is here once.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/principal.hpp"
#include "storage/database.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::station {

using db::station::StationType;

// The rules of the fields every type has (name, operation type, opening hours, coordinates, time zone;
// opening hours and time zone normalised). Throws ApiError 400 naming the field.
void validate_common_fields(db::station::CommonFields& f);

// A new station of `t` under the property: the owner is resolved within the caller's scope (provider and
// property enabled; 400/404 naming the field), `insert(provider_id, property_id)` writes the type's row,
// then the default area 默认区域 and the history entry are added. Returns the station id.
int64_t create_station(db::Connection& c, StationType t, int64_t now, std::optional<int64_t> property_id,
                       std::optional<int64_t> provider_id, const Principal& p,
                       const std::function<int64_t(int64_t provider_id, int64_t property_id)>& insert);

// An edit of station `id` in the caller's scope: `write(resubmit)` writes the type's row and returns the
// changed fields' text (FieldChanges); editing a rejected station submits it for audit again.
void edit_station(db::Connection& c, StationType t, int64_t now, int64_t id, const Principal& p,
                  const std::function<std::string(bool resubmit)>& write);

// The create and edit of a type through its repository `Repo` (insert, update and fields over the type's
// `Fields`) and its history text `changes(old, new)`; the caller has validated the fields.
// The detail of a type's station: its row (`Repo::detail`), child counts (`Repo::counts`) and history.
template <class Repo>
boost::json::object typed_station_detail(db::Database& db, StationType t, int64_t id, const Principal& p) {
  return db.read([&](db::Connection& c) {
    Repo repo(c);
    auto row = repo.detail(id, p.scope);
    if (!row) fail_not_found("电站不存在");
    (*row)["counts"] = repo.counts(id);
    (*row)["history"] = db::station::StationRecords(c, t).history(id);
    return *row;
  });
}

template <class Repo, class Fields>
int64_t create_typed_station(db::Database& db, StationType t, int64_t now, std::optional<int64_t> property_id,
                             std::optional<int64_t> provider_id, const Fields& f, const Principal& p) {
  return db.write([&](db::Connection& c) {
    return create_station(c, t, now, property_id, provider_id, p, [&](int64_t pv, int64_t pr) {
      return Repo(c).insert(pv, pr, f, p.user_name, now);
    });
  });
}
template <class Repo, class Fields>
void edit_typed_station(db::Database& db, StationType t, int64_t now, int64_t id, const Fields& f,
                        const Principal& p, std::string (*changes)(const Fields&, const Fields&)) {
  db.write([&](db::Connection& c) {
    edit_station(c, t, now, id, p, [&](bool resubmit) {
      Repo repo(c);
      auto old = repo.fields(id);
      repo.update(id, f, resubmit, p.user_name, now);
      return changes(*old, f);
    });
  });
}

// Approve (1) or reject (2) a pending station; system and provider users only.
void audit_station(db::Database& db, StationType t, int64_t now, int64_t id, int64_t audit_status,
                   const std::string& remark, const Principal& p);
// Enable (0) / disable (1); unchanged status writes nothing.
void change_station_status(db::Database& db, StationType t, int64_t now, int64_t id, int64_t status,
                           const Principal& p);
boost::json::array station_options(db::Database& db, StationType t, std::optional<int64_t> property_id,
                                   bool enabled_only, const Principal& p);

// "name: A → B; hotline: …" of the fields that changed, in the order they are added (the edit history).
class FieldChanges {
 public:
  void add(const char* field, const std::string& from, const std::string& to);
  void add(const char* field, int64_t from, int64_t to) {
    add(field, std::to_string(from), std::to_string(to));
  }
  void add(const char* field, const std::optional<int64_t>& from, const std::optional<int64_t>& to);
  // province, city, district, address, longitude, latitude, timezone (the last fields of every type).
  void add_location(const db::station::CommonFields& from, const db::station::CommonFields& to);
  const std::string& text() const { return out_; }

 private:
  std::string out_;
};

}  // namespace zc::station
