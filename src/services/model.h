// Plain records of the social services (sociālie pakalpojumi): the service catalogue, referrals
// of a case's members to a service with their decision, waiting list and placement, and the
// delivery log. Contract: docs/api-services.md; tables: migrations/0016_services.sql.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace atb::services {

/// Who may use a service: an age range (inclusive, either end open) and target groups (none =
/// everyone of the age range).
struct Eligibility {
  std::optional<int> age_min, age_max;
  std::vector<std::string> target_groups;
};

/// A service of the catalogue.
struct Service {
  std::int64_t id = 0;
  std::int64_t municipality_id = 0;
  std::string name_lv, name_en;
  std::string kind;                                    ///< kKinds
  std::optional<std::int64_t> provider_department_id;  ///< a department of the municipality, or
  std::optional<std::int64_t> provider_partner_id;     ///< an outside organisation (partner)
  std::string provider_name;  ///< the department's (lv) or partner's name; read only
  std::optional<std::string> contract_from, contract_to;  ///< the partner's contract period
  Eligibility eligibility;
  int capacity = 0;                      ///< in capacity_unit
  std::string capacity_unit = "places";  ///< places | hours_per_month | visits_per_month
  std::string unit =
      "day";  ///< the unit delivered and priced: day | hour | visit | session | month
  std::int64_t price_cents = 0;       ///< per unit
  std::string funding = "municipal";  ///< municipal | state | project
  std::optional<std::string>
      project_number;  ///< required for project funding (e.g. an ESF project)
  bool active = true;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  /// Moves with every change of what the service's page lists (migration 0032; read only).
  std::int64_t roster_version = 0;
};

/// A user as a referral shows her.
struct UserRef {
  std::int64_t id = 0;
  std::string name;
};

/// A referral of a member of a case to a service.
struct Referral {
  std::int64_t id = 0;
  std::int64_t service_id = 0, case_id = 0, person_id = 0;
  std::string service_name_lv, service_name_en, person_name;  ///< read only
  std::optional<std::string> target_group;
  int quantity = 1;  ///< what a placement occupies of the capacity
  std::optional<std::string> note;
  std::string state = "requested";  ///< requested | refused | waiting | placed | ended
  std::int64_t version = 1;
  std::string requested_on;  ///< date
  UserRef requested_by;
  std::string requested_at;
  std::string decision_due_on;          ///< requested_on + one month
  std::optional<std::string> decision;  ///< granted | refused
  std::optional<std::string> decision_reason;
  std::optional<UserRef> decided_by;
  std::optional<std::string> decided_at;
  std::optional<int> priority;               ///< 1 urgent, 2 high, 3 normal
  std::optional<std::string> waiting_since;  ///< date
  std::optional<std::string> start_on;
  std::optional<UserRef> placed_by;
  std::optional<std::string> placed_at, override_reason;
  std::optional<std::string> end_on, end_reason;
  std::optional<UserRef> ended_by;
  std::optional<std::string> ended_at;
};

/// One row of a placement's delivery log.
struct Delivery {
  std::int64_t id = 0, referral_id = 0;
  std::string delivered_on;
  int quantity = 0;  ///< in the service's unit
  bool attended = true;
  std::optional<std::string> note;
  UserRef recorded_by;
  std::string recorded_at;
};

/// A referral on a service's waiting list, with its place in the order (1 = next).
struct WaitingEntry {
  int position = 0;
  std::int64_t referral_id = 0, case_id = 0, person_id = 0;
  int priority = 3;
  std::string waiting_since;
  int quantity = 1;
  bool visible = false;  ///< whether the caller may read the case (else the person is not named)
  std::string person_name;
};

}  // namespace atb::services
