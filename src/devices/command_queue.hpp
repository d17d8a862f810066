#pragma once
// The outbound commands of one device connection, shared by the protocol sessions: one in flight, the
// others waiting in order, each bounded by its deadline. Commands are rare: nothing is allocated until
// one arrives (memory per idle device: two pointers). Not thread-safe: the session's thread only.
#include <deque>
#include <memory>
#include <utility>

#include "devices/command.hpp"
#include "devices/gateway.hpp"

namespace zc::devices {

// What every queued command carries; a protocol adds its wire form (derive from it).
struct QueuedCommand {
  DeviceCommand cmd;
  ReplyHandler done;
  int64_t deadline = 0;  // steady ms
};

template <class Item>
class CommandQueue {
 public:
  Item* inflight() const { return inflight_.get(); }
  bool expired(int64_t now) const { return inflight_ && now >= inflight_->deadline; }

  void enqueue(Item item) {
    if (!queue_) queue_ = std::make_unique<std::deque<Item>>();
    queue_->push_back(std::move(item));
  }

  // While nothing is in flight: the next command is sent (`send(item)`) and waits for its answer; one
  // whose deadline passed while it queued answers timeout.
  template <class Send>
  void pump(int64_t now, Send&& send) {
    while (!inflight_ && queue_ && !queue_->empty()) {
      Item p = std::move(queue_->front());
      queue_->pop_front();
      if (now >= p.deadline) {
        p.done(CommandReply::timeout("no answer from the device (queued behind another command)"));
        continue;
      }
      send(p);
      inflight_ = std::make_unique<Item>(std::move(p));
    }
    if (queue_ && queue_->empty()) queue_.reset();
  }

  // The command in flight, taken for its answer (the caller answers it, then pumps).
  Item take() {
    Item p = std::move(*inflight_);
    inflight_.reset();
    return p;
  }

  // The connection ended: every command answers offline.
  void finish() {
    if (inflight_) take().done(CommandReply::offline("connection closed before the answer"));
    if (queue_)
      for (auto& p : *queue_) p.done(CommandReply::offline("connection closed"));
    queue_.reset();
  }

 private:
  std::unique_ptr<Item> inflight_;
  std::unique_ptr<std::deque<Item>> queue_;
};

// Malformed frames per minute before a connection is dropped.
class BadFrameLimiter {
 public:
  // Counts one bad frame at `now` (steady ms); true when more than `max` arrived within the minute.
  bool exceeded(int64_t now, int max) {
    if (now - window_ > 60000) window_ = now, count_ = 0;
    return ++count_ > max;
  }

 private:
  int64_t window_ = 0;
  int count_ = 0;
};

}  // namespace zc::devices
