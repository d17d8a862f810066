// Collective accounts (MEM-COLL): a company or residents' group whose cards are paid from its balance.
#include "core/error.hpp"
#include "service/member/member_common.hpp"
#include "service/member/member_services.hpp"
#include "service/system/context.hpp"
#include "service/system/rules.hpp"
#include "storage/repositories/member_collective.hpp"
#include "storage/repositories/member_ledger.hpp"

namespace zc::member {

namespace json = boost::json;
using db::member::CollectiveRepo;

static db::member::CollectiveFields fields_of(const CollectiveInput& in) {
  sys::check_email("email", in.email);
  sys::check_contact_phone("phone", in.phone);
  return {in.name, in.email, in.contact, in.phone, in.address, in.remark};
}

db::Page CollectiveService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) { return CollectiveRepo(c).list(q, p.scope); });
}

json::object CollectiveService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](db::Connection& c) { return CollectiveRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("集体户不存在");
  return *row;
}

json::array CollectiveService::options(std::optional<int64_t> property_id, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) { return CollectiveRepo(c).options(property_id, p.scope); });
}

int64_t CollectiveService::create(const CollectiveInput& in, const Principal& p) {
  auto f = fields_of(in);
  return ctx_.db.write([&](db::Connection& c) {
    sys::Owner owner = sys::property_owner(c, in.property_id, p);
    return CollectiveRepo(c).insert(owner.provider_id, owner.property_id, f, p.user_name, ctx_.clock.now());
  });
}

void CollectiveService::update(const CollectiveInput& in, const Principal& p) {
  auto f = fields_of(in);
  ctx_.db.write([&](db::Connection& c) {
    CollectiveRepo repo(c);
    if (!repo.find(in.id, p.scope)) fail_not_found("集体户不存在");
    repo.update(in.id, f, p.user_name, ctx_.clock.now());
  });
}

void CollectiveService::change_status(int64_t id, int64_t status, const Principal& p) {
  sys::check_status("status", status);
  ctx_.db.write([&](db::Connection& c) {
    CollectiveRepo repo(c);
    if (!repo.find(id, p.scope)) fail_not_found("集体户不存在");
    repo.set_flag(id, "status", status, p.user_name, ctx_.clock.now());
  });
}

void CollectiveService::lock(int64_t id, int64_t locked, const Principal& p) {
  if (locked != 0 && locked != 1) fail_bad_request("locked: 只能是0或1");
  ctx_.db.write([&](db::Connection& c) {
    CollectiveRepo repo(c);
    if (!repo.find(id, p.scope)) fail_not_found("集体户不存在");
    repo.set_flag(id, "locked", locked, p.user_name, ctx_.clock.now());
  });
}

// Money received at the counter goes into the collective's account: counter −, collective +.
int64_t CollectiveService::top_up(int64_t id, int64_t amount, const std::string& remark, const Principal& p) {
  check_amount("amount", amount, 100'000'000);
  return ctx_.db.write([&](db::Connection& c) {
    CollectiveRepo repo(c);
    auto acc = repo.find(id, p.scope);
    if (!acc) fail_not_found("集体户不存在");
    if (acc->status != 0) fail_conflict("集体户已停用，不能充值");
    const int64_t now = now_ms();  // money moves on the system clock, as payments do
    auto balance = repo.add_balance(id, amount, now);
    db::member::Movement m;
    m.txn_no = "ctop:" + movement_no('C');
    m.kind = "collective_topup";
    m.order_type = "collective";
    m.provider_id = acc->provider_id;
    m.property_id = acc->property_id;
    m.collective_id = id;
    m.remark = remark;
    db::member::MemberLedgerRepo(c).post(
        m, {{db::member::kCounter, -amount}, {db::member::collective_account(id), amount}}, now);
    return balance.value_or(0);
  });
}

db::Page CollectiveService::ledger(int64_t id, const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) {
    if (!CollectiveRepo(c).find(id, p.scope)) fail_not_found("集体户不存在");
    return db::member::MemberLedgerRepo(c).of_collective(id, q);
  });
}

}  // namespace zc::member
