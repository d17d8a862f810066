#include "export/cairo_draw.hpp"

#include <cmath>

namespace zc::draw {

Owned<PangoContext> fixed_context(cairo_t* cr) {
  Owned<PangoContext> ctx(pango_cairo_create_context(cr));
  Owned<cairo_font_options_t> fo(cairo_font_options_create());
  cairo_font_options_set_antialias(fo.get(), CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(fo.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo.get(), CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(ctx.get(), fo.get());
  pango_cairo_context_set_resolution(ctx.get(), 96);
  return ctx;
}

void qr_code(cairo_t* cr, const QrMatrix& m, double x, double y, double box, int quiet) {
  const double px = std::floor(box / (m.size + 2 * quiet));
  if (px < 1) throw ExportError("QR text is too long for the label");
  const double side = px * m.size;
  const double ox = x + std::floor((box - side) / 2), oy = y + std::floor((box - side) / 2);
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x, y, box, box);
  cairo_fill(cr);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int my = 0; my < m.size; ++my) {
    for (int mx = 0; mx < m.size;) {  // one rectangle per horizontal run of dark modules
      if (!m.at(mx, my)) {
        ++mx;
        continue;
      }
      int end = mx;
      while (end < m.size && m.at(end, my)) ++end;
      cairo_rectangle(cr, ox + mx * px, oy + my * px, (end - mx) * px, px);
      mx = end;
    }
  }
  cairo_fill(cr);
  cairo_restore(cr);
}

}  // namespace zc::draw
