#pragma once
// The per-device message log: the last frames each way, in memory, for operators debugging hardware
// (GET /car/pile/{id}/messages, GET /bike/device/{id}/messages). Lost on restart by design.
//
// Memory is a byte budget per device (ykc.message_log_bytes, ocpp.message_log_bytes), not a frame count:
// one contiguous ring of bytes per device holds records
//
//   time (int64 ms, 8) | flags (1: direction, kind, truncated) | length (uint16, 2) | payload
//
// oldest evicted first when the next record does not fit; a record is at most half the budget (and 65,535
// bytes of payload), longer frames are cut and shown with "…(truncated)". YKC frames are stored raw (a
// heartbeat is 17 bytes + 11 of header) and OCPP frames as their JSON text; both are decoded only when an
// operator views them (recent()). The ring is allocated on a device's first frame, grows (doubling) up to the
// budget and outlives the connection, so the frames just before a disconnect can still be read.
#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include <boost/json/array.hpp>

#include "core/config.hpp"
#include "devices/session_registry.hpp"

namespace zc::devices {

// What a record is (how recent() describes it).
enum class LoggedKind : uint8_t {
  ykc_frame,     // one whole YKC frame as on the wire
  ykc_invalid,   // bytes the YKC decoder rejected, with its reason
  ocpp_call,     // OCPP-J [2, id, action, payload]
  ocpp_result,   // [3, id, payload]
  ocpp_error,    // [4, id, code, description, details]
  ocpp_invalid,  // text that is not a valid OCPP-J frame
  camera_json,   // a camera's push / poll or the reply carrying commands, JSON without the photos
};

struct MessageLogBudget {
  size_t ykc_bytes = 1024;     // per YKC pile (ykc.message_log_bytes); 0 = no log
  size_t ocpp_bytes = 4096;    // per OCPP charger (ocpp.message_log_bytes); 0 = no log
  size_t camera_bytes = 4096;  // per parking camera (camera.message_log_bytes); 0 = no log
};

// ykc.message_log_bytes / ocpp.message_log_bytes; the deprecated ocpp.message_log_size = 0 turns both off.
MessageLogBudget message_log_budget(const Config& cfg);

class MessageLog {
 public:
  static constexpr size_t kHeaderBytes = 11;  // time 8 + flags 1 + length 2
  static constexpr size_t kMinBudget = 256;   // smaller non-zero budgets are raised to this

  explicit MessageLog(MessageLogBudget budget = {});

  bool logs_ykc() const { return ykc_budget_ > 0; }
  bool logs_ocpp() const { return ocpp_budget_ > 0; }

  // A YKC frame, start byte … CRC.
  void add_ykc(const DeviceKey& key, int64_t time, bool inbound, std::span<const uint8_t> frame);
  // Bytes the YKC decoder rejected: `kind` ("bad_crc") and a short reason are kept with them.
  void add_ykc_invalid(const DeviceKey& key, int64_t time, std::string_view kind, std::string_view reason,
                       std::span<const uint8_t> bytes);
  // An OCPP-J frame's text; `kind` is one of the ocpp_* kinds.
  void add_ocpp(const DeviceKey& key, int64_t time, bool inbound, LoggedKind kind, std::string_view text);

  // A camera message (JSON text, photos already removed); `action`: "push", "poll", "reply".
  void add_camera(const DeviceKey& key, int64_t time, bool inbound, std::string_view action,
                  std::string_view text);

  // Newest first: [{time, direction: "in"|"out", type, action, messageId, frame}].
  boost::json::array recent(const DeviceKey& key) const;
  // Bytes of records held for `key` (tests: never above the budget).
  size_t used_bytes(const DeviceKey& key) const;

 private:
  struct Ring {
    std::unique_ptr<uint8_t[]> buf;
    uint32_t cap = 0, head = 0, used = 0;  // head: the oldest record
  };
  // Devices are spread over shards so that piles on different threads rarely wait for each other.
  struct Shard {
    mutable std::mutex mu;
    std::unordered_map<DeviceKey, Ring, DeviceKeyHash> rings;
  };
  static constexpr size_t kShards = 16;

  Shard& shard(const DeviceKey& key) const;
  void add(const DeviceKey& key, size_t budget, int64_t time, uint8_t flags,
           std::span<const std::span<const uint8_t>> parts);

  size_t ykc_budget_, ocpp_budget_, camera_budget_;
  mutable std::array<Shard, kShards> shards_;
};

}  // namespace zc::devices
