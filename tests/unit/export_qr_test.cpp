// src/export: QR PNGs (decoded back with libpng and, when Debian's zbar-tools is installed, zbarimg)
// and the 3 print templates.
#include <gtest/gtest.h>
#include <png.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "export/qr.hpp"
#include "export/qr_templates.hpp"

using namespace zc;

namespace {

const std::string kUrl = "https://zc.example.com/app/g/1234567890123401";

std::string run(const std::string& cmd) {
  std::string out;
  if (std::FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  return out;
}

bool have(const char* tool) {
  return !run(std::string("command -v ") + tool + " 2>/dev/null").empty();
}

// Full decode with libpng into 8-bit gray pixels.
struct Gray {
  int w = 0, h = 0;
  std::vector<unsigned char> px;
  int at(int x, int y) const { return px[static_cast<size_t>(y) * w + x]; }
};
Gray decode_gray(const std::string& bytes) {
  png_image img;
  std::memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  Gray g;
  if (!png_image_begin_read_from_memory(&img, bytes.data(), bytes.size())) return g;
  img.format = PNG_FORMAT_GRAY;
  g.w = static_cast<int>(img.width);
  g.h = static_cast<int>(img.height);
  g.px.resize(PNG_IMAGE_SIZE(img));
  if (!png_image_finish_read(&img, nullptr, g.px.data(), 0, nullptr)) g = {};
  return g;
}

// zbarimg's reading of the QR code in a PNG ("" when it finds none).
std::string zbar_decode(const std::string& png) {
  const std::string path = testing::TempDir() + "zc_qr_" + std::to_string(::getpid()) + ".png";
  std::ofstream(path, std::ios::binary) << png;
  std::string out = run("zbarimg --raw -q '" + path + "' 2>/dev/null");
  std::remove(path.c_str());
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

}  // namespace

TEST(ExportQr, MatrixIsLevelMVersionForTheText) {
  EXPECT_EQ(qr_matrix("hello").size, 21);  // version 1
  const QrMatrix m = qr_matrix(kUrl);
  EXPECT_EQ((m.size - 17) % 4, 0);
  EXPECT_EQ(m.dark.size(), static_cast<size_t>(m.size * m.size));
  // Finder patterns: the three 7×7 corners have a dark ring and a light inner ring.
  for (auto [ox, oy] : {std::pair{0, 0}, std::pair{m.size - 7, 0}, std::pair{0, m.size - 7}}) {
    EXPECT_TRUE(m.at(ox, oy));
    EXPECT_TRUE(m.at(ox + 6, oy + 6));
    EXPECT_FALSE(m.at(ox + 1, oy + 1));
    EXPECT_TRUE(m.at(ox + 3, oy + 3));
  }
}

TEST(ExportQr, PngHasSignatureSizeAndTheModules) {
  const int px = 6, margin = 4;
  const QrMatrix m = qr_matrix(kUrl);
  const std::string png = qr_png(kUrl, px, margin);
  ASSERT_GE(png.size(), 8u);
  EXPECT_EQ(png_sig_cmp(reinterpret_cast<png_const_bytep>(png.data()), 0, 8), 0);
  const int side = (m.size + 2 * margin) * px;
  const PngSize s = png_size(png);
  EXPECT_EQ(s.width, side);
  EXPECT_EQ(s.height, side);

  const Gray g = decode_gray(png);
  ASSERT_EQ(g.w, side);
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size; ++x) {
      const int cx = (x + margin) * px + px / 2, cy = (y + margin) * px + px / 2;
      ASSERT_EQ(g.at(cx, cy) < 128, m.at(x, y)) << x << "," << y;
    }
  for (int i = 0; i < side; ++i) {  // the quiet zone is white
    EXPECT_EQ(g.at(i, 0), 255);
    EXPECT_EQ(g.at(0, i), 255);
  }
  EXPECT_EQ(png, qr_png(kUrl, px, margin));  // deterministic
}

TEST(ExportQr, RejectsBadInputWithAMessage) {
  EXPECT_THROW(qr_png("", 4, 4), ExportError);
  EXPECT_THROW(qr_png(std::string("a\0b", 3), 4, 4), ExportError);
  EXPECT_THROW(qr_png(kUrl, 0, 4), ExportError);
  EXPECT_THROW(qr_png(kUrl, 4, -1), ExportError);
  try {
    qr_png(std::string(4000, 'x'), 4, 4);
    FAIL() << "no exception";
  } catch (const ExportError& e) {
    EXPECT_NE(std::string(e.what()).find("too long"), std::string::npos) << e.what();
  }
  EXPECT_THROW(png_size("not a png"), ExportError);
  EXPECT_THROW(png_size(qr_png(kUrl, 4, 4).substr(0, 20)), ExportError);  // truncated
}

TEST(ExportQr, ZbarReadsTheTextBack) {
  if (!have("zbarimg"))
    GTEST_SKIP() << "zbarimg not installed (Debian zbar-tools; scripts/install-deps.sh test)";
  EXPECT_EQ(zbar_decode(qr_png(kUrl, 4, 4)), kUrl);
  const std::string cjk = "https://zc.example.com/app/s/充电站-01";
  EXPECT_EQ(zbar_decode(qr_png(cjk, 4, 4)), cjk);
}

TEST(ExportQrTemplates, NamesRoundTrip) {
  for (QrTemplate t : {QrTemplate::plain, QrTemplate::labelled, QrTemplate::card})
    EXPECT_EQ(parse_qr_template(to_string(t)), t);
  EXPECT_FALSE(parse_qr_template("poster").has_value());
}

TEST(ExportQrTemplates, EachRendersAPngOfItsSizeDeterministically) {
  for (QrTemplate t : {QrTemplate::plain, QrTemplate::labelled, QrTemplate::card}) {
    QrLabel l{t, kUrl, "智充示范充电站（浦东软件园）", "12345678901234 01", ""};
    const std::string png = render_qr_label(l);
    const PngSize s = png_size(png);
    const LabelSize want = qr_label_size(t);
    EXPECT_EQ(s.width, want.width) << to_string(t);
    EXPECT_EQ(s.height, want.height) << to_string(t);
    EXPECT_GE(want.width, 600);
    EXPECT_EQ(png, render_qr_label(l)) << to_string(t);
    if (const char* dir = std::getenv("ZC_EXPORT_SAMPLES"))  // to look at them
      std::ofstream(std::string(dir) + "/qr_" + std::string(to_string(t)) + ".png", std::ios::binary) << png;
  }
}

TEST(ExportQrTemplates, TextIsDrawnBelowTheCode) {
  QrLabel with{QrTemplate::labelled, kUrl, "智充示范充电站", "12345678901234 01", ""};
  QrLabel without = with;
  without.title.clear();
  without.code.clear();
  const Gray a = decode_gray(render_qr_label(with)), b = decode_gray(render_qr_label(without));
  ASSERT_EQ(a.w, b.w);
  int dark_a = 0, dark_b = 0;
  for (int y = 600; y < a.h; ++y)
    for (int x = 0; x < a.w; ++x) {
      dark_a += a.at(x, y) < 128;
      dark_b += b.at(x, y) < 128;
    }
  EXPECT_EQ(dark_b, 0);
  EXPECT_GT(dark_a, 500);  // two lines of glyphs
}

TEST(ExportQrTemplates, CjkFontIsInstalled) {
  if (!have("fc-match")) GTEST_SKIP() << "fontconfig tools not installed";
  EXPECT_NE(run("fc-match -f '%{family}' 'Noto Sans CJK SC'").find("Noto Sans CJK"), std::string::npos)
      << "fonts-noto-cjk missing: labels would show boxes instead of Chinese";
}

TEST(ExportQrTemplates, LongAndInvalidTextIsContained) {
  QrLabel l{QrTemplate::card, kUrl, std::string(300, 'W') + "充电站", "\xff\xfe bad utf8",
            std::string(200, 'x')};
  const std::string png = render_qr_label(l);
  EXPECT_EQ(png_size(png).width, qr_label_size(QrTemplate::card).width);
  l.qr_text.clear();
  EXPECT_THROW(render_qr_label(l), ExportError);
}

TEST(ExportQrTemplates, EveryTemplateStaysScannable) {
  if (!have("zbarimg"))
    GTEST_SKIP() << "zbarimg not installed (Debian zbar-tools; scripts/install-deps.sh test)";
  for (QrTemplate t : {QrTemplate::plain, QrTemplate::labelled, QrTemplate::card}) {
    const std::string png = render_qr_label({t, kUrl, "智充示范充电站", "12345678901234 01", ""});
    EXPECT_EQ(zbar_decode(png), kUrl) << to_string(t);
  }
}
