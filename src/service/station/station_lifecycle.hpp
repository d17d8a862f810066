#pragma once
// The steps of a station's life that every station type shares (CAR-ST, BIKE-ST): create (owner, default
// area, history), edit (re-submission after a rejection, history), audit, enable/disable, options, and
// StationService, the list/detail/create/edit of a type parameterised by its kind (repository, fields,
// own field rules); the type's own columns are written through its repository, the rest is here once.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
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

// Approve (1) or reject (2) a pending station; system and provider users only.
void audit_station(db::Database& db, StationType t, int64_t now, int64_t id, int64_t audit_status,
                   const std::string& remark, const Principal& p);
// Enable (0) / disable (1); unchanged status writes nothing.
void change_station_status(db::Database& db, StationType t, int64_t now, int64_t id, int64_t status,
                           const Principal& p);
std::vector<db::station::StationOption> station_options(db::Database& db, StationType t,
                                                        std::optional<int64_t> property_id, bool enabled_only,
                                                        const Principal& p);

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

// One field of a type whose change the edit history records: its API name and the member it reads.
// `&Fields::name` of a common field converts to a member of the type's fields.
template <class Fields>
struct HistoryField {
  HistoryField(const char* n, std::string Fields::*m) : name(n), text(m) {}
  HistoryField(const char* n, int64_t Fields::*m) : name(n), number(m) {}
  const char* name;
  std::string Fields::*text = nullptr;
  int64_t Fields::*number = nullptr;
};

// The parts of a station kind that name its type, repository and fields; a kind adds
//   static void validate(Fields&)  — the type's own field rules (the common ones come first);
//   static const std::vector<HistoryField<Fields>> history  — the edit history's fields in their order
//   (the location fields follow).
template <StationType T, class R, class F>
struct StationKind {
  static constexpr StationType type = T;
  using Repo = R;    // list, detail, counts, fields, insert, update over Fields
  using Fields = F;  // : CommonFields
};

// List, detail, create and edit of the stations of one kind (a StationKind).
template <class Kind>
class StationService {
 public:
  using Fields = typename Kind::Fields;
  using Repo = typename Kind::Repo;
  struct Input {
    int64_t id = 0;                      // update
    std::optional<int64_t> property_id;  // create
    std::optional<int64_t> provider_id;  // create, optional (must match the property's)
    Fields f;
  };

  // `ctx`: the type's context (its `db` and business `clock`).
  template <class Context>
  explicit StationService(const Context& ctx) : db_(ctx.db), clock_(ctx.clock) {}

  db::Page list(const QueryParams& q, const Principal& p) {
    return db_.read([&](db::Connection& c) { return Repo(c).list(q, p.scope); });
  }

  // The row, its child counts and its history.
  boost::json::object get(int64_t id, const Principal& p) {
    return db_.read([&](db::Connection& c) {
      Repo repo(c);
      auto row = repo.detail(id, p.scope);
      if (!row) fail_not_found("电站不存在");
      (*row)["counts"] = repo.counts(id);
      (*row)["history"] = db::station::StationRecords(c, Kind::type).history(id);
      return *row;
    });
  }

  // + the default area 默认区域.
  int64_t create(Input in, const Principal& p) {
    if (!in.property_id) fail_bad_request("propertyId: 不能为空");
    validate(in.f);
    int64_t now = clock_.now();
    return db_.write([&](db::Connection& c) {
      return create_station(
          c, Kind::type, now, in.property_id, in.provider_id, p,
          [&](int64_t pv, int64_t pr) { return Repo(c).insert(pv, pr, in.f, p.user_name, now); });
    });
  }

  void update(Input in, const Principal& p) {
    validate(in.f);
    int64_t now = clock_.now();
    db_.write([&](db::Connection& c) {
      edit_station(c, Kind::type, now, in.id, p, [&](bool resubmit) {
        Repo repo(c);
        auto old = repo.fields(in.id);
        repo.update(in.id, in.f, resubmit, p.user_name, now);
        return changes(*old, in.f);
      });
    });
  }

  // The common field rules, then the type's (400 naming the field).
  static void validate(Fields& f) {
    validate_common_fields(f);
    Kind::validate(f);
  }

  // "name: A → B; …" of the changed fields, for the edit history.
  static std::string changes(const Fields& a, const Fields& b) {
    FieldChanges out;
    for (const auto& h : Kind::history) {
      if (h.text)
        out.add(h.name, a.*h.text, b.*h.text);
      else
        out.add(h.name, a.*h.number, b.*h.number);
    }
    out.add_location(a, b);
    return out.text();
  }

 protected:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace zc::station
