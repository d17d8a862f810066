#pragma once
// The use cases every row under a station shares, whatever the station type (car spots, cameras, piles,
// guns, tariffs; e-bike devices, sockets, tariffs), over a repository `Repo` constructed with the
// connection and built on db::station::ChildRows: where a new row goes (station and area in scope and
// enabled), the row in scope, enable/disable, rename, the QR label of a coded row, and the filters of an
// export. `not_found` is the 404 message of the row kind (e.g. "电桩不存在").
#include <boost/json/object.hpp>
#include <functional>
#include <string>
#include <utility>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "service/station/area_service.hpp"
#include "service/station/device_support.hpp"
#include "service/station/station_config.hpp"
#include "service/station/station_rules.hpp"
#include "storage/database.hpp"

namespace zc::station {

// Where a new row under a station goes.
struct Placement {
  StationRef station;
  AreaRec area;
  db::station::Owned owned() const { return {station.provider_id, station.property_id, station.id}; }
};

// The station inside the caller's scope (404 stationId), its area (404 / 400 areaId when it belongs to
// another station), then both enabled (409).
Placement place_in_area(db::Connection& c, StationType t, int64_t station_id, int64_t area_id,
                        const Principal& p);

// The row `id` of `repo` (its `find` record) inside the caller's scope; 404 `not_found` otherwise.
template <class Repo>
auto row_in_scope(Repo& repo, int64_t id, const Principal& p, const std::string& not_found) {
  auto r = repo.find(id);
  if (!r || !repo.in_scope(id, p.scope)) fail_not_found(not_found);
  return *r;
}

// 404 unless the row `id` is inside the caller's scope.
template <class Repo>
void require_in_scope(Repo& repo, int64_t id, const Principal& p, const std::string& not_found) {
  if (!repo.in_scope(id, p.scope)) fail_not_found(not_found);
}

// Enable (0) / disable (1) a row.
template <class Repo>
void change_row_status(db::Database& db, const Clock& clock, int64_t id, int64_t status, const Principal& p,
                       const std::string& not_found) {
  check_status_value(status);
  db.write([&](db::Connection& c) {
    Repo repo(c);
    require_in_scope(repo, id, p, not_found);
    repo.set_status(id, status, p.user_name, clock.now());
  });
}

// A new name for a row whose only editable field is its name (guns, sockets).
template <class Repo>
void rename_row(db::Database& db, const Clock& clock, int64_t id, const std::string& name, const Principal& p,
                const std::string& not_found) {
  check_name("name", name);
  db.write([&](db::Connection& c) {
    Repo repo(c);
    require_in_scope(repo, id, p, not_found);
    repo.update(id, name, p.user_name, clock.now());
  });
}

// The detail row (`Repo::detail`) in scope; 404 `not_found` otherwise.
template <class Repo>
boost::json::object row_detail(db::Database& db, int64_t id, const Principal& p,
                               const std::string& not_found) {
  auto row = db.read([&](db::Connection& c) { return Repo(c).detail(id, p.scope); });
  if (!row) fail_not_found(not_found);
  return *row;
}

// The QR label of a coded row: its `url(code)`, titled with its station, captioned with its code.
template <class Repo>
std::string row_qr(db::Database& db, int64_t id, const std::string& tmpl, const Principal& p,
                   const std::string& not_found, const std::function<std::string(const std::string&)>& url) {
  auto row = row_detail<Repo>(db, id, p, not_found);
  std::string code(row.at("code").as_string());
  return qr_label_png(tmpl, url(code), std::string(row.at("stationName").as_string()), code);
}

// The filters of an export of `Repo`'s list: the request parsed as the list parses it, now (a value the
// list refuses is a 400 of this request, not a failed job); then without paging: an export has every row.
template <class Repo>
QueryParams export_filters(db::Database& db, const QueryParams& filters, const DataScope& scope) {
  db.read([&](db::Connection& c) { Repo(c).list(filters, scope); });
  QueryParams q = filters;
  q.erase("pageNum");
  q.erase("pageSize");
  return q;
}

// A new device of `Repo` (a db::station::DeviceRows) under the station and area of `in` (placed as
// place_in_area): unique factory id, the code given or assigned (`code`), then
// `add_children(connection, placement, id, code, now)` adds its guns or sockets. The caller has checked
// the fields. Returns the id.
template <class Repo, class Fields, class AddChildren>
int64_t create_device(db::Database& db, const Clock& clock, StationType t, const DeviceCode& code,
                      const DeviceInput<Fields>& in, const Principal& p, AddChildren&& add_children) {
  code.check_format(in.code);
  return db.write([&](db::Connection& c) {
    auto at = place_in_area(c, t, in.station_id, in.area_id, p);
    Repo repo(c);
    if (repo.factory_no_taken(in.f.factory_no, 0)) fail_conflict("factoryNo: 出厂标识已存在");
    code.check_free(repo, in.code);
    int64_t now = clock.now();
    int64_t id = repo.insert(at.owned(), at.area.id, in.f, p.user_name, now);
    add_children(c, at, id, code.assign(repo, id, in.code), now);
    return id;
  });
}

// An edit of device `in.id` in scope: code and factory id unchanged, then `own_rules(connection, record,
// now)` (gun or socket count) before the row is written. The caller has checked the fields.
template <class Repo, class Fields, class OwnRules>
void update_device(db::Database& db, const Clock& clock, const DeviceCode& code,
                   const DeviceInput<Fields>& in, const Principal& p, const std::string& not_found,
                   OwnRules&& own_rules) {
  db.write([&](db::Connection& c) {
    Repo repo(c);
    auto d = row_in_scope(repo, in.id, p, not_found);
    code.check_unchanged(in.code, d.code, in.f.factory_no, d.factory_no);
    int64_t now = clock.now();
    own_rules(c, d, now);
    repo.update(in.id, in.f, p.user_name, now);
  });
}

// The service side of a table of rows under a station (`Repo`): list, detail and enable/disable, and for
// coded rows the QR label of the link `url(cfg, code)` their QR code opens. `url_in_rows`: list rows and
// the detail carry that link as qrUrl (guns, sockets). A type's service derives from it and adds its own
// use cases (or its own detail).
template <class Repo>
class RowService {
 public:
  using QrUrl = std::string (*)(const Config& cfg, const std::string& code);

  // `ctx`: the type's context (its `db`, business `clock` and `cfg`).
  template <class Context>
  RowService(const Context& ctx, std::string not_found, QrUrl url = nullptr, bool url_in_rows = false)
      : db_(ctx.db),
        clock_(ctx.clock),
        cfg_(ctx.cfg),
        not_found_(std::move(not_found)),
        url_(url),
        url_in_rows_(url_in_rows) {}

  db::Page list(const QueryParams& q, const Principal& p) {
    auto page = db_.read([&](db::Connection& c) { return Repo(c).list(q, p.scope); });
    if (url_in_rows_)
      for (auto& r : page.rows) add_url(r.as_object());
    return page;
  }

  boost::json::object get(int64_t id, const Principal& p) {
    auto row = row_detail<Repo>(db_, id, p, not_found_);
    if (url_in_rows_) add_url(row);
    return row;
  }

  void change_status(int64_t id, int64_t status, const Principal& p) {
    change_row_status<Repo>(db_, clock_, id, status, p, not_found_);
  }

  std::string qr(int64_t id, const std::string& tmpl, const Principal& p) {
    return row_qr<Repo>(db_, id, tmpl, p, not_found_,
                        [&](const std::string& code) { return url_(cfg_, code); });
  }

 protected:
  // qrUrl of a row with a code.
  void add_url(boost::json::object& row) const {
    row["qrUrl"] = url_(cfg_, std::string(row["code"].as_string()));
  }

  db::Database& db_;
  const Clock& clock_;
  const Config& cfg_;
  std::string not_found_;
  QrUrl url_;
  bool url_in_rows_;
};

}  // namespace zc::station
