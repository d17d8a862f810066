#include "service/charging/db_device_directory.hpp"

#include "core/clock.hpp"
#include "service/parking/locks.hpp"
#include "service/stat/device_faults.hpp"
#include "storage/repositories/device_repo.hpp"
#include "storage/repositories/transaction_repo.hpp"
#include "storage/repositories/ykc_repo.hpp"

namespace zc::charging {

using devices::kind_name;

DbDeviceDirectory::Found DbDeviceDirectory::find_ocpp_device(const std::string& code_or_sn,
                                                             bool with_secret) {
  return db_.read([&](db::Connection& c) {
    db::dev::DeviceRepo repo(c);
    Found out;
    auto d = repo.find_device(code_or_sn);
    if (!d) return out;
    out.device = devices::DeviceIdentity{
        d->kind == "bike_device" ? devices::DeviceKind::bike_device : devices::DeviceKind::car_pile,
        d->id,
        d->code,
        d->protocol,
        d->status,
        d->connectors};
    if (with_secret) out.secret = repo.secret(d->kind, d->id);
    return out;
  });
}

std::optional<devices::YkcPile> DbDeviceDirectory::find_ykc_pile(const std::string& code) {
  auto p = db_.read([&](db::Connection& c) { return db::dev::YkcRepo(c).find_pile(code); });
  if (!p) return std::nullopt;
  return devices::YkcPile{p->id, p->code, p->protocol, p->timezone, p->status, p->gun_count, p->area_id};
}

void DbDeviceDirectory::save_ykc_login(int64_t pile_id, const devices::YkcLogin& l, int64_t now) {
  db::dev::YkcLogin row{l.pile_type, l.protocol_version, l.firmware,  l.sim,          l.network,
                        l.crc_order, l.remote_ip,        l.gun_count, l.network_code, l.carrier};
  db_.write([&](db::Connection& c) { db::dev::YkcRepo(c).save_login(pile_id, row, now); });
  if (on_ykc_login_) on_ykc_login_(pile_id);
}

void DbDeviceDirectory::set_ykc_crc_order(int64_t pile_id, const std::string& order) {
  db_.write([&](db::Connection& c) { db::dev::YkcRepo(c).set_crc_order(pile_id, order); });
}

void DbDeviceDirectory::set_ykc_model(int64_t pile_id, int64_t model_no, const std::string& result,
                                      int64_t now) {
  db_.write([&](db::Connection& c) { db::dev::YkcRepo(c).set_model(pile_id, model_no, result, now); });
}

void DbDeviceDirectory::set_gun_lock_state(int64_t pile_id, int64_t gun,
                                           const devices::camera::LockState& state) {
  db_.write([&](db::Connection& c) {
    if (auto s = db::dev::YkcRepo(c).lock_spot(pile_id, gun))
      db::parking::ParkingRepo(c).record_lock(s->spot_id, parking::lock_record(state), now_ms());
  });
}

std::optional<int64_t> DbDeviceDirectory::transaction_of_serial(devices::DeviceKind kind, int64_t device_id,
                                                                const std::string& serial) {
  return db_.read([&](db::Connection& c) {
    return db::dev::TransactionRepo(c).find_by_serial(kind_name(kind), device_id, serial);
  });
}

uint64_t DbDeviceStateStore::write(const Batch& b) {
  uint64_t rows = 0;
  db_.write([&](db::Connection& c) {
    db::dev::DeviceRepo repo(c);
    for (const auto& e : b.events) {
      repo.log_online(kind_name(e.key.kind), e.key.id, e.protocol, e.online, e.reason, e.remote, e.time);
      ++rows;
    }
    for (const auto& s : b.states) {
      const char* kind = kind_name(s.key.kind);
      if (s.online >= 0) {
        repo.set_online(kind, s.key.id, s.online == 1, s.last_seen);
        ++rows;
      } else if (s.last_seen > 0) {
        repo.set_last_seen(kind, s.key.id, s.last_seen);
        ++rows;
      }
      for (const auto& [n, state] : s.connectors) {
        repo.set_connector_state(kind, s.key.id, n, state);
        ++rows;
      }
      if (!s.connectors.empty())
        stat::record_device_faults(c, kind, s.key.id, s.connectors, s.faults, now_ms());
    }
    for (const auto& m : b.meters) {
      repo.set_meter(m.transaction_id, m.value, m.time);
      ++rows;
    }
  });
  return rows;
}

int64_t DbDeviceStateStore::reset_online(const std::string& reason, int64_t now) {
  return db_.write([&](db::Connection& c) { return db::dev::DeviceRepo(c).reset_online(reason, now); });
}

}  // namespace zc::charging
