#include "devices/message_log.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <cstring>

namespace zc::devices {

std::shared_ptr<MessageLog::Ring> MessageLog::ring(const DeviceKey& key, bool create) const {
  std::lock_guard g(mu_);
  auto it = rings_.find(key);
  if (it != rings_.end()) return it->second;
  if (!create) return nullptr;
  return rings_.emplace(key, std::make_shared<Ring>()).first->second;
}

namespace {
constexpr char kSep = '\x1f';  // ASCII unit separator: never in a type, action or message id we log
}

void MessageLog::add(const DeviceKey& key, LoggedFrame f) {
  if (cap_ == 0) return;
  size_t text_size = std::min(f.text.size(), max_bytes_);
  const char* more = f.text.size() > max_bytes_ ? "…(truncated)" : "";
  Stored s{f.time, {}};
  s.packed.reserve(f.type.size() + f.action.size() + f.message_id.size() + 3 + text_size + std::strlen(more));
  for (const std::string* field : {&f.type, &f.action, &f.message_id}) {
    size_t at = s.packed.size();
    s.packed.append(*field).append(1, kSep);
    std::replace(s.packed.begin() + static_cast<std::ptrdiff_t>(at), s.packed.end() - 1, kSep, '?');
  }
  s.packed.append(f.text, 0, text_size).append(more);
  auto r = ring(key, true);
  std::lock_guard g(r->mu);
  Dir& d = f.inbound ? r->in : r->out;
  if (d.v.size() < cap_) {
    if (d.v.size() == d.v.capacity()) d.v.reserve(std::min(cap_, std::max<size_t>(4, d.v.size() * 2)));
    d.v.push_back(std::move(s));
  } else {
    d.v[d.next] = std::move(s);
    d.next = (d.next + 1) % cap_;
  }
}

boost::json::array MessageLog::recent(const DeviceKey& key) const {
  boost::json::array out;
  auto r = ring(key, false);
  if (!r) return out;
  struct Row {
    int64_t time;
    bool inbound;
    std::string packed;
  };
  std::vector<Row> all;
  {
    std::lock_guard g(r->mu);
    for (bool inbound : {true, false}) {
      const Dir& d = inbound ? r->in : r->out;
      for (size_t i = 0; i < d.v.size(); ++i) {  // oldest first
        const Stored& s = d.v[(d.next + i) % d.v.size()];
        all.push_back({s.time, inbound, s.packed});
      }
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.time > b.time; });
  for (auto& f : all) {
    std::string_view p = f.packed;
    auto field = [&p] {
      size_t at = p.find(kSep);
      std::string_view v = p.substr(0, at);
      p.remove_prefix(at == std::string_view::npos ? p.size() : at + 1);
      return v;
    };
    boost::json::object o;
    o["time"] = f.time;
    o["direction"] = f.inbound ? "in" : "out";
    o["type"] = field();
    o["action"] = field();
    o["messageId"] = field();
    o["frame"] = p;
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace zc::devices
