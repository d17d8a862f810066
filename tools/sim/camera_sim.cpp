#include "camera_sim.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <deque>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "camera_image.hpp"

namespace zc::sim {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

std::atomic<bool> g_stop{false};

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count();
}

std::vector<std::string> read_words(const std::string& v) {
  std::vector<std::string> out;
  std::string text = v;
  if (!v.empty() && v[0] == '@') {
    std::ifstream in(v.substr(1));
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  std::string line;
  std::istringstream lines(text);
  while (std::getline(lines, line)) {
    line = line.substr(0, line.find('#'));
    std::replace(line.begin(), line.end(), ',', ' ');
    std::istringstream w(line);
    for (std::string word; w >> word;) out.push_back(word);
  }
  return out;
}

// The photos of a plate, made once (a plate's photo is the same at each visit).
class PhotoCache {
 public:
  explicit PhotoCache(size_t bytes) : bytes_(bytes) {}
  std::shared_ptr<const std::pair<std::string, std::string>> get(const std::string& plate, bool green,
                                                                 bool left) {
    std::string key = plate + (left ? "L" : "R");
    {
      std::lock_guard g(mu_);
      if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    }
    auto p = make_photos(plate, green, bytes_, left);
    auto v = std::make_shared<const std::pair<std::string, std::string>>(base64(p.scene), base64(p.crop));
    std::lock_guard g(mu_);
    if (cache_.size() > 400) cache_.clear();
    return cache_.emplace(key, v).first->second;
  }

 private:
  size_t bytes_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const std::pair<std::string, std::string>>> cache_;
};

struct Stats {
  std::mutex mu;
  std::vector<double> push_ms, poll_ms;
  uint64_t pushes = 0, polls = 0, errors = 0, opened = 0, refused = 0, commands = 0, resent = 0;
};

struct Side {
  std::string plate;  // "" = empty spot
  bool green = false;
  std::string lock = "raised";
  int64_t next_event = 0;
};

struct Record {  // a push, kept while offline
  json::object body;
  int side = 0;
};

class Camera {
 public:
  Camera(const CameraSimOptions& o, std::string serial, std::string secret, PhotoCache& photos, Stats& stats,
         uint32_t seed)
      : o_(o),
        serial_(std::move(serial)),
        secret_(std::move(secret)),
        photos_(photos),
        stats_(stats),
        rng_(seed) {
    next_id_ =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count() *
        100;
    int64_t now = now_ms();
    next_poll_ = now + static_cast<int64_t>(rng_() % std::max<int64_t>(1, o_.poll_ms));
    for (auto& s : sides_) s.next_event = now + jitter(o_.event_ms);
    if (o_.offline_every_s > 0) next_offline_ = now + jitter(o_.offline_every_s * 1000);
  }

  std::string target;  // the push URL's path and query

  int64_t due() const { return std::min({next_poll_, sides_[0].next_event, sides_[1].next_event}); }

  void step(asio::io_context& io, const std::string& host, const std::string& port,
            const std::string& target) {
    int64_t now = now_ms();
    if (next_offline_ && now >= next_offline_) {
      offline_until_ = now + o_.offline_for_s * 1000;
      next_offline_ = now + jitter(o_.offline_every_s * 1000);
      log("offline for %lld s", static_cast<long long>(o_.offline_for_s));
    }
    bool offline = now < offline_until_;
    for (int i = 0; i < 2; ++i)
      if (now >= sides_[i].next_event) {
        sides_[i].next_event = now + jitter(o_.event_ms);
        Record r = car_event(i);
        if (offline) {
          r.body["AlarmInfoPlate"].as_object()["result"].as_object()["PlateResult"].as_object()["isoffline"] =
              1;
          stored_.push_back(std::move(r));
        } else {
          push(io, host, port, target, r);
        }
      }
    if (now >= next_poll_) {
      next_poll_ = now + o_.poll_ms;
      if (offline) return;
      poll(io, host, port, target);
      while (!stored_.empty() && !g_stop) {  // back online: the stored records, oldest first
        Record r = std::move(stored_.front());
        stored_.pop_front();
        {
          std::lock_guard g(stats_.mu);
          ++stats_.resent;
        }
        push(io, host, port, target, r);
      }
    }
  }

 private:
  int64_t jitter(int64_t mean) {
    return mean / 2 + static_cast<int64_t>(rng_() % static_cast<uint32_t>(std::max<int64_t>(1, mean)));
  }

  void log(const char* fmt, long long v) {
    if (o_.quiet) return;
    std::fprintf(stderr, "camera %s: ", serial_.c_str());
    std::fprintf(stderr, fmt, v);
    std::fputc('\n', stderr);
  }

  std::string random_plate(bool& green) {
    static const char* kLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    int total = o_.weight_green + o_.weight_blue + o_.weight_whitelist + o_.weight_reserved;
    int pick = static_cast<int>(rng_() % static_cast<uint32_t>(std::max(1, total)));
    const std::vector<std::string>* list = nullptr;
    if (pick >= o_.weight_green + o_.weight_blue)
      list = pick < o_.weight_green + o_.weight_blue + o_.weight_whitelist ? &o_.whitelist : &o_.reserved;
    if (list && !list->empty()) {
      std::string p = (*list)[rng_() % list->size()];
      green = p.size() == 3 + 6;  // 粤 (3 bytes) + 6 characters: a new-energy plate
      return p;
    }
    green = pick < o_.weight_green || (list && list->empty());
    char buf[16];
    // One of --plates plates per colour: their photos are made once (the cache), not at every visit.
    auto n = static_cast<unsigned>(rng_() % static_cast<uint32_t>(std::max<int64_t>(1, o_.plates)));
    if (green)
      std::snprintf(buf, sizeof buf, "BD%05u", (n * 7919u + 10007u) % 100000u);
    else
      std::snprintf(buf, sizeof buf, "B%c%04u", kLetters[n % 24], (n * 271u + 1009u) % 10000u);
    return std::string("粤") + buf;
  }

  json::object plate_push(const std::string& plate, bool green, int side, int direction, int trigger) {
    auto photos = photos_.get(plate.empty() ? "——" : plate, green, side == 0);
    json::object rect{
        {"left", side == 0 ? 220 : 860}, {"top", 500}, {"right", side == 0 ? 420 : 1060}, {"bottom", 560}};
    auto sec =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    json::object pr{{"license", plate},
                    {"colorType", plate.empty() ? 0
                                  : green       ? 5
                                                : 1},
                    {"type", green ? 19 : 1},
                    {"confidence", 90 + static_cast<int>(rng_() % 10)},
                    {"direction", direction},
                    {"triggerType", trigger},
                    {"plateid", next_id_++},
                    {"isoffline", 0},
                    {"location", json::object{{"RECT", std::move(rect)}}},
                    {"timeStamp", json::object{{"Timeval", json::object{{"sec", sec}, {"usec", 0}}}}},
                    {"imageFile", photos->first},
                    {"imageFragmentFile", photos->second}};
    json::object alarm{{"serialno", serial_},
                       {"channel", side},
                       {"deviceName", "IVS"},
                       {"ipaddr", "192.168.1.100"},
                       {"result", json::object{{"PlateResult", std::move(pr)}}}};
    return json::object{{"AlarmInfoPlate", std::move(alarm)}};
  }

  Record car_event(int i) {
    Side& s = sides_[i];
    if (s.plate.empty()) {
      s.plate = random_plate(s.green);
      return {plate_push(s.plate, s.green, i, 3, 8), i};
    }
    Record r{plate_push(s.plate, s.green, i, 4, 8), i};
    s.plate.clear();
    return r;
  }

  json::array locks() const {
    json::array a;
    for (int i = 0; i < 2; ++i)
      a.push_back(json::object{{"side", i == 0 ? "left" : "right"},
                               {"state", sides_[i].lock},
                               {"car", sides_[i].plate.empty() ? 0 : 1},
                               {"battery", 88},
                               {"alarm", ""}});
    return a;
  }

  std::optional<json::object> post(asio::io_context& io, const std::string& host, const std::string& port,
                                   const std::string& target, const std::string& body, double& ms) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      try {
        if (!stream_) {
          stream_ = std::make_unique<beast::tcp_stream>(io);
          tcp::resolver res(io);
          stream_->connect(res.resolve(host, port));
        }
        http::request<http::string_body> req{http::verb::post, target, 11};
        req.set(http::field::host, host);
        req.set(http::field::content_type, "application/json");
        req.keep_alive(true);
        req.body() = body;
        req.prepare_payload();
        auto t0 = Clock::now();
        stream_->expires_after(std::chrono::seconds(30));
        http::write(*stream_, req);
        beast::flat_buffer buf;
        http::response<http::string_body> resp;
        http::read(*stream_, buf, resp);
        ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (!resp.keep_alive()) stream_.reset();
        if (resp.result_int() != 200) {
          log("HTTP %lld", static_cast<long long>(resp.result_int()));
          return std::nullopt;
        }
        boost::system::error_code ec;
        auto v = json::parse(resp.body(), ec);
        return ec || !v.is_object() ? json::object{} : v.as_object();
      } catch (const std::exception&) {
        stream_.reset();  // a closed keep-alive connection: once more on a new one
      }
    }
    return std::nullopt;
  }

  void obey(const json::object& reply, asio::io_context& io, const std::string& host, const std::string& port,
            const std::string& target, int push_side, int direction) {
    auto* r = reply.if_contains("Response_AlarmInfoPlate");
    if (!r || !r->is_object()) return;
    auto& o = r->as_object();
    if (push_side >= 0) {
      bool ok = o.contains("info") && o.at("info") == "ok";
      if (ok && direction == 3) sides_[push_side].lock = "lowered";
      if (direction == 4 && !ok) sides_[push_side].lock = "raised";  // the car left: the lock goes up
      std::lock_guard g(stats_.mu);
      (ok ? stats_.opened : stats_.refused) += direction == 3 ? 1 : 0;
    }
    int n = 0;
    if (auto* io_ctl = o.if_contains("ivs_ioctrl"); io_ctl && io_ctl->is_object()) {
      int side = io_ctl->as_object().at("io").to_number<int>() == 1 ? 1 : 0;
      sides_[side].lock = io_ctl->as_object().at("value").to_number<int>() == 1 ? "lowered" : "raised";
      ++n;
    }
    if (o.contains("reboot_dev")) offline_until_ = now_ms() + 3000, ++n;
    if (o.contains("time_sync") || o.contains("lock_query")) ++n;
    if (o.contains("manualTrigger")) {
      ++n;
      Record rec{plate_push(sides_[0].plate, sides_[0].green, 0, 0, 4), 0};
      push(io, host, port, target, rec);
    }
    if (n) {
      std::lock_guard g(stats_.mu);
      stats_.commands += n;
    }
  }

  void push(asio::io_context& io, const std::string& host, const std::string& port, const std::string& target,
            Record& r) {
    auto& pr = r.body["AlarmInfoPlate"].as_object()["result"].as_object()["PlateResult"].as_object();
    int direction = static_cast<int>(pr["direction"].to_number<int64_t>());
    bool offline = pr["isoffline"].to_number<int64_t>() != 0;
    double ms = 0;
    auto reply = post(io, host, port, target, json::serialize(r.body), ms);
    {
      std::lock_guard g(stats_.mu);
      if (!reply) {
        ++stats_.errors;
        return;
      }
      ++stats_.pushes;
      if (!offline) stats_.push_ms.push_back(ms);
    }
    obey(*reply, io, host, port, target, offline ? -1 : r.side, direction);
  }

  void poll(asio::io_context& io, const std::string& host, const std::string& port,
            const std::string& target) {
    json::object hb{{"device_name", "IVS"}, {"ipaddr", "192.168.1.100"}, {"port", 80},
                    {"user_name", "admin"}, {"pass_wd", "admin"},        {"serialno", serial_},
                    {"channel_num", 2},     {"locks", locks()}};
    double ms = 0;
    auto reply = post(io, host, port, target, json::serialize(hb), ms);
    {
      std::lock_guard g(stats_.mu);
      if (!reply) {
        ++stats_.errors;
        return;
      }
      ++stats_.polls;
      stats_.poll_ms.push_back(ms);
    }
    obey(*reply, io, host, port, target, -1, 0);
  }

  const CameraSimOptions& o_;
  std::string serial_, secret_;
  PhotoCache& photos_;
  Stats& stats_;
  std::mt19937 rng_;
  Side sides_[2];
  int64_t next_poll_ = 0, next_offline_ = 0, offline_until_ = 0, next_id_ = 0;
  std::deque<Record> stored_;
  std::unique_ptr<beast::tcp_stream> stream_;
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5))];
}

}  // namespace

bool CameraSimCli::parse(CameraSimOptions& o) {
  if (!cameras_file.empty()) {
    auto w = read_words("@" + cameras_file);
    for (size_t i = 0; i + 1 < w.size(); i += 2) o.cameras.emplace_back(w[i], w[i + 1]);
  }
  for (auto& s : read_words(serials)) o.cameras.emplace_back(s, secret);
  if (o.cameras.empty()) {
    std::fprintf(stderr, "camera: give --cameras FILE (serial secret per line) or --serials with --secret\n");
    return false;
  }
  o.whitelist = read_words(whitelist);
  o.reserved = read_words(reserved);
  auto m = read_words(mix);
  if (m.size() != 4) {
    std::fprintf(stderr, "camera: --mix is green,blue,whitelist,reserved weights\n");
    return false;
  }
  o.weight_green = std::stoi(m[0]), o.weight_blue = std::stoi(m[1]);
  o.weight_whitelist = std::stoi(m[2]), o.weight_reserved = std::stoi(m[3]);
  if (o.poll_ms < 50 || o.event_ms < 50 || o.threads < 1 || o.image_kib < 1) {
    std::fprintf(stderr, "camera: --poll and --event ≥ 50 ms, --threads ≥ 1, --image-kib ≥ 1\n");
    return false;
  }
  return true;
}

CameraSimCli add_camera_command(CLI::App& app, CameraSimOptions& o) {
  CameraSimCli c;
  c.cmd = app.add_subcommand("camera", "parking cameras (Vzenith IVS HTTP push) with ground locks");
  auto* a = c.cmd;
  a->add_option("--url", o.url, "the platform's HTTP base URL")->capture_default_str();
  a->add_option("--cameras", c.cameras_file, "file: one camera a line, 'serial secret'");
  a->add_option("--serials", c.serials, "serials a,b,… or @FILE (all with --secret)");
  a->add_option("--secret", c.secret, "the secret of the --serials cameras");
  a->add_option("--poll", o.poll_ms, "heartbeat / poll interval ms")->capture_default_str();
  a->add_option("--event", o.event_ms, "mean ms between a spot's car events (enter, leave; ± 50 %)")
      ->capture_default_str();
  a->add_option("--image-kib", o.image_kib, "scene photo size KiB (JPEG)")->capture_default_str();
  a->add_option("--plates", o.plates, "distinct generated plates per colour (their photos are cached)")
      ->capture_default_str();
  a->add_option("--mix", c.mix, "weights green,blue,whitelist,reserved")->capture_default_str();
  a->add_option("--whitelist", c.whitelist, "whitelisted plates a,b,… or @FILE");
  a->add_option("--reserved", c.reserved, "reserved plates a,b,… or @FILE");
  a->add_option("--offline-every", o.offline_every_s, "s between a camera's offline spells (0: never)")
      ->capture_default_str();
  a->add_option("--offline-for", o.offline_for_s, "s a spell lasts (records kept, resent isoffline=1)")
      ->capture_default_str();
  a->add_option("--duration", o.duration_s, "run time s (0: until SIGINT/SIGTERM)")->capture_default_str();
  a->add_option("--threads", o.threads, "threads (cameras are shared among them)")->capture_default_str();
  a->add_option("--stats", o.stats_file, "write the figures as JSON here at the end");
  a->add_flag("--quiet", o.quiet, "no per-camera log on stderr");
  return c;
}

int run_camera_sim(const CameraSimOptions& o) {
  std::string rest = o.url.substr(o.url.find("://") + 3);
  std::string hostport = rest.substr(0, rest.find('/'));
  std::string host = hostport.substr(0, hostport.find(':'));
  std::string port = hostport.find(':') == std::string::npos ? "80" : hostport.substr(hostport.find(':') + 1);
  std::signal(SIGINT, [](int) { g_stop = true; });
  std::signal(SIGTERM, [](int) { g_stop = true; });
  PhotoCache photos(static_cast<size_t>(o.image_kib) * 1024);
  Stats stats;
  int64_t end = o.duration_s > 0 ? now_ms() + o.duration_s * 1000 : 0;
  auto t0 = Clock::now();
  std::vector<std::thread> threads;
  for (int64_t t = 0; t < o.threads; ++t)
    threads.emplace_back([&, t] {
      asio::io_context io;
      std::vector<std::unique_ptr<Camera>> mine;
      for (size_t i = static_cast<size_t>(t); i < o.cameras.size(); i += static_cast<size_t>(o.threads)) {
        const auto& [serial, secret] = o.cameras[i];
        std::string target = "/camera/vzenith?key=" + secret;
        mine.push_back(
            std::make_unique<Camera>(o, serial, secret, photos, stats, static_cast<uint32_t>(i * 7919 + 1)));
        mine.back()->target = target;
      }
      while (!g_stop && (!end || now_ms() < end)) {
        Camera* next = nullptr;
        for (auto& c : mine)
          if (!next || c->due() < next->due()) next = c.get();
        if (!next) return;
        int64_t wait = next->due() - now_ms();
        if (wait > 0) {
          std::this_thread::sleep_for(std::chrono::milliseconds(std::min<int64_t>(wait, 100)));
          continue;
        }
        next->step(io, host, port, next->target);
      }
    });
  for (auto& th : threads) th.join();
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  std::lock_guard g(stats.mu);
  json::object out{{"cameras", o.cameras.size()},
                   {"seconds", secs},
                   {"pushes", stats.pushes},
                   {"polls", stats.polls},
                   {"errors", stats.errors},
                   {"opened", stats.opened},
                   {"refused", stats.refused},
                   {"commands", stats.commands},
                   {"resent", stats.resent},
                   {"push_p50_ms", percentile(stats.push_ms, 0.5)},
                   {"push_p99_ms", percentile(stats.push_ms, 0.99)},
                   {"push_max_ms", percentile(stats.push_ms, 1.0)},
                   {"poll_p50_ms", percentile(stats.poll_ms, 0.5)},
                   {"poll_p99_ms", percentile(stats.poll_ms, 0.99)}};
  std::string text = json::serialize(out);
  std::printf("%s\n", text.c_str());
  if (!o.stats_file.empty()) std::ofstream(o.stats_file) << text << "\n";
  return 0;
}

}  // namespace zc::sim
