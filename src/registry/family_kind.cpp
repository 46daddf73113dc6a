#include "registry/family_kind.h"

#include <string>

namespace atb::registry {
namespace {

using storage::params;

// "UPDATE … SET family_kind = …" for the registrations chosen by `where` (over the table's own
// name). A child on day D: born on or before D, and D's YYYYMMDD minus the birth's is under
// 180000 (not yet 18 years: the usual whole-years rule, as core age_on).
std::string refresh_sql(const std::string& where) {
  return "UPDATE household_registration SET family_kind = CASE WHEN EXISTS ("
         "SELECT 1 FROM household_member m JOIN person p ON p.id = m.person_id"
         " WHERE m.household_id = household_registration.household_id"
         " AND m.since <= household_registration.first_registered_on"
         " AND (m.until IS NULL OR m.until > household_registration.first_registered_on)"
         " AND p.birth_date <= household_registration.first_registered_on"
         " AND CAST(REPLACE(household_registration.first_registered_on, '-', '') AS BIGINT)"
         " - CAST(REPLACE(p.birth_date, '-', '') AS BIGINT) < 180000)"
         " THEN 'with_children' ELSE 'adults' END" +
         where;
}

}  // namespace

Result<void> refresh_family_kind(storage::Connection& c, std::int64_t household_id) {
  ATB_TRY(c.execute(refresh_sql(" WHERE household_id = ?"), params(household_id)));
  return ok();
}

Result<void> refresh_family_kinds_of_person(storage::Connection& c, std::int64_t person_id) {
  ATB_TRY(c.execute(refresh_sql(" WHERE household_id IN (SELECT household_id FROM household_member"
                                " WHERE person_id = ?)"),
                    params(person_id)));
  return ok();
}

Result<void> refresh_all_family_kinds(storage::Connection& c) {
  ATB_TRY(c.execute(refresh_sql(""), {}));
  return ok();
}

}  // namespace atb::registry
