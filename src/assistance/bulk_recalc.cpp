#include "assistance/bulk_recalc.h"

#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <map>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "assistance/evaluate.h"
#include "assistance/explanation_json.h"
#include "assistance/periods.h"
#include "assistance/store.h"
#include "audit/store.h"
#include "core/time.h"
#include "registry/bulk_insert.h"

namespace atb::assistance {

namespace {

// The audit entry of a run: by the system, for every decision.
audit::Entry run_entry(const BulkRecalcOptions& o, const BulkRecalcReport& r) {
  audit::Entry e;
  e.username = "system";
  e.role = "operator";
  e.action = "recalculate";
  e.entity_type = "assistance_decision";
  e.entity_id = "*";
  e.remote = "local";
  e.reason = fmt::format("from {}: {} in force, {} changed, {} unchanged, {} refused by the rules: {}", month_of(o.month),
                         r.decisions, r.changed, r.unchanged, r.failed, o.reason);
  return e;
}

// The superseding decisions of a batch, written together: each new decision gets its id before it
// is written (registry::IdReserver), so that its payments and the mark on the decision it
// supersedes go in the same few multi-row statements. What insert_decision and
// supersede_decision do one decision at a time.
class SupersedingWriter {
 public:
  SupersedingWriter(storage::Connection& c, std::string month, std::string now)
      : c_(c),
        month_(std::move(month)),
        now_(std::move(now)),
        ids_(c, "assistance_decision", 5000),
        decisions_(c, "assistance_decision", with_id(decision_insert_columns())),
        steps_(c, "assistance_decision_steps", {"decision_id", "steps"}),
        payments_(c, "assistance_payment", {"decision_id", "month", "amount", "status", "changed_at"}) {}

  /// Adds `next` (a recalculated decision, supersedes_id set), its explanation as stored
  /// (stored_explanation(next.decision.steps), built with the rules) and its payments.
  Result<void> add(const Decided& next, std::string steps) {
    ATB_TRY_ASSIGN(id, ids_.next());
    storage::Params row{id};
    row.reserve(decision_insert_columns().size() + 1);
    append_decision_row(row, next.decision, 0, now_);
    ATB_TRY(decisions_.add_row(std::move(row)));
    ATB_TRY(steps_.add(id, std::move(steps)));
    for (const Payment& p : next.payments) ATB_TRY(payments_.add(id, p.month, p.amount, "planned", now_));
    superseded_.emplace_back(*next.decision.supersedes_id, id);
    return ok();
  }

  /// Writes what was added: the decisions before the rows that refer to them.
  Result<void> flush() {
    ATB_TRY(decisions_.flush());
    ATB_TRY(steps_.flush());
    ATB_TRY(payments_.flush());
    ATB_TRY(supersede_decisions(c_, superseded_, month_, now_));
    superseded_.clear();
    return ok();
  }

 private:
  static std::vector<std::string> with_id(std::vector<std::string> columns) {
    columns.insert(columns.begin(), "id");
    return columns;
  }

  storage::Connection& c_;
  std::string month_, now_;
  registry::IdReserver ids_;
  registry::BulkInsert decisions_, steps_, payments_;
  std::vector<std::pair<std::int64_t, std::int64_t>> superseded_;  ///< (old, new) waiting for flush()
};

// A batch read and evaluated: the rows read and the rules' settings of their municipalities,
// then the decisions in force built from them with each one's settings, and what the rules made
// of each (next[i]: nullopt when they refused it; steps[i]: its explanation as stored, when it
// changed).
struct Batch {
  DecidedRows rows;
  std::map<std::int64_t, const RuleSettings*> by_municipality;
  std::vector<DecidedApplication> decided;
  std::vector<const RuleSettings*> settings;
  std::vector<std::optional<Decided>> next;
  std::vector<std::string> steps;
};

// Whether the recalculation `next` of `old` changes its outcome or amount (and must be written).
bool changes(const DecisionRecord& old, const Decided& next) {
  return next.decision.outcome != old.outcome || next.decision.amount != old.amount;
}

// Recalculates b.decided[i] for i = first, first + step, … into b.next[i] and b.steps[i]. No
// I/O: safe to run on several threads over disjoint indices.
void recalculate_some(Batch& b, const BulkRecalcOptions& o, std::size_t first, std::size_t step) {
  for (std::size_t i = first; i < b.decided.size(); i += step) {
    const auto outcome = evaluate(*b.settings[i], b.decided[i].application, o.month);
    if (!outcome) continue;
    b.next[i] = recalculated(b.decided[i].application, b.decided[i].decision, *outcome, o.month, o.reason);
    if (changes(b.decided[i].decision, *b.next[i])) b.steps[i] = stored_explanation(b.next[i]->decision.steps);
  }
}

// Builds the batch's decisions from its rows and runs recalculate_some over them, on `workers`
// threads (the calling one included). No I/O.
void recalculate_batch(Batch& b, const BulkRecalcOptions& o, std::size_t workers) {
  b.decided = assemble_decided(std::move(b.rows));
  b.settings.reserve(b.decided.size());
  for (const DecidedApplication& d : b.decided) b.settings.push_back(b.by_municipality.at(d.application.municipality_id));
  b.next.resize(b.decided.size());
  b.steps.resize(b.decided.size());
  workers = std::clamp<std::size_t>(workers, 1, std::max<std::size_t>(1, b.decided.size()));
  std::vector<std::thread> helpers;
  for (std::size_t k = 1; k < workers; ++k) {
    helpers.emplace_back([&, k] { recalculate_some(b, o, k, workers); });
  }
  recalculate_some(b, o, 0, workers);
  for (std::thread& t : helpers) t.join();
}

// Writes what the rules made of an evaluated batch, counting it in `report`.
Result<void> write_batch(Batch& b, SupersedingWriter& writer, BulkRecalcReport& report) {
  for (std::size_t i = 0; i < b.decided.size(); ++i) {
    if (!b.next[i]) {
      ++report.failed;
    } else if (!changes(b.decided[i].decision, *b.next[i])) {
      ++report.unchanged;
    } else {
      ATB_TRY(writer.add(*b.next[i], std::move(b.steps[i])));
      ++report.changed;
    }
  }
  return writer.flush();
}

}  // namespace

Result<BulkRecalcReport> recalculate_month(storage::Database& db, const BulkRecalcOptions& o) {
  return registry::bulk_write(db, [&](storage::Connection& c) -> Result<BulkRecalcReport> {
    // SQLite: a page cache that holds what the run changes (the default one spills to the WAL
    // and reads it back). Not the PostgreSQL part of these settings: the commit stays synchronous.
    registry::BulkLoadSettings engine(c, 512);
    if (c.engine() == storage::Engine::sqlite) ATB_TRY(engine.apply());
    BulkRecalcReport report;
    ATB_TRY_ASSIGN(ids, decisions_in_force(c, o.month.iso()));
    report.decisions = ids.size();
    std::map<std::int64_t, RuleSettings> settings;  // by municipality (nodes stay put: pointers kept)
    SupersedingWriter writer(c, month_of(o.month), now_utc_iso());
    const std::size_t batch = std::max<std::size_t>(1, o.batch);
    const std::size_t workers = o.workers ? o.workers : std::max(1u, std::thread::hardware_concurrency());
    // The rules run on another thread, one batch ahead: while they evaluate batch k (no I/O),
    // this thread writes batch k - 1 and reads batch k + 1, the connection used by this thread
    // only; a written batch is freed on a third. Declared after everything the evaluation
    // reads, so that leaving early waits for it.
    std::future<void> freeing;
    std::future<Batch> evaluating;
    std::size_t done = 0;  // decisions written
    auto write_evaluated = [&](std::future<Batch>& evaluated) -> Result<void> {
      Batch b = evaluated.get();
      ATB_TRY(write_batch(b, writer, report));
      done += b.decided.size();
      if (o.progress) o.progress(done, ids.size());
      freeing = std::async(std::launch::async, [b = std::move(b)]() mutable { Batch freed = std::move(b); });
      return ok();
    };
    for (std::size_t start = 0; start < ids.size(); start += batch) {
      const std::vector<std::int64_t> part(ids.begin() + static_cast<std::ptrdiff_t>(start),
                                           ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + batch)));
      Batch b;
      ATB_TRY_ASSIGN(rows, fetch_decided(c, part));
      b.rows = std::move(rows);
      for (const storage::Row& r : b.rows.applications) {  // the settings of their municipalities
        const std::int64_t municipality = r.integer(1);
        auto found = settings.find(municipality);
        if (found == settings.end()) {
          ATB_TRY_ASSIGN(loaded, load_rule_settings(c, municipality, o.month));
          found = settings.emplace(municipality, std::move(loaded)).first;
        }
        b.by_municipality.emplace(municipality, &found->second);
      }
      std::future<Batch> previous = std::exchange(
          evaluating, std::async(std::launch::async, [&o, workers, b = std::move(b)]() mutable {
            recalculate_batch(b, o, workers);
            return std::move(b);
          }));
      if (previous.valid()) ATB_TRY(write_evaluated(previous));  // while this batch is evaluated
    }
    if (evaluating.valid()) ATB_TRY(write_evaluated(evaluating));
    std::vector<audit::Entry> entries{run_entry(o, report)};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY(engine.restore());
    return report;
  });
}

}  // namespace atb::assistance
