#include "export/xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace zc {

namespace fs = std::filesystem;

UtcOffsetFn fixed_utc_offset(int offset_minutes) {
  if (offset_minutes < -14 * 60 || offset_minutes > 14 * 60)
    throw ExportError("UTC offset out of range: " + std::to_string(offset_minutes) + " minutes");
  const std::int64_t ms = std::int64_t{offset_minutes} * 60000;
  return [ms](std::int64_t) { return ms; };
}

// ---------------------------------------------------------------------------------------------- helpers

namespace {

// Invalid UTF-8 would make the XML inside the .xlsx unreadable for Excel: replace it with U+FFFD. Also
// caps the length at Excel's 32,767-character cell limit (counted here in bytes, which is stricter).
std::string clean_text(std::string_view s, std::size_t max_bytes = 32767) {
  std::string out;
  out.reserve(std::min(s.size(), max_bytes));
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char b = p[i];
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (b < 0x80) {
      len = 1;
      cp = b;
    } else if ((b & 0xE0) == 0xC0) {
      len = 2;
      cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3;
      cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4;
      cp = b & 0x07;
    }
    bool ok = len > 0 && i + len <= n;
    for (std::size_t k = 1; ok && k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (ok) {
      static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
      ok = cp >= kMin[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    const std::string_view piece = ok ? s.substr(i, len) : std::string_view("\xEF\xBF\xBD");
    if (out.size() + piece.size() > max_bytes) break;
    out.append(piece);
    i += ok ? len : 1;
  }
  return out;
}

std::string_view kind_name(XlsxKind k) {
  switch (k) {
    case XlsxKind::text:
      return "text";
    case XlsxKind::integer:
      return "integer";
    case XlsxKind::money_fen:
      return "money (fen)";
    case XlsxKind::energy:
      return "energy (0.0001 kWh)";
    case XlsxKind::datetime_ms:
      return "datetime (epoch ms)";
    case XlsxKind::image_png:
      return "PNG image";
  }
  return "?";
}

// Display width in Excel character units: CJK and other wide characters count as 2.
double display_width(std::string_view s) {
  double w = 0;
  for (unsigned char c : s) {
    if (c < 0x80)
      w += 1;
    else if ((c & 0xC0) != 0x80)
      w += c >= 0xE0 ? 2 : 1;  // lead byte of a 3/4-byte sequence: wide
  }
  return w;
}

// libxlsxwriter: pixels = width × 7 + 5 (Calibri 11); rows in points, 0.75 pt per pixel.
double px_to_col_width(double px) {
  return std::max(1.0, (px - 5) / 7);
}

std::string temp_name_for(const std::string& path) {
  static std::atomic<unsigned> seq{0};
  const auto ns = std::chrono::steady_clock::now().time_since_epoch().count();
  return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(seq++) + "-" +
         std::to_string(ns % 1000000007);
}

}  // namespace

// ---------------------------------------------------------------------------------------------- writer

struct XlsxWriter::Impl {
  std::string path, tmp_path, tmp_dir;
  std::vector<XlsxColumn> cols;
  std::vector<double> widths;  // resolved column widths (Excel character units)
  XlsxOptions opt;
  lxw_workbook* wb = nullptr;
  lxw_worksheet* ws = nullptr;
  lxw_format* header_fmt = nullptr;
  lxw_format* int_fmt = nullptr;
  lxw_format* money_fmt = nullptr;
  lxw_format* energy_fmt = nullptr;
  lxw_format* time_fmt = nullptr;
  std::size_t rows = 0;
  bool has_images = false;
  bool finished = false;
  bool broken = false;  // a libxlsxwriter error left the workbook unusable

  [[noreturn]] void fail_lxw(const std::string& what, lxw_error e) {
    broken = true;
    throw ExportError("xlsx " + what + ": " + lxw_strerror(e));
  }
  void check(lxw_error e, const std::string& what) {
    if (e != LXW_NO_ERROR) fail_lxw(what, e);
  }

  void discard() noexcept {
    if (wb) lxw_workbook_free(wb);
    wb = nullptr;
    std::error_code ec;
    if (!tmp_path.empty()) fs::remove(tmp_path, ec);
  }
};

XlsxWriter::XlsxWriter(std::string path, std::vector<XlsxColumn> columns, XlsxOptions options)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.path = std::move(path);
  m.cols = std::move(columns);
  m.opt = std::move(options);
  if (m.path.empty()) throw ExportError("xlsx: empty output path");
  if (m.cols.empty()) throw ExportError("xlsx: no columns");
  if (m.cols.size() > LXW_COL_MAX) throw ExportError("xlsx: too many columns");
  if (m.opt.image_px < 16 || m.opt.image_px > 1000) throw ExportError("xlsx: image_px must be in [16, 1000]");
  m.opt.max_rows = std::min<std::size_t>(m.opt.max_rows, LXW_ROW_MAX - 1);
  m.opt.progress_every = std::max<std::size_t>(m.opt.progress_every, 1);
  if (!m.opt.utc_offset) m.opt.utc_offset = fixed_utc_offset(8 * 60);
  for (auto& c : m.cols) {
    c.header = clean_text(c.header, 255);
    if (c.width < 0 || c.width > 255) throw ExportError("xlsx: column width out of range: " + c.header);
    if (c.kind == XlsxKind::image_png) m.has_images = true;
  }

  // Fail early (and with the OS's reason) when the destination cannot be written: libxlsxwriter would
  // only notice at finish(). The placeholder is the temp file itself, renamed into place at the end.
  m.tmp_path = temp_name_for(m.path);
  if (std::FILE* f = std::fopen(m.tmp_path.c_str(), "wb")) {
    std::fclose(f);
  } else {
    const std::string why = std::strerror(errno);
    m.tmp_path.clear();
    throw ExportError("xlsx: cannot write " + m.path + ": " + why);
  }

  m.tmp_dir = m.opt.tmp_dir;
  lxw_workbook_options wo{};
  wo.constant_memory = LXW_TRUE;
  wo.tmpdir = m.tmp_dir.empty() ? nullptr : m.tmp_dir.data();
  wo.use_zip64 = LXW_TRUE;  // 10,000+ images can push parts past 4 GB only in theory; costs nothing
  m.wb = workbook_new_opt(m.tmp_path.c_str(), &wo);
  if (!m.wb) {
    m.discard();
    throw ExportError("xlsx: cannot create the workbook (temp files in " +
                      (m.tmp_dir.empty() ? std::string("the system temp dir") : m.tmp_dir) + ")");
  }
  try {
    const std::string sheet = clean_text(m.opt.sheet_name, 31);
    m.check(workbook_validate_sheet_name(m.wb, sheet.c_str()), "sheet name '" + sheet + "'");
    m.ws = workbook_add_worksheet(m.wb, sheet.c_str());
    if (!m.ws) m.fail_lxw("add worksheet", LXW_ERROR_MEMORY_MALLOC_FAILED);

    m.header_fmt = workbook_add_format(m.wb);
    format_set_bold(m.header_fmt);
    format_set_bg_color(m.header_fmt, 0xF2F2F2);
    format_set_border(m.header_fmt, LXW_BORDER_THIN);
    format_set_align(m.header_fmt, LXW_ALIGN_CENTER);
    format_set_align(m.header_fmt, LXW_ALIGN_VERTICAL_CENTER);
    m.int_fmt = workbook_add_format(m.wb);
    format_set_num_format(m.int_fmt, "0");
    m.money_fmt = workbook_add_format(m.wb);
    format_set_num_format(m.money_fmt, "0.00");
    m.energy_fmt = workbook_add_format(m.wb);
    format_set_num_format(m.energy_fmt, "0.0000");
    m.time_fmt = workbook_add_format(m.wb);
    format_set_num_format(m.time_fmt, "yyyy-mm-dd hh:mm:ss");
    for (lxw_format* f : {m.int_fmt, m.money_fmt, m.energy_fmt, m.time_fmt})
      format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);

    for (std::size_t i = 0; i < m.cols.size(); ++i) {
      const XlsxColumn& c = m.cols[i];
      double w = c.width;
      if (w == 0) {
        switch (c.kind) {
          case XlsxKind::text:
            w = 20;
            break;
          case XlsxKind::integer:
          case XlsxKind::money_fen:
          case XlsxKind::energy:
            w = 12;
            break;
          case XlsxKind::datetime_ms:
            w = 20;
            break;
          case XlsxKind::image_png:
            w = px_to_col_width(m.opt.image_px + 8);
            break;
        }
        w = std::max(w, display_width(c.header) + 4);  // room for the autofilter button
      }
      m.widths.push_back(w);
      const auto col = static_cast<lxw_col_t>(i);
      m.check(worksheet_set_column(m.ws, col, col, w, nullptr), "set column width");
    }
    // Row heights: constant_memory discards row records once written, and libxlsxwriter positions
    // images from row heights only at finish(), so the image row height must be the default height.
    if (m.has_images) worksheet_set_default_row(m.ws, (m.opt.image_px + 8) * 0.75, LXW_FALSE);
    m.check(worksheet_set_row(m.ws, 0, 24, nullptr), "header row");
    for (std::size_t i = 0; i < m.cols.size(); ++i)
      m.check(
          worksheet_write_string(m.ws, 0, static_cast<lxw_col_t>(i), m.cols[i].header.c_str(), m.header_fmt),
          "header");
    worksheet_freeze_panes(m.ws, 1, 0);
  } catch (...) {
    m.discard();
    throw;
  }
}

XlsxWriter::~XlsxWriter() {
  if (impl_ && !impl_->finished) impl_->discard();
}

std::size_t XlsxWriter::rows() const {
  return impl_->rows;
}

void XlsxWriter::add_row(std::span<const XlsxCell> cells) {
  Impl& m = *impl_;
  if (m.finished) throw ExportError("xlsx: add_row after finish");
  if (m.broken) throw ExportError("xlsx: the workbook failed earlier");
  const std::size_t row_no = m.rows + 1;  // 1-based data row, as the user sees it below the header
  const auto where = [&](std::size_t i) {
    return "xlsx row " + std::to_string(row_no) + ", column '" + m.cols[i].header + "'";
  };
  if (cells.size() != m.cols.size())
    throw ExportError("xlsx row " + std::to_string(row_no) + ": " + std::to_string(cells.size()) +
                      " cells for " + std::to_string(m.cols.size()) + " columns");
  if (m.rows >= m.opt.max_rows)
    throw ExportError("xlsx: more than " + std::to_string(m.opt.max_rows) + " rows; narrow the filter");

  // Validate the whole row first, so a bad cell never leaves half a row in the file.
  std::vector<PngSize> image_sizes(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const XlsxCell& v = cells[i];
    if (std::holds_alternative<std::monostate>(v)) continue;
    const bool is_text = m.cols[i].kind == XlsxKind::text || m.cols[i].kind == XlsxKind::image_png;
    if (is_text != std::holds_alternative<std::string>(v))
      throw ExportError(where(i) + ": expected " + std::string(kind_name(m.cols[i].kind)));
    if (m.cols[i].kind == XlsxKind::image_png) {
      try {
        image_sizes[i] = png_size(std::get<std::string>(v));
      } catch (const ExportError& e) {
        throw ExportError(where(i) + ": " + e.what());
      }
    }
  }

  const auto r = static_cast<lxw_row_t>(row_no);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const XlsxCell& v = cells[i];
    if (std::holds_alternative<std::monostate>(v)) continue;
    const auto c = static_cast<lxw_col_t>(i);
    lxw_error e = LXW_NO_ERROR;
    switch (m.cols[i].kind) {
      case XlsxKind::text: {
        const std::string s = clean_text(std::get<std::string>(v));
        e = worksheet_write_string(m.ws, r, c, s.c_str(), nullptr);
        break;
      }
      case XlsxKind::integer:
        e = worksheet_write_number(m.ws, r, c, static_cast<double>(std::get<std::int64_t>(v)), m.int_fmt);
        break;
      case XlsxKind::money_fen:
        // The nearest double to the exact decimal; Excel shows it with 2 decimals and can sum it.
        e = worksheet_write_number(m.ws, r, c, static_cast<double>(std::get<std::int64_t>(v)) / 100.0,
                                   m.money_fmt);
        break;
      case XlsxKind::energy:
        e = worksheet_write_number(m.ws, r, c, static_cast<double>(std::get<std::int64_t>(v)) / 10000.0,
                                   m.energy_fmt);
        break;
      case XlsxKind::datetime_ms: {
        const std::int64_t ms = std::get<std::int64_t>(v);
        const std::int64_t local_ms = ms + m.opt.utc_offset(ms);
        // Excel serial date: days since 1899-12-30; 1970-01-01 is 25569.
        e = worksheet_write_number(m.ws, r, c, 25569.0 + static_cast<double>(local_ms) / 86400000.0,
                                   m.time_fmt);
        break;
      }
      case XlsxKind::image_png: {
        const std::string& png = std::get<std::string>(v);
        const PngSize sz = image_sizes[i];
        const double box = m.opt.image_px;
        const double scale = std::min(box / sz.width, box / sz.height);
        const double col_px = std::floor(m.widths[i] * 7 + 5);
        lxw_image_options io{};
        io.x_scale = scale;
        io.y_scale = scale;
        io.x_offset = static_cast<int32_t>(std::max(0.0, (col_px - sz.width * scale) / 2));
        io.y_offset = 4;
        io.object_position = LXW_OBJECT_MOVE_AND_SIZE;  // hidden with its row when the user filters
        e = worksheet_insert_image_buffer_opt(m.ws, r, c, reinterpret_cast<const unsigned char*>(png.data()),
                                              png.size(), &io);
        break;
      }
    }
    if (e != LXW_NO_ERROR) m.fail_lxw(where(i), e);
  }
  ++m.rows;
  if (m.opt.on_progress && m.rows % m.opt.progress_every == 0) m.opt.on_progress(m.rows);
}

std::size_t XlsxWriter::finish() {
  Impl& m = *impl_;
  if (m.finished) return m.rows;
  if (m.broken) throw ExportError("xlsx: the workbook failed earlier");
  worksheet_autofilter(m.ws, 0, 0, static_cast<lxw_row_t>(m.rows), static_cast<lxw_col_t>(m.cols.size() - 1));
  const lxw_error e = workbook_close(m.wb);  // frees the workbook whatever the result
  m.wb = nullptr;
  if (e != LXW_NO_ERROR) {
    m.broken = true;
    m.discard();
    throw ExportError("xlsx: cannot write " + m.path + ": " + lxw_strerror(e));
  }
  std::error_code ec;
  fs::rename(m.tmp_path, m.path, ec);
  if (ec) {
    m.broken = true;
    m.discard();
    throw ExportError("xlsx: cannot move the file to " + m.path + ": " + ec.message());
  }
  m.tmp_path.clear();
  m.finished = true;
  if (m.opt.on_progress) m.opt.on_progress(m.rows);
  return m.rows;
}

}  // namespace zc
