#pragma once
// What the cairo renderings of the export module share (QR labels, invoice PDFs): owners of cairo / pango
// objects, colours and the QR code drawn as whole-pixel rectangles.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

#include "export/qr.hpp"

namespace zc::draw {

struct Rgb {
  double r, g, b;
};
inline void set_rgb(cairo_t* cr, Rgb c) {
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

struct CairoDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  void operator()(cairo_t* c) const { cairo_destroy(c); }
  void operator()(PangoContext* p) const { g_object_unref(p); }
  void operator()(PangoLayout* p) const { g_object_unref(p); }
  void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
  void operator()(cairo_font_options_t* f) const { cairo_font_options_destroy(f); }
  void operator()(gchar* s) const { g_free(s); }
};
template <class T>
using Owned = std::unique_ptr<T, CairoDeleter>;

// A pango context on `cr` with fixed options (no hinting, grey antialias, 96 dpi): output must not depend on
// desktop settings.
Owned<PangoContext> fixed_context(cairo_t* cr);

// The QR code with a quiet zone of `quiet` modules, centred in a box × box square at (x, y); each module
// is a whole number of units so the code stays sharp. Throws ExportError when it does not fit.
void qr_code(cairo_t* cr, const QrMatrix& m, double x, double y, double box, int quiet = 4);

}  // namespace zc::draw
