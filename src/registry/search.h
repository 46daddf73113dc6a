// Finding persons: the one search box (personal code or its beginning, names in any order
// folded for diacritics and gendered endings, birth date, phone) and duplicate candidates for
// a draft. The access policy is applied in the SQL (in_scope of every hit); the caller decides
// how much of an out-of-scope hit to show.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "access/model.h"
#include "core/result.h"
#include "registry/model.h"
#include "storage/connection.h"

namespace atb::registry {

/// One page of search results.
struct SearchPage {
  std::vector<PersonHit> items;
  std::size_t total = 0;   ///< matches found (at most `cap`)
  bool truncated = false;  ///< more than `cap` persons match
};

/// What kind of query the box holds.
enum class QueryKind { code, birth_date, phone, name };
/// Classifies a query (code digits win over a phone when both could be).
QueryKind classify_query(std::string_view q);

/// Searches persons for `p`: in-scope hits first (ranked, then Latvian collation), then
/// out-of-scope hits (with their departments). At most `cap` matches are considered.
Result<SearchPage> search_persons(storage::Connection& c, const access::Principal& p, std::string_view q,
                                  int page, int page_size, std::size_t cap = 500);

/// Whether a person of the municipality has (or had) this personal code: the hard duplicate
/// block, checked again inside the write transaction that registers a person.
Result<bool> personal_code_in_use(storage::Connection& c, std::int64_t municipality_id, const std::string& code);

/// Persons who may be the person of a checked draft: the same personal code (blocking), or a
/// similar name with the same birth date or address. `exclude` leaves out the person edited.
Result<std::vector<PersonHit>> duplicate_candidates(storage::Connection& c, const access::Principal& p,
                                                    const PersonDraft& draft,
                                                    std::optional<std::int64_t> exclude = std::nullopt);

}  // namespace atb::registry
