#include "cases/case_subject_sql.h"

namespace atb::cases {

const std::string& case_subject_joins() {
  static const std::string joins =
      " LEFT JOIN household h ON h.id = c.household_id LEFT JOIN person sp ON sp.id = c.person_id";
  return joins;
}

const std::string& case_subject_name() {
  static const std::string name = "COALESCE(h.name, sp.given_names || ' ' || sp.surname, '')";
  return name;
}

}  // namespace atb::cases
