#include "export/qr.hpp"

#include <png.h>
#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace zc {

namespace {

struct QrcodeFree {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

// libpng reports errors through longjmp; these callbacks turn them into a message and the caller's
// setjmp turns that into an exception after libpng has unwound (never throw through C frames).
struct PngIo {
  std::string* out = nullptr;
  std::string_view in;
  std::size_t pos = 0;
  char error[200] = {};
};

void png_error_fn(png_structp p, png_const_charp msg) {
  auto* io = static_cast<PngIo*>(png_get_error_ptr(p));
  std::snprintf(io->error, sizeof io->error, "%s", msg);
  png_longjmp(p, 1);
}
void png_warning_fn(png_structp, png_const_charp) {}
void png_write_fn(png_structp p, png_bytep data, png_size_t n) {
  static_cast<PngIo*>(png_get_io_ptr(p))->out->append(reinterpret_cast<const char*>(data), n);
}
void png_flush_fn(png_structp) {}
void png_read_fn(png_structp p, png_bytep data, png_size_t n) {
  auto* io = static_cast<PngIo*>(png_get_io_ptr(p));
  if (io->in.size() - io->pos < n) png_error(p, "truncated PNG");
  std::memcpy(data, io->in.data() + io->pos, n);
  io->pos += n;
}

// The setjmp region lives in its own function whose locals are all trivial, so libpng's longjmp
// cannot skip a C++ destructor or clobber a live object (GCC -Wclobbered at -O2/-O3).
bool write_qr_png(PngIo& io, const QrMatrix& m, int side, int module_px, int margin_modules, png_byte* row,
                  std::size_t row_bytes) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &io, png_error_fn, png_warning_fn);
  if (!png) return false;
  png_infop info = png_create_info_struct(png);
  if (!info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_set_write_fn(png, &io, png_write_fn, png_flush_fn);
  png_set_IHDR(png, info, side, side, 1, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int y = 0; y < side; ++y) {
    std::memset(row, 0xff, row_bytes);  // 1 = white
    const int my = y / module_px - margin_modules;
    if (my >= 0 && my < m.size) {
      for (int mx = 0; mx < m.size; ++mx) {
        if (!m.at(mx, my)) continue;
        const int x0 = (mx + margin_modules) * module_px;
        for (int x = x0; x < x0 + module_px; ++x) row[x / 8] &= static_cast<png_byte>(~(0x80u >> (x % 8)));
      }
    }
    png_write_row(png, row);
  }
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return true;
}

}  // namespace

QrMatrix qr_matrix(std::string_view text) {
  if (text.empty()) throw ExportError("QR text is empty");
  if (text.find('\0') != std::string_view::npos) throw ExportError("QR text contains a NUL byte");
  const std::string z(text);  // libqrencode wants a NUL-terminated string
  errno = 0;
  std::unique_ptr<QRcode, QrcodeFree> q(QRcode_encodeString(z.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!q) {
    if (errno == ERANGE)
      throw ExportError("QR text is too long (" + std::to_string(text.size()) + " bytes) for a QR code");
    throw ExportError(std::string("QR encoding failed: ") + std::strerror(errno));
  }
  QrMatrix m;
  m.size = q->width;
  m.dark.resize(static_cast<std::size_t>(m.size) * m.size);
  for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = q->data[i] & 1;
  return m;
}

std::string qr_png(std::string_view text, int module_px, int margin_modules) {
  if (module_px < 1 || module_px > 64) throw ExportError("module_px must be in [1, 64]");
  if (margin_modules < 0 || margin_modules > 16) throw ExportError("margin_modules must be in [0, 16]");
  const QrMatrix m = qr_matrix(text);
  const int side = (m.size + 2 * margin_modules) * module_px;

  std::string out;
  PngIo io;
  io.out = &out;
  std::vector<png_byte> row(static_cast<std::size_t>(side + 7) / 8);
  if (!write_qr_png(io, m, side, module_px, margin_modules, row.data(), row.size()))
    throw ExportError(std::string("libpng: ") + (io.error[0] ? io.error : "out of memory"));
  return out;
}

PngSize png_size(std::string_view bytes) {
  if (bytes.size() < 8 || png_sig_cmp(reinterpret_cast<png_const_bytep>(bytes.data()), 0, 8) != 0)
    throw ExportError("not a PNG image");
  PngIo io;
  io.in = bytes;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &io, png_error_fn, png_warning_fn);
  if (!png) throw ExportError("libpng: cannot create a read struct");
  png_infop info = png_create_info_struct(png);
  if (!info || setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    throw ExportError(std::string("invalid PNG image: ") + (io.error[0] ? io.error : "out of memory"));
  }
  png_set_read_fn(png, &io, png_read_fn);
  png_read_info(png, info);
  PngSize s{static_cast<int>(png_get_image_width(png, info)),
            static_cast<int>(png_get_image_height(png, info))};
  png_destroy_read_struct(&png, &info, nullptr);
  return s;
}

}  // namespace zc
