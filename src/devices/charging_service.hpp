#pragma once
// The protocol-neutral charging service the device protocols call (docs/architecture.md §2, "Device inbound
// and outbound"): idTag authorisation and the device's transaction records. The orders issue implements it
// for real (orders, prepay, settlement); until then RecordingChargingService records transactions and never
// pretends a payment. Calls block (database): the gateway makes them on its worker threads.
//
// How the protocols use it (docs/ocpp.md, docs/ykc.md):
//   OCPP 1.6  Authorize → authorize; StartTransaction → start_transaction (the service issues the
//             transaction id); StopTransaction → stop_transaction; RemoteStartTransaction →
//             expect_remote_start first.
//   YKC       the session id is the 32-digit serial (交易流水号) the platform issues in 0x34/0x32 or the
//             pile issues for offline sessions: TxStart/TxRecord carry it as `device_serial`.
//             remote start: expect_remote_start(idTag) before 0x34, start_transaction when the pile
//             confirms (0x33 success); card/VIN start 0x31: authorize(idTag = "card:<16 hex>" or
//             "vin:<VIN>") and, when accepted, start_transaction before 0x32; the bill 0x3B →
//             transaction_record (idempotent by serial: a repeated record returns first = false and
//             changes nothing; a record that cannot belong to the pile or gun is stored flagged and
//             answered illegal, docs/ykc.md "Transaction records"); two idle 0x13 during a session →
//             flag_transaction.
// Every device record is stored, or the call throws (the protocol then leaves it unanswered so the device
// sends it again): none is dropped. Records to look at carry abnormal = 1 and their reasons (flags).
// Units: energy 0.0001 kWh, money 0.0001 yuan in device bills, unit prices 0.00001 yuan/kWh, times UTC
// epoch ms (the protocol converts device-local times with the station's zone).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "devices/gateway.hpp"

namespace zc::charging {

struct IdTagResult {
  std::string status = "Invalid";  // Accepted | Blocked | Expired | Invalid | ConcurrentTx (OCPP names)
  std::optional<int64_t> expiry_ms;
  // A stored-value card's idTag (docs/members.md "Charging with a card"): its balance in fen (YKC 0x32
  // carries it), and why it was refused (card_rules refusal_code: unknown, disabled, expired,
  // not_yet_valid, wrong_station, wrong_kind, busy, insufficient; "" when accepted or not a card).
  std::optional<int64_t> balance;
  std::string refusal;
};

struct TxStart {
  devices::DeviceRef device;
  int64_t connector = 0;
  std::string id_tag;
  int64_t meter_start_wh = 0;
  int64_t timestamp_ms = 0;
  std::optional<int64_t> reservation_id;
  std::string device_serial;  // YKC 交易流水号; "" for OCPP. Non-empty: idempotent by (device, serial)
  std::string start_method;   // ocpp | app | card | vin (how the session was authorised)
  std::string vin, card;      // when the device reported them (card = physical card UID in hex)
};

struct TxStartResult {
  int64_t transaction_id = 0;
  IdTagResult id_tag;
};

struct TxStop {
  devices::DeviceRef device;
  int64_t transaction_id = 0;
  std::optional<std::string> id_tag;
  int64_t meter_stop_wh = 0;
  int64_t timestamp_ms = 0;
  std::string reason;  // OCPP reason (Local, Remote, EVDisconnected, …)
};

// One tier of a device's bill (YKC 0x3B: 尖/峰/平/谷 and the vendor fifth tier).
struct TierUsage {
  std::string tier;        // sharp | peak | flat | valley | tier5
  int64_t unit_price = 0;  // 0.00001 yuan/kWh (energy + service)
  int64_t energy = 0;      // 0.0001 kWh
  int64_t amount = 0;      // 0.0001 yuan
};

// The device's own final record of a session (YKC 0x3B). It may arrive without any earlier start
// (offline sessions, a start the platform never saw): the service then creates the transaction.
struct TxRecord {
  devices::DeviceRef device;
  int64_t connector = 0;
  std::string device_serial;
  std::string start_method;  // app | card | offline_card | vin | unknown
  std::string vin, card;
  int64_t start_ms = 0, stop_ms = 0;
  int64_t meter_start = 0, meter_stop = 0;  // 0.0001 kWh
  int64_t energy = 0;                       // 0.0001 kWh
  int64_t amount = 0;                       // 0.0001 yuan, as the device computed it
  std::vector<TierUsage> tiers;
  int64_t stop_code = 0;    // the device's raw reason code
  std::string stop_reason;  // readable ("finished: SOC 100 % (0x41)")
  // What the protocol found wrong (stored as the record's review reasons, abnormal = 1); `illegal`: the
  // record cannot belong to this device or connector — stored, flagged, and the device is told so.
  std::vector<std::string> flags;
  bool illegal = false;
};

struct TxRecordResult {
  int64_t transaction_id = 0;
  bool first = true;     // false: a repeated record (already applied; acknowledge again, change nothing)
  bool accepted = true;  // false: the bill is refused as illegal (the device is told so)
  std::string message;
};

class ChargingService {
 public:
  virtual ~ChargingService() = default;
  virtual IdTagResult authorize(const devices::DeviceRef& device, const std::string& id_tag) = 0;
  // Always returns a transaction id (a device must get one even when the idTag is refused). Idempotent
  // for a retried start (same device, connector and timestamp).
  virtual TxStartResult start_transaction(const TxStart& t) = 0;
  // Unknown or already stopped transactions are not an error (the device must not retry forever): a stop
  // for a transaction the platform never issued to this device is recorded flagged for review (once), a
  // repeated stop changes nothing. Returns the idTag's status when the device sent one.
  virtual std::optional<IdTagResult> stop_transaction(const TxStop& t) = 0;
  // The platform asked the device to start for this idTag (RemoteStartTransaction): accept it.
  virtual void expect_remote_start(const devices::DeviceRef& device, const std::string& id_tag) = 0;
  // The device's final bill (YKC 0x3B). Applied once per (device, serial); never throws for a repeat.
  virtual TxRecordResult transaction_record(const TxRecord& r) = 0;
  // A running session looks wrong (YKC: the second idle report during the session, §8.5): recorded on
  // the transaction (abnormal = 1, flags) for settlement to look at. A serial the platform has no row for
  // yet (a session known only from real-time reports) gets one on `connector`, so the flag stays.
  virtual void flag_transaction(const devices::DeviceRef& device, int64_t connector,
                                const std::string& device_serial, const std::string& why) = 0;
};

}  // namespace zc::charging
