#pragma once
// Printable QR labels rendered with cairo + pango (fonts: Noto Sans CJK via fontconfig).
// Used by "View QR" of piles, guns, e-bike devices and sockets: 3 templates, download as PNG.
#include <optional>
#include <string>
#include <string_view>

namespace zc {

enum class QrTemplate {
  plain,     // the QR code only                                  600 × 600 px
  labelled,  // QR + title (station name) + code                  600 × 760 px
  card,  // branded card: 智充 · 扫码充电, QR, title, code, instruction line, border   640 × 960 px
};

std::string_view to_string(QrTemplate t);
std::optional<QrTemplate> parse_qr_template(std::string_view name);  // "plain" | "labelled" | "card"

struct QrLabel {
  QrTemplate tmpl = QrTemplate::plain;
  std::string qr_text;   // what the QR encodes (the app URL of the gun / socket)
  std::string title;     // station name
  std::string code;      // e.g. gun code "12345678901234 01"
  std::string subtitle;  // card: instruction line (default 请使用微信或支付宝扫码充电)
};

struct LabelSize {
  int width = 0;
  int height = 0;
};
LabelSize qr_label_size(QrTemplate t);

// PNG bytes (RGB, 8 bit) of the label. Deterministic for the same input and fonts; texts too long for
// the label are ellipsized, never overflow. Throws ExportError for a bad QR text.
std::string render_qr_label(const QrLabel& label);

}  // namespace zc
