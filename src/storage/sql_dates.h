// Date arithmetic in SQL, the one thing about dates the engines spell differently.
#pragma once

#include <string>
#include <string_view>

#include "storage/connection.h"

namespace atb::storage {

/// A SQL integer expression: the days from the date `from_expr` to the date `to_expr` (both
/// "YYYY-MM-DD" text expressions; negative when `to` is earlier).
std::string days_between_sql(Engine engine, std::string_view from_expr, std::string_view to_expr);

}  // namespace atb::storage
