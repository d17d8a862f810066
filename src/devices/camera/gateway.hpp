#pragma once
// The parking cameras' side of the device gateway (docs/camera.md): the handler of the cameras' HTTP
// pushes and polls (an ordinary route of the HTTP server, registered by api/device/camera_routes), their
// sessions in the SessionRegistry as DeviceKind::car_camera (so DeviceGateway::send_async reaches them),
// the commands they take in the reply of their next request, photos written to files, online = requests
// arriving. One sweep thread: silent cameras go offline, commands time out, old photos are deleted.
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include "core/config.hpp"
#include "devices/camera/camera_store.hpp"
#include "devices/camera/parking_events.hpp"
#include "devices/camera/protocol.hpp"
#include "devices/message_log.hpp"
#include "devices/session_registry.hpp"
#include "devices/state_writer.hpp"

namespace zc::devices::camera {

struct CameraRequest {
  std::string serial;  // ?sn= of the URL (optional; must match the body's serialno)
  std::string key;     // ?key= of the URL: the camera's secret
  std::string remote_ip;
  std::string body;
};
struct CameraResponse {
  int status = 200;
  std::string body;
};

class CameraSession;

class CameraGateway {
 public:
  CameraGateway(const Config& cfg, CameraStore& store, ParkingEvents& events, SessionRegistry& registry,
                StateWriter& state, MessageLog& messages);
  ~CameraGateway();

  // One push or poll (an HTTP worker thread; blocks on the database and the parking rules). The body is
  // released as soon as the photos are written.
  CameraResponse handle(CameraRequest req);

  void start();  // the sweep thread
  void stop();   // every camera offline, its commands answered offline
  // Silent cameras offline, expired commands timed out (the sweep thread; tests call it).
  void sweep(int64_t now);
  // Deletes the photos past camera.retention_days; returns how many captures lost their photos.
  int64_t sweep_images(int64_t now);

 private:
  std::shared_ptr<CameraSession> identify(const Inbound& in, const CameraRequest& req, int64_t now,
                                          CameraResponse& refused);
  void refuse_log(const std::string& serial, const std::optional<CameraIdentity>& cam, const std::string& why,
                  const std::string& remote, int64_t now);
  std::string store_photo(const std::string& b64, const std::string& name, int64_t now, int& width,
                          int64_t& bytes);
  void apply_locks(CameraSession& s, const Inbound& in);

  const Config& cfg_;
  CameraStore& store_;
  ParkingEvents& events_;
  SessionRegistry& registry_;
  StateWriter& state_;
  MessageLog& messages_;

  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<CameraSession>> by_serial_;
  std::unordered_map<std::string, int64_t> refused_logged_;  // serial → when its refusal was last logged
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace zc::devices::camera
