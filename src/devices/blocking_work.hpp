#pragma once
// Blocking work of the device sessions (database, charging service) runs on a small pool, never on a
// network thread: one slow query would stall every device of that thread. The result comes back to the
// thread that owns the session, so the session's state is only ever touched there.
#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <exception>
#include <optional>
#include <string>
#include <utility>

namespace zc::devices {

// What blocking work gave: its value, or the exception it threw.
template <class R>
struct Outcome {
  std::optional<R> value;
  std::exception_ptr error;

  // The exception's message ("" when there is none or it is not a std::exception).
  std::string what() const {
    if (!error) return {};
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      return e.what();
    } catch (...) {
      return "unknown error";
    }
  }
};

// Runs job() on `pool`, then then(Outcome<R>) on `home` (the owning thread's executor).
template <class Executor, class Job, class Then>
void run_blocking(boost::asio::thread_pool& pool, Executor home, Job job, Then then) {
  boost::asio::post(pool, [home, job = std::move(job), then = std::move(then)]() mutable {
    Outcome<decltype(job())> out;
    try {
      out.value.emplace(job());
    } catch (...) {
      out.error = std::current_exception();
    }
    boost::asio::post(home,
                      [then = std::move(then), out = std::move(out)]() mutable { then(std::move(out)); });
  });
}

// Work whose result nobody waits for (a login or lock state recorded): job() on `pool`; a failure is
// logged as "<who>: <message>".
template <class Job>
void run_detached(boost::asio::thread_pool& pool, std::string who, Job job) {
  boost::asio::post(pool, [who = std::move(who), job = std::move(job)]() mutable {
    try {
      job();
    } catch (const std::exception& e) {
      spdlog::error("{}: {}", who, e.what());
    }
  });
}

}  // namespace zc::devices
