// IN lists of ids as bound parameters, so that a query over any number of ids is one of a
// handful of prepared statements instead of a new statement text (and a new prepared
// statement in each connection's cache) for every distinct list.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/value.h"

namespace atb::storage {

/// Appends `ids` to `params` and returns the matching "?, ?, …" for `IN (…)`. The list is
/// padded to 16, 64, 256, 1024, … entries by repeating the first id (which changes nothing in
/// an IN list). `ids` must not be empty.
std::string id_placeholders(const std::vector<std::int64_t>& ids, Params& params);

}  // namespace atb::storage
