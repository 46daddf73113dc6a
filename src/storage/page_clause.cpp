#include "storage/page_clause.h"

#include <algorithm>

namespace atb::storage {

std::string page_clause(std::int64_t limit, std::int64_t offset) {
  return " LIMIT " + std::to_string(std::max<std::int64_t>(limit, 0)) + " OFFSET " +
         std::to_string(std::max<std::int64_t>(offset, 0));
}

}  // namespace atb::storage
