// The persons list as an export reads it: one row per person (not merged away) with the columns
// of the registry's search export plus what a list needs (id, first registration, municipality),
// read in batches in id order (keyset: "id > last"), so that a national list of millions of
// persons never sits in memory. The caller puts the access policy into the filter
// (access::registry_visible_sql over alias `p`); this file only runs SQL.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/text.h"
#include "storage/database.h"

namespace atb::registry {

/// Which persons an export lists.
struct PersonExportFilter {
  /// SQL boolean over the person alias `p`: who may be listed (the access policy); "(1=1)" only
  /// for the command line, which runs with the operator's access to the database.
  std::string visible_sql = "(1=0)";
  std::optional<std::int64_t> municipality_id;  ///< none: every municipality (national)
  std::vector<std::int64_t> department_ids;     ///< registered in one of them; empty: any
  std::optional<std::string> registered_from;   ///< a registration first made on or after (YYYY-MM-DD)
  std::optional<std::string> registered_to;     ///< … and on or before this day
};

/// The column titles, in `lang`: ID, given names, surname, personal code (123456-12345), birth
/// date, declared address, first registered (earliest of her registrations), municipality code.
std::vector<std::string> person_export_header(Lang lang);

/// How many persons the filter lists.
Result<std::int64_t> count_export_persons(storage::Database& db, const PersonExportFilter& filter);

/// Calls `row` for every person the filter lists, in id order, reading `batch` persons per
/// query (each on a pooled connection of its own, released between batches). Stops at the first
/// error of `row` or of the database and returns it; otherwise the number of rows.
Result<std::int64_t> for_each_export_person(
    storage::Database& db, const PersonExportFilter& filter,
    const std::function<Result<void>(const std::vector<std::string>& cells)>& row,
    std::size_t batch = 5000);

}  // namespace atb::registry
