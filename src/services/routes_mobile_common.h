// What the routes of the mobile social service share (routes_mobile.cpp: days, stops, visits,
// the day list; routes_mobile_plans.cpp: a day plan itself): who may plan, the mobile service
// and day plan of a path (404 otherwise), the crew of a body, the audit of a change and the
// plan answered after a change. Contract: docs/api-mobile.md.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "access/context.h"
#include "access/model.h"
#include "core/result.h"
#include "http/router.h"
#include "services/mobile_model.h"
#include "services/model.h"
#include "storage/connection.h"

namespace atb::services {

/// "No such day plan." / "No such stop." (404).
inline const Text kNoPlan{"Dienas plāns nav atrasts.", "No such day plan."};
inline const Text kNoStop{"Pietura nav atrasta.", "No such stop."};

/// A not_found error with the message `what`.
Error mobile_missing(const Text& what);

/// The `{name}` path parameter as an id; not_found with `what` otherwise.
Result<std::int64_t> mobile_path_id(const http::Request& req, const char* name, const Text& what);

/// Planning routes and recording visits: social workers, supervisors and department heads; the
/// director reads only (403), others are refused.
Result<void> may_plan(const access::Principal& p);

/// The mobile service `id` of the caller's municipality: 404 when there is none, or when it is
/// not a mobile social service.
Result<Service> mobile_service(storage::Connection& c, const access::Principal& p, std::int64_t id);

/// The plan `plan_id` of service `service_id` (stops named as `p` may see them); 404 otherwise.
Result<DayPlan> plan_of(storage::Connection& c, const access::Principal& p, std::int64_t service_id,
                        std::int64_t plan_id);

/// The `crew` member of a body: ids (at most 10), none twice — 422 naming crew. Absent or null
/// is an empty crew.
Result<std::vector<std::int64_t>> crew_ids_member(const nlohmann::json& body);
/// The crew `ids` as active users of the caller's municipality (422 naming crew otherwise).
Result<std::vector<CrewMember>> crew_of(storage::Connection& c, const access::Principal& p,
                                        const std::vector<std::int64_t>& ids);

/// 409 naming route: the service already has a plan of that route on that day.
Error route_taken_error();

/// Appends the audit entry of a change (inside the write transaction).
Result<void> audit_change(storage::Connection& c, const access::Principal& p,
                          const http::Request& req, const std::string& action, const char* type,
                          std::int64_t id, const std::string& reason);

/// The plan `plan_id` as the caller sees it (after a change, in the same transaction).
Result<nlohmann::json> plan_answer(storage::Connection& c, const access::Principal& p,
                                   std::int64_t service_id, std::int64_t plan_id);

/// Answers a plan after a change with `status`, auditing the stops it names as a list (entity
/// mobile_stop).
Result<http::Response> answer_plan(const access::Context& ctx, const access::Principal& p,
                                   const http::Request& req, const nlohmann::json& plan,
                                   int status);

}  // namespace atb::services
