#include "devices/state_writer.hpp"

#include <spdlog/spdlog.h>

#include "core/clock.hpp"

namespace zc::devices {

StateWriter::StateWriter(DeviceStateStore& store, std::chrono::milliseconds interval,
                         std::chrono::milliseconds last_seen_every)
    : store_(store), interval_(interval), last_seen_every_(last_seen_every), thread_([this] { run(); }) {}

int64_t StateWriter::reset_online(DeviceStateStore& store, const std::string& reason) {
  int64_t n = store.reset_online(reason, now_ms());
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
  d.faults.clear();
  events_.push_back({key, false, protocol, reason, "", now});
  ++stats_.marks;
}

void StateWriter::seen(const DeviceKey& key, int64_t now) {
  std::lock_guard g(mu_);
  auto& d = dirty_[key];
  if (now > d.last_seen) d.last_seen = now;
  ++stats_.marks;
}

void StateWriter::connector(const DeviceKey& key, int64_t connector, const std::string& state,
                            const std::string& fault) {
  std::lock_guard g(mu_);
  Dirty& d = dirty_[key];
  d.connectors[connector] = state;
  if (state == "fault")
    d.faults[connector] = fault.empty() ? "fault" : fault;
  else
    d.faults.erase(connector);
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
  DeviceStateStore::Batch batch;
  batch.events = std::move(events);
  for (auto& [key, d] : dirty) {
    DeviceStateStore::DeviceState st{key, d.online, 0, {}};
    if (d.online >= 0) {
      st.last_seen = d.last_seen > 0 ? d.last_seen : persisted_seen_[key];
      if (d.last_seen > 0) persisted_seen_[key] = d.last_seen;
    } else if (d.last_seen > 0) {
      auto& p = persisted_seen_[key];
      if (d.last_seen - p >= last_seen_every_.count()) st.last_seen = p = d.last_seen;
    }
    if (d.online != 0) {
      st.connectors = std::move(d.connectors);
      st.faults = std::move(d.faults);
    }
    if (st.online >= 0 || st.last_seen > 0 || !st.connectors.empty()) batch.states.push_back(std::move(st));
  }
  for (auto& [tx, m] : meters) batch.meters.push_back({tx, m.first, m.second});
  try {
    uint64_t rows = store_.write(batch);
    std::lock_guard g(mu_);
    ++stats_.flushes;
    stats_.rows += rows;
  } catch (const std::exception& e) {
    spdlog::error("device state flush failed ({} devices, {} log rows): {}", dirty.size(),
                  batch.events.size(), e.what());
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
