// The LIMIT … OFFSET … of a list page, written as numbers in the statement's text.
//
// Bound as parameters, an OFFSET makes PostgreSQL's generic plan of a prepared statement look
// dearer than a plan for the actual values (it assumes a tenth of the rows are skipped), so it
// plans the statement again at every execution although the plan comes out the same. With the
// numbers in the text the plan is made once per page size and page; the first pages, which
// nearly every request asks for, stay prepared in each connection's statement cache.
#pragma once

#include <cstdint>
#include <string>

namespace atb::storage {

/// " LIMIT `limit` OFFSET `offset`" (both must be ≥ 0: they come from validated paging).
std::string page_clause(std::int64_t limit, std::int64_t offset);

}  // namespace atb::storage
