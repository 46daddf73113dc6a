#include "cases/generator.h"

#include <algorithm>
#include <map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "access/user_store.h"
#include "cases/calendar.h"
#include "cases/generator_records.h"
#include "cases/model.h"
#include "cases/rules.h"
#include "cases/sample_texts.h"
#include "core/time.h"
#include "registry/bulk_insert.h"
#include "registry/name_lists.h"
#include "registry/population.h"

namespace atb::cases {
namespace {

using registry::BulkInsert;
using registry::IdReserver;
using storage::params;

/// A team of the social work department with its generated workers and the subjects of its cases.
struct Team {
  std::int64_t id = 0, department_id = 0;
  bool households = false;             ///< families: cases of households; adults: of persons
  std::vector<std::int64_t> workers;   ///< social workers
  std::vector<std::int64_t> supervisors;
  std::vector<std::pair<std::int64_t, std::int64_t>> subjects;  ///< (household or person, person)
  std::size_t next_subject = 0;
};

Result<Team> load_team(storage::Connection& c, std::int64_t municipality_id, const char* code) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT t.id, t.department_id FROM team t JOIN department d ON d.id = t.department_id"
                               " WHERE d.municipality_id = ? AND d.code = 'social_work' AND t.code = ?",
                               params(municipality_id, code)));
  if (rows.empty()) {
    return Error{Errc::conflict,
                 {fmt::format("Nav sociālā darba komandas “{}”: vispirms atbalsts demo.", code),
                  fmt::format("No social work team “{}”: run atbalsts demo first.", code)},
                 {},
                 {}};
  }
  Team t;
  t.id = rows[0].integer(0);
  t.department_id = rows[0].integer(1);
  t.households = std::string_view(code) == "families";
  return t;
}

/// A worker's name: mostly women, as in Latvian social services.
std::string worker_name(registry::gen::Rng& rng) {
  const auto& given = registry::lists::given_names();
  const auto& surnames = registry::lists::latvian_surnames();
  const char sex = rng.percent(88) ? 'F' : 'M';
  std::vector<const registry::lists::GivenNames*> lists;
  for (const auto& g : given) {
    if (g.sex == sex && g.origin == registry::lists::Origin::latvian && g.born_until >= 1960 && g.born_from <= 1995) {
      lists.push_back(&g);
    }
  }
  const auto& names = lists.empty() ? given.front().names : lists[rng.below(lists.size())]->names;
  const auto& surname = surnames[rng.below(surnames.size())];
  return std::string(names[rng.below(names.size())].name) + " " + (sex == 'F' ? surname.feminine : surname.masculine);
}

/// Ensures the generated users "PREFIX0001"… of a role exist in their teams, whose lists of
/// workers or supervisors get their ids.
Result<void> ensure_workers(storage::Connection& c, std::int64_t municipality_id, const CaseGeneratorOptions& o,
                            std::vector<Team*> teams, access::Role role, const char* prefix, std::size_t count,
                            registry::gen::Rng& rng, CaseGeneratorReport& report) {
  for (std::size_t i = 1; i <= count; ++i) {
    // Workers: 3 in 5 to the first team; supervisors: one each in turn.
    const bool first = role == access::Role::supervisor ? (i - 1) % 2 == 0 : (i - 1) % 5 < 3;
    Team& team = *teams[first || teams.size() == 1 ? 0 : 1];
    const std::string username = fmt::format("{}{:04}", prefix, i);
    const std::string name = worker_name(rng);
    ATB_TRY_ASSIGN(existing, access::find_user_id(c, username));
    std::int64_t id = 0;
    if (existing) {
      id = *existing;
    } else {
      access::NewUser u{username, name, std::nullopt, municipality_id, o.password_hash, {role}, {team.id}};
      ATB_TRY_ASSIGN_TO(id, access::insert_user(c, u));
      ++report.workers;
    }
    (role == access::Role::supervisor ? team.supervisors : team.workers).push_back(id);
    if (o.progress && i % 50 == 0) o.progress("workers", i, count);
  }
  return ok();
}

/// Households registered in the team with a current member, or persons registered in it.
Result<void> load_subjects(storage::Connection& c, Team& team, registry::gen::Rng& rng) {
  const char* sql =
      team.households
          ? "SELECT r.household_id, MIN(m.person_id) FROM household_registration r JOIN household_member m"
            " ON m.household_id = r.household_id AND m.until IS NULL WHERE r.team_id = ? GROUP BY r.household_id"
            " ORDER BY r.household_id"
          : "SELECT DISTINCT r.person_id, r.person_id FROM person_registration r JOIN person p ON p.id = r.person_id"
            " WHERE r.team_id = ? AND p.merged_into_id IS NULL ORDER BY r.person_id";
  ATB_TRY_ASSIGN(rows, c.query(sql, params(team.id)));
  for (const storage::Row& r : rows) team.subjects.emplace_back(r.integer(0), r.integer(1));
  if (team.subjects.empty()) {
    return Error{Errc::conflict,
                 {"Reģistrā nav personu vai mājsaimniecību: vispirms atbalsts demo --persons N.",
                  "The registry has no persons or households: run atbalsts demo --persons N first."},
                 {},
                 {}};
  }
  for (std::size_t i = team.subjects.size() - 1; i > 0; --i) std::swap(team.subjects[i], team.subjects[rng.below(i + 1)]);
  return ok();
}

// ---------------------------------------------------------------- the shape of one case

constexpr const char* kPath[] = {"intake", "agreement", "initial_assessment", "in_depth_assessment",
                                 "plan", "implementation", "review"};
/// Open cases by stage (weights): most are being implemented.
constexpr int kOpenWeights[] = {4, 6, 8, 8, 10, 50, 14};

template <std::size_t N>
std::size_t weighted(registry::gen::Rng& rng, const int (&weights)[N]) {
  int total = 0;
  for (int w : weights) total += w;
  int r = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
  for (std::size_t i = 0; i < N; ++i) {
    if ((r -= weights[i]) < 0) return i;
  }
  return N - 1;
}

/// The stages a case passed through after "intake", in order, ending at its stage.
std::vector<std::string> path_to(std::size_t stage, registry::gen::Rng& rng) {
  std::vector<std::string> path;
  const std::size_t linear = std::min<std::size_t>(stage, 6);
  for (std::size_t i = 1; i <= linear; ++i) path.emplace_back(kPath[i]);
  if (stage == 5 && rng.percent(30)) {  // implementing after a review that kept the plan
    path.emplace_back("review");
    path.emplace_back("implementation");
  } else if (stage == 4 && rng.percent(20)) {  // a new plan after a review
    path.insert(path.end(), {"implementation", "review", "plan"});
  }
  return path;
}

struct Closure {
  std::size_t last_stage;  ///< index into kPath of the stage it was closed from
  const char* reason;
};
/// Closed cases: the stage they closed from and why (weights).
constexpr Closure kClosures[] = {{5, "goals_reached"}, {6, "goals_reached"}, {5, "moved_away"}, {1, "refused_cooperation"},
                                 {2, "refused_cooperation"}, {5, "transferred"}, {6, "deceased"}, {3, "other"}};
constexpr int kClosureWeights[] = {40, 15, 10, 8, 5, 10, 4, 8};

const char* kFamilyProblems[] = {"neglect", "violence", "alcohol", "poverty", "basic_needs", "housing", "crisis", "other"};
const char* kAdultProblems[] = {"crisis", "housing", "unemployment", "mental_disorder", "alcohol", "disability",
                                "poverty", "psychoactive_substances"};
const char* kChannelMix[] = {"visit", "phone", "email", "web", "partner_referral", "police", "school"};
constexpr int kChannelWeights[] = {30, 25, 8, 5, 17, 8, 7};

std::string at_time(int day, int minute_of_day, int second = 30) { return GeneratedMoment{day, minute_of_day}.at(second); }

/// Writes generated cases with multi-row INSERTs; ids of intakes, cases and agreements reserved.
class CaseWriter {
 public:
  CaseWriter(storage::Connection& c, std::int64_t municipality_id, int today, std::uint64_t seed, const Keyring* keyring)
      : c_(c), municipality_id_(municipality_id), today_(today), rng_(seed), records_(c, keyring, seed) {}

  const RecordWriter& records() const { return records_; }

  Result<void> reserve_references() {
    ATB_TRY_ASSIGN(rows, c_.query("SELECT reference FROM intake"));
    for (const storage::Row& r : rows) references_.insert(r.text(0));
    return ok();
  }

  /// One case of `team` led by `lead`: open at a weighted stage, or closed.
  Result<void> write_case(Team& team, std::int64_t lead, bool open, CaseGeneratorReport& report) {
    const auto [subject, person] = team.subjects[team.next_subject++ % team.subjects.size()];
    std::vector<std::string> path;
    const Closure* closure = nullptr;
    if (open) {
      path = path_to(weighted(rng_, kOpenWeights), rng_);
    } else {
      closure = &kClosures[weighted(rng_, kClosureWeights)];
      path = path_to(closure->last_stage, rng_);
    }
    // Days: opened some time ago, every later move on a later (or the same) day.
    const int age = open ? rng_.between(14, 730) : rng_.between(400, 3650);
    const int opened = today_ - age;
    const int span = open ? age - 1 : std::min(age - 1, rng_.between(30, 900));
    std::vector<int> days;
    for (std::size_t i = 0; i < path.size() + (closure ? 1 : 0); ++i) days.push_back(opened + rng_.between(0, span));
    std::sort(days.begin(), days.end());

    ATB_TRY_ASSIGN(intake_id, intake_ids_.next());
    ATB_TRY_ASSIGN(case_id, case_ids_.next());
    const std::string created_at = at_time(opened, 9 * 60 + rng_.between(0, 59));
    ATB_TRY(write_intake(intake_id, team, team.households ? std::optional(subject) : std::nullopt, person,
                         opened - rng_.between(1, 7), std::optional(case_id), lead, created_at));
    ++report.intakes;

    std::string stage = "intake";
    int minute = 10 * 60;
    std::int64_t version = 1;
    ATB_TRY(transitions_.add(case_id, "", "intake", std::string(samples::transition_reason("intake", variant())), lead,
                             created_at));
    const std::int64_t supervisor = team.supervisors[rng_.below(team.supervisors.size())];
    std::vector<GeneratedPlan> plans;
    GeneratedMoment entered_plan;
    for (std::size_t i = 0; i < path.size(); ++i) {
      const std::string& to = path[i];
      minute = (i > 0 && days[i] == days[i - 1]) ? minute + 3 : 10 * 60 + rng_.between(0, 300);
      const GeneratedMoment now{days[i], minute};
      const std::string at = now.at(30);
      if (stage == "agreement") {  // leaving the agreement stage: the agreement is recorded just before
        ATB_TRY_ASSIGN(agreement_id, agreement_ids_.next());
        ATB_TRY(agreements_.add(agreement_id, case_id, registry::gen::date_of(days[i]).iso(),
                                std::string(samples::agreement_note(variant())), lead, now.at(10)));
        ATB_TRY(agreement_persons_.add(agreement_id, person));
        ++report.agreements;
      }
      if (stage == "plan" && to == "implementation") {  // a plan made in this plan stage, approved just before
        plans.push_back({case_id, static_cast<int>(plans.size()) + 1, "approved", entered_plan, now, team.households,
                         lead, supervisor, person, true});
      }
      if (to == "plan") entered_plan = {days[i], minute};
      ATB_TRY(transitions_.add(case_id, stage, to, std::string(samples::transition_reason(to, variant())), lead, at));
      stage = to;
      ++version;
    }
    // Only the last approved plan stays in force; a case at the plan stage may have a draft.
    for (std::size_t i = 0; i + 1 < plans.size(); ++i) plans[i].status = "superseded";
    if (open && !plans.empty() && stage != "plan") plans.back().finished = false;
    if (open && stage == "plan" && rng_.percent(70)) {
      plans.push_back({case_id, static_cast<int>(plans.size()) + 1, "draft", entered_plan, std::nullopt, team.households,
                       lead, supervisor, person, false});
    }
    for (const GeneratedPlan& p : plans) ATB_TRY(records_.plan(p));
    std::optional<std::string> closed_on, reason;
    std::optional<int> rating;
    if (closure) {
      const int day = days.back();
      const std::string note(samples::closure_note(closure->reason, variant()));
      closed_on = registry::gen::date_of(day).iso();
      reason = closure->reason;
      rating = std::string_view(closure->reason) == "goals_reached" ? rng_.between(4, 5) : rng_.between(1, 3);
      ATB_TRY(closures_.add(case_id, *reason, *rating, note, lead, at_time(day, 16 * 60 + 30), "approved", supervisor,
                            at_time(day, 17 * 60), std::string(samples::approval_note(variant()))));
      ATB_TRY(transitions_.add(case_id, stage, "closed", note, supervisor, at_time(day, 17 * 60, 40)));
      stage = "closed";
      ++version;
      ++report.closures;
    } else {
      ++report.open_cases;
    }
    std::vector<std::int64_t> authors{lead, supervisor};
    if (open && rng_.percent(15) && team.workers.size() > 1) {  // a co-worker
      const std::int64_t co = team.workers[rng_.below(team.workers.size())];
      if (co != lead) {
        ATB_TRY(co_workers_.add(case_id, co));
        authors.push_back(co);
      }
    }
    ATB_TRY(records_.notes(case_id, opened, closure ? days.back() : today_ - 1, rng_.between(6, 60), authors));
    report.transitions += path.size() + 1 + (closure ? 1 : 0);
    const std::string updated_at = at_time(days.empty() ? opened : days.back(), 17 * 60 + 1);
    ATB_TRY(cases_.add(case_id, municipality_id_, team.department_id, team.id, version,
                       team.households ? std::optional(subject) : std::nullopt,
                       team.households ? std::nullopt : std::optional(subject), intake_id, stage, lead,
                       registry::gen::date_of(opened).iso(), closed_on, reason, rating, lead, created_at, updated_at));
    ++report.cases;
    return cases_.pending() >= 2'000 || records_.pending() >= 50'000 ? flush() : ok();
  }

  /// An open intake awaiting its outcome (the duty board shows the acute ones).
  Result<void> write_open_intake(Team& team, std::int64_t by, CaseGeneratorReport& report) {
    const auto [subject, person] = team.subjects[rng_.below(team.subjects.size())];
    ATB_TRY_ASSIGN(intake_id, intake_ids_.next());
    const int received = today_ - rng_.between(0, 9);
    ATB_TRY(write_intake(intake_id, team, team.households ? std::optional(subject) : std::nullopt, person, received,
                         std::nullopt, by, at_time(received, 8 * 60 + rng_.between(0, 540))));
    ++report.intakes;
    return ok();
  }

  /// Writes what waits, parents before the rows that refer to them.
  Result<void> flush() {
    for (BulkInsert* b : {&intakes_, &intake_persons_, &intake_problems_, &cases_, &co_workers_, &transitions_,
                          &agreements_, &agreement_persons_, &closures_}) {
      ATB_TRY(b->flush());
    }
    return records_.flush();
  }

 private:
  unsigned variant() { return static_cast<unsigned>(rng_.below(1000)); }

  std::string reference() {
    for (;;) {
      std::string bytes(8, '\0');
      for (char& ch : bytes) ch = static_cast<char>(rng_.below(256));
      std::string r = intake_reference(bytes);
      if (references_.insert(r).second) return r;
    }
  }

  /// The first-contact deadline of an intake received on `day` (cached per day and urgency).
  const std::string& due_on(const std::string& urgency, int day) {
    std::string& due = deadlines_[{urgency, day}];
    if (due.empty()) {
      const auto received = parse_iso_utc(at_time(day, 9 * 60));
      due = first_contact_deadline(urgency, *received, calendar_, settings_).due_on.iso();
    }
    return due;
  }

  Result<void> write_intake(std::int64_t id, const Team& team, std::optional<std::int64_t> household,
                            std::int64_t person, int received_day, std::optional<std::int64_t> case_id,
                            std::int64_t by, const std::string& decided_at) {
    const int u = static_cast<int>(rng_.below(100));
    const std::string urgency = u < 8 ? "acute" : u < 30 ? "priority" : "routine";
    const std::string channel = kChannelMix[weighted(rng_, kChannelWeights)];
    const int k = static_cast<int>(rng_.below(100));
    const std::string reporter = channel == "police" || channel == "school" || channel == "partner_referral" ? "partner"
                                 : k < 80                                                                 ? "person"
                                                                                                          : "anonymous";
    const int minute = 8 * 60 + rng_.between(0, 540);
    const std::string received_at = at_time(received_day, minute);
    std::optional<std::string> due_at;
    if (urgency == "acute") due_at = at_time(received_day + 1, minute);
    const auto& problems = team.households ? kFamilyProblems : kAdultProblems;
    std::vector<std::string> chosen{problems[rng_.below(std::size(kFamilyProblems))]};
    while (rng_.percent(40) && chosen.size() < 3) {
      std::string p = problems[rng_.below(std::size(kFamilyProblems))];
      if (std::find(chosen.begin(), chosen.end(), p) == chosen.end()) chosen.push_back(p);
    }
    if (urgency == "acute" && std::find(chosen.begin(), chosen.end(), "violence") == chosen.end()) chosen.push_back("violence");
    const unsigned v = variant();
    const bool decided = case_id.has_value();
    ATB_TRY(intakes_.add(id, reference(), municipality_id_, team.department_id, team.id, decided ? 2 : 1, channel,
                         urgency, decided ? "closed" : "open", reporter, std::string(samples::reporter_name(reporter, v)),
                         std::string(samples::reporter_contact(reporter, v)), household,
                         std::string(samples::concern(chosen.front(), v)), received_at, due_on(urgency, received_day),
                         due_at, decided ? std::optional<std::string>("open_case") : std::nullopt, case_id,
                         decided ? std::optional(by) : std::nullopt,
                         decided ? std::optional(decided_at) : std::nullopt, by, received_at,
                         decided ? decided_at : received_at));
    ATB_TRY(intake_persons_.add(id, person));
    std::sort(chosen.begin(), chosen.end());
    for (const std::string& p : chosen) ATB_TRY(intake_problems_.add(id, p));
    return ok();
  }

  storage::Connection& c_;
  std::int64_t municipality_id_;
  int today_;
  registry::gen::Rng rng_;
  RecordWriter records_;
  Calendar calendar_;
  Settings settings_;
  std::map<std::pair<std::string, int>, std::string> deadlines_;
  std::unordered_set<std::string> references_;
  IdReserver intake_ids_{c_, "intake"}, case_ids_{c_, "case_file"}, agreement_ids_{c_, "case_agreement"};
  BulkInsert intakes_{c_, "intake", {"id", "reference", "municipality_id", "department_id", "team_id", "version", "channel",
                                     "urgency", "status", "reporter_kind", "reporter_name", "reporter_contact",
                                     "household_id", "concern", "received_at", "first_contact_due_on",
                                     "first_contact_due_at", "outcome", "case_id", "decided_by", "decided_at",
                                     "created_by", "created_at", "updated_at"}};
  BulkInsert intake_persons_{c_, "intake_person", {"intake_id", "person_id"}};
  BulkInsert intake_problems_{c_, "intake_problem", {"intake_id", "problem"}};
  BulkInsert cases_{c_, "case_file", {"id", "municipality_id", "department_id", "team_id", "version", "household_id",
                                      "person_id", "intake_id", "stage", "lead_worker_id", "opened_on", "closed_on",
                                      "closure_reason", "outcome_rating", "created_by", "created_at", "updated_at"}};
  BulkInsert co_workers_{c_, "case_worker", {"case_id", "user_id"}};
  BulkInsert transitions_{c_, "case_transition", {"case_id", "from_stage", "to_stage", "reason", "by_user", "at"}};
  BulkInsert agreements_{c_, "case_agreement", {"id", "case_id", "agreed_on", "note", "recorded_by", "recorded_at"}};
  BulkInsert agreement_persons_{c_, "case_agreement_person", {"agreement_id", "person_id"}};
  BulkInsert closures_{c_, "case_closure_request", {"case_id", "closure_reason", "outcome_rating", "note", "requested_by",
                                                    "requested_at", "status", "decided_by", "decided_at", "decision_note"}};
};

Result<void> generate_in(storage::Connection& c, std::int64_t municipality_id, const CaseGeneratorOptions& o,
                         CaseGeneratorReport& report) {
  ATB_TRY_ASSIGN(count, c.query("SELECT COUNT(*) FROM case_file WHERE municipality_id = ?", params(municipality_id)));
  report.existing_cases = static_cast<std::size_t>(count[0].integer(0));
  if (report.existing_cases >= o.cases) return ok();
  const std::size_t wanted = o.cases - report.existing_cases;
  const int today = registry::gen::day_number(o.today.value_or(today_riga()));
  registry::gen::Rng rng(o.seed ^ 0xCA5E5ull);
  ATB_TRY_ASSIGN(families, load_team(c, municipality_id, "families"));
  ATB_TRY_ASSIGN(adults, load_team(c, municipality_id, "adults"));
  const std::size_t workers = worker_count(o);
  ATB_TRY(ensure_workers(c, municipality_id, o, {&families, &adults}, access::Role::social_worker, "sw", workers, rng, report));
  ATB_TRY(ensure_workers(c, municipality_id, o, {&families, &adults}, access::Role::supervisor, "sv",
                         std::max<std::size_t>(2, workers / 15), rng, report));
  ATB_TRY(load_subjects(c, families, rng));
  ATB_TRY(load_subjects(c, adults, rng));

  registry::BulkLoadSettings settings(c);
  ATB_TRY(settings.apply());
  CaseWriter writer(c, municipality_id, today, o.seed, o.keyring);
  ATB_TRY(writer.reserve_references());
  // Each worker's open caseload (30–60), the rest closed cases of earlier years.
  std::vector<std::pair<Team*, std::int64_t>> open_leads;
  for (Team* team : {&families, &adults}) {
    for (std::int64_t w : team->workers) {
      const int load = rng.between(30, 60);
      for (int i = 0; i < load; ++i) open_leads.emplace_back(team, w);
    }
  }
  for (std::size_t i = open_leads.size() - 1; i > 0; --i) std::swap(open_leads[i], open_leads[rng.below(i + 1)]);
  if (open_leads.size() > wanted) open_leads.resize(wanted);
  std::vector<std::pair<Team*, std::int64_t>> all_workers;
  for (Team* team : {&families, &adults}) {
    for (std::int64_t w : team->workers) all_workers.emplace_back(team, w);
  }
  for (std::size_t i = 0; i < wanted; ++i) {
    // Open and closed cases interleaved, so that ids do not sort them.
    const bool open = open_leads.size() * (i + 1) / wanted > open_leads.size() * i / wanted;
    const auto [team, lead] = open ? open_leads[open_leads.size() * i / wanted] : all_workers[rng.below(all_workers.size())];
    ATB_TRY(writer.write_case(*team, lead, open, report));
    if (o.progress && (i % 5'000 == 0 || i + 1 == wanted)) o.progress("cases", i + 1, wanted);
  }
  // Open intakes awaiting an outcome: one per 200 cases, a few of them acute.
  for (std::size_t i = 0; i < std::max<std::size_t>(2, wanted / 200); ++i) {
    const auto [team, by] = all_workers[rng.below(all_workers.size())];
    ATB_TRY(writer.write_open_intake(*team, by, report));
  }
  ATB_TRY(writer.flush());
  report.plans = writer.records().plan_count();
  report.tasks = writer.records().task_count();
  report.notes = writer.records().note_count();
  if (c.engine() == storage::Engine::postgresql) {
    for (const char* t : {"intake", "intake_person", "intake_problem", "case_file", "case_worker", "case_transition",
                          "case_agreement", "case_agreement_person", "case_closure_request", "case_plan",
                          "case_plan_agreement", "case_goal", "case_task", "case_note"}) {
      ATB_TRY(c.execute_script(std::string("ANALYZE ") + t));
    }
  }
  return settings.restore();
}

}  // namespace

std::size_t worker_count(const CaseGeneratorOptions& o) {
  if (o.workers) return o.workers;
  return std::clamp<std::size_t>(o.cases / 1000, 4, kNationalWorkers);
}

Result<CaseGeneratorReport> generate_cases(storage::Database& db, std::int64_t municipality_id,
                                           const CaseGeneratorOptions& o) {
  return registry::bulk_write(db, [&](storage::Connection& c) -> Result<CaseGeneratorReport> {
    CaseGeneratorReport report;
    ATB_TRY(generate_in(c, municipality_id, o, report));
    return report;
  });
}

}  // namespace atb::cases
