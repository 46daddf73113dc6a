// The process record of generated cases (cases/generator.h): cooperation plan versions with
// goals and tasks, and notes sealed with the keyring, written with multi-row INSERTs. Used by
// the case generator only; the plan rows follow the plan rules (plan_rules.h): at most one plan
// being prepared and one in force per case, the family's agreement before submission, a
// supervisor's approval before the case moves from "plan" to "implementation".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/sealed_text.h"
#include "registry/bulk_insert.h"
#include "registry/population.h"
#include "storage/connection.h"

namespace atb::cases {

/// A moment of a generated case: a day number (registry::gen::day_number) and minute of the day.
struct GeneratedMoment {
  int day = 0;
  int minute = 0;
  /// UTC ISO time at `second` of that minute.
  std::string at(int second) const;
};

/// One plan version to write.
struct GeneratedPlan {
  std::int64_t case_id = 0;
  int number = 1;
  std::string status;                   ///< draft, approved or superseded
  GeneratedMoment created;              ///< just after the case entered the plan stage
  std::optional<GeneratedMoment> decided;  ///< approved / superseded: just before implementation
  bool family = false;                  ///< goals of a family or of an adult
  std::int64_t lead = 0, supervisor = 0, person = 0;
  bool finished = false;                ///< the case went on (tasks mostly done)
};

/// Writes plans, goals, tasks and notes; ids of plans and goals reserved.
class RecordWriter {
 public:
  /// Notes are written only with a keyring (they are sealed with it).
  RecordWriter(storage::Connection& c, const Keyring* keyring, std::uint64_t seed);

  Result<void> plan(const GeneratedPlan& p);
  /// `count` notes of a case between the days `from` and `to`, by `authors` (the first most).
  Result<void> notes(std::int64_t case_id, int from, int to, int count, const std::vector<std::int64_t>& authors);
  /// Writes what waits (after the cases they refer to).
  Result<void> flush();
  /// Rows waiting.
  std::size_t pending() const { return notes_.pending() + tasks_.pending(); }

  std::size_t plan_count() const { return plans_.rows(); }
  std::size_t task_count() const { return tasks_.rows(); }
  std::size_t note_count() const { return notes_.rows(); }

 private:
  unsigned variant() { return static_cast<unsigned>(rng_.below(100'000)); }

  storage::Connection& c_;
  const Keyring* keyring_;
  registry::gen::Rng rng_;
  registry::IdReserver plan_ids_{c_, "case_plan"}, goal_ids_{c_, "case_goal"};
  registry::BulkInsert plans_{c_, "case_plan", {"id", "case_id", "number", "version", "status", "review_on", "agreed_on",
                                                "submitted_by", "submitted_at", "decided_by", "decided_at", "created_by",
                                                "created_at", "updated_at"}};
  registry::BulkInsert plan_persons_{c_, "case_plan_agreement", {"plan_id", "person_id"}};
  registry::BulkInsert goals_{c_, "case_goal", {"id", "plan_id", "position", "text"}};
  registry::BulkInsert tasks_{c_, "case_task", {"case_id", "plan_id", "goal_id", "position", "text", "due_on",
                                                "responsible_kind", "responsible_person_id", "responsible_user_id",
                                                "responsible_partner", "status", "version", "updated_by", "updated_at"}};
  registry::BulkInsert notes_{c_, "case_note", {"case_id", "kind", "occurred_on", "author_id", "created_at", "text_sealed"}};
};

}  // namespace atb::cases
