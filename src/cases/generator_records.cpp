#include "cases/generator_records.h"

#include <algorithm>

#include <fmt/format.h>

#include "cases/records_model.h"
#include "cases/sample_texts.h"

namespace atb::cases {

std::string GeneratedMoment::at(int second) const {
  return fmt::format("{}T{:02}:{:02}:{:02}.000Z", registry::gen::date_of(day).iso(), minute / 60 % 24, minute % 60, second);
}

RecordWriter::RecordWriter(storage::Connection& c, const Keyring* keyring, std::uint64_t seed)
    : c_(c), keyring_(keyring), rng_(seed ^ 0x9E3779B97F4A7C15ull) {}

Result<void> RecordWriter::plan(const GeneratedPlan& p) {
  ATB_TRY_ASSIGN(plan_id, plan_ids_.next());
  const std::string created_at = p.created.at(45);
  const bool submitted = p.decided.has_value();
  const std::string submitted_at = submitted ? p.decided->at(15) : "";
  const std::string decided_at = submitted ? p.decided->at(20) : "";
  const std::string agreed_on = registry::gen::date_of(p.created.day).iso();
  // Reviewed half a year after the plan came into force.
  const int review_day = (submitted ? p.decided->day : p.created.day) + 180;
  const std::int64_t version = submitted ? 4 : 2;  // created, agreed (, submitted, decided)
  ATB_TRY(plans_.add(plan_id, p.case_id, p.number, version, p.status, registry::gen::date_of(review_day).iso(), agreed_on,
                     submitted ? std::optional(p.lead) : std::nullopt,
                     submitted ? std::optional(submitted_at) : std::nullopt,
                     submitted ? std::optional(p.supervisor) : std::nullopt,
                     submitted ? std::optional(decided_at) : std::nullopt, p.lead, created_at,
                     submitted ? decided_at : created_at));
  ATB_TRY(plan_persons_.add(plan_id, p.person));
  const int goals = rng_.between(1, 3);
  for (int g = 0; g < goals; ++g) {
    ATB_TRY_ASSIGN(goal_id, goal_ids_.next());
    ATB_TRY(goals_.add(goal_id, plan_id, g, std::string(samples::plan_goal(p.family, variant()))));
    const int tasks = rng_.between(1, 3);
    for (int t = 0; t < tasks; ++t) {
      const unsigned v = variant();
      const std::string kind(samples::plan_task_responsible(v));
      const int due = p.created.day + rng_.between(14, 170);
      const int roll = static_cast<int>(rng_.below(100));
      const char* status = p.status == "draft"     ? "open"
                           : p.finished            ? (roll < 85 ? "done" : "cancelled")
                           : due < p.created.day + 60 ? (roll < 70 ? "done" : "in_progress")
                                                   : (roll < 60 ? "open" : "in_progress");
      ATB_TRY(tasks_.add(p.case_id, plan_id, goal_id, t, std::string(samples::plan_task(v)),
                         registry::gen::date_of(due).iso(), kind,
                         kind == "member" ? std::optional(p.person) : std::nullopt,
                         kind == "worker" ? std::optional(p.lead) : std::nullopt,
                         kind == "partner" ? std::optional(std::string(samples::partner_name(v))) : std::nullopt, status,
                         std::string_view(status) == "open" ? 1 : 2, p.lead, submitted ? decided_at : created_at));
    }
  }
  return ok();
}

Result<void> RecordWriter::notes(std::int64_t case_id, int from, int to, int count,
                                 const std::vector<std::int64_t>& authors) {
  if (!keyring_ || count <= 0 || authors.empty()) return ok();
  std::vector<int> days;
  for (int i = 0; i < count; ++i) days.push_back(from + rng_.between(0, std::max(0, to - from)));
  std::sort(days.begin(), days.end());
  constexpr int kKindWeights[] = {35, 35, 15, 5, 10};
  for (int i = 0; i < count; ++i) {
    int r = static_cast<int>(rng_.below(100));
    std::size_t k = 0;
    while (k + 1 < std::size(kKindWeights) && (r -= kKindWeights[k]) >= 0) ++k;
    const std::int64_t author = authors.size() == 1 || rng_.percent(80) ? authors[0] : authors[rng_.below(authors.size())];
    const int written = std::min(to, days[i] + (rng_.percent(70) ? 0 : rng_.between(1, 2)));
    const GeneratedMoment created{written, 8 * 60 + rng_.between(0, 540)};
    ATB_TRY(notes_.add(case_id, kNoteKinds[k], registry::gen::date_of(days[i]).iso(), author, created.at(i % 60),
                       keyring_->seal(samples::note(kNoteKinds[k], variant()))));
  }
  return ok();
}

Result<void> RecordWriter::flush() {
  for (registry::BulkInsert* b : {&plans_, &plan_persons_, &goals_, &tasks_, &notes_}) ATB_TRY(b->flush());
  return ok();
}

}  // namespace atb::cases
