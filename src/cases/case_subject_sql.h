// The SQL that names a case's subject (who the case is about): the household's name, or the
// person's given names and surname. One definition for every store that lists cases or their
// tasks and reviews (case_store, plan_store), so the subject reads the same everywhere.
#pragma once

#include <string>

namespace atb::cases {

/// The joins (with a leading space) that bring in the subject of the case aliased `c`: household
/// `h` and person `sp`. Every query using case_subject_name() appends these after `case_file c`.
const std::string& case_subject_joins();

/// The select expression of the subject's name over the aliases of case_subject_joins(): the
/// household's name, else "Given Surname", else "".
const std::string& case_subject_name();

}  // namespace atb::cases
