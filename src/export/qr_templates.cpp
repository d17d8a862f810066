#include "export/qr_templates.hpp"

#include "export/cairo_draw.hpp"

namespace zc {

namespace {

constexpr const char* kSans = "Noto Sans CJK SC, Noto Sans, sans-serif";
constexpr const char* kMono = "Noto Sans Mono CJK SC, Noto Sans Mono, monospace";
constexpr const char* kDefaultInstruction = "请使用微信或支付宝扫码充电";
constexpr int kQuietModules = 4;

using draw::Owned;
using draw::Rgb;
using draw::set_rgb;
constexpr Rgb kWhite{1, 1, 1};
constexpr Rgb kBrand{0x16 / 255.0, 0x77 / 255.0, 0xff / 255.0};  // Element Plus / admin web primary
constexpr Rgb kDark{0x1f / 255.0, 0x1f / 255.0, 0x1f / 255.0};
constexpr Rgb kGray{0x59 / 255.0, 0x59 / 255.0, 0x59 / 255.0};
constexpr Rgb kLight{0xbf / 255.0, 0xbf / 255.0, 0xbf / 255.0};

void draw_qr(cairo_t* cr, const QrMatrix& m, int x, int y, int box) {
  draw::qr_code(cr, m, x, y, box, kQuietModules);
}

class TextPainter {
 public:
  explicit TextPainter(cairo_t* cr) : cr_(cr), ctx_(draw::fixed_context(cr)) {}

  // One line, horizontally centred in [x, x + width), vertically centred on center_y; ellipsized when
  // too long. Invalid UTF-8 is replaced, never passed to pango.
  void line(std::string_view text, const char* family, int px, bool bold, Rgb color, int x, int width,
            double center_y) {
    if (text.empty()) return;
    Owned<gchar> valid(g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())));
    Owned<PangoLayout> layout(pango_layout_new(ctx_.get()));
    Owned<PangoFontDescription> fd(pango_font_description_from_string(family));
    pango_font_description_set_absolute_size(fd.get(), px * PANGO_SCALE);
    pango_font_description_set_weight(fd.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), fd.get());
    pango_layout_set_single_paragraph_mode(layout.get(), TRUE);
    pango_layout_set_width(layout.get(), width * PANGO_SCALE);
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
    pango_layout_set_text(layout.get(), valid.get(), -1);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout.get(), &w, &h);
    set_rgb(cr_, color);
    cairo_move_to(cr_, x, center_y - h / 2.0);
    pango_cairo_show_layout(cr_, layout.get());
  }

 private:
  cairo_t* cr_;
  Owned<PangoContext> ctx_;
};

void rounded_rect(cairo_t* cr, double x, double y, double w, double h, double r) {
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path(cr);
}

void draw_card(cairo_t* cr, const QrLabel& l, const QrMatrix& m, LabelSize sz) {
  TextPainter text(cr);
  const double inset = 8, radius = 28;
  // Brand header band, clipped to the card's rounded outline.
  cairo_save(cr);
  rounded_rect(cr, inset, inset, sz.width - 2 * inset, sz.height - 2 * inset, radius);
  cairo_clip(cr);
  set_rgb(cr, kBrand);
  cairo_rectangle(cr, 0, 0, sz.width, 128);
  cairo_fill(cr);
  cairo_restore(cr);
  text.line("智充 · 扫码充电", kSans, 46, true, kWhite, 0, sz.width, 70);

  draw_qr(cr, m, 80, 152, 480);

  text.line(l.title, kSans, 36, true, kDark, 40, sz.width - 80, 672);
  text.line(l.code, kMono, 30, false, kDark, 40, sz.width - 80, 724);

  cairo_save(cr);
  const double dash[] = {8, 6};
  cairo_set_dash(cr, dash, 2, 0);
  cairo_set_line_width(cr, 2);
  set_rgb(cr, kLight);
  cairo_move_to(cr, 64, 772);
  cairo_line_to(cr, sz.width - 64, 772);
  cairo_stroke(cr);
  cairo_restore(cr);

  text.line(l.subtitle.empty() ? std::string_view(kDefaultInstruction) : std::string_view(l.subtitle), kSans,
            28, false, kGray, 40, sz.width - 80, 820);

  // Border last, so it sits on top of the header band.
  set_rgb(cr, kBrand);
  cairo_set_line_width(cr, 6);
  rounded_rect(cr, inset, inset, sz.width - 2 * inset, sz.height - 2 * inset, radius);
  cairo_stroke(cr);
}

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string_view to_string(QrTemplate t) {
  switch (t) {
    case QrTemplate::plain:
      return "plain";
    case QrTemplate::labelled:
      return "labelled";
    case QrTemplate::card:
      return "card";
  }
  return "plain";
}

std::optional<QrTemplate> parse_qr_template(std::string_view name) {
  for (QrTemplate t : {QrTemplate::plain, QrTemplate::labelled, QrTemplate::card})
    if (to_string(t) == name) return t;
  return std::nullopt;
}

LabelSize qr_label_size(QrTemplate t) {
  switch (t) {
    case QrTemplate::plain:
      return {600, 600};
    case QrTemplate::labelled:
      return {600, 760};
    case QrTemplate::card:
      return {640, 880};
  }
  return {600, 600};
}

std::string render_qr_label(const QrLabel& label) {
  const QrMatrix m = qr_matrix(label.qr_text);
  const LabelSize sz = qr_label_size(label.tmpl);
  Owned<cairo_surface_t> surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, sz.width, sz.height));
  Owned<cairo_t> cr(cairo_create(surface.get()));
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
    throw ExportError(std::string("cairo: ") + cairo_status_to_string(cairo_status(cr.get())));
  set_rgb(cr.get(), kWhite);
  cairo_paint(cr.get());

  switch (label.tmpl) {
    case QrTemplate::plain:
      draw_qr(cr.get(), m, 0, 0, sz.width);
      break;
    case QrTemplate::labelled: {
      draw_qr(cr.get(), m, 0, 0, sz.width);
      TextPainter text(cr.get());
      text.line(label.title, kSans, 34, true, kDark, 24, sz.width - 48, 640);
      text.line(label.code, kMono, 30, false, kDark, 24, sz.width - 48, 704);
      break;
    }
    case QrTemplate::card:
      draw_card(cr.get(), label, m, sz);
      break;
  }

  cairo_surface_flush(surface.get());
  std::string png;
  const cairo_status_t st = cairo_surface_write_to_png_stream(surface.get(), append_png, &png);
  if (st != CAIRO_STATUS_SUCCESS) throw ExportError(std::string("cairo PNG: ") + cairo_status_to_string(st));
  return png;
}

}  // namespace zc
