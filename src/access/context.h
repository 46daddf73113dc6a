// What the identity routes and every guarded route share: the database, the session rules,
// the password rules, the key for secrets at rest, the audit log and the login service.
#pragma once

#include <memory>

#include "access/auth.h"
#include "access/login.h"
#include "access/password.h"
#include "audit/log.h"
#include "core/secret_box.h"
#include "storage/database.h"

namespace atb::access {

struct Context {
  std::shared_ptr<storage::Database> db;
  AuthSettings auth;
  const PasswordPolicy* passwords = nullptr;
  const SecretBox* box = nullptr;
  audit::AuditLog* audit = nullptr;
  LoginService* login = nullptr;
  bool audit_reads = true;  ///< off only in the benchmark that measures auditing's cost
  bool secure_cookies = false;
};

}  // namespace atb::access
