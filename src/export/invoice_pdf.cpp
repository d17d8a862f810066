#include "export/invoice_pdf.hpp"

#include <cairo-pdf.h>

#include <string_view>
#include <vector>

#include "export/cairo_draw.hpp"

namespace zc {

namespace {

using draw::Owned;
using draw::Rgb;
using draw::set_rgb;

// One face only: every embedded CJK face carries its own subroutines (~60 KiB), so bold is drawn by
// stroking the glyph outlines instead of embedding the bold face.
constexpr const char* kSans = "Noto Sans CJK SC, sans-serif";
// The brown-red of the 数电票 form; the filled-in data is black.
constexpr Rgb kForm{0.62, 0.26, 0.14};
constexpr Rgb kInk{0.08, 0.08, 0.08};
constexpr Rgb kVoid{0.85, 0.1, 0.1};

// Page and frame in points (240 × 140 mm, the paper size of the printed form).
constexpr double kWidth = 680, kHeight = 397;
constexpr double kLeft = 28, kRight = 652;
constexpr double kBoxTop = 92, kPartyBottom = 152, kTotalTop = 262, kCapitalTop = 284, kRemarkTop = 308,
                 kBoxBottom = 360;

enum class Align { left, center, right };

class Writer {
 public:
  explicit Writer(cairo_t* cr) : cr_(cr), ctx_(draw::fixed_context(cr)) {}

  // Text whose top-left corner (or the box's centre / right edge by `align`) is at (x, y) in a box `width`
  // wide; wrapped when `wrap`, ellipsized otherwise.
  double text(std::string_view s, double x, double y, double width, double size, Rgb color,
              Align align = Align::left, bool bold = false, bool wrap = false) {
    if (s.empty()) return 0;
    Owned<gchar> valid(g_utf8_make_valid(s.data(), static_cast<gssize>(s.size())));
    Owned<PangoLayout> layout(pango_layout_new(ctx_.get()));
    Owned<PangoFontDescription> fd(pango_font_description_from_string(kSans));
    pango_font_description_set_absolute_size(fd.get(), size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), fd.get());
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    if (wrap) {
      pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    } else {
      pango_layout_set_single_paragraph_mode(layout.get(), TRUE);
      pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    }
    pango_layout_set_alignment(layout.get(), align == Align::left     ? PANGO_ALIGN_LEFT
                                             : align == Align::center ? PANGO_ALIGN_CENTER
                                                                      : PANGO_ALIGN_RIGHT);
    pango_layout_set_text(layout.get(), valid.get(), -1);
    set_rgb(cr_, color);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout.get());  // text stays text (searchable, copyable)
    if (bold) {                                  // and its outline stroked over it
      cairo_move_to(cr_, x, y);
      pango_cairo_layout_path(cr_, layout.get());
      cairo_set_line_width(cr_, size / 30);
      cairo_stroke(cr_);
    }
    int w = 0, h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  // A label in the form colour followed by its value in ink.
  void field(std::string_view label, std::string_view value, double x, double y, double width, double size) {
    text(label, x, y, width, size, kForm);
    const double label_w = width_of(label, size);
    text(value, x + label_w, y, width - label_w, size, kInk);
  }

  // Characters stacked top to bottom, centred in the column [x, x + width) between y0 and y1.
  void vertical(std::string_view s, double x, double width, double y0, double y1, double size) {
    std::vector<std::string> chars;
    for (const char* p = s.data(); p < s.data() + s.size();) {
      const char* next = g_utf8_next_char(p);
      chars.emplace_back(p, next);
      p = next;
    }
    const double step = size * 1.25;
    double y = (y0 + y1) / 2 - step * static_cast<double>(chars.size()) / 2;
    for (const auto& ch : chars) {
      text(ch, x, y, width, size, kForm, Align::center);
      y += step;
    }
  }

  double width_of(std::string_view s, double size) {
    Owned<PangoLayout> layout(pango_layout_new(ctx_.get()));
    Owned<PangoFontDescription> fd(pango_font_description_from_string(kSans));
    pango_font_description_set_absolute_size(fd.get(), size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), fd.get());
    pango_layout_set_text(layout.get(), std::string(s).c_str(), -1);
    int w = 0, h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
  }

 private:
  cairo_t* cr_;
  Owned<PangoContext> ctx_;
};

void line(cairo_t* cr, double x0, double y0, double x1, double y1, double w = 0.8) {
  set_rgb(cr, kForm);
  cairo_set_line_width(cr, w);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
  cairo_stroke(cr);
}

// The items' columns: left edge and width.
struct Column {
  const char* header;
  double x, width;
  Align align;
};
constexpr Column kColumns[] = {
    {"项目名称", kLeft + 6, 150, Align::left}, {"规格型号", 186, 60, Align::center},
    {"单位", 246, 44, Align::center},          {"数量", 290, 66, Align::right},
    {"单价", 360, 72, Align::right},           {"金额", 436, 74, Align::right},
    {"税率/征收率", 514, 62, Align::center},   {"税额", 578, 68, Align::right},
};

void header(cairo_t* cr, Writer& w, const InvoicePdf& d) {
  draw::qr_code(cr, qr_matrix(d.qr_text), kLeft - 4, 14, 74, 2);
  w.text(d.title, kLeft, 28, kRight - kLeft, 21, kForm, Align::center, true);
  line(cr, 238, 62, 442, 62, 0.8);
  line(cr, 238, 65, 442, 65, 0.8);
  w.field("发票号码：", d.invoice_number, 468, 30, 190, 9.5);
  w.field("开票日期：", d.issue_date, 468, 48, 190, 9.5);
}

void parties(cairo_t* cr, Writer& w, const InvoicePdf& d) {
  const double mid = (kLeft + kRight) / 2, col = 20;
  line(cr, kLeft, kPartyBottom, kRight, kPartyBottom);
  line(cr, mid, kBoxTop, mid, kPartyBottom);
  line(cr, kLeft + col, kBoxTop, kLeft + col, kPartyBottom);
  line(cr, mid + col, kBoxTop, mid + col, kPartyBottom);
  w.vertical("购买方信息", kLeft, col, kBoxTop, kPartyBottom, 9);
  w.vertical("销售方信息", mid, col, kBoxTop, kPartyBottom, 9);
  const double bw = mid - kLeft - col - 12;
  w.field("名称：", d.buyer_name, kLeft + col + 6, kBoxTop + 12, bw, 9.5);
  w.field("统一社会信用代码/纳税人识别号：", d.buyer_tax_id, kLeft + col + 6, kBoxTop + 34, bw, 9.5);
  w.field("名称：", d.seller_name, mid + col + 6, kBoxTop + 12, bw, 9.5);
  w.field("统一社会信用代码/纳税人识别号：", d.seller_tax_id, mid + col + 6, kBoxTop + 34, bw, 9.5);
}

void items(cairo_t* cr, Writer& w, const InvoicePdf& d) {
  double y = kPartyBottom + 5;
  for (const auto& c : kColumns) w.text(c.header, c.x, y, c.width, 9, kForm, Align::center);
  y += 17;
  for (const auto& l : d.lines) {
    const std::string* cells[] = {&l.name,  &l.spec,   &l.unit, &l.quantity,
                                  &l.price, &l.amount, &l.rate, &l.tax};
    for (size_t i = 0; i < std::size(kColumns); ++i)
      w.text(*cells[i], kColumns[i].x, y, kColumns[i].width, 9, kInk, kColumns[i].align);
    y += 15;
  }
  line(cr, kLeft, kTotalTop, kRight, kTotalTop, 0.4);
  w.text("合　　计", kColumns[0].x, kTotalTop + 5, 120, 9.5, kForm, Align::center);
  w.text(d.total_excluded, kColumns[5].x, kTotalTop + 5, kColumns[5].width, 9.5, kInk, Align::right);
  w.text(d.total_tax, kColumns[7].x, kTotalTop + 5, kColumns[7].width, 9.5, kInk, Align::right);
}

void totals(cairo_t* cr, Writer& w, const InvoicePdf& d) {
  line(cr, kLeft, kCapitalTop, kRight, kCapitalTop);
  line(cr, kLeft + 120, kCapitalTop, kLeft + 120, kRemarkTop);
  w.text("价税合计（大写）", kLeft, kCapitalTop + 6, 120, 9.5, kForm, Align::center);
  w.text("⊗", kLeft + 130, kCapitalTop + 4, 16, 11, kInk);
  w.text(d.total_capitals, kLeft + 148, kCapitalTop + 5, 280, 10.5, kInk, Align::left, true);
  w.field("（小写）", d.total_figures, 470, kCapitalTop + 5, 170, 10.5);
}

void remarks(cairo_t* cr, Writer& w, const InvoicePdf& d) {
  line(cr, kLeft, kRemarkTop, kRight, kRemarkTop);
  line(cr, kLeft + 20, kRemarkTop, kLeft + 20, kBoxBottom);
  w.vertical("备注", kLeft, 20, kRemarkTop, kBoxBottom, 9);
  w.text(d.remarks, kLeft + 28, kRemarkTop + 4, kRight - kLeft - 36, 8, kInk, Align::left, false, true);
}

void void_stamp(cairo_t* cr, Writer& w) {
  cairo_save(cr);
  cairo_translate(cr, kWidth / 2, kHeight / 2 + 10);
  cairo_rotate(cr, -0.35);
  cairo_set_line_width(cr, 3);
  cairo_set_source_rgba(cr, kVoid.r, kVoid.g, kVoid.b, 0.75);
  cairo_rectangle(cr, -110, -34, 220, 68);
  cairo_stroke(cr);
  w.text("已 作 废", -110, -26, 220, 36, kVoid, Align::center, true);
  cairo_restore(cr);
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string render_invoice_pdf(const InvoicePdf& d) {
  std::string out;
  {
    Owned<cairo_surface_t> surface(cairo_pdf_surface_create_for_stream(append, &out, kWidth, kHeight));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, d.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, d.invoice_number.c_str());
    Owned<cairo_t> cr(cairo_create(surface.get()));
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      throw ExportError(std::string("cairo: ") + cairo_status_to_string(cairo_status(cr.get())));
    Writer w(cr.get());
    header(cr.get(), w, d);
    set_rgb(cr.get(), kForm);
    cairo_set_line_width(cr.get(), 1.2);
    cairo_rectangle(cr.get(), kLeft, kBoxTop, kRight - kLeft, kBoxBottom - kBoxTop);
    cairo_stroke(cr.get());
    parties(cr.get(), w, d);
    items(cr.get(), w, d);
    totals(cr.get(), w, d);
    remarks(cr.get(), w, d);
    w.field("开票人：", d.drawer, kLeft + 20, kBoxBottom + 10, 200, 9.5);
    if (d.voided) void_stamp(cr.get(), w);
    cairo_show_page(cr.get());
    cairo_surface_finish(surface.get());
    if (auto st = cairo_surface_status(surface.get()); st != CAIRO_STATUS_SUCCESS)
      throw ExportError(std::string("cairo PDF: ") + cairo_status_to_string(st));
  }
  return out;
}

}  // namespace zc
