#pragma once
// JPEG photos for the simulated parking cameras: a street scene of noise (its amount sets the file size)
// with a licence plate showing the plate's text, and the plate crop (pango/cairo → libjpeg).
#include <string>

namespace zc::sim {

struct CameraPhotos {
  std::string scene, crop;  // JPEG bytes
};

// `plate`: UTF-8 text; `green`: a new-energy plate (green, else blue); `target_bytes`: the scene's size
// aimed at (±15 %); `left`: the plate drawn in the left half (the gateway's left/right rule).
CameraPhotos make_photos(const std::string& plate, bool green, size_t target_bytes, bool left);
std::string base64(const std::string& bytes);

}  // namespace zc::sim
