#include "service/auth/audit_log.hpp"

#include "core/clock.hpp"

namespace zc::auth {

void AuditLog::record_operation(const OperationRecord& r) {
  db::AuthRepository::OperLog e;
  e.title = r.title;
  e.business_type = r.business_type;
  e.method = r.method;
  e.request_method = r.request_method;
  e.oper_name = r.principal ? r.principal->user_name : "";
  e.url = r.url;
  e.ip = r.ip;
  e.param = r.param;
  e.result = r.result;
  e.status = r.status;
  e.error = r.error;
  e.cost_ms = r.cost_ms;
  if (r.principal) {
    e.provider_id = r.principal->scope.provider_id;
    e.property_id = r.principal->scope.property_id;
  }
  db_.write([&](db::Connection& c) { repo_.insert_oper_log(c, e, now_ms()); });
}

}  // namespace zc::auth
