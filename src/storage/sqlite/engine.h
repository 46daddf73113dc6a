// The SQLite engine: WAL journal, synchronous=FULL, foreign keys on, busy timeout.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "storage/connection.h"

namespace atb::storage::sqlite {

/// Opens (creating if needed, with its folder) the SQLite database file at `path`.
Result<std::unique_ptr<Connection>> connect(const std::string& path);

}  // namespace atb::storage::sqlite
