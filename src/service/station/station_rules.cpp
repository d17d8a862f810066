#include "service/station/station_rules.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "core/timezone.hpp"
#include "service/system/rules.hpp"

namespace zc::station {

namespace json = boost::json;

void check_status_value(int64_t status) {
  if (status != 0 && status != 1) fail_bad_request("status: 只能是0（正常）或1（停用）");
}

void check_name(const std::string& field, const std::string& value, size_t max_len) {
  if (value.empty()) fail_bad_request(field + ": 不能为空");
  if (utf8_length(value) > max_len)
    fail_bad_request(field + ": 长度不能超过" + std::to_string(max_len) + "个字符");
}

void check_operation_type(int64_t operation_type) {
  if (operation_type < 1 || operation_type > 3)
    fail_bad_request("operationType: 只能是1（对外开放）、2（内部专用）或3（个人私桩）");
}

static bool valid_hhmm(std::string_view s, bool allow_24) {
  if (s.size() != 5 || s[2] != ':') return false;
  for (size_t i : {0u, 1u, 3u, 4u})
    if (s[i] < '0' || s[i] > '9') return false;
  int h = (s[0] - '0') * 10 + (s[1] - '0');
  int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (m > 59) return false;
  return h < 24 || (allow_24 && h == 24 && m == 0);
}

void normalise_opening_hours(std::string& h, const std::string& field) {
  if (h.empty()) h = "00:00-24:00";
  if (h.size() != 11 || h[5] != '-' || !valid_hhmm(std::string_view(h).substr(0, 5), false) ||
      !valid_hhmm(std::string_view(h).substr(6, 5), true))
    fail_bad_request(field + ": 格式应为HH:MM-HH:MM，例如00:00-24:00");
}

void check_coordinates(const std::optional<int64_t>& longitude, const std::optional<int64_t>& latitude) {
  if (longitude && (*longitude < -180000000 || *longitude > 180000000))
    fail_bad_request("longitude: 必须在-180到180之间");
  if (latitude && (*latitude < -90000000 || *latitude > 90000000))
    fail_bad_request("latitude: 必须在-90到90之间");
}

void normalise_timezone(std::string& tz) {
  if (tz.empty()) tz = std::string(kDefaultTimeZone);
  if (!TimeZone::find(tz)) fail_bad_request("timezone: 时区无效：" + tz);
}

void check_factory_no(const std::string& s) {
  bool ok = !s.empty() && s.size() <= 32 && std::all_of(s.begin(), s.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '-' ||
           ch == '_';
  });
  if (!ok) fail_bad_request("factoryNo: 应为1到32位字母、数字、-或_");
}

void check_date(const std::string& field, const std::string& v) {
  if (v.empty()) return;
  bool shape = v.size() == 10 && v[4] == '-' && v[7] == '-';
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (shape && (v[i] < '0' || v[i] > '9')) shape = false;
  if (shape) {
    int y = std::stoi(v.substr(0, 4)), m = std::stoi(v.substr(5, 2)), d = std::stoi(v.substr(8, 2));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max_d = m >= 1 && m <= 12 ? days[m - 1] + (m == 2 && leap ? 1 : 0) : 0;
    if (y >= 1970 && y <= 2100 && d >= 1 && d <= max_d) return;
  }
  fail_bad_request(field + ": 日期格式应为YYYY-MM-DD");
}

// ---- invoice configuration ------------------------------------------------------------------------

bool is_taxpayer_id(const std::string& s) {
  if (s.size() < 15 || s.size() > 20) return false;
  for (char ch : s)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z'))) return false;
  return true;
}

void validate_invoice_fields(const db::station::InvoiceFields& f) {
  if (f.merchant_no.empty()) fail_bad_request("merchantNo: 不能为空");
  if (f.company_name.empty()) fail_bad_request("companyName: 不能为空");
  if (!is_taxpayer_id(f.taxpayer_id)) fail_bad_request("taxpayerId: 纳税人识别号应为15到20位数字或大写字母");
  for (auto [field, rate] : {std::pair{"electricityTaxRate", f.electricity_tax_rate},
                             std::pair{"serviceTaxRate", f.service_tax_rate}})
    if (rate < 0 || rate > 10000) fail_bad_request(std::string(field) + ": 必须在0到10000（0.01%）之间");
  sys::check_contact_phone("phone", f.phone);
}

// ---- payment configuration ------------------------------------------------------------------------

static const json::object* sub(const json::object& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end() || it->value().is_null()) return nullptr;
  if (!it->value().is_object()) fail_bad_request(std::string(key) + ": 应为对象");
  return &it->value().as_object();
}

static bool flag(const json::object& o, const std::string& path, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return false;
  if (it->value().is_bool()) return it->value().as_bool();
  if (it->value().is_int64() && (it->value().as_int64() == 0 || it->value().as_int64() == 1))
    return it->value().as_int64() == 1;
  fail_bad_request(path + "." + key + ": 应为布尔值");
}

static std::string text(const json::object& o, const std::string& path, const char* key,
                        size_t max_len = 64) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return "";
  if (!it->value().is_string()) fail_bad_request(path + "." + key + ": 应为字符串");
  return checked_text(path + "." + key, std::string_view(it->value().as_string()), max_len, TextKind::line);
}

json::object parse_pay_config(const json::object& body, const json::object& stored) {
  json::object out;
  json::object empty;
  // LeShua (乐刷): merchant no., profit sharing with split accounts whose ratios (0.01 %) sum ≤ 100 %.
  {
    const json::object* in = sub(body, "leshua");
    const json::object& o = in ? *in : empty;
    bool enabled = flag(o, "leshua", "enabled");
    std::string merchant = text(o, "leshua", "merchantNo");
    bool sharing = flag(o, "leshua", "profitSharing");
    if (enabled && merchant.empty()) fail_bad_request("leshua.merchantNo: 启用乐刷时商户号不能为空");
    json::array accounts;
    int64_t sum = 0;
    if (auto it = o.find("splitAccounts"); it != o.end() && !it->value().is_null()) {
      if (!it->value().is_array()) fail_bad_request("splitAccounts: 应为数组");
      const auto& arr = it->value().as_array();
      if (arr.size() > 20) fail_bad_request("splitAccounts: 最多20个分账账号");
      for (size_t i = 0; i < arr.size(); ++i) {
        std::string path = "splitAccounts[" + std::to_string(i) + "]";
        if (!arr[i].is_object()) fail_bad_request(path + ": 应为对象");
        const auto& a = arr[i].as_object();
        std::string account = text(a, path, "account");
        if (account.empty()) fail_bad_request(path + ".account: 不能为空");
        std::string name = text(a, path, "name", 50);
        std::string type = text(a, path, "type", 10);
        if (type.empty()) type = "merchant";
        if (type != "merchant" && type != "personal")
          fail_bad_request(path + ".type: 只能是merchant（商户）或personal（个人）");
        for (const auto& seen : accounts)
          if (seen.as_object().at("account").as_string() == account)
            fail_bad_request(path + ".account: 分账账号重复");
        auto r = a.find("ratio");
        if (r == a.end() || !r->value().is_int64()) fail_bad_request(path + ".ratio: 应为整数（0.01%）");
        int64_t ratio = r->value().as_int64();
        if (ratio <= 0 || ratio > 10000) fail_bad_request(path + ".ratio: 必须在1到10000（0.01%）之间");
        sum += ratio;
        json::object e;
        e["account"] = account;
        e["name"] = name;
        e["type"] = type;
        e["ratio"] = ratio;
        accounts.push_back(std::move(e));
      }
    }
    if (sum > 10000) fail_bad_request("splitAccounts: 分账比例合计不能超过100%");
    if (enabled && sharing && accounts.empty())
      fail_bad_request("splitAccounts: 开启分账时至少需要一个分账账号");
    json::object l;
    l["enabled"] = enabled;
    l["merchantNo"] = merchant;
    l["profitSharing"] = sharing;
    l["splitAccounts"] = std::move(accounts);
    out["leshua"] = std::move(l);
  }
  // Suixingpay (随行付).
  {
    const json::object* in = sub(body, "suixingpay");
    const json::object& o = in ? *in : empty;
    bool enabled = flag(o, "suixingpay", "enabled");
    std::string merchant = text(o, "suixingpay", "merchantNo");
    if (enabled && merchant.empty()) fail_bad_request("suixingpay.merchantNo: 启用随行付时商户号不能为空");
    json::object s;
    s["enabled"] = enabled;
    s["merchantNo"] = merchant;
    s["orgId"] = text(o, "suixingpay", "orgId");
    out["suixingpay"] = std::move(s);
  }
  // WeChat Pay v3: the API v3 key is write-only ("******" keeps the stored one).
  {
    const json::object* in = sub(body, "wechat");
    const json::object& o = in ? *in : empty;
    bool enabled = flag(o, "wechat", "enabled");
    std::string mch = text(o, "wechat", "mchId");
    std::string app = text(o, "wechat", "appId");
    std::string key = text(o, "wechat", "apiV3Key");
    if (key == kMaskedSecret) {
      key.clear();
      if (auto it = stored.find("wechat"); it != stored.end() && it->value().is_object()) {
        const auto& sw = it->value().as_object();
        if (auto k = sw.find("apiV3Key"); k != sw.end() && k->value().is_string())
          key = std::string(k->value().as_string());
      }
      if (key.empty()) fail_bad_request("wechat.apiV3Key: 尚未设置，请输入APIv3密钥");
    }
    if (!key.empty() && key.size() != 32) fail_bad_request("wechat.apiV3Key: APIv3密钥应为32个字符");
    if (enabled) {
      if (mch.empty()) fail_bad_request("wechat.mchId: 启用微信支付时商户号不能为空");
      if (app.empty()) fail_bad_request("wechat.appId: 启用微信支付时AppID不能为空");
      if (key.empty()) fail_bad_request("wechat.apiV3Key: 启用微信支付时APIv3密钥不能为空");
    }
    json::object w;
    w["enabled"] = enabled;
    w["mchId"] = mch;
    w["appId"] = app;
    w["serialNo"] = text(o, "wechat", "serialNo");
    w["apiV3Key"] = key;
    out["wechat"] = std::move(w);
  }
  return out;
}

bool pay_configured(const json::object& cfg) {
  auto on = [&](const char* k, const char* id) {
    const auto& o = cfg.at(k).as_object();
    return o.at("enabled").as_bool() && !o.at(id).as_string().empty();
  };
  return on("leshua", "merchantNo") || on("suixingpay", "merchantNo") || on("wechat", "mchId");
}

void mask_pay_secrets(json::object& cfg) {
  auto& w = cfg["wechat"].as_object();
  w["apiV3Key"] = w["apiV3Key"].as_string().empty() ? "" : kMaskedSecret;
}

}  // namespace zc::station
