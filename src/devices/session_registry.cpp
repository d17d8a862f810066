#include "devices/session_registry.hpp"

namespace zc::devices {

const char* kind_name(DeviceKind k) {
  switch (k) {
    case DeviceKind::car_pile:
      return "car_pile";
    case DeviceKind::car_camera:
      return "car_camera";
    case DeviceKind::car_lock:
      return "car_lock";
    case DeviceKind::bike_device:
      return "bike_device";
  }
  return "device";
}

std::shared_ptr<DeviceSession> SessionRegistry::attach(const DeviceKey& key, std::shared_ptr<DeviceSession> s,
                                                       std::string code, std::string remote, int64_t now) {
  std::lock_guard g(mu_);
  auto& e = map_[key];
  auto old = std::move(e.session);
  e = Entry{std::move(s), std::move(code), std::move(remote), now};
  return old;
}

bool SessionRegistry::detach(const DeviceKey& key, const DeviceSession* s) {
  std::lock_guard g(mu_);
  auto it = map_.find(key);
  if (it == map_.end() || it->second.session.get() != s) return false;
  map_.erase(it);
  return true;
}

std::shared_ptr<DeviceSession> SessionRegistry::find(const DeviceKey& key) const {
  std::lock_guard g(mu_);
  auto it = map_.find(key);
  return it == map_.end() ? nullptr : it->second.session;
}

std::optional<SessionInfo> SessionRegistry::info(const DeviceKey& key) const {
  std::lock_guard g(mu_);
  auto it = map_.find(key);
  if (it == map_.end()) return std::nullopt;
  const Entry& e = it->second;
  return SessionInfo{key, e.code, e.session->protocol(), e.remote, e.since, e.session->last_seen()};
}

std::vector<std::shared_ptr<DeviceSession>> SessionRegistry::all() const {
  std::lock_guard g(mu_);
  std::vector<std::shared_ptr<DeviceSession>> out;
  out.reserve(map_.size());
  for (auto& [k, e] : map_) out.push_back(e.session);
  return out;
}

size_t SessionRegistry::size() const {
  std::lock_guard g(mu_);
  return map_.size();
}

}  // namespace zc::devices
