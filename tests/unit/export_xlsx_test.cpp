// src/export/xlsx: the streamed writer. The files are opened again with Debian's `unzip` (an .xlsx is a
// zip) and checked: rows, embedded images and their anchors, headers, number formats, freeze + filter.
// The 10,000-image export runs in a forked child so its peak RSS (getrusage) is its own.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "export/qr.hpp"
#include "export/xlsx.hpp"

using namespace zc;
namespace fs = std::filesystem;

namespace {

// Sanitizers keep freed memory in quarantine: RSS bounds mean nothing there (the exports still run).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kMeasureRss = false;
#else
constexpr bool kMeasureRss = true;
#endif

std::string run(const std::string& cmd) {
  std::string out;
  if (std::FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  return out;
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

std::string unzip_p(const std::string& xlsx, const std::string& part) {
  return run("unzip -p '" + xlsx + "' '" + part + "'");
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string t = (fs::path(testing::TempDir()) / "zc_xlsx_XXXXXX").string();
    path = ::mkdtemp(t.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
  size_t entries() const { return static_cast<size_t>(std::distance(fs::directory_iterator(path), {})); }
};

long current_rss_kb() {
  long pages = 0, resident = 0;
  if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

struct Measured {
  long rss_before_kb = 0, peak_rss_kb = 0;
  double seconds = 0;
  long progress_calls = 0, rows = 0;
  char error[256] = {};
};

// Runs fn in a forked child; its peak RSS growth over the RSS it started the export with is measured
// with getrusage(RUSAGE_SELF).ru_maxrss, unaffected by what the rest of the test binary allocated.
Measured measure_in_child(const std::function<long(long& progress_calls)>& fn) {
  int fds[2];
  if (::pipe(fds) != 0) return {};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    Measured m;
    m.rss_before_kb = current_rss_kb();
    const auto t0 = std::chrono::steady_clock::now();
    try {
      m.rows = fn(m.progress_calls);
    } catch (const std::exception& e) {
      std::snprintf(m.error, sizeof m.error, "%s", e.what());
    }
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    rusage ru{};
    ::getrusage(RUSAGE_SELF, &ru);
    m.peak_rss_kb = ru.ru_maxrss;
    if (::write(fds[1], &m, sizeof m) != static_cast<ssize_t>(sizeof m)) ::_exit(2);
    ::_exit(0);
  }
  ::close(fds[1]);
  Measured m;
  const ssize_t n = ::read(fds[0], &m, sizeof m);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (n != static_cast<ssize_t>(sizeof m))
    std::snprintf(m.error, sizeof m.error, "child died (status %d)", status);
  return m;
}

const std::vector<XlsxColumn> kQrColumns = {
    {"站点名称", XlsxKind::text}, {"二维码", XlsxKind::image_png},       {"二维码链接", XlsxKind::text, 48},
    {"出厂编号", XlsxKind::text}, {"预付金额(元)", XlsxKind::money_fen}, {"创建时间", XlsxKind::datetime_ms},
    {"序号", XlsxKind::integer},
};

std::string gun_url(long i) {
  return "https://zc.example.com/app/g/" + std::to_string(12345678900000 + i) + "01";
}

}  // namespace

// 10,000 rows, one distinct QR image each (the CAR-GUN "QR export"). Memory bound, justified:
// constant_memory keeps cell data on disk, but libxlsxwriter keeps per image, until finish(), a copy of
// its PNG (~350 B here) and ~0.5 KB of properties, and at finish() allocates the drawing relations with
// a fixed 2,080-byte type string each (LXW_MAX_ATTRIBUTE_LENGTH) plus the drawing objects: measured
// ≈ 3.3 KB per image row, ≈ 33 MB for 10,000. The bound, 48 MB, is that plus ~45% for allocator slack;
// it fails if anything starts holding rows (cells or QR rasters) in memory.
TEST(ExportXlsx, TenThousandQrRowsInBoundedMemory) {
  if (run("command -v unzip").empty()) GTEST_SKIP() << "unzip not installed (scripts/install-deps.sh test)";
  TempDir dir;
  const std::string path = dir.file("guns.xlsx");
  constexpr long kRows = 10000;
  const Measured m = measure_in_child([&](long& progress_calls) {
    XlsxOptions o;
    o.sheet_name = "枪二维码";
    o.progress_every = 1000;
    o.on_progress = [&](size_t) { ++progress_calls; };
    XlsxWriter w(path, kQrColumns, o);
    for (long i = 0; i < kRows; ++i) {
      const std::string url = gun_url(i);
      w.add_row({"智充示范充电站" + std::to_string(i % 7), qr_png(url, 3, 2), url,
                 "F" + std::to_string(900000 + i), std::int64_t{12345}, std::int64_t{1700000000000},
                 std::int64_t{i + 1}});
    }
    return static_cast<long>(w.finish());
  });
  ASSERT_EQ(m.error[0], '\0') << m.error;
  ASSERT_EQ(m.rows, kRows);
  const long growth_kb = m.peak_rss_kb - m.rss_before_kb;
  std::printf("[ measure  ] %ld rows with QR images: %.2f s, peak RSS growth %.1f MB, file %.1f MB\n", kRows,
              m.seconds, growth_kb / 1024.0, fs::file_size(path) / 1048576.0);
  if (kMeasureRss) {
    EXPECT_LT(growth_kb, 48 * 1024);
  }
  EXPECT_EQ(m.progress_calls, kRows / 1000 + 1);  // every 1,000 rows, and once when finished
  EXPECT_EQ(dir.entries(), 1u);                   // the .xlsx only: no temp file left

  const std::string list = run("unzip -Z1 '" + path + "'");
  EXPECT_EQ(count(list, "xl/media/image"), static_cast<size_t>(kRows));
  const std::string sheet = unzip_p(path, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(count(sheet, "<row "), static_cast<size_t>(kRows + 1));
  for (const auto& c : kQrColumns)
    EXPECT_NE(sheet.find("<t>" + c.header + "</t>"), std::string::npos) << c.header;
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:G10001\"/>"), std::string::npos);
  EXPECT_NE(sheet.find("ySplit=\"1\""), std::string::npos);  // header row frozen
  EXPECT_NE(sheet.find("<t>" + gun_url(9999) + "</t>"), std::string::npos);
  EXPECT_NE(sheet.find("<v>123.45</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<v>10000</v>"), std::string::npos);
  const std::string workbook = unzip_p(path, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"枪二维码\""), std::string::npos);

  // Each image is anchored inside its own row (rows are as tall as the image box) and moves and sizes
  // with it, so filtering hides the images of hidden rows.
  const std::string drawing = unzip_p(path, "xl/drawings/drawing1.xml");
  EXPECT_EQ(count(drawing, "<xdr:twoCellAnchor"), static_cast<size_t>(kRows));
  EXPECT_EQ(count(drawing, "editAs=\"oneCell\""), 0u);
  const size_t last = drawing.rfind("<xdr:twoCellAnchor");
  ASSERT_NE(last, std::string::npos);
  const std::string anchor = drawing.substr(last, 600);
  EXPECT_EQ(count(anchor, "<xdr:row>10000</xdr:row>"), 2u) << anchor;  // from and to: the same row
  EXPECT_EQ(count(anchor, "<xdr:col>1</xdr:col>"), 2u) << anchor;
}

// Exports without images (orders, refunds, logs) are constant-memory: 200,000 rows stay within a few MB.
TEST(ExportXlsx, TextExportsUseConstantMemory) {
  TempDir dir;
  const std::string path = dir.file("orders.xlsx");
  constexpr long kRows = 200000;
  const Measured m = measure_in_child([&](long&) {
    XlsxWriter w(path, {{"订单号", XlsxKind::text},
                        {"金额(元)", XlsxKind::money_fen},
                        {"下单时间", XlsxKind::datetime_ms},
                        {"电量", XlsxKind::integer}});
    for (long i = 0; i < kRows; ++i)
      w.add_row({"ORD" + std::to_string(100000000 + i), std::int64_t{i},
                 std::int64_t{1700000000000 + i * 1000}, std::int64_t{i * 3}});
    return static_cast<long>(w.finish());
  });
  ASSERT_EQ(m.error[0], '\0') << m.error;
  ASSERT_EQ(m.rows, kRows);
  const long growth_kb = m.peak_rss_kb - m.rss_before_kb;
  std::printf("[ measure  ] %ld text rows: %.2f s, peak RSS growth %.1f MB, file %.1f MB\n", kRows, m.seconds,
              growth_kb / 1024.0, fs::file_size(path) / 1048576.0);
  if (kMeasureRss) {
    EXPECT_LT(growth_kb, 8 * 1024);
  }
  if (!run("command -v unzip").empty()) {
    EXPECT_EQ(count(unzip_p(path, "xl/worksheets/sheet1.xml"), "<row "), static_cast<size_t>(kRows + 1));
  }
}

TEST(ExportXlsx, CellValuesAndFormats) {
  if (run("command -v unzip").empty()) GTEST_SKIP() << "unzip not installed";
  TempDir dir;
  const std::string path = dir.file("v.xlsx");
  XlsxOptions o;
  // A zone that moves from +08:00 to +09:00 at 1,000,000 ms: the offset is taken at each instant.
  o.utc_offset = [](std::int64_t t) -> std::int64_t { return t < 1000000 ? 8 * 3600000 : 9 * 3600000; };
  XlsxWriter w(path,
               {{"文本", XlsxKind::text},
                {"金额", XlsxKind::money_fen},
                {"时间", XlsxKind::datetime_ms},
                {"数", XlsxKind::integer}},
               o);
  w.add_row({"a<b&c", std::int64_t{-1999}, std::int64_t{0}, std::int64_t{-42}});
  w.add_row({std::monostate{}, std::int64_t{5}, std::int64_t{86400000}, std::monostate{}});
  w.add_row({"bad \xff utf8 \x01", std::int64_t{0}, std::monostate{}, std::int64_t{9007199254740992}});
  EXPECT_EQ(w.finish(), 3u);
  const std::string s = unzip_p(path, "xl/worksheets/sheet1.xml");
  EXPECT_NE(s.find("<t>a&lt;b&amp;c</t>"), std::string::npos);
  EXPECT_NE(s.find("<v>-19.99</v>"), std::string::npos);
  EXPECT_NE(s.find("<v>0.05</v>"), std::string::npos);
  EXPECT_NE(s.find("<v>25569.333333333"), std::string::npos);  // 1970-01-01 08:00 (+08:00)
  EXPECT_NE(s.find("<v>25570.375</v>"), std::string::npos);    // 1970-01-02 09:00 (+09:00)
  EXPECT_NE(s.find("<v>-42</v>"), std::string::npos);
  EXPECT_NE(s.find("bad \xEF\xBF\xBD utf8 _x0001_"), std::string::npos) << s;  // valid XML whatever the input
  EXPECT_EQ(count(s, "<row "), 4u);
  const std::string styles = unzip_p(path, "xl/styles.xml");
  EXPECT_NE(styles.find("formatCode=\"0.00\""), std::string::npos);
  EXPECT_NE(styles.find("formatCode=\"yyyy-mm-dd hh:mm:ss\""), std::string::npos);
}

TEST(ExportXlsx, EnergyIsANumberInKwh) {
  if (run("command -v unzip").empty()) GTEST_SKIP() << "unzip not installed";
  TempDir dir;
  const std::string path = dir.file("e.xlsx");
  XlsxWriter w(path, {{"充电量(kWh)", XlsxKind::energy}});
  w.add_row({std::int64_t{123456}});  // 0.0001 kWh
  w.add_row({std::int64_t{5}});
  EXPECT_EQ(w.finish(), 2u);
  const std::string s = unzip_p(path, "xl/worksheets/sheet1.xml");
  EXPECT_NE(s.find("<v>12.3456</v>"), std::string::npos) << s;  // a number cell Excel can sum, not text
  EXPECT_NE(s.find("<v>0.0005</v>"), std::string::npos) << s;
  EXPECT_NE(unzip_p(path, "xl/styles.xml").find("formatCode=\"0.0000\""), std::string::npos);
}

TEST(ExportXlsx, ABadRowIsRejectedWholeAndNamed) {
  if (run("command -v unzip").empty()) GTEST_SKIP() << "unzip not installed";
  TempDir dir;
  const std::string path = dir.file("bad.xlsx");
  XlsxWriter w(path, kQrColumns);
  const std::string png = qr_png(gun_url(1), 3, 2);
  w.add_row({"站", png, gun_url(1), "F1", std::int64_t{1}, std::int64_t{1}, std::int64_t{1}});
  const auto message = [&](std::initializer_list<XlsxCell> row) {
    try {
      w.add_row(row);
    } catch (const ExportError& e) {
      return std::string(e.what());
    }
    return std::string("no exception");
  };
  std::string msg = message({"站", png, gun_url(2), "F2", "12.30", std::int64_t{1}, std::int64_t{2}});
  EXPECT_NE(msg.find("row 2"), std::string::npos) << msg;
  EXPECT_NE(msg.find("预付金额(元)"), std::string::npos) << msg;
  msg = message({"站", "not a png", gun_url(2), "F2", std::int64_t{1}, std::int64_t{1}, std::int64_t{2}});
  EXPECT_NE(msg.find("二维码"), std::string::npos) << msg;
  msg = message({"站", png});
  EXPECT_NE(msg.find("2 cells for 7 columns"), std::string::npos) << msg;
  EXPECT_EQ(w.rows(), 1u);
  w.add_row({"站", png, gun_url(3), "F3", std::int64_t{1}, std::int64_t{1}, std::int64_t{3}});
  EXPECT_EQ(w.finish(), 2u);
  const std::string s = unzip_p(path, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(count(s, "<row "), 3u);
  EXPECT_EQ(s.find(gun_url(2)), std::string::npos);  // nothing of the rejected rows
  // The same PNG twice is stored once (libxlsxwriter dedupes by MD5) and anchored twice.
  EXPECT_EQ(count(run("unzip -Z1 '" + path + "'"), "xl/media/image"), 1u);
  EXPECT_EQ(count(unzip_p(path, "xl/drawings/drawing1.xml"), "<xdr:twoCellAnchor"), 2u);
}

TEST(ExportXlsx, NothingIsLeftBehindWithoutFinish) {
  TempDir dir;
  const std::string path = dir.file("cancelled.xlsx");
  {
    XlsxOptions o;
    o.progress_every = 2;
    o.on_progress = [](size_t rows) {
      if (rows >= 4) throw std::runtime_error("cancelled by the user");
    };
    XlsxWriter w(path, {{"a", XlsxKind::text}}, o);
    EXPECT_THROW(for (int i = 0; i < 10; ++i) w.add_row({"x"}), std::runtime_error);
    EXPECT_EQ(w.rows(), 4u);
  }
  EXPECT_FALSE(fs::exists(path));
  EXPECT_EQ(dir.entries(), 0u);
}

TEST(ExportXlsx, ClearErrorsForBadSetup) {
  TempDir dir;
  try {
    XlsxWriter w(dir.file("no/such/dir/x.xlsx"), {{"a", XlsxKind::text}});
    FAIL() << "no exception";
  } catch (const ExportError& e) {
    EXPECT_NE(std::string(e.what()).find("no/such/dir/x.xlsx"), std::string::npos) << e.what();
  }
  EXPECT_THROW(XlsxWriter(dir.file("x.xlsx"), {}), ExportError);
  XlsxOptions bad_sheet;
  bad_sheet.sheet_name = "a/b";
  EXPECT_THROW(XlsxWriter(dir.file("x.xlsx"), {{"a", XlsxKind::text}}, bad_sheet), ExportError);
  EXPECT_THROW(fixed_utc_offset(15 * 60), ExportError);
  EXPECT_EQ(dir.entries(), 0u);

  XlsxOptions few;
  few.max_rows = 2;
  XlsxWriter w(dir.file("few.xlsx"), {{"a", XlsxKind::integer}}, few);
  w.add_row({std::int64_t{1}});
  w.add_row({std::int64_t{2}});
  EXPECT_THROW(w.add_row({std::int64_t{3}}), ExportError);
  EXPECT_EQ(w.finish(), 2u);
  EXPECT_THROW(w.add_row({std::int64_t{4}}), ExportError);
  EXPECT_TRUE(fs::exists(dir.file("few.xlsx")));
}
