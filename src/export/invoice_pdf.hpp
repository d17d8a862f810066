#pragma once
// The PDF of an e-invoice (电子发票（普通发票）, the 数电票 layout): header with QR code, invoice number
// and date; buyer and seller; the lines with rate and tax; totals in figures and in Chinese capitals;
// remarks; drawer. One page, cairo + pango with Noto Sans CJK (cairo embeds only the glyphs used).
// Every field is text as printed: the caller formats money, rates and dates.
#include <string>
#include <vector>

namespace zc {

struct InvoicePdfLine {
  std::string name, spec, unit, quantity, price, amount, rate, tax;
};

struct InvoicePdf {
  std::string title = "电子发票（普通发票）";
  std::string invoice_number, issue_date;  // "2026年12月07日"
  std::string buyer_name, buyer_tax_id, seller_name, seller_tax_id;
  std::vector<InvoicePdfLine> lines;
  std::string total_excluded, total_tax;      // "¥88.50"
  std::string total_capitals, total_figures;  // "壹佰元整", "¥100.00"
  std::string remarks;                        // several lines ('\n')
  std::string drawer;
  std::string qr_text;
  bool voided = false;  // stamped 已作废
};

// The PDF bytes. Throws ExportError (export/qr.hpp) on a cairo failure or a QR text that does not fit.
std::string render_invoice_pdf(const InvoicePdf& doc);

}  // namespace zc
