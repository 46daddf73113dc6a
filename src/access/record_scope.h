// The access policy for client records: registry records (persons and households), decided
// from where the record is registered; social-assistance applications; cases and intakes,
// decided from their team and workers. The same rule exists in two forms, kept
// together so they cannot drift apart: a pure function for one record, and a SQL predicate
// for lists and search (the policy is applied in the query, not by filtering afterwards).
// Tests check that both agree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "access/model.h"
#include "access/policy.h"
#include "core/result.h"
#include "storage/value.h"

namespace atb::access {

/// Where a registry record belongs: the teams and departments it is registered in, and the
/// workers and partner institutions of the cases that refer to it (later issues fill these).
struct RegistryScope {
  std::int64_t municipality_id = 0;
  std::vector<std::int64_t> team_ids;
  std::vector<std::int64_t> department_ids;
  std::vector<std::int64_t> assigned_user_ids;
  std::vector<std::int64_t> partner_ids;
};

/// Access of `p` to a person or household (before break-glass):
/// social worker and supervisor: records registered in their teams (change);
/// department head: in her departments (change); director: the municipality (read);
/// benefits officer: basics of every person of the municipality (read), change where
/// registered in her departments; partner: records of cases referred to her institution (read);
/// admin and auditor: nothing.
Access registry_access(const Principal& p, const RegistryScope& scope);

/// Whether `p` may see special-category fields (health, disability) of a record she may read
/// without break-glass: the case roles, not benefit officers or partners.
bool may_see_registry_sensitive(const Principal& p, const RegistryScope& scope);

/// Searching the registry: the client roles (not partners, administrators or the auditor).
Result<void> may_search_registry(const Principal& p);
/// Exporting the persons list (a whole list, not a search): the director (her municipality) and
/// department heads (their departments); the rows are still those registry_visible_sql gives.
/// Social workers, supervisors and benefits officers export only search results; partners,
/// administrators and the auditor see no registry record at all.
Result<void> may_export_registry(const Principal& p);
/// Registering clients at all (social worker, supervisor, department head, benefits officer).
Result<void> may_register(const Principal& p);
/// Registering a person or household in `team_id`: a member of that team with a role that
/// changes records (social worker, supervisor, department head, benefits officer).
Result<void> may_register_in_team(const Principal& p, std::int64_t team_id);
/// Merging and splitting persons: supervisors and department heads.
Result<void> may_merge(const Principal& p);
/// Break-glass: any staff user in a browser session (not with an API token).
Result<void> may_break_glass(const Principal& p);
/// Seeing the break-glass list: supervisors, department heads, directors, the auditor.
Result<void> may_see_break_glass_list(const Principal& p);

/// Tables a registry record's scope comes from.
struct RegistryTables {
  std::string_view registration;  ///< e.g. "person_registration"
  std::string_view owner_column;  ///< e.g. "person_id"
  std::string_view entity_type;   ///< break-glass entity type, e.g. "person"
};
inline constexpr RegistryTables kPersonTables{"person_registration", "person_id", "person"};
inline constexpr RegistryTables kHouseholdTables{"household_registration", "household_id", "household"};

/// A SQL boolean expression, true when `p` may read the record whose id is `id_column` and
/// whose municipality is `municipality_column` (before break-glass). Ids are the principal's
/// own (integers), written as literals.
std::string registry_visible_sql(const Principal& p, const RegistryTables& tables,
                                 std::string_view id_column, std::string_view municipality_column);

/// The same, or opened by break-glass in the principal's session.
std::string registry_visible_or_break_glass_sql(const Principal& p, const RegistryTables& tables,
                                                std::string_view id_column,
                                                std::string_view municipality_column);

/// Social-assistance applications: a SQL boolean expression over the application alias `a`
/// (columns municipality_id, department_id, team_id) that is true when `p` may read it —
/// the same rule as record_access() with assistance_record set: benefits officers and the
/// director see the municipality's, department heads their departments', supervisors and
/// social workers their teams'.
std::string assistance_visible_sql(const Principal& p, std::string_view alias);

/// Where a case (case_file) belongs and who works on it.
struct CaseScope {
  std::int64_t municipality_id = 0;
  std::int64_t department_id = 0;
  std::int64_t team_id = 0;
  std::int64_t lead_worker_id = 0;
  std::vector<std::int64_t> co_worker_ids;
  /// Partner institutions the case is referred to: those with tasks of its plan in force and
  /// those whose information request was answered from it (partners::case_scope fills them).
  std::vector<std::int64_t> partner_ids;
};

/// Access of `p` to a case: record_access() for a client record that is not a benefit record
/// and not referred to a partner: the lead worker and co-workers change; the team's other
/// social workers read; the team's supervisor and the department's head change; the director
/// reads; benefits officers, partners, administrators and the auditor have none.
Access case_access(const Principal& p, const CaseScope& scope);

/// Access of a partner user to what her institution's portal shows of a case (a task assigned
/// to it, the opinion that answered its request): read when the case's partner_ids list her
/// institution (record_access's partner rule); none otherwise, and for every other role. The
/// case file itself stays closed to partners: case_access() gives them none.
Access partner_access(const Principal& p, const CaseScope& scope);

/// The same rule as a SQL boolean expression over the case_file alias `c` (columns
/// municipality_id, department_id, team_id, lead_worker_id; co-workers in case_worker).
std::string case_visible_sql(const Principal& p, std::string_view alias);
/// The same with the principal's values as bound parameters ('?', appended to `params` in the
/// order of the text): the text is the same for every user with the same roles and number of
/// teams, so a hot statement's prepared plan is reused across users.
std::string case_visible_sql(const Principal& p, std::string_view alias, storage::Params& params);

/// Closing a case: only its lead worker requests it (forbidden otherwise).
Result<void> may_request_closure(const Principal& p, const CaseScope& scope);
/// Naming a case's lead worker: a supervisor of its team or the head of its department.
Result<void> may_assign_lead(const Principal& p, const CaseScope& scope);
/// Deciding on a closure request: a supervisor of the case's team (forbidden otherwise).
Result<void> may_decide_closure(const Principal& p, const CaseScope& scope);

/// Deciding on a submitted cooperation plan: a supervisor of the case's team (forbidden otherwise).
Result<void> may_decide_plan(const Principal& p, const CaseScope& scope);

/// Where an intake, or a team's duty, belongs.
struct TeamScope {
  std::int64_t municipality_id = 0;
  std::int64_t department_id = 0;
  std::int64_t team_id = 0;
};

/// Access of `p` to an intake: social workers and supervisors of its team and the head of its
/// department change (they handle intakes together, before any case has a lead worker); the
/// director reads; nobody else.
Access intake_access(const Principal& p, const TeamScope& scope);
/// The same rule as SQL over the intake alias `i` (municipality_id, department_id, team_id).
std::string intake_visible_sql(const Principal& p, std::string_view alias);
/// Whether `p` sees who reported an intake: only the workers who handle it (change access),
/// not the director's read-only view, never partners; exports always redact it.
bool may_see_reporter(const Principal& p, const TeamScope& scope);
/// Lists of cases and intakes, the duty board: the case roles (social worker, supervisor,
/// department head, director); everyone else is refused (403).
Result<void> may_work_cases(const Principal& p);
/// Registering intakes at all: social workers, supervisors and department heads.
Result<void> may_take_intakes(const Principal& p);
/// Naming a team's duty worker: the team's supervisor or the department's head.
Result<void> may_set_duty(const Principal& p, const TeamScope& scope);
/// Seeing the caseloads of a team's workers: the team's supervisor, the department's head or
/// the director of the team's municipality.
Result<void> may_see_caseload(const Principal& p, const TeamScope& scope);

/// Searching the workers of the service by name (choosing a case's co-workers, a task's
/// responsible worker): the case roles (social worker, supervisor, department head, director).
Result<void> may_search_workers(const Principal& p);
/// The workers `p` may find, as a SQL boolean expression over the app_user alias `user_alias`
/// and the team alias `team_alias` (one row per worker and team): active users of her
/// municipality in a team of her departments (the director, who has none: every department of
/// her municipality) with a case role (social worker, supervisor, department head).
std::string worker_visible_sql(const Principal& p, std::string_view user_alias, std::string_view team_alias);

/// The service catalogue (docs/api-services.md): seen by the case roles and administrators;
/// managed (create, change) by administrators and department heads.
Result<void> may_see_services(const Principal& p);
Result<void> may_manage_services(const Principal& p);
/// Deciding on a referral of a case to a service, placing it (also beyond capacity with a
/// reason): a supervisor of the case's team or the head of its department.
Result<void> may_decide_referral(const Principal& p, const CaseScope& scope);

}  // namespace atb::access
