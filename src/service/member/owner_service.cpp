// Car owners (MEM-OWNER) and members (MEM-MEMBER): the app users an operator sees, and those holding its
// cards. A disabled owner cannot sign in to the app nor be issued cards (app_user.status).
#include <algorithm>

#include "core/error.hpp"
#include "service/driver/plate.hpp"
#include "service/member/member_common.hpp"
#include "service/member/member_services.hpp"
#include "service/system/context.hpp"
#include "service/system/rules.hpp"
#include "storage/repositories/member_card.hpp"
#include "storage/repositories/member_owner.hpp"

namespace zc::member {

namespace json = boost::json;
using db::member::OwnerRepo;

// Plates as typed → canonical, unique, at most 5 (400 naming the field).
static std::vector<std::string> checked_plates(const std::vector<std::string>& typed) {
  std::vector<std::string> out;
  for (const std::string& t : typed) {
    auto plate = driver::normalize_plate(t);
    if (!plate) fail_bad_request("plates: 车牌号格式不正确：" + t);
    if (std::find(out.begin(), out.end(), *plate) == out.end()) out.push_back(*plate);
  }
  if (out.size() > static_cast<size_t>(driver::kMaxPlatesPerUser)) fail_bad_request("plates: 最多5个车牌");
  return out;
}

static db::member::OwnerFields owner_fields(const OwnerInput& in) {
  if (in.gender != "" && in.gender != "male" && in.gender != "female")
    fail_bad_request("gender: 只能是male、female或空");
  return {in.nickname, in.real_name, in.gender, in.remark};
}

db::Page OwnerService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) { return OwnerRepo(c).list(q, p.scope); });
}

json::object OwnerService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](db::Connection& c) { return OwnerRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("车主不存在");
  return *row;
}

int64_t OwnerService::create(const OwnerInput& in, const Principal& p) {
  sys::require_mobile("phone", in.phone);
  auto f = owner_fields(in);
  auto plates = checked_plates(in.plates);
  return ctx_.db.write([&](db::Connection& c) {
    std::optional<int64_t> provider_id, property_id;
    if (!p.scope.all() || in.property_id) {
      sys::Owner owner = sys::property_owner(c, in.property_id, p);
      provider_id = owner.provider_id;
      property_id = owner.property_id;
    }
    OwnerRepo repo(c);
    if (repo.find_by_phone(in.phone)) fail_conflict("phone: 手机号已注册");
    const int64_t now = ctx_.clock.now();
    int64_t id = repo.insert(in.phone, f, provider_id, property_id, p.user_name, now);
    repo.replace_plates(id, plates, now);
    return id;
  });
}

void OwnerService::update(const OwnerInput& in, const Principal& p) {
  auto f = owner_fields(in);
  auto plates = checked_plates(in.plates);
  ctx_.db.write([&](db::Connection& c) {
    OwnerRepo repo(c);
    if (!repo.find(in.id, p.scope)) fail_not_found("车主不存在");
    const int64_t now = ctx_.clock.now();
    repo.update(in.id, f, now);
    repo.replace_plates(in.id, plates, now);
  });
}

void OwnerService::verify(int64_t id, int64_t verified, const Principal& p) {
  if (verified != 0 && verified != 1) fail_bad_request("verified: 只能是0或1");
  ctx_.db.write([&](db::Connection& c) {
    OwnerRepo repo(c);
    if (!repo.find(id, p.scope)) fail_not_found("车主不存在");
    repo.set_verified(id, verified, p.user_name, ctx_.clock.now());
  });
}

void OwnerService::change_status(int64_t id, int64_t status, const Principal& p) {
  sys::check_status("status", status);
  ctx_.db.write([&](db::Connection& c) {
    OwnerRepo repo(c);
    if (!repo.find(id, p.scope)) fail_not_found("车主不存在");
    repo.set_status(id, status, ctx_.clock.now());
  });
}

db::Page OwnerService::members(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) { return db::member::CardRepo(c).members(q, p.scope); });
}

json::object OwnerService::member(int64_t user_id, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) {
    db::member::CardRepo cards(c);
    if (!cards.holds_card_in_scope(user_id, p.scope)) fail_not_found("会员不存在");
    auto row = OwnerRepo(c).detail(user_id, DataScope{});
    if (!row) fail_not_found("会员不存在");
    (*row)["userId"] = user_id;
    (*row)["cards"] = cards.of_user(user_id, p.scope);
    return *row;
  });
}

void OwnerService::update_member(const OwnerInput& in, const Principal& p) {
  auto plates = checked_plates(in.plates);
  ctx_.db.write([&](db::Connection& c) {
    if (!db::member::CardRepo(c).holds_card_in_scope(in.id, p.scope)) fail_not_found("会员不存在");
    OwnerRepo repo(c);
    const int64_t now = ctx_.clock.now();
    repo.update_names(in.id, in.nickname, in.real_name, now);
    repo.replace_plates(in.id, plates, now);
  });
}

}  // namespace zc::member
