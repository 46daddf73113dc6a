// Whose figures a statistics request shows, decided without I/O from the caller and the
// organisation: her municipality or a department of it she may see, or (for the roles allowed)
// the national view across every municipality of the deployment. The caller loads the facts
// (OrgFacts) first; the rule here only decides.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/result.h"

namespace atb::reports {

/// What a statistics request covers.
struct StatisticsScope {
  bool national = false;                        ///< every municipality; figures are suppressed
  std::optional<std::int64_t> municipality_id;  ///< set unless national
  std::vector<std::int64_t> department_ids;     ///< empty: every department of the municipality
};

/// The organisation as far as the rule needs it.
struct OrgFacts {
  std::set<std::int64_t> municipalities;                  ///< ids that exist
  std::map<std::int64_t, std::int64_t> department_owner;  ///< department id → its municipality
};

/// The query texts naming the scope ("" or absent = the default).
struct ScopeRequest {
  std::optional<std::string> municipality;  ///< an id, or "national"
  std::optional<std::string> department;    ///< an id
};

/// Statistics at all: the case roles (social worker, supervisor, department head, director) and
/// benefits officers; partners, administrators and the auditor are refused (403).
Result<void> may_see_statistics(const access::Principal& p);

/// The national view (figures of every municipality together, small cells suppressed): the
/// director only. The access model has no ministry role; a director reads her whole
/// municipality's records, and aggregated, suppressed figures of others carry no personal data.
bool may_see_national(const access::Principal& p);

/// The scope of a request by `p`:
/// - municipality absent or her own → her municipality; "national" → every municipality when
///   may_see_national (403 otherwise); another municipality that exists → 403; one that does
///   not → 404; not an integer or "national" → 422 naming `municipality`;
/// - department absent → the director: every department; the other roles: the departments of
///   their teams (403 when they have none); a department → only it: 422 when not an integer or
///   asked with the national view, 404 when it is not a department of that municipality, 403
///   when the caller may not see it (not the director, not one of her departments).
Result<StatisticsScope> resolve_scope(const access::Principal& p, const ScopeRequest& request,
                                      const OrgFacts& org);

}  // namespace atb::reports
