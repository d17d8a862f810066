#include "service/charging/recording_charging_service.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "devices/session_registry.hpp"
#include "domain/order/device_record.hpp"
#include "storage/repositories/device_repo.hpp"
#include "storage/repositories/transaction_repo.hpp"

namespace zc::charging {

static std::string remote_key(const devices::DeviceRef& d, const std::string& id_tag) {
  return std::string(devices::kind_name(d.kind)) + ":" + std::to_string(d.id) + ":" + id_tag;
}

IdTagResult RecordingChargingService::authorize(const devices::DeviceRef& device, const std::string& id_tag) {
  if (accept_any_) return {"Accepted", {}};
  std::lock_guard g(mu_);
  auto it = remote_.find(remote_key(device, id_tag));
  if (it != remote_.end() && it->second > now_ms()) return {"Accepted", {}};
  return {"Invalid", {}};
}

void RecordingChargingService::expect_remote_start(const devices::DeviceRef& device,
                                                   const std::string& id_tag) {
  std::lock_guard g(mu_);
  int64_t now = now_ms();
  std::erase_if(remote_, [&](const auto& kv) { return kv.second <= now; });
  remote_[remote_key(device, id_tag)] = now + 10 * 60 * 1000;
}

TxStartResult RecordingChargingService::start_transaction(const TxStart& t) {
  TxStartResult r;
  r.id_tag = authorize(t.device, t.id_tag);
  if (!t.device_serial.empty()) {  // YKC: the session is known by its serial
    db::dev::SerialTxStart row;
    row.kind = devices::kind_name(t.device.kind);
    row.device_id = t.device.id;
    row.connector_id = t.connector;
    row.device_serial = t.device_serial;
    row.id_tag = t.id_tag;
    row.id_tag_status = r.id_tag.status;
    row.start_method = t.start_method;
    row.vin = t.vin;
    row.card = t.card;
    row.meter_start = t.meter_start_wh * 10;
    row.start_time = t.timestamp_ms;
    r.transaction_id =
        db_.write([&](db::Connection& c) { return db::dev::TransactionRepo(c).start(row, now_ms()); });
    return r;
  }
  db::dev::TxStart row;
  row.kind = devices::kind_name(t.device.kind);
  row.device_id = t.device.id;
  row.connector_id = t.connector;
  row.id_tag = t.id_tag;
  row.id_tag_status = r.id_tag.status;
  row.reservation_id = t.reservation_id;
  row.meter_start = t.meter_start_wh * 10;  // Wh → 0.0001 kWh
  row.start_time = t.timestamp_ms;
  r.transaction_id =
      db_.write([&](db::Connection& c) { return db::dev::DeviceRepo(c).start_transaction(row, now_ms()); });
  return r;
}

std::optional<IdTagResult> RecordingChargingService::stop_transaction(const TxStop& t) {
  const std::string kind = devices::kind_name(t.device.kind);
  const int64_t meter_stop = t.meter_stop_wh * 10;  // Wh → 0.0001 kWh
  db_.write([&](db::Connection& c) {
    db::dev::DeviceRepo repo(c);
    db::dev::TransactionRepo txs(c);
    int64_t now = now_ms();
    auto tx = repo.find_transaction(t.transaction_id);
    bool ours = tx && tx->kind == kind && tx->device_id == t.device.id;
    if (ours) {
      if (!repo.stop_transaction(t.transaction_id, meter_stop, t.timestamp_ms, t.reason,
                                 t.id_tag.value_or(""), now))
        return;  // already stopped: a repeated StopTransaction changes nothing
      if (auto why = order::meter_flag(tx->meter_start, meter_stop)) {
        spdlog::warn("StopTransaction {} from {}: {} (flagged for review)", t.transaction_id, t.device.code,
                     *why);
        txs.flag_id(t.transaction_id, *why, now);
      }
      return;
    }
    // Never issued to this device: kept for review (an operator sees it), answered normally.
    db::dev::OrphanStop o;
    o.kind = kind;
    o.device_id = t.device.id;
    o.transaction_id = t.transaction_id;
    o.id_tag = t.id_tag.value_or("");
    o.reason = t.reason;
    o.meter_stop = meter_stop;
    o.stop_time = t.timestamp_ms;
    o.why = tx ? fmt::format("StopTransaction for transaction {} of another device", t.transaction_id)
               : fmt::format("StopTransaction for unknown transaction {}", t.transaction_id);
    if (txs.orphan_stop(o, now).first)
      spdlog::warn("StopTransaction {} from {}: {}; recorded for review", t.transaction_id, t.device.code,
                   o.why);
  });
  if (!t.id_tag) return std::nullopt;
  return authorize(t.device, *t.id_tag);
}

TxRecordResult RecordingChargingService::transaction_record(const TxRecord& r) {
  db::dev::SerialTxRecord row;
  row.kind = devices::kind_name(r.device.kind);
  row.device_id = r.device.id;
  row.connector_id = r.connector;
  row.device_serial = r.device_serial;
  row.start_method = r.start_method;
  row.vin = r.vin;
  row.card = r.card;
  row.start_time = r.start_ms;
  row.stop_time = r.stop_ms;
  row.meter_start = r.meter_start;
  row.meter_stop = r.meter_stop;
  row.energy = r.energy;
  row.amount = r.amount;
  row.stop_code = r.stop_code;
  row.stop_reason = r.stop_reason;
  boost::json::array tiers;
  for (const auto& t : r.tiers)
    tiers.push_back(boost::json::object{
        {"tier", t.tier}, {"unitPrice", t.unit_price}, {"energy", t.energy}, {"amount", t.amount}});
  row.tiers_json = boost::json::serialize(tiers);
  for (const auto& f : r.flags) row.flags = order::merge_flags(row.flags, f);
  if (auto why = order::meter_flag(r.meter_start, r.meter_stop))
    row.flags = order::merge_flags(row.flags, *why);
  if (!row.flags.empty())
    spdlog::warn("record {} of {} connector {} flagged for review: {}", r.device_serial, r.device.code,
                 r.connector, row.flags);
  auto applied =
      db_.write([&](db::Connection& c) { return db::dev::TransactionRepo(c).apply_record(row, now_ms()); });
  TxRecordResult out;
  out.transaction_id = applied.id;
  out.first = applied.first;
  out.accepted = !r.illegal;
  out.message = std::string(applied.first ? "recorded" : "already recorded") +
                (r.illegal ? " (illegal: " + row.flags + ")" : "");
  return out;
}

void RecordingChargingService::flag_transaction(const devices::DeviceRef& device, int64_t connector,
                                                const std::string& device_serial, const std::string& why) {
  db_.write([&](db::Connection& c) {
    db::dev::TransactionRepo(c).flag(devices::kind_name(device.kind), device.id, connector, device_serial,
                                     why, now_ms());
  });
}

}  // namespace zc::charging
