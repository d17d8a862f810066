#pragma once
// Field rules shared by every station type (car CAR-*, e-bike BIKE-*). Each throws ApiError 400 naming
// the field. The invoice and payment configuration rules are the ones of docs/api-car.md (CAR-ST-INV,
// CAR-ST-PAY), which the e-bike contract (docs/api-bike.md) reuses.
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "storage/repositories/station_common.hpp"

namespace zc::station {

void check_status_value(int64_t status);  // 0 or 1
// Non-empty, at most `max_len` code points.
void check_name(const std::string& field, const std::string& value, size_t max_len = 50);
// 1 对外开放, 2 内部专用, 3 个人私桩.
void check_operation_type(int64_t operation_type);
// "HH:MM-HH:MM" (end may be 24:00); empty → "00:00-24:00".
void normalise_opening_hours(std::string& hours, const std::string& field = "openingHours");
// Micro-degrees within ±180 / ±90.
void check_coordinates(const std::optional<int64_t>& longitude, const std::optional<int64_t>& latitude);
// Empty → Asia/Shanghai; unknown zone → 400.
void normalise_timezone(std::string& tz);
// A device's factory id: 1–32 letters, digits, - or _ ("factoryNo: …").
void check_factory_no(const std::string& factory_no);
// A calendar date "YYYY-MM-DD" ("" allowed).
void check_date(const std::string& field, const std::string& value);

// A taxpayer id (统一社会信用代码 / 纳税人识别号): 15–20 digits or capital letters.
bool is_taxpayer_id(const std::string& s);
// Invoice configuration (merchant no., company, taxpayer id 15–20 [0-9A-Z], tax rates 0–10000 in 0.01 %,
// phone).
void validate_invoice_fields(const db::station::InvoiceFields& f);

// The payment configuration document {leshua, suixingpay, wechat} from a request body (or the stored
// document), validated and normalised. `stored` supplies the write-only WeChat API v3 key when the body
// sends "******". Split ratios in 0.01 %, sum ≤ 10000 (`splitAccounts: 分账比例合计不能超过100%`).
boost::json::object parse_pay_config(const boost::json::object& body, const boost::json::object& stored);
// At least one enabled method with its merchant id.
bool pay_configured(const boost::json::object& cfg);
// The document as the API returns it: the API v3 key masked ("******" when set, "" otherwise).
void mask_pay_secrets(boost::json::object& cfg);
inline constexpr const char* kMaskedSecret = "******";

}  // namespace zc::station
