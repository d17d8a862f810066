#include "drivers_sim.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace zc::sim {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

std::atomic<bool> g_stop{false};
extern "C" void on_drivers_signal(int) {
  g_stop = true;
}

struct Counters {
  std::atomic<int64_t> sign_ins{0}, orders{0}, paid{0}, charging{0}, completed{0}, failed{0};
  // the chosen gun/socket was taken by another driver first (409 at the order)
  std::atomic<int64_t> taken{0};
  // sessions started with one of the driver's cards (no payment); card starts the platform refused
  std::atomic<int64_t> card_orders{0}, card_refused{0};
};

struct Target {
  std::string host, port;
};

Target parse_url(const std::string& url) {
  std::string rest = url;
  if (rest.rfind("http://", 0) == 0)
    rest = rest.substr(7);
  else if (rest.find("://") != std::string::npos)
    throw std::invalid_argument("--url: only http:// is supported");
  rest = rest.substr(0, rest.find('/'));
  auto colon = rest.rfind(':');
  if (colon == std::string::npos) return {rest, "80"};
  return {rest.substr(0, colon), rest.substr(colon + 1)};
}

// One driver's HTTP/1.1 keep-alive connection; reconnects when the server closed it.
class Client {
 public:
  explicit Client(Target t) : t_(std::move(t)), resolver_(io_), stream_(io_) {}

  struct Answer {
    int status = 0;
    std::string body;
    json::value json() const {
      boost::system::error_code ec;
      auto v = json::parse(body, ec);
      return ec ? json::value(nullptr) : v;
    }
  };

  Answer call(http::verb method, const std::string& target, const std::string& body = {},
              const std::string& token = {}) {
    for (int attempt = 0;; ++attempt) {
      try {
        if (!open_) {
          stream_.expires_after(std::chrono::seconds(10));
          stream_.connect(resolver_.resolve(t_.host, t_.port));
          open_ = true;
        }
        http::request<http::string_body> req{method, target, 11};
        req.set(http::field::host, t_.host + ":" + t_.port);
        req.set(http::field::user_agent, "zhichong-sim drivers");
        if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
        if (!body.empty()) req.set(http::field::content_type, "application/json");
        req.body() = body;
        req.prepare_payload();
        stream_.expires_after(std::chrono::seconds(30));
        http::write(stream_, req);
        beast::flat_buffer buf;
        http::response<http::string_body> res;
        http::read(stream_, buf, res);
        if (!res.keep_alive()) close();
        return {static_cast<int>(res.result_int()), res.body()};
      } catch (const std::exception&) {
        close();
        if (attempt >= 1) throw;
      }
    }
  }

 private:
  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    stream_.close();
    open_ = false;
  }
  Target t_;
  asio::io_context io_;
  asio::ip::tcp::resolver resolver_;
  beast::tcp_stream stream_;
  bool open_ = false;
};

// Waits up to `s` seconds, returning early (false) when the simulator is stopping.
bool pause_for(double s) {
  auto until = Clock::now() + std::chrono::milliseconds(static_cast<int64_t>(s * 1000));
  while (Clock::now() < until) {
    if (g_stop) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return !g_stop;
}

std::string str(const json::value& v, std::string_view key) {
  if (const auto* o = v.if_object())
    if (const auto* x = o->if_contains(key))
      if (const auto* s = x->if_string()) return std::string(*s);
  return {};
}
int64_t num(const json::value& v, std::string_view key) {
  if (const auto* o = v.if_object())
    if (const auto* x = o->if_contains(key))
      if (x->is_number()) return x->to_number<int64_t>();
  return 0;
}

// One of the driver's cards (GET /app/user/cards) that can start a session of the kind, and its stations.
struct Card {
  int64_t id = 0;
  std::string no;
  std::set<int64_t> stations;
};

class Driver {
 public:
  Driver(const DriversOptions& o, Counters& n, std::string phone, int index)
      : o_(o),
        n_(n),
        phone_(std::move(phone)),
        http_(parse_url(o.url)),
        rng_(std::random_device{}() + static_cast<unsigned>(index)) {}

  void run() {
    while (!g_stop) {
      try {
        if (token_.empty() && !sign_in()) {
          if (!pause_for(5)) break;
          continue;
        }
        std::string type = o_.type == "both" ? (sessions_ % 2 == 0 ? "car" : "bike") : o_.type;
        ++sessions_;
        session(type);
      } catch (const std::exception& e) {
        n_.failed++;
        log("error: %s", e.what());
      }
      std::uniform_real_distribution<double> jitter(0.5, 1.5);
      if (!pause_for(o_.interval_s * jitter(rng_))) break;
    }
  }

 private:
  template <class... A>
  void log(const char* fmt, A... a) {
    if (o_.quiet) return;
    std::fprintf(stderr, "[driver %s] ", phone_.c_str());
    std::fprintf(stderr, fmt, a...);
    std::fputc('\n', stderr);
  }

  json::value data_of(const Client::Answer& a, const char* what) {
    auto v = a.json();
    auto* o = v.if_object();
    if (a.status != 200 || !o || !o->contains("code") || o->at("code") != 200)
      throw std::runtime_error(std::string(what) + ": HTTP " + std::to_string(a.status) + " " +
                               a.body.substr(0, 200));
    return o->contains("data") ? o->at("data") : json::value(v);
  }

  json::value get(const std::string& path, const char* what) {
    return data_of(http_.call(http::verb::get, path, {}, token_), what);
  }

  bool sign_in() {
    json::object phone{{"phone", phone_}};
    auto sent = http_.call(http::verb::post, "/app/auth/sms", json::serialize(phone));
    if (sent.status == 429) log("waiting: %s", str(sent.json(), "msg").c_str());
    if (sent.status != 200 && sent.status != 429)
      throw std::runtime_error("sms: " + sent.body.substr(0, 200));
    auto code = str(get("/app/dev/sms?phone=" + phone_, "dev sms (is sms.dev_endpoint on?)"), "code");
    json::object login{{"phone", phone_}, {"code", code}};
    auto r = data_of(http_.call(http::verb::post, "/app/auth/login", json::serialize(login)), "login");
    token_ = str(r, "token");
    n_.sign_ins++;
    log("signed in");
    return !token_.empty();
  }

  // With --card-share, now and then one of the driver's cards that can start a `type` session.
  std::optional<Card> pick_card(const std::string& type) {
    std::uniform_real_distribution<double> share(0, 1);
    if (o_.card_share <= 0 || share(rng_) >= o_.card_share) return std::nullopt;
    std::vector<Card> usable;
    const json::value mine = get("/app/user/cards", "my cards");
    for (const auto& c : mine.at("rows").as_array()) {
      const std::string kind = str(c, "productType");
      if (num(c, "status") != 0 || num(c, "charging") != 0 || num(c, "balance") <= 0 ||
          (kind != type && kind != "both"))
        continue;
      Card card{num(c, "id"), str(c, "cardNo"), {}};
      if (const auto* stations = c.as_object().if_contains("stations"))
        if (const auto* of_kind = stations->as_object().if_contains(type); of_kind && of_kind->is_array())
          for (const auto& st : of_kind->as_array()) card.stations.insert(num(st, "id"));
      if (!card.stations.empty()) usable.push_back(std::move(card));
    }
    if (usable.empty()) return std::nullopt;
    return usable[std::uniform_int_distribution<size_t>(0, usable.size() - 1)(rng_)];
  }

  // A free gun/socket code of a payable station (one of `only` when given), or "".
  std::string pick_point(const std::string& type, const std::set<int64_t>* only) {
    auto list =
        http_.call(http::verb::get, "/app/stations?type=" + type + "&pageSize=100", {}, token_).json();
    std::vector<int64_t> stations;
    if (auto* rows = list.as_object().if_contains("rows"))
      for (const auto& s : rows->as_array())
        if (s.at("payable").as_bool() && s.at("free").as_int64() > 0 &&
            (!only || only->contains(s.at("id").as_int64())))
          stations.push_back(s.at("id").as_int64());
    std::shuffle(stations.begin(), stations.end(), rng_);
    const char* devices = type == "car" ? "piles" : "devices";
    const char* points = type == "car" ? "guns" : "sockets";
    for (int64_t id : stations) {
      auto d = get("/app/stations/" + type + "/" + std::to_string(id), "station");
      std::vector<std::string> free;
      for (const auto& dev : d.at(devices).as_array())
        for (const auto& p : dev.at(points).as_array())
          if (p.at("available").as_bool()) free.push_back(std::string(p.at("code").as_string()));
      if (free.empty()) continue;
      std::uniform_int_distribution<size_t> pick(0, free.size() - 1);
      return free[pick(rng_)];
    }
    return {};
  }

  template <class F>
  json::value wait_for(const char* what, F&& done) {
    auto until = Clock::now() + std::chrono::milliseconds(static_cast<int64_t>(o_.timeout_s * 1000));
    while (Clock::now() < until) {
      if (auto v = done(); !v.is_null()) return v;
      if (!pause_for(1)) return nullptr;
    }
    throw std::runtime_error(std::string("timed out waiting for ") + what);
  }

  void session(const std::string& type) {
    const auto card = pick_card(type);
    std::string code = pick_point(type, card ? &card->stations : nullptr);
    if (code.empty()) {
      log("no free %s at a payable station%s", type == "car" ? "gun" : "socket", card ? " of my card" : "");
      return;
    }
    auto scan = get("/app/scan?code=" + code, "scan");
    if (!scan.at("canStart").as_bool()) {
      log("%s cannot start: %s", code.c_str(), str(scan, "reason").c_str());
      return;
    }
    const std::string order_no = card ? start_with_card(type, code, *card) : start_paid(type, code, scan);
    if (!order_no.empty()) follow(type, code, order_no);
  }

  // An order paid with the first prepay value on the sandbox cashier page; its number once paid, or "".
  std::string start_paid(const std::string& type, const std::string& code, const json::value& scan) {
    int64_t amount = type == "car" ? 3000 : 200;
    if (const auto& pv = scan.at("prepayValues").as_array(); !pv.empty()) amount = pv.front().as_int64();
    json::object body{{type == "car" ? "gunCode" : "socketCode", code}, {"amount", amount}};
    auto placed = http_.call(http::verb::post, "/app/" + type + "/orders", json::serialize(body), token_);
    if (placed.status == 409) {
      // another driver took it between the scan and the order (nothing was paid): choose again, as a
      // driver at the station would
      n_.taken++;
      log("%s taken first by another driver: %s", code.c_str(), str(placed.json(), "msg").c_str());
      return {};
    }
    auto pay = data_of(placed, "order");
    n_.orders++;
    std::string pay_no = str(pay, "payNo"), cashier = str(pay, "cashierUrl");
    log("%s %s: pay %s, %lld fen", type.c_str(), code.c_str(), pay_no.c_str(),
        static_cast<long long>(amount));
    // The sandbox cashier page: open it, then confirm (as a driver taps 支付).
    if (http_.call(http::verb::get, cashier).status != 200)
      throw std::runtime_error("cashier page " + cashier);
    auto confirm = http_.call(http::verb::post, cashier + "/confirm");
    if (confirm.status != 200)
      throw std::runtime_error("cashier confirm: HTTP " + std::to_string(confirm.status));
    n_.paid++;
    auto paid = wait_for("the charging order", [&]() -> json::value {
      auto p = get("/app/pay/" + pay_no, "pay status");
      if (str(p, "status") == "failed" || str(p, "status") == "closed")
        throw std::runtime_error("payment " + str(p, "status"));
      return str(p, "orderNo").empty() ? json::value(nullptr) : p;
    });
    return paid.is_null() ? std::string() : str(paid, "orderNo");
  }

  // An order started with the card (the card's balance is the cap, nothing to pay); its number, or "" when
  // the platform refused the card or the point was taken.
  std::string start_with_card(const std::string& type, const std::string& code, const Card& card) {
    json::object body{{type == "car" ? "gunCode" : "socketCode", code}, {"cardId", card.id}};
    auto placed = http_.call(http::verb::post, "/app/" + type + "/orders", json::serialize(body), token_);
    const auto answer = placed.json();
    if (placed.status == 409) {
      n_.taken++;
      log("%s taken first by another driver: %s", code.c_str(), str(answer, "msg").c_str());
      return {};
    }
    if (placed.status != 200 || num(answer, "code") != 200) {
      n_.card_refused++;
      log("card %s refused at %s: %s", card.no.c_str(), code.c_str(), str(answer, "msg").c_str());
      return {};
    }
    n_.orders++;
    n_.card_orders++;
    const auto& data = answer.at("data");
    log("%s %s: card %s, balance %lld fen", type.c_str(), code.c_str(), card.no.c_str(),
        static_cast<long long>(num(data, "balance")));
    return str(data, "orderNo");
  }

  // The order until it charges, the stop after --charge seconds, and its end.
  void follow(const std::string& type, const std::string& code, const std::string& order_no) {
    const std::string order_path = "/app/" + type + "/orders/" + order_no;
    bool taken = false;
    auto started = wait_for("charging", [&]() -> json::value {
      auto o = get(order_path, "order");
      std::string state = str(o, "state"), phase = str(o, "phase");
      if (state == "abnormal" && str(o, "endReason").find("已被占用") != std::string::npos) {
        taken = true;  // another driver's start for the same point came first; ours is returned
        return o;
      }
      if (state == "abnormal" || state == "completed" || state == "finished")
        throw std::runtime_error("order " + order_no + " ended before charging: " + state + " " +
                                 str(o, "endReason"));
      bool charging = type == "car" ? state == "charging" : (state == "charging" && phase == "charging");
      return charging ? o : json::value(nullptr);
    });
    if (started.is_null()) return;
    if (taken) {
      n_.taken++;
      log("order %s: %s taken first by another driver, refunded %lld fen", order_no.c_str(), code.c_str(),
          static_cast<long long>(num(started, "refunded")));
      return;
    }
    n_.charging++;
    log("order %s charging", order_no.c_str());
    if (!pause_for(o_.charge_s)) return;
    data_of(http_.call(http::verb::post, order_path + "/stop", "{}", token_), "stop");
    auto ended = wait_for("the end of the order", [&]() -> json::value {
      auto o = get(order_path, "order");
      std::string state = str(o, "state");
      return state == "completed" || state == "finished" || state == "abnormal" ? o : json::value(nullptr);
    });
    if (ended.is_null()) return;
    n_.completed++;
    log("order %s %s: charged %lld fen, refunded %lld fen", order_no.c_str(), str(ended, "state").c_str(),
        static_cast<long long>(num(ended, "charged")), static_cast<long long>(num(ended, "refunded")));
  }

  const DriversOptions& o_;
  Counters& n_;
  std::string phone_;
  Client http_;
  std::mt19937 rng_;
  std::string token_;
  int64_t sessions_ = 0;
};

}  // namespace

int run_drivers(const DriversOptions& o) {
  try {
    parse_url(o.url);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "drivers: %s\n", e.what());
    return 2;
  }
  std::signal(SIGINT, on_drivers_signal);
  std::signal(SIGTERM, on_drivers_signal);
  Counters n;
  std::vector<std::thread> threads;
  auto started = Clock::now();
  for (int64_t i = 0; i < o.phones; ++i) {
    std::string num = std::to_string(i + 1);
    std::string phone = o.phone_prefix + std::string(11 - o.phone_prefix.size() - num.size(), '0') + num;
    threads.emplace_back([&o, &n, phone, i] {
      // Spread the first sessions over the interval so the drivers do not all arrive at once.
      if (!pause_for(o.interval_s * static_cast<double>(i) /
                     static_cast<double>(std::max<int64_t>(1, o.phones))))
        return;
      Driver(o, n, phone, static_cast<int>(i)).run();
    });
  }
  if (o.duration_s > 0) {
    pause_for(o.duration_s);
    g_stop = true;
  }
  for (auto& t : threads) t.join();
  double secs = std::chrono::duration<double>(Clock::now() - started).count();
  std::printf(
      "{\"drivers\":%lld,\"seconds\":%.1f,\"signIns\":%lld,\"orders\":%lld,\"paid\":%lld,\"charging\":%lld,"
      "\"completed\":%lld,\"failed\":%lld,\"taken\":%lld,\"cardOrders\":%lld,\"cardRefused\":%lld}\n",
      static_cast<long long>(o.phones), secs, static_cast<long long>(n.sign_ins.load()),
      static_cast<long long>(n.orders.load()), static_cast<long long>(n.paid.load()),
      static_cast<long long>(n.charging.load()), static_cast<long long>(n.completed.load()),
      static_cast<long long>(n.failed.load()), static_cast<long long>(n.taken.load()),
      static_cast<long long>(n.card_orders.load()), static_cast<long long>(n.card_refused.load()));
  return 0;
}

}  // namespace zc::sim
