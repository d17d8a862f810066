#include "devices/state_writer.hpp"

#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "storage/repositories/device_repo.hpp"

namespace zc::devices {

StateWriter::StateWriter(db::Database& db, std::chrono::milliseconds interval,
                         std::chrono::milliseconds last_seen_every)
    : db_(db), interval_(interval), last_seen_every_(last_seen_every), thread_([this] { run(); }) {}

int64_t StateWriter::reset_online(db::Database& db, const std::string& reason) {
  int64_t now = now_ms();
  int64_t n = db.write([&](db::Connection& c) { return db::dev::DeviceRepo(c).reset_online(reason, now); });
  if (n > 0) spdlog::warn("devices: {} device(s) were still marked online: set offline ({})", n, reason);
  return n;
}

StateWriter::~StateWriter() {
  stop();
}

void StateWriter::online(const DeviceKey& key, const std::string& protocol, const std::string& remote,
                         int64_t now) {
  std::lock_guard g(mu_);
  auto& d = dirty_[key];
  d.online = 1;
  d.last_seen = now;
  events_.push_back({key, true, protocol, "", remote, now});
  ++stats_.marks;
}

void StateWriter::offline(const DeviceKey& key, const std::string& protocol, const std::string& reason,
                          int64_t now) {
  std::lock_guard g(mu_);
  auto& d = dirty_[key];
  d.online = 0;
  d.connectors.clear();  // going offline sets every connector offline
  events_.push_back({key, false, protocol, reason, "", now});
  ++stats_.marks;
}

void StateWriter::seen(const DeviceKey& key, int64_t now) {
  std::lock_guard g(mu_);
  auto& d = dirty_[key];
  if (now > d.last_seen) d.last_seen = now;
  ++stats_.marks;
}

void StateWriter::connector(const DeviceKey& key, int64_t connector, const std::string& state) {
  std::lock_guard g(mu_);
  dirty_[key].connectors[connector] = state;
  ++stats_.marks;
}

void StateWriter::meter(int64_t transaction_id, int64_t value, int64_t time) {
  std::lock_guard g(mu_);
  meters_[transaction_id] = {value, time};
  ++stats_.marks;
}

StateWriter::Stats StateWriter::stats() const {
  std::lock_guard g(mu_);
  return stats_;
}

void StateWriter::run() {
  std::unique_lock lk(mu_);
  while (!stopping_) {
    cv_.wait_for(lk, interval_, [this] { return stopping_; });
    if (stopping_) break;
    lk.unlock();
    flush();
    lk.lock();
  }
}

void StateWriter::flush() {
  std::lock_guard fg(flush_mu_);
  std::unordered_map<DeviceKey, Dirty, DeviceKeyHash> dirty;
  std::vector<Event> events;
  Meters meters;
  {
    std::lock_guard g(mu_);
    dirty.swap(dirty_);
    events.swap(events_);
    meters.swap(meters_);
  }
  if (dirty.empty() && events.empty() && meters.empty()) return;
  write(dirty, events, meters);
}

void StateWriter::write(std::unordered_map<DeviceKey, Dirty, DeviceKeyHash>& dirty,
                        std::vector<Event>& events, Meters& meters) {
  uint64_t rows = 0;
  try {
    db_.write([&](db::Connection& c) {
      db::dev::DeviceRepo repo(c);
      for (const auto& e : events) {
        repo.log_online(kind_name(e.key.kind), e.key.id, e.protocol, e.online, e.reason, e.remote, e.time);
        ++rows;
      }
      for (auto& [key, d] : dirty) {
        const char* kind = kind_name(key.kind);
        if (d.online >= 0) {
          repo.set_online(kind, key.id, d.online == 1, d.last_seen > 0 ? d.last_seen : persisted_seen_[key]);
          if (d.last_seen > 0) persisted_seen_[key] = d.last_seen;
          ++rows;
        } else if (d.last_seen > 0) {
          auto& p = persisted_seen_[key];
          if (d.last_seen - p >= last_seen_every_.count()) {
            repo.set_last_seen(kind, key.id, d.last_seen);
            p = d.last_seen;
            ++rows;
          }
        }
        if (d.online != 0) {
          for (auto& [n, state] : d.connectors) {
            repo.set_connector_state(kind, key.id, n, state);
            ++rows;
          }
        }
      }
      for (auto& [tx, m] : meters) {
        repo.set_meter(tx, m.first, m.second);
        ++rows;
      }
    });
    std::lock_guard g(mu_);
    ++stats_.flushes;
    stats_.rows += rows;
  } catch (const std::exception& e) {
    spdlog::error("device state flush failed ({} devices, {} log rows): {}", dirty.size(), events.size(),
                  e.what());
    std::lock_guard g(mu_);
    ++stats_.errors;
  }
}

void StateWriter::stop() {
  {
    std::lock_guard g(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  flush();
}

}  // namespace zc::devices
