#include "storage/sql_dates.h"

namespace atb::storage {

std::string days_between_sql(Engine engine, std::string_view from_expr, std::string_view to_expr) {
  const std::string from(from_expr), to(to_expr);
  if (engine == Engine::sqlite)
    return "CAST(julianday(" + to + ") - julianday(" + from + ") AS INTEGER)";
  return "(CAST(" + to + " AS DATE) - CAST(" + from + " AS DATE))";
}

}  // namespace atb::storage
