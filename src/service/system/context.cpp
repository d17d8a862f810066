#include "service/system/context.hpp"

#include "core/error.hpp"
#include "storage/repositories/member_collective.hpp"
#include "storage/repositories/system_provider.hpp"

namespace zc::sys {

static void provider_usable(const db::sys::ProviderRec& p) {
  if (p.status != 0) throw ApiError(409, "服务商已停用，不能在其下新增数据：" + p.name);
  if (p.audit_status != 1) throw ApiError(409, "服务商未审核通过，不能在其下新增数据：" + p.name);
}

void check_owner_enabled(db::Connection& c, const Owner& owner) {
  if (owner.provider_id) {
    auto p = db::sys::ProviderRepo(c).find(owner.provider_id);
    if (!p) fail_not_found("服务商不存在");
    if (p->status != 0) throw ApiError(409, "服务商已停用，不能在其下新增数据：" + p->name);
  }
  if (owner.property_id) {
    auto pr = db::sys::PropertyRepo(c).find(owner.property_id);
    if (!pr) fail_not_found("物业不存在");
    if (pr->status != 0) throw ApiError(409, "物业已停用，不能在其下新增数据：" + pr->name);
  }
}

Owner resolve_owner(db::Connection& c, const OwnerRequest& req, const Principal& caller) {
  const DataScope& scope = caller.scope;
  Owner o;
  o.type = req.type;
  switch (req.type) {
    case UserType::system:
      if (!scope.all()) fail_forbidden("只有系统用户可以管理系统类型的数据");
      return o;
    case UserType::provider: {
      if (!req.provider_id) fail_bad_request("providerId: 不能为空");
      auto p = db::sys::ProviderRepo(c).find(*req.provider_id);
      o.provider_id = *req.provider_id;
      if (!p || !owner_in_scope(o, scope)) fail_not_found("providerId: 服务商不存在");
      provider_usable(*p);
      return o;
    }
    case UserType::property: {
      if (!req.property_id) fail_bad_request("propertyId: 不能为空");
      // First in the scope: a property outside it is answered as a missing one (SYS-SCOPE).
      auto pr = db::sys::PropertyRepo(c).find(*req.property_id);
      if (!pr) fail_not_found("propertyId: 物业不存在");
      o.provider_id = pr->provider_id;
      o.property_id = pr->id;
      if (!owner_in_scope(o, scope)) fail_not_found("propertyId: 物业不存在");
      if (req.provider_id && *req.provider_id != pr->provider_id)
        fail_bad_request("providerId: 与物业所属的服务商不一致");
      auto p = db::sys::ProviderRepo(c).find(pr->provider_id);
      if (p && p->status != 0) throw ApiError(409, "服务商已停用，不能在其下新增数据：" + p->name);
      if (pr->status != 0) throw ApiError(409, "物业已停用，不能在其下新增数据：" + pr->name);
      return o;
    }
    case UserType::collective: {
      // A collective account of the member center (MEM-COLL), within the caller's scope.
      if (!req.collective_id || *req.collective_id <= 0) fail_bad_request("collectiveId: 不能为空");
      auto acc = db::member::CollectiveRepo(c).find(*req.collective_id, scope);
      if (!acc) fail_not_found("collectiveId: 集体户不存在");
      o.provider_id = acc->provider_id;
      o.property_id = acc->property_id;
      o.collective_id = acc->id;
      if (acc->status != 0) throw ApiError(409, "集体户已停用，不能在其下新增数据：" + acc->name);
      return o;
    }
  }
  return o;
}

Owner property_owner(db::Connection& c, std::optional<int64_t> property_id, const Principal& caller) {
  OwnerRequest req;
  req.type = UserType::property;
  req.property_id = property_id;
  if (!req.property_id && caller.scope.kind == UserType::property) req.property_id = caller.scope.property_id;
  return resolve_owner(c, req, caller);
}

}  // namespace zc::sys
