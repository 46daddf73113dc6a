#include "audit/listed_days.h"

namespace atb::audit {

std::string ListedDays::key(std::string_view entity_type, std::string_view entity_id,
                            std::int64_t user, std::string_view day) {
  // The day first (its length is fixed), then the user, then type and id, split by a byte no
  // entity type contains.
  std::string k(day);
  k += std::to_string(user);
  k += '\x1f';
  k += entity_type;
  k += '\x1f';
  k += entity_id;
  return k;
}

bool ListedDays::known(std::string_view entity_type, std::string_view entity_id,
                       std::int64_t user, std::string_view day) const {
  return day == day_ && keys_.count(key(entity_type, entity_id, user, day)) > 0;
}

void ListedDays::written(std::string_view entity_type, std::string_view entity_id,
                         std::int64_t user, std::string_view day) {
  pending_.push_back(key(entity_type, entity_id, user, day));
}

void ListedDays::committed() {
  for (std::string& k : pending_) {
    const std::string_view day = std::string_view(k).substr(0, 10);
    if (day < day_) continue;  // a day already past: no later entry can name it
    if (day > day_ || keys_.size() >= kMaxKeys) {
      keys_.clear();
      day_ = std::string(day);
    }
    keys_.insert(std::move(k));
  }
  pending_.clear();
}

}  // namespace atb::audit
