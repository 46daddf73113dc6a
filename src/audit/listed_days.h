// The keys of audit_listed_day (record, user, day) that one writer knows to be committed, so
// that a worker re-opening the same list the same day costs no index probe for it: the row is
// there already and ON CONFLICT would leave it unchanged. Used by one thread (the group-commit
// writer); keys become known only after their transaction committed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace atb::audit {

class ListedDays {
 public:
  /// At most this many committed keys are kept; past it, the memory starts over.
  static constexpr std::size_t kMaxKeys = 1 << 20;

  /// Whether the row of this key is known to be committed.
  bool known(std::string_view entity_type, std::string_view entity_id, std::int64_t user,
             std::string_view day) const;
  /// Notes a key written by the transaction in progress.
  void written(std::string_view entity_type, std::string_view entity_id, std::int64_t user,
               std::string_view day);
  /// The transaction committed: its keys are known from now on. Keys of earlier days are
  /// forgotten when a later day's key arrives (they cannot be written again).
  void committed();
  /// The transaction failed: its keys are forgotten.
  void rolled_back() { pending_.clear(); }

  /// How many committed keys are kept (for tests).
  std::size_t size() const { return keys_.size(); }

 private:
  static std::string key(std::string_view entity_type, std::string_view entity_id,
                         std::int64_t user, std::string_view day);
  std::unordered_set<std::string> keys_;
  std::vector<std::string> pending_;
  std::string day_;  ///< the latest day of a committed key
};

}  // namespace atb::audit
