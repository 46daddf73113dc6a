#include "assistance/bulk_recalc.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "assistance/evaluate.h"
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
        payments_(c, "assistance_payment", {"decision_id", "month", "amount", "status", "changed_at"}) {}

  /// Adds `next` (a recalculated decision, supersedes_id set) and its payments.
  Result<void> add(const Decided& next) {
    ATB_TRY_ASSIGN(id, ids_.next());
    storage::Params row{id};
    row.reserve(decision_insert_columns().size() + 1);
    append_decision_row(row, next.decision, 0, now_);
    ATB_TRY(decisions_.add_row(std::move(row)));
    for (const Payment& p : next.payments) ATB_TRY(payments_.add(id, p.month, p.amount, "planned", now_));
    superseded_.emplace_back(*next.decision.supersedes_id, id);
    return ok();
  }

  /// Writes what was added: the decisions before the rows that refer to them.
  Result<void> flush() {
    ATB_TRY(decisions_.flush());
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
  registry::BulkInsert decisions_, payments_;
  std::vector<std::pair<std::int64_t, std::int64_t>> superseded_;  ///< (old, new) waiting for flush()
};

// Recalculates decided[i] for i = first, first + step, … into out[i] (nullopt: the rules refused
// it). No I/O: safe to run on several threads over disjoint indices.
void recalculate_some(const std::vector<const RuleSettings*>& settings, const std::vector<DecidedApplication>& decided,
                      const BulkRecalcOptions& o, std::size_t first, std::size_t step,
                      std::vector<std::optional<Decided>>& out) {
  for (std::size_t i = first; i < decided.size(); i += step) {
    const auto outcome = evaluate(*settings[i], decided[i].application, o.month);
    if (outcome) out[i] = recalculated(decided[i].application, decided[i].decision, *outcome, o.month, o.reason);
  }
}

// recalculate_some over the whole batch, on `workers` threads (this one included).
std::vector<std::optional<Decided>> recalculate_batch(const std::vector<const RuleSettings*>& settings,
                                                      const std::vector<DecidedApplication>& decided,
                                                      const BulkRecalcOptions& o, std::size_t workers) {
  std::vector<std::optional<Decided>> out(decided.size());
  workers = std::clamp<std::size_t>(workers, 1, std::max<std::size_t>(1, decided.size()));
  std::vector<std::thread> helpers;
  for (std::size_t k = 1; k < workers; ++k) {
    helpers.emplace_back([&, k] { recalculate_some(settings, decided, o, k, workers, out); });
  }
  recalculate_some(settings, decided, o, 0, workers, out);
  for (std::thread& t : helpers) t.join();
  return out;
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
    std::map<std::int64_t, RuleSettings> settings;  // by municipality
    SupersedingWriter writer(c, month_of(o.month), now_utc_iso());
    const std::size_t batch = std::max<std::size_t>(1, o.batch);
    const std::size_t workers = o.workers ? o.workers : std::max(1u, std::thread::hardware_concurrency());
    for (std::size_t start = 0; start < ids.size(); start += batch) {
      const std::vector<std::int64_t> part(ids.begin() + static_cast<std::ptrdiff_t>(start),
                                           ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + batch)));
      ATB_TRY_ASSIGN(decided, load_decided(c, part));
      std::vector<const RuleSettings*> in_force;  // of each decision's municipality
      in_force.reserve(decided.size());
      for (const DecidedApplication& d : decided) {
        auto found = settings.find(d.application.municipality_id);
        if (found == settings.end()) {
          ATB_TRY_ASSIGN(loaded, load_rule_settings(c, d.application.municipality_id, o.month));
          found = settings.emplace(d.application.municipality_id, std::move(loaded)).first;
        }
        in_force.push_back(&found->second);
      }
      const std::vector<std::optional<Decided>> next = recalculate_batch(in_force, decided, o, workers);
      for (std::size_t i = 0; i < decided.size(); ++i) {
        if (!next[i]) {
          ++report.failed;
        } else if (next[i]->decision.outcome == decided[i].decision.outcome &&
                   next[i]->decision.amount == decided[i].decision.amount) {
          ++report.unchanged;
        } else {
          ATB_TRY(writer.add(*next[i]));
          ++report.changed;
        }
      }
      ATB_TRY(writer.flush());
      if (o.progress) o.progress(std::min(ids.size(), start + batch), ids.size());
    }
    std::vector<audit::Entry> entries{run_entry(o, report)};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY(engine.restore());
    return report;
  });
}

}  // namespace atb::assistance
