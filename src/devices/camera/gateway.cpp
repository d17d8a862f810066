#include "devices/camera/gateway.hpp"

#include <spdlog/spdlog.h>

#include <boost/json/serialize.hpp>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "core/clock.hpp"
#include "devices/camera/session.hpp"
#include "devices/device_password.hpp"

namespace zc::devices::camera {

namespace json = boost::json;
namespace fs = std::filesystem;

static constexpr int64_t kIdentityCacheMs = 10000;  // a disabled camera is refused within this
static constexpr int64_t kRefusalLogEveryMs = 60000;
static constexpr const char* kProtocol = "vzenith";

static DeviceKey key_of(int64_t id) {
  return {DeviceKind::car_camera, id};
}

CameraGateway::CameraGateway(const Config& cfg, CameraStore& store, ParkingEvents& events,
                             SessionRegistry& registry, StateWriter& state, MessageLog& messages)
    : cfg_(cfg), store_(store), events_(events), registry_(registry), state_(state), messages_(messages) {}

CameraGateway::~CameraGateway() {
  stop();
}

void CameraGateway::refuse_log(const std::string& serial, const std::optional<CameraIdentity>& cam,
                               const std::string& why, const std::string& remote, int64_t now) {
  {
    std::lock_guard g(mu_);
    auto& last = refused_logged_[serial.substr(0, 64)];
    if (now - last < kRefusalLogEveryMs) return;
    last = now;
    if (refused_logged_.size() > 10000) refused_logged_.clear();  // a scan of random serials
  }
  spdlog::warn("camera {} from {} refused: {}", serial.substr(0, 64), remote, why);
  // A camera with a live session (someone else guessing at its secret) stays online.
  if (cam && !registry_.find(key_of(cam->id)))
    state_.offline(key_of(cam->id), kProtocol, "refused: " + why, now);
}

std::shared_ptr<CameraSession> CameraGateway::identify(const Inbound& in, const CameraRequest& req,
                                                       int64_t now, CameraResponse& refused) {
  auto refuse = [&](int status, const std::optional<CameraIdentity>& cam, const std::string& why) {
    refuse_log(in.serial, cam, why, req.remote_ip, now);
    refused = {status, R"({"status":"error","error":")" + why + "\"}"};
    return nullptr;
  };
  if (!req.serial.empty() && req.serial != in.serial) return refuse(401, std::nullopt, "serial mismatch");
  std::shared_ptr<CameraSession> s;
  {
    std::lock_guard g(mu_);
    if (auto it = by_serial_.find(in.serial); it != by_serial_.end()) s = it->second;
  }
  std::optional<CameraIdentity> id;
  if (s && now - s->verified_at() < kIdentityCacheMs) {
    id = s->identity();
  } else {
    id = store_.find_camera(in.serial);
    if (!id) return refuse(403, std::nullopt, "unknown camera");
    if (s) s->set_identity(*id, now);
  }
  if (!id->secret || !check_device_password(id->secret->first, id->secret->second, req.key))
    return refuse(401, id, "wrong secret");
  if (id->status != 0) {
    if (s) {
      std::lock_guard g(mu_);
      by_serial_.erase(in.serial);
    }
    if (s && registry_.detach(key_of(id->id), s.get())) {
      state_.offline(key_of(id->id), kProtocol, "camera disabled", now);
      s->close("disabled");
    }
    return refuse(403, id, "camera disabled");
  }
  if (!s) {
    auto fresh = std::make_shared<CameraSession>(*id, cfg_.camera.command_timeout_ms);
    fresh->set_identity(*id, now);
    bool added = false;
    {
      std::lock_guard g(mu_);
      auto [it, inserted] = by_serial_.emplace(in.serial, fresh);
      s = it->second;
      added = inserted;
    }
    if (added) {
      if (auto prev = registry_.attach(key_of(id->id), s, id->factory_no, req.remote_ip, now))
        prev->close("replaced");
      state_.online(key_of(id->id), kProtocol, req.remote_ip, now);
    }
  }
  s->touch(now);
  state_.seen(key_of(id->id), now);
  return s;
}

std::string CameraGateway::store_photo(const std::string& b64, const std::string& name, int64_t now,
                                       int& width, int64_t& bytes) {
  if (b64.empty()) return {};
  auto jpeg = decode_base64(b64);
  if (!jpeg || jpeg->empty()) return {};
  if (width == 0) width = jpeg_width(*jpeg);
  std::time_t t = now / 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char day[16];
  std::strftime(day, sizeof day, "%Y/%m/%d", &tm);
  std::string rel = std::string("captures/") + day + "/" + name;
  fs::path full = fs::path(cfg_.app.data_dir) / rel;
  fs::create_directories(full.parent_path());
  std::ofstream f(full, std::ios::binary | std::ios::trunc);
  f.write(jpeg->data(), static_cast<std::streamsize>(jpeg->size()));
  f.close();
  if (!f) throw std::runtime_error("camera photo not written: " + full.string());
  bytes += static_cast<int64_t>(jpeg->size());
  return rel;
}

void CameraGateway::apply_locks(CameraSession& s, const Inbound& in) {
  if (in.locks.empty()) return;
  int64_t camera_id = s.identity().id;
  for (const auto& r : in.locks) {
    try {
      events_.on_lock_state(camera_id, r.side, r.state);
    } catch (const std::exception& e) {
      spdlog::error("camera {}: lock state: {}", in.serial, e.what());
    }
  }
  s.reported(in.locks);
}

CameraResponse CameraGateway::handle(CameraRequest req) {
  int64_t now = now_ms();
  std::string error;
  auto in = parse_inbound(req.body, error);
  req.body.clear();
  req.body.shrink_to_fit();
  if (!in) return {400, R"({"status":"error","error":")" + error + "\"}"};
  CameraResponse refused;
  auto s = identify(*in, req, now, refused);
  if (!s) return refused;
  const CameraIdentity id = s->identity();
  const DeviceKey key = key_of(id.id);
  bool push = in->kind == Inbound::Kind::push;
  if (push || !in->locks.empty()) messages_.add_camera(key, now, true, push ? "push" : "poll", in->log_text);

  json::object reply;
  if (push) {
    auto& p = in->plate;
    CaptureRecord rec;
    rec.camera_id = id.id;
    rec.plate = p.plate;
    rec.color = p.color, rec.direction = p.direction, rec.confidence = p.confidence;
    rec.record_id = p.record_id;
    rec.offline = p.offline;
    rec.manual = is_manual_trigger(p.trigger);
    rec.captured_at = p.at_ms ? p.at_ms : now;
    rec.received_at = now;
    int width = 0;
    std::string base =
        id.factory_no.substr(0, 40) + "-" + std::to_string(p.record_id) + "-" + std::to_string(now);
    for (char& ch : base)
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-') ch = '_';
    rec.image_path = store_photo(p.image, base + ".jpg", now, width, rec.image_bytes);
    rec.plate_image_path = store_photo(p.plate_image, base + "-plate.jpg", now, width, rec.image_bytes);
    p.image.clear(), p.image.shrink_to_fit(), p.plate_image.clear(), p.plate_image.shrink_to_fit();
    LockSide side = side_of(p, cfg_.camera.side_rule, width);
    rec.side = side_name(side);
    rec.spot_id = side == LockSide::left ? id.left_spot_id : id.right_spot_id;
    auto remove_files = [&] {
      std::error_code ec;
      for (auto* path : {&rec.image_path, &rec.plate_image_path})
        if (!path->empty()) fs::remove(fs::path(cfg_.app.data_dir) / *path, ec);
    };
    std::pair<int64_t, bool> stored;
    try {
      stored = store_.store_capture(rec);
    } catch (...) {
      remove_files();
      throw;  // 500: not acknowledged, the camera sends it again
    }
    reply["plateid"] = p.record_id;
    if (!stored.second) {
      remove_files();  // a resend of a stored record: acknowledged, not applied again
    } else {
      PlateEvent ev{id.id,        side,        p.plate,   color_of(p.color), direction_of(p.direction),
                    p.confidence, p.record_id, p.offline, rec.captured_at,   stored.first};
      PlateDecision d;
      try {
        d = events_.on_plate(ev);
      } catch (const std::exception& e) {
        spdlog::error("camera {}: parking rules: {}", in->serial, e.what());
        d = {false, "error"};
      }
      store_.set_decision(stored.first, d.open, d.reason);
      if (!p.offline) reply["info"] = d.open ? "ok" : "no";
    }
  }
  apply_locks(*s, *in);
  s->deliver(reply, now);
  if (reply.empty()) return {200, R"({"status":"ok"})"};
  json::object out{{"Response_AlarmInfoPlate", std::move(reply)}};
  std::string text = json::serialize(out);
  messages_.add_camera(key, now, false, "reply", text);
  return {200, std::move(text)};
}

void CameraGateway::sweep(int64_t now) {
  std::vector<std::shared_ptr<CameraSession>> silent, live;
  {
    std::lock_guard g(mu_);
    for (auto it = by_serial_.begin(); it != by_serial_.end();) {
      if (now - it->second->last_seen() > cfg_.camera.idle_timeout_s * 1000) {
        silent.push_back(it->second);
        it = by_serial_.erase(it);
      } else {
        live.push_back(it->second);
        ++it;
      }
    }
  }
  for (auto& s : silent) {
    auto key = key_of(s->identity().id);
    if (registry_.detach(key, s.get())) state_.offline(key, kProtocol, "no poll", now);
    s->close("silent");
  }
  for (auto& s : live) s->expire(now, false);
}

int64_t CameraGateway::sweep_images(int64_t now) {
  if (cfg_.camera.retention_days <= 0) return 0;
  int64_t before = now - cfg_.camera.retention_days * 86400000;
  int64_t n = 0;
  for (;;) {
    auto rows = store_.expired_images(before, 500);
    if (rows.empty()) break;
    std::vector<int64_t> ids;
    for (auto& r : rows) {
      std::error_code ec;
      for (auto& p : r.paths) fs::remove(fs::path(cfg_.app.data_dir) / p, ec);
      ids.push_back(r.id);
    }
    store_.mark_images_deleted(ids);
    n += static_cast<int64_t>(ids.size());
  }
  if (n) spdlog::info("camera photos: {} capture(s) past {} days deleted", n, cfg_.camera.retention_days);
  return n;
}

void CameraGateway::start() {
  thread_ = std::thread([this] {
    int64_t next_images = 0;
    std::unique_lock lk(mu_);
    while (!stopping_) {
      lk.unlock();
      int64_t now = now_ms();
      try {
        sweep(now);
        if (now >= next_images) {
          next_images = now + 3600000;
          sweep_images(now);
        }
      } catch (const std::exception& e) {
        spdlog::error("camera sweep: {}", e.what());
      }
      lk.lock();
      cv_.wait_for(lk, std::chrono::milliseconds(200), [this] { return stopping_; });
    }
  });
}

void CameraGateway::stop() {
  {
    std::lock_guard g(mu_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::vector<std::shared_ptr<CameraSession>> all;
  {
    std::lock_guard g(mu_);
    for (auto& [k, s] : by_serial_) all.push_back(s);
    by_serial_.clear();
  }
  int64_t now = now_ms();
  for (auto& s : all) {
    auto key = key_of(s->identity().id);
    if (registry_.detach(key, s.get())) state_.offline(key, kProtocol, "server stop", now);
    s->close("stop");
  }
}

}  // namespace zc::devices::camera
