// Issue 7's budget: recalculating 100,000 households after a threshold change takes ≤ 5 s.
//
// 100,000 household applications (1–8 members, three months of incomes, housing costs) are made
// deterministically in memory, as the store would return them (assistance/model.h). Each timed
// iteration adds a new national threshold row (2027-01-01, higher values) to the seed rows and
// recalculates, for every household, the needy status (the precondition of both benefits), the
// GMI benefit and the housing benefit under the thresholds in force in its application month
// (2027-01 … 2027-03, so the new row applies). One thread unless stated; no database.
//
//   AssistanceRecalcRules          the rules only, on declarations built before timing
//   AssistanceRecalcFromRecords    the stored records turned into declarations
//                                  (declaration_of) and then the same rules
//   AssistanceRecalcRulesParallel  the rules only, split over one thread per core
//   AssistanceBulkRecalcDatabase   end to end on SQLite: 100,000 households with a granted GMI
//                                  or housing benefit decided under the 2026 row, stored; then
//                                  `assistance::recalculate_month` (the CLI's work: batched
//                                  reads, evaluation, new decisions and payments, one commit)
//
// Run: build/release/atbalsts_bench --benchmark_filter=AssistanceRecalc (or bench/assistance.sh).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "assistance/bulk_recalc.h"
#include "assistance/calculation.h"
#include "assistance/config_store.h"
#include "assistance/evaluate.h"
#include "assistance/model.h"
#include "assistance/periods.h"
#include "assistance/store.h"
#include "assistance/thresholds.h"
#include "core/date.h"
#include "storage/migrations.h"

namespace {

using namespace atb;
using namespace atb::assistance;

constexpr int kHouseholds = 100'000;
constexpr std::uint64_t kSeed = 0x5eed'a7ba'15'7500ULL;

/// The threshold change: next year's national row, higher than 2026's.
const ThresholdRow kRow2027{Date{2027, 1, 1}, 20'000, 14'000, 45'000, 31'500, 72'000, 50'400};

/// The municipality's housing-cost norms per month (cents), the caps of E.
const HousingCosts kNorms{15'000, 12'000, 4'000, 2'500, 1'500, 1'500, 800, 2'000};

/// splitmix64: the same numbers on every platform (std:: distributions are not portable).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// A number in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  /// True with probability percent / 100.
  bool chance(int percent) { return between(1, 100) <= percent; }

 private:
  std::uint64_t state_;
};

/// Household sizes 1–8, weighted towards small households as among assistance recipients.
int household_size(Random& r) {
  static constexpr int kCumulative[8] = {30, 55, 73, 85, 92, 96, 98, 100};  // percent
  const auto p = r.between(1, 100);
  int n = 1;
  while (kCumulative[n - 1] < p) ++n;
  return n;
}

/// One member: her flags and three months of incomes (adults always declare every month).
void add_member(Random& r, Application& a, std::int64_t id, bool first, const Date& application) {
  const bool child = !first && r.chance(45);
  const int age = child ? static_cast<int>(r.between(0, 17)) : static_cast<int>(r.between(18, 88));
  DeclaredMember m;
  m.person_id = id;
  m.given_names = "Vārds";
  m.surname = "Uzvārds";
  m.birth_date = Date{application.year - age - 1, static_cast<int>(r.between(1, 12)),
                      static_cast<int>(r.between(1, 28))}.iso();
  m.pensioner = !child && (age >= 65 || r.chance(3));
  m.disability = !child && r.chance(12);
  m.able_to_work = !child && !m.pensioner && !m.disability && r.chance(85);
  a.members.push_back(m);
  const bool adult = age_on(*parse_date(m.birth_date), application) >= 18;
  for (const std::string& month : declaration_months(application)) {
    auto add = [&](const char* kind, std::int64_t lo, std::int64_t hi) {
      a.incomes.push_back(DeclaredIncome{id, month, kind, r.between(lo, hi)});
    };
    if (m.pensioner) add("pension", 25'000, 70'000);
    if (m.able_to_work && r.chance(55)) add("wages", 10'000, 90'000);
    if (m.disability && !m.pensioner) add("state_benefit", 8'000, 30'000);
    if (!adult && r.chance(60)) add("state_benefit", 2'500, 5'000);   // family benefit
    if (adult && r.chance(8)) add("alimony", 5'000, 15'000);
    if (adult && r.chance(10)) add("other", 0, 20'000);
    const bool declared = !a.incomes.empty() && a.incomes.back().person_id == id &&
                          a.incomes.back().month == month;
    if (adult && !declared) add("other", 0, 0);  // "no income this month" is a record too
  }
}

/// The monthly housing costs of one household (cents), some above the norms, some below.
std::map<std::string, std::int64_t> housing_costs(Random& r) {
  return {{"rent", r.between(3'000, 25'000)},   {"heating", r.between(0, 18'000)},
          {"electricity", r.between(1'000, 7'000)}, {"water", r.between(500, 3'500)},
          {"gas", r.chance(40) ? r.between(500, 2'500) : 0}, {"sewage", r.between(500, 2'000)},
          {"waste", r.between(300, 1'200)},     {"telecom", r.chance(70) ? r.between(800, 3'000) : 0}};
}

/// `count` applications for GMI and housing benefit made in 2027-01 … 2027-03.
std::vector<Application> make_applications(int count) {
  Random r(kSeed);
  std::vector<Application> out;
  out.reserve(static_cast<std::size_t>(count));
  for (int h = 0; h < count; ++h) {
    Application a;
    a.id = h + 1;
    a.municipality_id = 1;
    a.kind = "gmi";
    a.status = "submitted";
    a.household_id = h + 1;
    a.application_month = "2027-0" + std::to_string(1 + h % 3);
    const Date application = *parse_month(a.application_month);
    const int size = household_size(r);
    for (int i = 0; i < size; ++i) add_member(r, a, std::int64_t{h} * 10 + i + 1, i == 0, application);
    a.applicant_id = a.members.front().person_id;
    a.housing = housing_costs(r);
    out.push_back(std::move(a));
  }
  return out;
}

/// A stored cost map as the rules' HousingCosts (missing kinds are 0).
HousingCosts costs_of(const std::map<std::string, std::int64_t>& m) {
  auto get = [&](const char* k) {
    const auto it = m.find(k);
    return it == m.end() ? Cents{0} : it->second;
  };
  return {get("rent"), get("heating"), get("electricity"), get("water"),
          get("gas"),  get("sewage"),  get("waste"),       get("telecom")};
}

/// Everything generated once, outside the timed loops.
struct Data {
  std::vector<Application> applications;
  std::vector<Declaration> declarations;
  std::vector<HousingCosts> costs;
  std::vector<Date> on;  ///< the 1st of each application month
  std::size_t incomes = 0;
  std::size_t members = 0;
};

const Data& data() {
  static const Data d = [] {
    Data out;
    out.applications = make_applications(kHouseholds);
    for (const Application& a : out.applications) {
      out.declarations.push_back(*declaration_of(a));
      out.costs.push_back(costs_of(a.housing));
      out.on.push_back(*parse_month(a.application_month));
      out.incomes += a.incomes.size();
      out.members += a.members.size();
    }
    return out;
  }();
  return d;
}

/// The seed thresholds with the 2027 row added: the change that forces the recalculation.
Thresholds thresholds_after_change() {
  auto t = Thresholds::make(latvian_thresholds());
  if (!t || !t->add(kRow2027)) {
    std::fprintf(stderr, "assistance_recalc: the 2027 threshold row was refused\n");
    std::abort();
  }
  return *t;
}

/// What one recalculation pass found, to check it and to keep the work from being optimised away.
/// Cache-line aligned: the parallel run keeps one per thread side by side.
struct alignas(64) Tally {
  std::int64_t needy = 0, gmi_granted = 0, housing_granted = 0, errors = 0;
  Cents gmi_total = 0, housing_total = 0;

  Tally& operator+=(const Tally& o) {
    needy += o.needy;
    gmi_granted += o.gmi_granted;
    housing_granted += o.housing_granted;
    errors += o.errors;
    gmi_total += o.gmi_total;
    housing_total += o.housing_total;
    return *this;
  }
};

/// Needy status, GMI benefit and housing benefit of one household.
void recalculate(const Declaration& d, const HousingCosts& costs, const Thresholds& t,
                 const Date& on, Tally& tally) {
  const auto needy = needy_status(d, t, on);
  const auto gmi = gmi_benefit(d, t, on);
  const auto housing = housing_benefit(d, costs, kNorms, t, on);
  if (!needy || !gmi || !housing) {
    ++tally.errors;
    return;
  }
  tally.needy += needy->eligible;
  tally.gmi_granted += gmi->eligible;
  tally.housing_granted += housing->eligible;
  tally.gmi_total += gmi->amount;
  tally.housing_total += housing->amount;
}

/// Counters shared by both benchmarks; fails the run when any household was refused.
void report(benchmark::State& state, const Tally& tally) {
  const Data& d = data();
  if (tally.errors > 0) state.SkipWithError("some declarations were refused by the rules");
  state.counters["households"] = kHouseholds;
  state.counters["members"] = static_cast<double>(d.members);
  state.counters["incomes"] = static_cast<double>(d.incomes);
  state.counters["households_per_s"] = benchmark::Counter(
      kHouseholds, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["needy_pct"] = 100.0 * static_cast<double>(tally.needy) / kHouseholds;
  state.counters["gmi_pct"] = 100.0 * static_cast<double>(tally.gmi_granted) / kHouseholds;
  state.counters["housing_pct"] = 100.0 * static_cast<double>(tally.housing_granted) / kHouseholds;
}

void AssistanceRecalcRules(benchmark::State& state) {
  const Data& d = data();
  Tally tally;
  for (auto _ : state) {
    const Thresholds t = thresholds_after_change();
    tally = {};
    for (std::size_t i = 0; i < d.declarations.size(); ++i) {
      recalculate(d.declarations[i], d.costs[i], t, d.on[i], tally);
    }
    benchmark::DoNotOptimize(tally);
  }
  report(state, tally);
}

void AssistanceRecalcFromRecords(benchmark::State& state) {
  const Data& d = data();
  Tally tally;
  for (auto _ : state) {
    const Thresholds t = thresholds_after_change();
    tally = {};
    for (const Application& a : d.applications) {
      const auto declaration = declaration_of(a);
      const auto on = parse_month(a.application_month);
      if (!declaration || !on) {
        ++tally.errors;
        continue;
      }
      recalculate(*declaration, costs_of(a.housing), t, *on, tally);
    }
    benchmark::DoNotOptimize(tally);
  }
  report(state, tally);
}

void AssistanceRecalcRulesParallel(benchmark::State& state) {
  const Data& d = data();
  const unsigned n = std::max(1u, std::thread::hardware_concurrency());
  Tally tally;
  for (auto _ : state) {
    const Thresholds t = thresholds_after_change();
    std::vector<Tally> parts(n);
    std::vector<std::thread> threads;
    for (unsigned k = 0; k < n; ++k) {
      threads.emplace_back([&, k] {
        for (std::size_t i = k; i < d.declarations.size(); i += n) {
          recalculate(d.declarations[i], d.costs[i], t, d.on[i], parts[k]);
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
    tally = {};
    for (const Tally& part : parts) tally += part;
    benchmark::DoNotOptimize(tally);
  }
  state.counters["workers"] = n;
  report(state, tally);
}

/// Writes `count` households with a granted decision each (the first of many generated ones the
/// 2026 row grants) into a new SQLite database at `path`; returns the database.
std::shared_ptr<storage::Database> stored_households(const std::string& path, int count) {
  std::remove(path.c_str());
  auto opened = storage::Database::open("sqlite:" + path, 1);
  if (!opened || !storage::migrate(**opened)) std::abort();
  std::shared_ptr<storage::Database> db = std::move(*opened);
  RuleSettings before;  // as decided before the change: the seed rows, the norms
  before.national = *Thresholds::make(latvian_thresholds());
  before.low_income_rows = LowIncomeThresholds{};
  before.norms = Norms{"2026-01-01", {{"rent", kNorms.rent}, {"heating", kNorms.heating}, {"electricity", kNorms.electricity},
                                      {"water", kNorms.water}, {"gas", kNorms.gas}, {"sewage", kNorms.sewage},
                                      {"waste", kNorms.waste}, {"telecom", kNorms.telecom}}};
  auto written = db->write([&](storage::Connection& c) -> Result<void> {
    using storage::params;
    const std::string t = "2026-12-01T00:00:00.000Z";
    ATB_TRY(c.execute("INSERT INTO municipality (id, code, name, created_at) VALUES (1, 'bench', 'Bench', ?)", params(t)));
    ATB_TRY(c.execute("INSERT INTO department (id, municipality_id, code, name_lv, name_en) VALUES (1, 1, 'assistance', 'a', 'a')"));
    ATB_TRY(c.execute("INSERT INTO team (id, department_id, code, name_lv, name_en) VALUES (1, 1, 'benefits', 'b', 'b')"));
    ATB_TRY(insert_norms(c, 1, *before.norms));
    int stored = 0;
    for (Application& a : make_applications(count * 3)) {
      if (stored == count) break;
      a.kind = a.id % 2 ? "gmi" : "housing";
      const auto outcome = evaluate(before, a, *parse_month(a.application_month));
      if (!outcome) return outcome.error();
      const Decided decided = decide(a, *outcome, "");
      if (decided.decision.outcome != "granted") continue;
      ++stored;
      ATB_TRY(c.execute("INSERT INTO household (id, municipality_id, version, name, created_at, updated_at) VALUES (?, 1, 1, 'H', ?, ?)",
                        params(a.household_id, t, t)));
      for (const DeclaredMember& m : a.members) {
        ATB_TRY(c.execute("INSERT INTO person (id, municipality_id, version, given_names, surname, birth_date, sort_key, created_at,"
                          " updated_at) VALUES (?, 1, 1, 'V', 'U', ?, 'u v', ?, ?)",
                          params(m.person_id, m.birth_date, t, t)));
      }
      ATB_TRY(c.execute("INSERT INTO assistance_application (id, municipality_id, version, kind, status, household_id, applicant_id,"
                        " application_month, team_id, department_id, created_by, created_at, updated_at)"
                        " VALUES (?, 1, 3, ?, 'draft', ?, ?, ?, 1, 1, 0, ?, ?)",
                        params(a.id, a.kind, a.household_id, a.applicant_id, a.application_month, t, t)));
      for (const DeclaredMember& m : a.members) {
        ATB_TRY(c.execute("INSERT INTO assistance_member (application_id, person_id, able_to_work, pensioner, disability)"
                          " VALUES (?, ?, ?, ?, ?)", params(a.id, m.person_id, m.able_to_work, m.pensioner, m.disability)));
      }
      ATB_TRY_ASSIGN(declared, update_declaration(c, a.id, 3, std::nullopt, a.incomes, a.housing, t));
      if (!declared) return Error::internal("the declaration was not written");
      ATB_TRY(c.execute("UPDATE assistance_application SET status = 'decided' WHERE id = ?", params(a.id)));
      ATB_TRY(insert_decision(c, decided.decision, 0, decided.payments, t));
    }
    if (stored < count) return Error::internal("too few granted households");
    // The change: next year's national row.
    return insert_threshold(c, kRow2027, 0, t);
  });
  if (!written) {
    std::fprintf(stderr, "assistance_recalc: storing the households failed: %s\n", written.error().detail.c_str());
    std::abort();
  }
  return db;
}

/// CPU time (user + system) of every thread of this process so far, in seconds.
double process_cpu_s() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

void AssistanceBulkRecalcDatabase(benchmark::State& state) {
  const std::string path = "/tmp/atbalsts-bench-recalc.db";
  const auto setup = std::chrono::steady_clock::now();
  auto db = stored_households(path, kHouseholds);
  state.counters["setup_s"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - setup).count();
  BulkRecalcReport report;
  const double cpu_before = process_cpu_s();
  for (auto _ : state) {
    BulkRecalcOptions o;
    o.month = Date{2027, 4, 1};  // every decision's period contains it
    o.reason = "bench";
    auto r = recalculate_month(*db, o);
    if (!r) {
      state.SkipWithError("the recalculation failed");
      break;
    }
    report = *r;
  }
  // The run's threads together (the CPU column is the timing thread's only).
  state.counters["process_cpu_s"] = process_cpu_s() - cpu_before;
  state.counters["decisions"] = static_cast<double>(report.decisions);
  state.counters["changed"] = static_cast<double>(report.changed);
  state.counters["unchanged"] = static_cast<double>(report.unchanged);
  state.counters["failed"] = static_cast<double>(report.failed);
  db.reset();
  for (const char* tail : {"", "-wal", "-shm"}) std::remove((path + tail).c_str());
}

BENCHMARK(AssistanceBulkRecalcDatabase)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
BENCHMARK(AssistanceRecalcRules)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);
BENCHMARK(AssistanceRecalcFromRecords)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(5);
BENCHMARK(AssistanceRecalcRulesParallel)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(5);

}  // namespace
