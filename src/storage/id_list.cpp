#include "storage/id_list.h"

namespace atb::storage {

std::string id_placeholders(const std::vector<std::int64_t>& ids, Params& params) {
  std::size_t n = 16;
  while (n < ids.size()) n *= 4;
  params.reserve(params.size() + n);
  for (std::int64_t id : ids) params.emplace_back(id);
  for (std::size_t i = ids.size(); i < n; ++i) params.emplace_back(ids.front());
  std::string marks;
  marks.reserve(n * 3);
  for (std::size_t i = 0; i < n; ++i) marks += i == 0 ? "?" : ", ?";
  return marks;
}

}  // namespace atb::storage
