#include "devices/message_log.hpp"

#include <algorithm>
#include <boost/json/object.hpp>

namespace zc::devices {

std::shared_ptr<MessageLog::Ring> MessageLog::ring(const DeviceKey& key, bool create) const {
  std::lock_guard g(mu_);
  auto it = rings_.find(key);
  if (it != rings_.end()) return it->second;
  if (!create) return nullptr;
  return rings_.emplace(key, std::make_shared<Ring>()).first->second;
}

void MessageLog::add(const DeviceKey& key, LoggedFrame f) {
  if (cap_ == 0) return;
  if (f.text.size() > max_bytes_) {
    f.text.resize(max_bytes_);
    f.text += "…(truncated)";
  }
  auto r = ring(key, true);
  std::lock_guard g(r->mu);
  auto& q = f.inbound ? r->in : r->out;
  if (q.size() >= cap_) q.pop_front();
  q.push_back(std::move(f));
}

boost::json::array MessageLog::recent(const DeviceKey& key) const {
  boost::json::array out;
  auto r = ring(key, false);
  if (!r) return out;
  std::vector<LoggedFrame> all;
  {
    std::lock_guard g(r->mu);
    all.assign(r->in.begin(), r->in.end());
    all.insert(all.end(), r->out.begin(), r->out.end());
  }
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.time > b.time; });
  for (auto& f : all) {
    boost::json::object o;
    o["time"] = f.time;
    o["direction"] = f.inbound ? "in" : "out";
    o["type"] = f.type;
    o["action"] = f.action;
    o["messageId"] = f.message_id;
    o["frame"] = f.text;
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace zc::devices
