#pragma once
// `zhichong-sim camera`: parking cameras speaking the Vzenith IVS HTTP push (docs/camera.md): they poll,
// push entering and leaving cars with generated photos, obey lock commands and report the locks, answer
// manual captures, and keep records while offline to resend them (isoffline=1) after reconnecting.
#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace zc::sim {

struct CameraSimOptions {
  std::string url = "http://127.0.0.1:8080";  // the platform; the cameras POST to url + /camera/vzenith
  std::vector<std::pair<std::string, std::string>> cameras;  // (serial, secret)
  int64_t poll_ms = 2000;                                    // heartbeat / comet poll interval
  int64_t event_ms = 8000;  // mean time between car events per spot (entering / leaving, ± 50 %)
  int64_t image_kib = 100;  // scene photo size aimed at
  int64_t plates = 60;      // distinct generated plates per colour
  int weight_green = 50, weight_blue = 30, weight_whitelist = 10, weight_reserved = 10;
  std::vector<std::string> whitelist, reserved;  // plates of those kinds
  int64_t offline_every_s = 0;                   // each camera drops offline about this often (0: never) …
  int64_t offline_for_s = 10;                    // … for this long, keeping its records to resend
  int64_t duration_s = 0;                        // 0: until SIGINT / SIGTERM
  int64_t threads = 4;
  std::string stats_file;  // JSON figures at the end
  bool quiet = false;
};

// Registers the subcommand's options; `parse` turns the raw options into `o` after CLI11 parsed (false:
// an error was printed).
struct CameraSimCli {
  CLI::App* cmd = nullptr;
  std::string cameras_file, serials, secret = "", whitelist, reserved, mix = "50,30,10,10";
  bool parse(CameraSimOptions& o);
};
CameraSimCli add_camera_command(CLI::App& app, CameraSimOptions& o);
int run_camera_sim(const CameraSimOptions& o);

}  // namespace zc::sim
