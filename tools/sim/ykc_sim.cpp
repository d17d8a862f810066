// zhichong-sim ykc: simulated YKC v1.6 car piles over plain TCP (docs/ykc-sim.md). This file parses the run's
// settings, creates the piles (ykc_pile.hpp) on one io_context per thread, runs them until the duration ends
// or a signal, and prints the stats.
#include "ykc_sim.hpp"

#include <sys/resource.h>

#include <deque>
#include <functional>
#include <memory>
#include <thread>

#include "ykc_pile.hpp"

namespace zc::sim {

using namespace ykcsim;

namespace {

json::object stats_json(const Shared& sh, double elapsed_s, double measured_s) {
  const Stats& s = sh.stats;
  json::object o;
  o["elapsedS"] = elapsed_s;
  o["online"] = s.online.load();
  o["connects"] = s.connects.load();
  o["connectFailures"] = s.connect_failures.load();
  o["disconnects"] = s.disconnects.load();
  o["loginsOk"] = s.logins_ok.load();
  o["loginsRefused"] = s.logins_refused.load();
  o["framesSent"] = s.frames_sent.load();
  o["framesReceived"] = s.frames_received.load();
  o["bytesSent"] = s.bytes_sent.load();
  o["heartbeats"] = s.heartbeats.load();
  o["heartbeatAnswers"] = s.heartbeat_answers.load();
  o["realtime"] = s.realtime.load();
  o["models"] = s.models.load();
  o["commands"] = s.commands.load();
  o["starts"] = s.starts.load();
  o["startRefusals"] = s.start_refusals.load();
  o["stops"] = s.stops.load();
  o["recordsSent"] = s.records_sent.load();
  o["recordsConfirmed"] = s.records_confirmed.load();
  o["decodeErrors"] = s.decode_errors.load();
  o["unknownFrames"] = s.unknown_frames.load();
  if (s.swipes.load() > 0 || s.balance_updates.load() > 0) {
    json::object c;
    c["swipes"] = s.swipes.load();
    c["accepted"] = s.swipes_accepted.load();
    c["refused"] = s.swipes_refused.load();
    c["unanswered"] = s.swipes_unanswered.load();
    c["balanceUpdates"] = s.balance_updates.load();
    c["authP50Ms"] = s.swipe_rtt.percentile_ms(0.50);
    c["authP95Ms"] = s.swipe_rtt.percentile_ms(0.95);
    c["authP99Ms"] = s.swipe_rtt.percentile_ms(0.99);
    o["cards"] = std::move(c);
  }
  if (sh.o.bench_window > 0) {
    json::object b;
    b["window"] = sh.o.bench_window;
    b["measuredS"] = measured_s;
    b["windows"] = s.bench_windows.load();
    b["frames"] = s.bench_frames.load();
    b["timeouts"] = s.bench_timeouts.load();
    b["framesPerS"] = measured_s > 0 ? static_cast<double>(s.bench_frames.load()) / measured_s : 0.0;
    b["realtimeFramesPerS"] =
        measured_s > 0
            ? static_cast<double>(s.bench_windows.load() * static_cast<uint64_t>(sh.o.bench_window)) /
                  measured_s
            : 0.0;
    const auto n = s.window_rtt.total.load();
    b["rttMeanMs"] =
        n ? static_cast<double>(s.window_rtt.sum_us.load()) / 1000.0 / static_cast<double>(n) : 0.0;
    b["rttP50Ms"] = s.window_rtt.percentile_ms(0.50);
    b["rttP99Ms"] = s.window_rtt.percentile_ms(0.99);
    o["bench"] = std::move(b);
  }
  return o;
}

void raise_fd_limit() {
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
  }
}

}  // namespace

int run_ykc(const YkcOptions& o) {
  raise_fd_limit();
  std::vector<PileCode> codes;
  if (!o.codes.empty()) {
    for (auto& c : o.codes) {
      auto pc = PileCode::parse(c);
      if (!pc || !pc->is_decimal()) {
        std::fprintf(stderr, "ykc: --codes: '%s' is not a pile code (up to 14 digits)\n", c.c_str());
        return 2;
      }
      codes.push_back(*pc);
    }
  } else {
    if (o.prefix.size() >= 14 || o.prefix.find_first_not_of("0123456789") != std::string::npos) {
      std::fprintf(stderr, "ykc: --prefix must be fewer than 14 digits\n");
      return 2;
    }
    const size_t width = 14 - o.prefix.size();
    for (int64_t i = 0; i < o.devices; ++i) {
      std::string n = std::to_string(o.start + i);
      if (n.size() > width) {
        std::fprintf(stderr, "ykc: --prefix %s + number %s is longer than 14 digits\n", o.prefix.c_str(),
                     n.c_str());
        return 2;
      }
      codes.push_back(*PileCode::parse(o.prefix + std::string(width - n.size(), '0') + n));
    }
  }
  auto tz = TimeZone::find(o.tz);
  if (!tz) {
    std::fprintf(stderr, "ykc: --tz: unknown time zone '%s'\n", o.tz.c_str());
    return 2;
  }
  asio::io_context control;
  tcp::endpoint endpoint;
  {
    tcp::resolver resolver(control);
    boost::system::error_code ec;
    auto eps = resolver.resolve(o.host, o.port, ec);
    if (ec || eps.empty()) {
      std::fprintf(stderr, "ykc: cannot resolve %s:%s: %s\n", o.host.c_str(), o.port.c_str(),
                   ec.message().c_str());
      return 2;
    }
    endpoint = eps.begin()->endpoint();
  }
  Shared sh{o, endpoint, *tz};
  for (const auto& c : o.cards.empty() ? std::vector<std::string>{o.card} : o.cards) {
    auto bytes = parse_hex(c);
    if (!bytes.ok() || bytes->size() != PhysicalCard{}.size()) {
      std::fprintf(stderr, "ykc: card '%s' is not 16 hex digits\n", c.c_str());
      return 2;
    }
    PhysicalCard card{};
    std::copy(bytes->begin(), bytes->end(), card.begin());
    sh.cards.push_back(card);
  }
  sh.pile_count = codes.size();
  const size_t nthreads = static_cast<size_t>(std::max<int64_t>(1, o.threads));
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  for (size_t i = 0; i < nthreads; ++i) contexts.push_back(std::make_unique<asio::io_context>(1));
  std::deque<Pile> piles;
  for (size_t i = 0; i < codes.size(); ++i) {
    auto& ioc = *contexts[i % nthreads];
    Pile& p = piles.emplace_back(ioc, sh, codes[i], i);
    const auto delay = codes.size() > 1
                           ? secs(o.ramp_s * static_cast<double>(i) / static_cast<double>(codes.size()))
                           : Clock::duration{};
    asio::co_spawn(ioc, p.run(delay), asio::detached);
  }

  const auto t0 = Clock::now();
  Clock::time_point measure_from = t0, measure_to{};
  if (o.bench_window > 0 && o.warmup_s <= 0) sh.measuring = true;
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - t0).count(); };
  auto measured = [&] {
    const auto end = measure_to == Clock::time_point{} ? Clock::now() : measure_to;
    return sh.measuring || measure_to != Clock::time_point{}
               ? std::chrono::duration<double>(end - measure_from).count()
               : 0.0;
  };
  asio::signal_set signals(control, SIGINT, SIGTERM), swipe_signal(control, SIGUSR1);
  asio::steady_timer end(control), stats_timer(control), warmup(control);
  auto stop_all = [&] {
    if (sh.stopping.exchange(true)) return;
    if (sh.measuring.exchange(false)) measure_to = Clock::now();
    for (auto& p : piles) p.stop();
    signals.cancel();
    swipe_signal.cancel();
    end.cancel();
    stats_timer.cancel();
    warmup.cancel();
  };
  signals.async_wait([&](boost::system::error_code ec, int) {
    if (!ec) stop_all();
  });
  std::function<void()> arm_swipe = [&] {  // SIGUSR1: every pile swipes its next card now
    swipe_signal.async_wait([&](boost::system::error_code ec, int) {
      if (ec) return;
      for (auto& p : piles) p.swipe_now();
      arm_swipe();
    });
  };
  arm_swipe();
  if (o.duration_s > 0) {
    end.expires_after(secs(o.duration_s));
    end.async_wait([&](boost::system::error_code ec) {
      if (!ec) stop_all();
    });
  }
  if (o.bench_window > 0 && o.warmup_s > 0) {
    warmup.expires_after(secs(o.warmup_s));
    warmup.async_wait([&](boost::system::error_code ec) {
      if (ec) return;
      measure_from = Clock::now();
      sh.measuring = true;
    });
  }
  std::function<void()> arm_stats = [&] {
    if (o.stats_s <= 0 || sh.stopping) return;
    stats_timer.expires_after(secs(o.stats_s));
    stats_timer.async_wait([&](boost::system::error_code ec) {
      if (ec) return;
      const std::string line = json::serialize(stats_json(sh, elapsed(), measured())) + "\n";
      {
        std::lock_guard lock(sh.out_mu);
        std::fwrite(line.data(), 1, line.size(), stdout);
        std::fflush(stdout);
      }
      arm_stats();
    });
  };
  arm_stats();

  std::vector<std::thread> threads;
  for (auto& c : contexts) threads.emplace_back([&ioc = *c] { ioc.run(); });
  control.run();
  for (auto& t : threads) t.join();
  json::object summary = stats_json(sh, elapsed(), measured());
  summary["piles"] = static_cast<int64_t>(piles.size());
  const std::string line = json::serialize(summary) + "\n";
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fflush(stdout);
  return 0;
}

}  // namespace zc::sim
