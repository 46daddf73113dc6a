// The PostgreSQL engine over libpq: prepared statements per connection, text protocol.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "storage/connection.h"

namespace atb::storage::postgres {

/// Connects with a libpq URI (postgresql://user@host:port/db).
Result<std::unique_ptr<Connection>> connect(const std::string& uri);

}  // namespace atb::storage::postgres
