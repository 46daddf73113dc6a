// SQL of the partner register (partner, partner_contact), concern reports (partner_concern),
// information requests (partner_request) and the plan tasks assigned to an institution. No
// access decisions here: the routes ask the policy first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "partners/model.h"
#include "storage/connection.h"

namespace atb::partners {

/// Stores a new institution with its contacts; returns its id. conflict when the name is taken.
Result<std::int64_t> insert_partner(storage::Connection& c, const Partner& p, const std::string& now);
/// Rewrites an institution and replaces its contacts when its version is still `p.version` (and
/// counts the version up); false when it was changed meanwhile. conflict when the name is taken.
Result<bool> update_partner(storage::Connection& c, const Partner& p, const std::string& now);
/// An institution with its contacts, or nullopt.
Result<std::optional<Partner>> load_partner(storage::Connection& c, std::int64_t id);

/// Filters of the register list (empty = any).
struct PartnerFilter {
  std::string q, kind;
  bool include_inactive = false;
};
/// The municipality's institutions by name (without contacts), with the total.
Result<std::pair<std::vector<Partner>, std::int64_t>> list_partners(storage::Connection& c, std::int64_t municipality_id,
                                                                    const PartnerFilter& f, int page, int page_size);
/// The ids of the municipality's active institutions.
Result<std::vector<std::int64_t>> active_partner_ids(storage::Connection& c, std::int64_t municipality_id);

/// Stores a concern report (its intake already stored); returns its id.
Result<std::int64_t> insert_concern(storage::Connection& c, const Concern& k);
/// A concern report with its intake's reference and status, or nullopt.
Result<std::optional<Concern>> load_concern(storage::Connection& c, std::int64_t id);
/// The concern reports a user filed for institution `partner_id` (her institution now:
/// access::concern_access), newest first, with the total.
Result<std::pair<std::vector<Concern>, std::int64_t>> list_concerns(storage::Connection& c, std::int64_t reported_by,
                                                                    std::int64_t partner_id, int page, int page_size);

/// Stores an information request; returns its id.
Result<std::int64_t> insert_request(storage::Connection& c, const InfoRequest& r);
/// An information request with names, or nullopt.
Result<std::optional<InfoRequest>> load_request(storage::Connection& c, std::int64_t id);
/// Filters of request lists: one institution's (partner_id) or a municipality's; status "" = any.
struct RequestFilter {
  std::optional<std::int64_t> partner_id;
  std::int64_t municipality_id = 0;
  std::string status;
};
/// Requests by the filter: open ones by deadline first, then answered ones newest first; with the total.
Result<std::pair<std::vector<InfoRequest>, std::int64_t>> list_requests(storage::Connection& c, const RequestFilter& f,
                                                                        int page, int page_size);
/// Records the answer of an open request; false on a version mismatch or when already answered.
Result<bool> answer_request(storage::Connection& c, std::int64_t id, std::int64_t version, std::int64_t case_id,
                            std::int64_t opinion_id, const std::optional<std::string>& note, std::int64_t by_user,
                            const std::string& now);

/// The institutions a case is referred to: those with tasks of its plan in force, and those
/// whose information request was answered from it.
Result<std::vector<std::int64_t>> case_partner_ids(storage::Connection& c, std::int64_t case_id);

/// Tasks of plans in force of open cases assigned to an institution, nearest due first.
Result<std::vector<PartnerTask>> list_partner_tasks(storage::Connection& c, std::int64_t partner_id);
/// One task by id as the portal shows it (whoever it is assigned to), or nullopt.
Result<std::optional<PartnerTask>> load_partner_task(storage::Connection& c, std::int64_t task_id);

}  // namespace atb::partners
