#pragma once
// Charging transactions identified by the device's serial (YKC 交易流水号, docs/ykc.md): the start a
// pile confirmed, the device's final bill (0x3B, applied once per serial) and the review flags
// (abnormal + flags). Same table as the OCPP transactions (charging_transaction, migrations 0006, 0008,
// 0016); the serial is the only deduplication key (two sessions of a gun may start in the same second).
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace zc::db::dev {

struct SerialTxStart {
  std::string kind;
  int64_t device_id = 0, connector_id = 0;
  std::string device_serial, id_tag, id_tag_status, start_method, vin, card;
  int64_t meter_start = 0;  // 0.0001 kWh
  int64_t start_time = 0;
};

struct SerialTxRecord {
  std::string kind;
  int64_t device_id = 0, connector_id = 0;
  std::string device_serial, start_method, vin, card;
  int64_t start_time = 0, stop_time = 0, meter_start = 0, meter_stop = 0, energy = 0, amount = 0;
  std::string tiers_json = "[]";
  int64_t stop_code = 0;
  std::string stop_reason;
  std::string flags;  // review reasons ("; "-joined): merged into the row's flags, abnormal = 1
};

// An OCPP StopTransaction for a transaction the platform never issued to this device: kept for review
// under device_serial order::orphan_stop_serial(id) (once per device and id).
struct OrphanStop {
  std::string kind;
  int64_t device_id = 0, transaction_id = 0;
  std::string id_tag, reason, why;
  int64_t meter_stop = 0, stop_time = 0;  // 0.0001 kWh, epoch ms
};

struct SerialTxApplied {
  int64_t id = 0;
  bool first = true;  // false: the record had been applied before
};

class TransactionRepo {
 public:
  explicit TransactionRepo(Connection& c) : c_(c) {}
  std::optional<int64_t> find_by_serial(const std::string& kind, int64_t device_id,
                                        const std::string& serial);
  // Idempotent: the same serial again returns the existing id.
  int64_t start(const SerialTxStart& t, int64_t now);
  // Stops the transaction of the serial with the device's bill (creating it when the platform never
  // saw the start). Applied once: a second call returns {id, first = false} and changes nothing.
  SerialTxApplied apply_record(const SerialTxRecord& r, int64_t now);
  // Flags the session of the serial for review (abnormal = 1, the reason added to flags). A session the
  // platform knows only from real-time reports gets its row now (active, start = now, connector), so the
  // flag is there when its record arrives.
  void flag(const std::string& kind, int64_t device_id, int64_t connector_id, const std::string& serial,
            const std::string& why, int64_t now);
  // The same for a transaction by id (e.g. an OCPP stop below its meter start).
  void flag_id(int64_t id, const std::string& why, int64_t now);
  // Records the stop once; returns the row id and whether it was new.
  SerialTxApplied orphan_stop(const OrphanStop& s, int64_t now);

 private:
  Connection& c_;
};

}  // namespace zc::db::dev
