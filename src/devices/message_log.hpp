#pragma once
// The per-device message log: the last N frames each way (decoded, with time and direction), in
// memory, for operators debugging hardware (GET /car/pile/{id}/messages). Lost on restart by design.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/json/array.hpp>

#include "devices/session_registry.hpp"

namespace zc::devices {

struct LoggedFrame {
  int64_t time = 0;
  bool inbound = true;  // device → platform
  std::string type;     // protocol frame type: CALL, CALLRESULT, CALLERROR, invalid
  std::string action;   // e.g. BootNotification ("" when unknown)
  std::string message_id;
  std::string text;  // the frame as received/sent (truncated to max_frame_bytes)
};

class MessageLog {
 public:
  explicit MessageLog(size_t per_direction = 50, size_t max_frame_bytes = 4096)
      : cap_(per_direction), max_bytes_(max_frame_bytes) {}
  void add(const DeviceKey& key, LoggedFrame f);
  // Newest first: [{time, direction: "in"|"out", type, action, messageId, frame}].
  boost::json::array recent(const DeviceKey& key) const;

 private:
  // Compact storage (19,000 devices each keep up to 2 × cap frames): one exactly-sized string per frame
  // ("type␟action␟messageId␟text") in a ring that grows to the cap, instead of a LoggedFrame (4 strings)
  // in a std::deque (which allocates 576 bytes even when empty).
  struct Stored {
    int64_t time = 0;
    std::string packed;
  };
  struct Dir {
    std::vector<Stored> v;
    size_t next = 0;  // once full: the oldest entry, overwritten next
  };
  struct Ring {
    std::mutex mu;
    Dir in, out;
  };
  std::shared_ptr<Ring> ring(const DeviceKey& key, bool create) const;

  size_t cap_, max_bytes_;
  mutable std::mutex mu_;
  mutable std::unordered_map<DeviceKey, std::shared_ptr<Ring>, DeviceKeyHash> rings_;
};

}  // namespace zc::devices
