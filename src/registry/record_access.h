// Opening one registry record for a user: load its scope, ask the policy, honour break-glass.
// A record she may not see answers not_found, exactly as a record that does not exist.
#pragma once

#include <cstdint>

#include "access/model.h"
#include "access/policy.h"
#include "access/record_scope.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::registry {

/// The verdict for one record.
struct Opened {
  access::Access access = access::Access::none;
  bool break_glass = false;  ///< readable only because she opened it by break-glass
  bool sensitive = false;    ///< she may see special-category fields
  access::RegistryScope scope;
};

/// Whether `p` opened the record by break-glass in her current session.
Result<bool> break_glass_open(storage::Connection& c, const access::Principal& p, std::string_view entity_type,
                              std::int64_t id);

/// Opens a person or household for reading (`need` = read) or changing (`need` = change).
/// not_found when it does not exist or is out of scope; forbidden when she may read but not change.
Result<Opened> open_record(storage::Connection& c, const access::Principal& p, const access::RegistryTables& tables,
                           std::int64_t id, access::Access need);

/// "Who looked at this" for a person or household: the record must be in the caller's own
/// scope (not opened by break-glass); not_found otherwise, and for other entity types.
Result<void> may_see_entity_audit(storage::Connection& c, const access::Principal& p, std::string_view type,
                                  std::string_view id);

}  // namespace atb::registry
