// zhichong-sim ocpp: simulated OCPP 1.6J charge points (docs/ocpp.md "Simulator"). This file parses the run's
// settings, creates the devices (ocpp_device.hpp), runs them until the duration ends or a signal, and prints
// the stats.
#include "ocpp_sim.hpp"

#include <sys/resource.h>

#include <cstdio>
#include <functional>
#include <thread>

#include "ocpp_device.hpp"

namespace zc::sim {

namespace ocppsim {

std::string iso_now() {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count();
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

}  // namespace ocppsim

using namespace ocppsim;

namespace {

std::optional<Url> parse_url(const std::string& s) {
  const std::string scheme = "ws://";
  if (s.rfind(scheme, 0) != 0) return std::nullopt;
  std::string rest = s.substr(scheme.size());
  size_t slash = rest.find('/');
  std::string hostport = rest.substr(0, slash);
  Url u;
  u.path = slash == std::string::npos ? "" : rest.substr(slash);
  while (!u.path.empty() && u.path.back() == '/') u.path.pop_back();
  size_t colon = hostport.rfind(':');
  u.host = hostport.substr(0, colon);
  u.port = colon == std::string::npos ? "80" : hostport.substr(colon + 1);
  if (u.host.empty()) return std::nullopt;
  return u;
}

}  // namespace

int run_ocpp(const OcppOptions& o) {
  auto url = parse_url(o.url);
  if (!url) {
    std::fprintf(stderr, "ocpp: --url must be ws://host[:port]/path\n");
    return 2;
  }
  // Each simulated device holds a socket: raise the open-file limit to the hard limit.
  if (rlimit l{}; getrlimit(RLIMIT_NOFILE, &l) == 0 && l.rlim_cur < l.rlim_max) {
    l.rlim_cur = l.rlim_max;
    setrlimit(RLIMIT_NOFILE, &l);
  }
  Shared sh{o, *url};
  sh.id_tags = o.id_tags.empty() ? std::vector<std::string>{o.id_tag} : o.id_tags;
  sh.device_count = static_cast<size_t>(std::max<int64_t>(1, o.devices));
  asio::io_context ioc(static_cast<int>(std::max<int64_t>(1, o.threads)));
  std::vector<std::shared_ptr<Device>> devices;
  for (int64_t i = 0; i < o.devices; ++i) {
    std::string code;
    if (!o.codes.empty()) {
      code = o.codes[static_cast<size_t>(i)];
    } else {
      std::string n = std::to_string(o.start + i);
      int64_t width =
          o.width > 0 ? o.width : std::max<int64_t>(1, 14 - static_cast<int64_t>(o.prefix.size()));
      if (static_cast<int64_t>(n.size()) < width)
        n = std::string(static_cast<size_t>(width) - n.size(), '0') + n;
      code = o.prefix + n;
    }
    // --charging-fraction: spread evenly over the devices (0.3: 3 of every 10)
    bool charges = std::floor(static_cast<double>(i + 1) * o.charging_fraction) >
                   std::floor(static_cast<double>(i) * o.charging_fraction);
    auto d = std::make_shared<Device>(asio::make_strand(ioc), sh, code, static_cast<size_t>(i), charges);
    devices.push_back(d);
    auto delay = o.devices > 1 ? secs(o.ramp_s * static_cast<double>(i) / static_cast<double>(o.devices))
                               : Clock::duration{};
    asio::co_spawn(asio::make_strand(ioc), d->run(delay), asio::detached);
  }
  auto t0 = Clock::now();
  auto stop_all = [&] {
    if (sh.stopping.exchange(true)) return;
    for (auto& d : devices) d->stop();
  };
  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code ec, int) {
    if (!ec) stop_all();
  });
  // SIGUSR1: network lost; SIGUSR2: back (see OcppOptions).
  asio::signal_set net_signals(ioc, SIGUSR1, SIGUSR2);
  std::function<void()> arm_net = [&] {
    net_signals.async_wait([&](beast::error_code ec, int sig) {
      if (ec) return;
      sh.offline = sig == SIGUSR1;
      if (sig == SIGUSR1)
        for (auto& d : devices) d->drop();
      arm_net();
    });
  };
  arm_net();
  asio::steady_timer end(ioc);
  if (o.duration_s > 0) {
    end.expires_after(secs(o.duration_s));
    end.async_wait([&](beast::error_code ec) {
      if (!ec) stop_all();
    });
  }
  asio::steady_timer warmup(ioc);
  if (o.warmup_s > 0) {
    warmup.expires_after(secs(o.warmup_s));
    warmup.async_wait([&](beast::error_code ec) {
      if (ec) return;
      sh.stats.restart_window();
      t0 = Clock::now();
    });
  }
  asio::steady_timer stats_timer(ioc);
  std::function<void()> arm_stats = [&] {
    if (o.stats_s <= 0 || sh.stopping) return;
    stats_timer.expires_after(secs(o.stats_s));
    stats_timer.async_wait([&](beast::error_code ec) {
      if (ec) return;
      std::printf("%s\n",
                  json::serialize(sh.stats.to_json(std::chrono::duration<double>(Clock::now() - t0).count()))
                      .c_str());
      std::fflush(stdout);
      arm_stats();
    });
  };
  arm_stats();
  // Once stopping, the timers above are cancelled so that run() returns when the devices are done.
  asio::steady_timer watch(ioc);
  std::function<void()> arm_watch = [&] {
    watch.expires_after(std::chrono::milliseconds(50));
    watch.async_wait([&](beast::error_code) {
      if (sh.stopping) {
        signals.cancel();
        net_signals.cancel();
        end.cancel();
        warmup.cancel();
        stats_timer.cancel();
        return;
      }
      arm_watch();
    });
  };
  arm_watch();
  std::vector<std::thread> threads;
  for (int64_t i = 1; i < o.threads; ++i) threads.emplace_back([&] { ioc.run(); });
  ioc.run();
  for (auto& t : threads) t.join();
  json::object summary = sh.stats.to_json(std::chrono::duration<double>(Clock::now() - t0).count());
  summary["devices"] = o.devices;
  std::printf("%s\n", json::serialize(summary).c_str());
  std::fflush(stdout);
  return 0;
}

}  // namespace zc::sim
