// The stored search keys (person_key) are derived from names by the rules of registry/names
// (fold, stem). When those rules change, keys stored under the old rules no longer meet the
// keys a query derives, so the database records the version of the rules its keys were made
// by, and every key is rebuilt once when that version is older than this build's.
#pragma once

#include <cstdint>
#include <functional>

#include "core/result.h"
#include "storage/database.h"

namespace atb::registry {

/// The version of the key rules of this build; raise it whenever fold() or stem() change.
/// 2: "-iece" meets "-ieks", "-ais" meets "-a".
inline constexpr int kSearchKeyVersion = 2;

/// Called with the persons rekeyed so far and their number.
using RekeyProgress = std::function<void(std::int64_t done, std::int64_t total)>;

/// Rebuilds every person's search keys, in one transaction, when the database's keys are older
/// than kSearchKeyVersion, and records the new version. Returns how many persons were rekeyed
/// (0 when the keys were current).
Result<std::int64_t> upgrade_search_keys(storage::Database& db, const RekeyProgress& progress = {});

}  // namespace atb::registry
