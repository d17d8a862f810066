#include "devices/message_log.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <cstring>
#include <map>
#include <vector>

#include "devices/ykc/frame.hpp"
#include "devices/ykc/frame_text.hpp"

namespace zc::devices {

namespace {

constexpr uint8_t kInbound = 0x01;
constexpr uint8_t kTruncated = 0x80;
constexpr int kKindShift = 1;
constexpr const char* kTruncatedNote = "…(truncated)";

uint8_t flags_of(bool inbound, LoggedKind kind) {
  return static_cast<uint8_t>((inbound ? kInbound : 0) | (static_cast<uint8_t>(kind) << kKindShift));
}
LoggedKind kind_of(uint8_t flags) {
  return static_cast<LoggedKind>((flags & 0x7F) >> kKindShift);
}

size_t effective(size_t budget) {
  return budget == 0 ? 0 : std::clamp<size_t>(budget, MessageLog::kMinBudget, UINT32_MAX / 2);
}

std::span<const uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

// One record copied out of a ring (recent() decodes these outside the lock).
struct Record {
  int64_t time = 0;
  uint8_t flags = 0;
  std::string payload;
};

}  // namespace

MessageLogBudget message_log_budget(const Config& cfg) {
  if (cfg.ocpp.message_log_size == 0) return {0, 0, 0};
  return {static_cast<size_t>(std::max<int64_t>(0, cfg.ykc.message_log_bytes)),
          static_cast<size_t>(std::max<int64_t>(0, cfg.ocpp.message_log_bytes)),
          static_cast<size_t>(std::max<int64_t>(0, cfg.camera.message_log_bytes))};
}

MessageLog::MessageLog(MessageLogBudget budget)
    : ykc_budget_(effective(budget.ykc_bytes)),
      ocpp_budget_(effective(budget.ocpp_bytes)),
      camera_budget_(effective(budget.camera_bytes)) {}

MessageLog::Shard& MessageLog::shard(const DeviceKey& key) const {
  return shards_[DeviceKeyHash()(key) % kShards];
}

void MessageLog::add_ykc(const DeviceKey& key, int64_t time, bool inbound, std::span<const uint8_t> frame) {
  if (ykc_budget_ == 0) return;
  const std::span<const uint8_t> parts[] = {frame};
  add(key, ykc_budget_, time, flags_of(inbound, LoggedKind::ykc_frame), parts);
}

void MessageLog::add_ykc_invalid(const DeviceKey& key, int64_t time, std::string_view kind,
                                 std::string_view reason, std::span<const uint8_t> bytes) {
  if (ykc_budget_ == 0) return;
  // payload: kind length (1) | kind | reason length (1) | reason | the bytes
  kind = kind.substr(0, 32);
  reason = reason.substr(0, 160);
  const uint8_t kind_len = static_cast<uint8_t>(kind.size()),
                reason_len = static_cast<uint8_t>(reason.size());
  const std::span<const uint8_t> parts[] = {
      {&kind_len, 1}, bytes_of(kind), {&reason_len, 1}, bytes_of(reason), bytes};
  add(key, ykc_budget_, time, flags_of(true, LoggedKind::ykc_invalid), parts);
}

void MessageLog::add_ocpp(const DeviceKey& key, int64_t time, bool inbound, LoggedKind kind,
                          std::string_view text) {
  if (ocpp_budget_ == 0) return;
  const std::span<const uint8_t> parts[] = {bytes_of(text)};
  add(key, ocpp_budget_, time, flags_of(inbound, kind), parts);
}

void MessageLog::add_camera(const DeviceKey& key, int64_t time, bool inbound, std::string_view action,
                            std::string_view text) {
  if (camera_budget_ == 0) return;
  // payload: action length (1) | action | the JSON text
  action = action.substr(0, 32);
  const uint8_t action_len = static_cast<uint8_t>(action.size());
  const std::span<const uint8_t> parts[] = {{&action_len, 1}, bytes_of(action), bytes_of(text)};
  add(key, camera_budget_, time, flags_of(inbound, LoggedKind::camera_json), parts);
}

void MessageLog::add(const DeviceKey& key, size_t budget, int64_t time, uint8_t flags,
                     std::span<const std::span<const uint8_t>> parts) {
  // A record takes at most half the budget: one large frame never pushes out everything before it.
  size_t payload = 0;
  for (auto p : parts) payload += p.size();
  const size_t max_payload = std::min<size_t>(budget / 2 - kHeaderBytes, UINT16_MAX);  // length is 2 bytes
  if (payload > max_payload) payload = max_payload, flags |= kTruncated;
  const auto need = static_cast<uint32_t>(kHeaderBytes + payload);

  Shard& s = shard(key);
  std::lock_guard g(s.mu);
  Ring& r = s.rings[key];
  auto at = [&r](uint32_t offset) -> uint8_t& { return r.buf[(r.head + offset) % r.cap]; };
  while (r.used + need > budget) {  // evict the oldest
    const uint32_t size = kHeaderBytes + (at(9) | (at(10) << 8));
    r.head = (r.head + size) % r.cap;
    r.used -= size;
  }
  if (r.cap < r.used + need || r.cap > budget) {  // grow (doubling) up to the budget, or shrink to it
    uint32_t cap = static_cast<uint32_t>(budget);
    if (r.cap < r.used + need)
      cap = static_cast<uint32_t>(
          std::min<size_t>(budget, std::max<size_t>({2 * size_t{r.cap}, r.used + need, kMinBudget})));
    auto buf = std::make_unique<uint8_t[]>(cap);
    for (uint32_t i = 0; i < r.used; ++i) buf[i] = at(i);
    r.buf = std::move(buf);
    r.cap = cap;
    r.head = 0;
  }
  uint32_t w = r.used;
  auto put = [&](const uint8_t* p, size_t n) {
    for (size_t i = 0; i < n; ++i) at(w++) = p[i];
  };
  uint8_t header[kHeaderBytes];
  const auto t = static_cast<uint64_t>(time);
  for (int i = 0; i < 8; ++i) header[i] = static_cast<uint8_t>(t >> (8 * i));
  header[8] = flags;
  header[9] = static_cast<uint8_t>(payload & 0xFF);
  header[10] = static_cast<uint8_t>(payload >> 8);
  put(header, kHeaderBytes);
  size_t left = payload;
  for (auto p : parts) {
    size_t n = std::min(left, p.size());
    put(p.data(), n);
    left -= n;
  }
  r.used += need;
}

size_t MessageLog::used_bytes(const DeviceKey& key) const {
  Shard& s = shard(key);
  std::lock_guard g(s.mu);
  auto it = s.rings.find(key);
  return it == s.rings.end() ? 0 : it->second.used;
}

boost::json::array MessageLog::recent(const DeviceKey& key) const {
  std::vector<Record> records;  // oldest first
  {
    Shard& s = shard(key);
    std::lock_guard g(s.mu);
    auto it = s.rings.find(key);
    if (it == s.rings.end()) return {};
    const Ring& r = it->second;
    auto at = [&r](uint32_t offset) { return r.buf[(r.head + offset) % r.cap]; };
    for (uint32_t off = 0; off < r.used;) {
      Record rec;
      uint64_t t = 0;
      for (int i = 0; i < 8; ++i) t |= uint64_t{at(off + i)} << (8 * i);
      rec.time = static_cast<int64_t>(t);
      rec.flags = at(off + 8);
      const uint32_t len = at(off + 9) | (at(off + 10) << 8);
      rec.payload.resize(len);
      for (uint32_t i = 0; i < len; ++i) rec.payload[i] = static_cast<char>(at(off + kHeaderBytes + i));
      off += kHeaderBytes + len;
      records.push_back(std::move(rec));
    }
  }

  // An OCPP result names no action: it is the action of the CALL with its id, sent the other way.
  std::map<std::pair<bool, std::string>, std::string> call_actions;  // (call inbound, id) → action
  std::vector<boost::json::object> rows;
  rows.reserve(records.size());
  for (const Record& rec : records) {
    const bool inbound = rec.flags & kInbound;
    const bool truncated = rec.flags & kTruncated;
    std::string type, action, id, frame;
    switch (const LoggedKind kind = kind_of(rec.flags)) {
      case LoggedKind::ykc_frame: {
        auto t = ykc::describe_frame(bytes_of(rec.payload));
        type = std::move(t.type), action = std::move(t.action), id = std::move(t.message_id);
        frame = std::move(t.text);
        break;
      }
      case LoggedKind::ykc_invalid: {
        std::string_view p = rec.payload;
        auto field = [&p] {
          size_t n = p.empty() ? 0 : std::min<size_t>(static_cast<uint8_t>(p[0]), p.size() - 1);
          std::string_view v = p.substr(p.empty() ? 0 : 1, n);
          p.remove_prefix(std::min(p.size(), n + 1));
          return v;
        };
        type = "invalid", action = field();
        std::string_view reason = field();
        frame = ykc::to_hex(bytes_of(p)) + " | " + std::string(reason);
        break;
      }
      case LoggedKind::camera_json: {
        std::string_view p = rec.payload;
        size_t n = p.empty() ? 0 : std::min<size_t>(static_cast<uint8_t>(p[0]), p.size() - 1);
        type = "json", action = std::string(p.substr(p.empty() ? 0 : 1, n));
        frame = std::string(p.substr(std::min(p.size(), n + 1)));
        break;
      }
      default: {
        type = kind == LoggedKind::ocpp_call     ? "CALL"
               : kind == LoggedKind::ocpp_result ? "CALLRESULT"
               : kind == LoggedKind::ocpp_error  ? "CALLERROR"
                                                 : "invalid";
        frame = rec.payload;
        boost::system::error_code ec;
        auto v = boost::json::parse(rec.payload, ec);
        const auto* a = ec ? nullptr : v.if_array();
        if (a && a->size() > 1 && (*a)[1].is_string()) id = (*a)[1].get_string();
        if (kind == LoggedKind::ocpp_call) {
          if (a && a->size() > 2 && (*a)[2].is_string()) action = (*a)[2].get_string();
          if (!id.empty()) call_actions[{inbound, id}] = action;
        } else if (kind != LoggedKind::ocpp_invalid && !id.empty()) {
          auto c = call_actions.find({!inbound, id});
          if (c != call_actions.end()) action = c->second;
        }
      }
    }
    if (truncated) frame += kTruncatedNote;
    boost::json::object o;
    o["time"] = rec.time;
    o["direction"] = inbound ? "in" : "out";
    o["type"] = type;
    o["action"] = action;
    o["messageId"] = id;
    o["frame"] = frame;
    rows.push_back(std::move(o));
  }
  boost::json::array out;
  out.reserve(rows.size());
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) out.push_back(std::move(*it));
  return out;
}

}  // namespace zc::devices
