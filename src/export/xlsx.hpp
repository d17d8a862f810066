#pragma once
// Streamed Excel (.xlsx) export on libxlsxwriter in constant_memory mode: rows are pushed one at a
// time and written to a temp file at once, so a text/number export keeps O(1) memory whatever its
// length. Embedded images are the exception libxlsxwriter imposes: each costs its PNG bytes plus
// ~0.5 KB until finish(), and ~2.1 KB more transiently while finish() writes the drawing relations
// (measured in tests/unit/export_xlsx_test.cpp: ≈ 3.3 KB per image row peak for 350-byte QR PNGs).
// Bound image exports by row count (options.max_rows) — e.g. 20,000 rows ≈ 70 MB peak.
//
// Every export of the platform (QR codes, orders, refunds, logs) uses this writer:
//   XlsxWriter w(path, {{"站点", XlsxKind::text}, {"二维码", XlsxKind::image_png}, ...}, options);
//   for (...) w.add_row({station, qr_png(url, 4, 2), url, factory_id});
//   w.finish();
// The file appears at `path` only when finish() succeeds (written to a temp name, then renamed);
// a writer destroyed without finish() (an exception, a cancelled export) leaves nothing behind.
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "export/qr.hpp"  // ExportError

namespace zc {

// The UTC offset (ms) in force at an instant (UTC epoch ms). Pass a station's zone from core's
// TimeZone: `[tz](int64_t t) { return tz.offset_ms(t); }`, or a fixed offset with fixed_utc_offset().
using UtcOffsetFn = std::function<std::int64_t(std::int64_t utc_ms)>;
UtcOffsetFn fixed_utc_offset(int offset_minutes);  // UTC+08:00 → fixed_utc_offset(480); |offset| ≤ 14 h

enum class XlsxKind {
  text,         // std::string (UTF-8)
  integer,      // std::int64_t, shown as 0
  money_fen,    // std::int64_t fen, shown as yuan 0.00 (a number Excel can sum)
  energy,       // std::int64_t in 0.0001 kWh (core/money.hpp Energy), shown as kWh 0.0000 (a number)
  datetime_ms,  // std::int64_t UTC epoch ms, shown as yyyy-mm-dd hh:mm:ss in options.utc_offset
  image_png,    // std::string of PNG bytes, scaled to fit options.image_px, centred in the cell
};

struct XlsxColumn {
  std::string header;  // e.g. "站点名称"
  XlsxKind kind = XlsxKind::text;
  double width = 0;  // Excel character widths; 0 = wide enough for the header and the kind
};

// std::monostate = empty cell; std::int64_t for integer/money_fen/energy/datetime_ms; std::string for
// text/image_png.
using XlsxCell = std::variant<std::monostate, std::int64_t, std::string>;

struct XlsxOptions {
  std::string sheet_name = "Sheet1";
  UtcOffsetFn utc_offset = fixed_utc_offset(8 * 60);  // for datetime_ms columns (China time by default)
  int image_px = 96;                 // side of the square box images are fitted into; image rows are as tall
  std::size_t max_rows = 1048575;    // data rows; Excel's own limit is 1,048,575 below the header
  std::size_t progress_every = 500;  // on_progress after every N rows, and once after finish()
  std::function<void(std::size_t rows_written)> on_progress;  // may throw to cancel the export
  std::string tmp_dir;  // for libxlsxwriter's temp files; default: the system temp directory
};

class XlsxWriter {
 public:
  // Writes the header row (bold, frozen, autofiltered). Throws ExportError for bad columns/options or
  // when `path` cannot be written.
  XlsxWriter(std::string path, std::vector<XlsxColumn> columns, XlsxOptions options = {});
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // One cell per column. A row is validated as a whole before any of it is written: a wrong cell type
  // or a bad PNG throws ExportError naming the row and column, and the row is not written.
  void add_row(std::span<const XlsxCell> cells);
  void add_row(std::initializer_list<XlsxCell> cells) { add_row(std::span(cells.begin(), cells.size())); }

  // Packages the .xlsx and moves it to `path`; returns the number of data rows.
  std::size_t finish();
  std::size_t rows() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zc
