// SQL of case notes (table case_note). No access decisions and no sealing here: the routes open
// the case first and seal / open the text with the keyring.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cases/records_model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::cases {

/// Stores a note (every field but id and author_name set); returns its id.
Result<std::int64_t> insert_note(storage::Connection& c, const CaseNote& n);

/// One page of a case's notes, newest first (by created_at, then id), optionally of one `kind`
/// ("" = every kind), with the total. Paged in SQL over the index (case_id, created_at, id).
Result<std::pair<std::vector<CaseNote>, std::int64_t>> list_notes(storage::Connection& c, std::int64_t case_id,
                                                                  const std::string& kind, int page, int page_size);

/// The notes `ids` of case `case_id`, in the order of `ids`; ids that are not this case's notes
/// are left out.
Result<std::vector<CaseNote>> load_notes(storage::Connection& c, std::int64_t case_id,
                                         const std::vector<std::int64_t>& ids);

}  // namespace atb::cases
