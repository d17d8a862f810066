#pragma once
// QR codes as PNG (libqrencode + libpng). Pure functions: no I/O, no global state, thread-safe.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace zc {

// Every failure of the export module (bad input, library error, I/O) is reported with this type; the
// message says what went wrong and, where there is one, names the field or column.
class ExportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The module matrix of a QR code (error-correction level M, 8-bit mode, case-sensitive),
// without the quiet zone. dark[y * size + x] is 1 for a dark module.
struct QrMatrix {
  int size = 0;
  std::vector<std::uint8_t> dark;
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x] != 0; }
};

// Throws ExportError when text is empty, contains a NUL byte or is too long for a QR code.
QrMatrix qr_matrix(std::string_view text);

// A 1-bit grayscale PNG of the QR code: each module is module_px × module_px pixels, surrounded by a
// quiet zone of margin_modules modules (the standard asks for 4). Side = (size + 2 × margin) × module_px.
// module_px in [1, 64], margin_modules in [0, 16]. Deterministic (no timestamps in the PNG).
std::string qr_png(std::string_view text, int module_px = 8, int margin_modules = 4);

// Width and height of a PNG, read with libpng. Throws ExportError when the bytes are not a PNG.
struct PngSize {
  int width = 0;
  int height = 0;
};
PngSize png_size(std::string_view png);

}  // namespace zc
