#pragma once
// Writes the operation log (who changed what, when, from where) for the HTTP pipeline.
#include "http/pipeline.hpp"
#include "storage/database.hpp"
#include "storage/repositories/auth_repository.hpp"

namespace zc::auth {

class AuditLog final : public http::AuditSink {
 public:
  explicit AuditLog(db::Database& db) : db_(db) {}
  void record_operation(const http::OperationRecord& r) override;

 private:
  db::Database& db_;
  db::AuthRepository repo_;
};

}  // namespace zc::auth
