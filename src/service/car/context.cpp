#include "service/car/context.hpp"

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "service/system/context.hpp"

namespace zc::car {

namespace json = boost::json;

db::car::StationRec station_in_scope(db::Connection& c, int64_t id, const Principal& p,
                                     const std::string& field) {
  db::car::StationRepo repo(c);
  auto s = repo.find(id);
  if (!s || !repo.in_scope(id, p.scope)) fail_not_found(field + ": 电站不存在");
  return *s;
}

void require_station_enabled(db::Connection& c, const db::car::StationRec& s) {
  sys::Owner o;
  o.type = UserType::property;
  o.provider_id = s.provider_id;
  o.property_id = s.property_id;
  sys::check_owner_enabled(c, o);
  if (s.status != 0) fail_conflict("电站已停用，不能在其下新增数据：" + s.name);
}

db::car::AreaRec area_of_station(db::Connection& c, int64_t area_id, int64_t station_id, const Principal& p) {
  db::car::AreaRepo repo(c);
  auto a = repo.find(area_id);
  if (!a || !repo.in_scope(area_id, p.scope)) fail_not_found("areaId: 区域不存在");
  if (a->station_id != station_id) fail_bad_request("areaId: 区域不属于所选电站");
  return *a;
}

void require_area_enabled(const db::car::AreaRec& a) {
  if (a.status != 0) fail_conflict("区域已停用，不能在其下新增数据：" + a.name);
}

db::car::Owned owned_by(const db::car::StationRec& s) {
  return {s.provider_id, s.property_id, s.id};
}

json::object command_outcome(const devices::CommandReply& reply) {
  switch (reply.result) {
    case devices::CommandResult::accepted: {
      json::object o;
      o["result"] = "accepted";
      o["message"] = reply.message;
      return o;
    }
    case devices::CommandResult::rejected:
      fail_conflict("设备拒绝执行: " + (reply.message.empty() ? std::string("未说明原因") : reply.message));
    case devices::CommandResult::timeout:
      fail_conflict("设备响应超时");
    case devices::CommandResult::offline:
      break;
  }
  fail_conflict("设备不在线，无法执行");
}

std::string public_base(const Config& cfg) {
  std::string s = cfg.app.public_url;
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

std::string gun_qr_url(const Config& cfg, const std::string& gun_code) {
  return public_base(cfg) + "/app/gun/" + gun_code;
}

std::string pile_qr_url(const Config& cfg, const std::string& pile_code) {
  return public_base(cfg) + "/app/pile/" + pile_code;
}

std::string private_apply_url(const Config& cfg, int64_t station_id) {
  return public_base(cfg) + "/m/private-apply?stationId=" + std::to_string(station_id);
}

void check_status_value(int64_t status) {
  if (status != 0 && status != 1) fail_bad_request("status: 只能是0（正常）或1（停用）");
}

void check_name(const std::string& field, const std::string& value, size_t max_len) {
  if (value.empty()) fail_bad_request(field + ": 不能为空");
  if (utf8_length(value) > max_len)
    fail_bad_request(field + ": 长度不能超过" + std::to_string(max_len) + "个字符");
}

}  // namespace zc::car

#include "export/qr_templates.hpp"

namespace zc::car {

std::string qr_label_png(const std::string& tmpl, const std::string& url, const std::string& title,
                         const std::string& code, const std::string& subtitle) {
  auto t = parse_qr_template(tmpl.empty() ? "plain" : tmpl);
  if (!t) fail_bad_request("template: 只能是plain、labelled或card");
  QrLabel label;
  label.tmpl = *t;
  label.qr_text = url;
  label.title = title;
  label.code = code;
  label.subtitle = subtitle;
  return render_qr_label(label);
}

}  // namespace zc::car
