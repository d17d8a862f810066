#pragma once
// What the platform needs from an e-invoice service (数电票 through a provider such as 诺诺 Nuonuo;
// ../shared/protocols/payments-invoices.md "E-invoices"). Field names follow Nuonuo's requestBillingNew.
// Issuing is asynchronous: issue() only accepts the request; the result comes later by the callback
// (set_callback) and can always be asked for with query(). Amounts in fen, rates in 0.01 %.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace zc::invoice {

struct InvoiceLine {
  std::string goods_name;  // "*供电*电费"
  std::string goods_code;  // the 19-digit tax classification code
  std::string unit;        // "次"
  int64_t tax_rate_bp = 0;
  int64_t amount = 0;    // tax included (fen)
  int64_t tax = 0;       // fen
  int64_t excluded = 0;  // fen, amount − tax
};

struct IssueRequest {
  std::string order_no;  // unique per seller: the platform's invoice number (发票编号)
  // seller (the station's invoice configuration)
  std::string saler_tax_num, saler_name, saler_tel, saler_address, saler_bank, merchant_no;
  std::string clerk, payee, checker;
  // buyer
  std::string buyer_name, buyer_tax_num, buyer_phone, email;
  int push_mode = -1;               // -1 none, 0 email, 1 phone, 2 both
  std::string invoice_line = "pc";  // pc 数电普票
  std::string remark;
  std::vector<InvoiceLine> lines;
};

enum class IssueStatus { issuing, issued, failed };
const char* to_string(IssueStatus s);

// What the service answers for one request (query) or pushes (callback).
struct IssueResult {
  std::string serial_no;  // the service's invoiceSerialNum (流水号)
  IssueStatus status = IssueStatus::issuing;
  std::string invoice_number;  // 发票号码 (20 digits for 数电票)
  std::string invoice_code;    // 发票代码 (12 digits; empty for pure 数电票 at some providers)
  int64_t invoice_time = 0;    // UTC ms
  std::string fail_reason;
  std::string pdf_url;  // where the service serves the PDF; empty: the platform renders it itself
};

// A synchronous refusal (unknown serial, wrong state, bad request).
class InvoiceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class InvoiceProvider {
 public:
  using Callback = std::function<void(const IssueResult&)>;
  virtual ~InvoiceProvider() = default;
  virtual std::string_view name() const = 0;
  // Called with each result the service pushes (from the service's own thread). Set before issuing.
  virtual void set_callback(Callback cb) = 0;
  // Accepts the request and answers its serial number; a repeated order_no answers the same serial.
  virtual std::string issue(const IssueRequest& r) = 0;
  virtual IssueResult query(const std::string& serial_no) = 0;
  // Issues a failed request again (reInvoice): back to issuing, same serial.
  virtual void reissue(const std::string& serial_no) = 0;
  // Red-letters an issued invoice (fastInvoiceRed); answers the red invoice's number.
  virtual std::string red(const std::string& serial_no, const std::string& reason) = 0;
};

}  // namespace zc::invoice
