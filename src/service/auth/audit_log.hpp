#pragma once
// Writes the operation log (who changed what, when, from where) for the HTTP pipeline.
#include "core/request_hooks.hpp"
#include "storage/database.hpp"
#include "storage/repositories/auth_repository.hpp"

namespace zc::auth {

class AuditLog final : public AuditSink {
 public:
  explicit AuditLog(db::Database& db) : db_(db) {}
  void record_operation(const OperationRecord& r) override;

 private:
  db::Database& db_;
  db::AuthRepository repo_;
};

}  // namespace zc::auth
