#include "camera_image.hpp"

#include <cairo.h>
#include <jpeglib.h>
#include <pango/pangocairo.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

namespace zc::sim {

namespace {

constexpr int kWidth = 1280, kHeight = 720;

// RGB24 surface → JPEG at `quality`.
std::string encode(cairo_surface_t* s, int quality) {
  int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  int stride = cairo_image_surface_get_stride(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr jerr{};
  cinfo.err = jpeg_std_error(&jerr);
  jpeg_create_compress(&cinfo);
  unsigned char* out = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &out, &size);
  cinfo.image_width = static_cast<JDIMENSION>(w);
  cinfo.image_height = static_cast<JDIMENSION>(h);
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<unsigned char> row(static_cast<size_t>(w) * 3);
  while (cinfo.next_scanline < cinfo.image_height) {
    const auto* px =
        reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(cinfo.next_scanline) * stride);
    for (int x = 0; x < w; ++x) {
      row[x * 3] = (px[x] >> 16) & 0xFF, row[x * 3 + 1] = (px[x] >> 8) & 0xFF, row[x * 3 + 2] = px[x] & 0xFF;
    }
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&cinfo, &r, 1);
  }
  jpeg_finish_compress(&cinfo);
  std::string bytes(reinterpret_cast<char*>(out), size);
  jpeg_destroy_compress(&cinfo);
  std::free(out);
  return bytes;
}

void draw_plate(cairo_t* cr, double x, double y, double w, double h, const std::string& plate, bool green) {
  if (green)
    cairo_set_source_rgb(cr, 0.55, 0.85, 0.55);
  else
    cairo_set_source_rgb(cr, 0.1, 0.3, 0.75);
  cairo_rectangle(cr, x, y, w, h);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, green ? 0 : 1, green ? 0 : 1, green ? 0 : 1);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  char font[64];
  std::snprintf(font, sizeof font, "Noto Sans CJK SC Bold %dpx", static_cast<int>(h * 0.62));
  PangoFontDescription* fd = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, fd);
  pango_layout_set_text(layout, plate.c_str(), -1);
  int tw = 0, th = 0;
  pango_layout_get_pixel_size(layout, &tw, &th);
  cairo_move_to(cr, x + (w - tw) / 2, y + (h - th) / 2);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(fd);
  g_object_unref(layout);
}

}  // namespace

CameraPhotos make_photos(const std::string& plate, bool green, size_t target_bytes, bool left) {
  std::mt19937 rng(static_cast<unsigned>(std::hash<std::string>()(plate)));
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, kWidth, kHeight);
  unsigned char* data = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  // Noise sets the size: a grey gradient plus random speckle of `amp`.
  auto paint = [&](int amp) {
    cairo_surface_flush(s);
    std::uniform_int_distribution<int> noise(-amp, amp);
    for (int y = 0; y < kHeight; ++y) {
      auto* px = reinterpret_cast<uint32_t*>(data + static_cast<size_t>(y) * stride);
      for (int x = 0; x < kWidth; ++x) {
        int g = 90 + y * 80 / kHeight + (amp ? noise(rng) : 0);
        g = g < 0 ? 0 : g > 255 ? 255 : g;
        px[x] = (static_cast<uint32_t>(g) << 16) | (static_cast<uint32_t>(g) << 8) | static_cast<uint32_t>(g);
      }
    }
    cairo_surface_mark_dirty(s);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.25);  // the car
    double cx = left ? 140 : 780;
    cairo_rectangle(cr, cx, 260, 360, 330);
    cairo_fill(cr);
    draw_plate(cr, cx + 80, 500, 200, 60, plate, green);
    cairo_destroy(cr);
  };
  CameraPhotos out;
  // The noise that gives the size is found once (bisection) and reused: every photo costs one encode.
  static std::atomic<int> found{0};
  int lo = 0, hi = 120, amp = found.load() ? found.load() : 24;
  for (int i = 0; i < 6; ++i) {
    paint(amp);
    out.scene = encode(s, 85);
    if (found.load() ||
        (out.scene.size() >= target_bytes * 85 / 100 && out.scene.size() <= target_bytes * 115 / 100))
      break;
    (out.scene.size() < target_bytes ? lo : hi) = amp;
    amp = (lo + hi) / 2;
  }
  found.store(amp);
  cairo_surface_destroy(s);
  cairo_surface_t* c = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 240, 72);
  cairo_t* cr = cairo_create(c);
  draw_plate(cr, 0, 0, 240, 72, plate, green);
  cairo_destroy(cr);
  cairo_surface_flush(c);
  out.crop = encode(c, 85);
  cairo_surface_destroy(c);
  return out;
}

std::string base64(const std::string& in) {
  static const char* t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    out += t[v >> 18], out += t[(v >> 12) & 63], out += t[(v >> 6) & 63], out += t[v & 63];
  }
  if (i + 1 == in.size()) {
    uint32_t v = uint8_t(in[i]) << 16;
    out += t[v >> 18], out += t[(v >> 12) & 63], out += "==";
  } else if (i + 2 == in.size()) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += t[v >> 18], out += t[(v >> 12) & 63], out += t[(v >> 6) & 63], out += '=';
  }
  return out;
}

}  // namespace zc::sim
