#include "app/demo_case_walk.h"

#include <fmt/format.h>

#include "cases/assessment_json.h"
#include "cases/assessment_store.h"
#include "cases/calendar.h"
#include "cases/case_store.h"
#include "cases/instrument_answers.h"
#include "cases/instrument_scoring.h"
#include "cases/intake_store.h"
#include "cases/note_store.h"
#include "cases/plan_rules.h"
#include "cases/plan_store.h"
#include "cases/records_model.h"
#include "cases/rules.h"
#include "cases/sample_texts.h"
#include "core/time.h"

namespace atb::app {
namespace {

using namespace atb::cases;

const char* const kFamilyProblems[] = {"neglect", "violence", "alcohol", "poverty", "basic_needs", "housing"};
const char* const kAdultProblems[] = {"crisis", "housing", "unemployment", "mental_disorder", "alcohol", "disability"};
const char* const kChannels[] = {"visit", "phone", "school", "police", "partner_referral", "email"};

/// The stages a case passes after "intake" to reach `stage` ("closed": from implementation).
std::vector<std::string> path_to(const std::string& stage) {
  std::vector<std::string> path;
  const std::string last = stage == "closed" ? "implementation" : stage;
  if (last == "intake") return path;
  for (std::size_t i = 1; i < std::size(kStages) - 1; ++i) {
    path.emplace_back(kStages[i]);
    if (path.back() == last) break;
  }
  return path;
}

/// A clock moving forward through a case's life: a day (`age` days ago at first) and a minute.
class Clock {
 public:
  explicit Clock(int age_days) : day_(add_days(today_riga(), -age_days)), minute_(9 * 60) {}
  /// Moves on `days` days (to 09:00 + some minutes), or a few minutes on the same day.
  std::string next(int days) {
    if (days > 0) {
      day_ = std::min(add_days(day_, days), add_days(today_riga(), -1));
      minute_ = 9 * 60;
    }
    minute_ += 7;
    return now();
  }
  std::string now() const { return fmt::format("{}T{:02}:{:02}:00.000Z", day_.iso(), minute_ / 60, minute_ % 60); }
  const Date& day() const { return day_; }

 private:
  Date day_;
  int minute_;
};

/// Answers to every question of `ins` that applies, chosen by `n`: a value on each scale, "no"
/// mostly, the first options of choices, a short text.
AnswerSet fill_answers(const Instrument& ins, const DemoCaseSubject& s, unsigned n) {
  AnswerSet set;
  auto answer = [&](const Question& q, unsigned k) -> AnswerValue {
    switch (q.type) {
      case QuestionType::scale:
        return static_cast<std::int64_t>(q.points[(n + k) % q.points.size()].value);
      case QuestionType::yes_no:
        return (n + k) % 4 == 0;
      case QuestionType::single_choice:
        return q.options[(n + k) % q.options.size()].id;
      case QuestionType::multiple_choice:
        return std::vector<std::string>{q.options.front().id};
      case QuestionType::text:
        return std::string("Pārrunāts ar klientu; skatīt piezīmes.");
    }
    return std::string();
  };
  auto fill = [&](const Section& sec, Answers& out) {
    for (std::size_t k = 0; k < sec.questions.size(); ++k) out[sec.questions[k].id] = answer(sec.questions[k], static_cast<unsigned>(k));
  };
  for (const Section& sec : ins.sections) {
    if (sec.scope == SectionScope::household) fill(sec, set.household);
  }
  const std::size_t members = ins.per_member ? s.persons.size() : 1;
  for (std::size_t m = 0; m < members; ++m) {
    MemberAnswers ma;
    ma.member = std::to_string(s.persons[m]);
    ma.role = !ins.per_member ? ins.roles.front().id : s.children[m] ? "child" : "adult";
    for (const Section& sec : ins.sections) {
      if (sec.scope == SectionScope::member && sec.applies_to(ma.role)) fill(sec, ma.answers);
    }
    set.members.push_back(std::move(ma));
  }
  return set;
}

class Walk {
 public:
  Walk(storage::Connection& c, const DemoCaseSubject& s, unsigned n, const DemoCaseTools& tools, int age)
      : c_(c), s_(s), n_(n), tools_(tools), clock_(age) {}

  Result<std::int64_t> run(const std::string& stage) {
    ATB_TRY(open_case());
    for (const std::string& to : path_to(stage)) {
      const std::string from = k_.stage;
      ATB_TRY(note(3));
      if (from == "agreement") ATB_TRY(agreement());
      if (from == "in_depth_assessment" && n_ % 2 == 0) ATB_TRY(assessment(true));
      if (from == "plan") ATB_TRY(plan(true));
      ATB_TRY(move(to, std::string(samples::transition_reason(to, n_))));
    }
    if (stage == "in_depth_assessment") ATB_TRY(assessment(false));
    if (stage == "plan") ATB_TRY(plan(false));
    ATB_TRY(note(2));
    if (stage == "closed") ATB_TRY(close());
    return k_.id;
  }

 private:
  Result<void> open_case() {
    const std::string urgency = n_ % 7 == 3 ? "acute" : n_ % 3 == 0 ? "priority" : "routine";
    ATB_TRY_ASSIGN(i, add_demo_intake(c_, s_, urgency, clock_.next(0), n_));
    const std::int64_t intake_id = i.id;
    const std::string now = clock_.next(1);
    CaseFile k;
    k.municipality_id = s_.municipality_id;
    k.department_id = s_.department_id;
    k.team_id = s_.team_id;
    k.household_id = s_.household_id;
    k.person_id = s_.person_id;
    k.intake_id = intake_id;
    k.lead_worker_id = s_.lead;
    k.opened_on = clock_.day().iso();
    ATB_TRY_ASSIGN(id, insert_case(c_, k, "Pieteikums " + i.reference, s_.lead, now));
    ATB_TRY(set_intake_outcome(c_, intake_id, 1, OutcomeRecord{"open_case", "", std::nullopt, id, s_.lead}, now));
    return reload(id);
  }

  Result<void> reload(std::int64_t id) {
    ATB_TRY_ASSIGN(k, load_case(c_, id));
    if (!k) return Error::internal("demo case vanished");
    k_ = std::move(*k);
    return ok();
  }

  Result<void> move(const std::string& to, const std::string& reason) {
    ATB_TRY(check_transition(k_.stage, to, facts_of(k_)));
    if (k_.stage == "plan") {
      ATB_TRY_ASSIGN(approved, approved_plan_created_at(c_, k_.id));
      ATB_TRY(check_plan_stage(k_.stage, to, entered_stage_at(k_, "plan"), approved));
    }
    ATB_TRY_ASSIGN(moved, change_stage(c_, k_, k_.version, StageChange{to, {}, {}, {}}, reason, s_.lead, clock_.next(9 + n_ % 6)));
    if (!moved) return Error::internal("demo case changed meanwhile");
    return reload(k_.id);
  }

  Result<void> agreement() {
    const std::string now = clock_.next(3);
    ATB_TRY(check_agreement_stage(k_));
    ATB_TRY_ASSIGN(on, check_agreed_on(clock_.day().iso(), *parse_date(k_.opened_on), today_riga()));
    Agreement a{0, on.iso(), {}, std::string(samples::agreement_note(n_)), s_.lead, now};
    for (std::size_t i = 0; i < s_.persons.size(); ++i) {
      if (!s_.children[i]) a.person_ids.push_back(s_.persons[i]);
    }
    ATB_TRY(insert_agreement(c_, k_.id, a));
    return reload(k_.id);
  }

  /// An assessment with the instrument of the case's kind; completed when `complete`.
  Result<void> assessment(bool complete) {
    if (!tools_.instruments) return ok();
    const Instrument* ins = tools_.instruments->latest(s_.household_id ? "family-children" : "adult-in-crisis");
    if (!ins) return ok();
    ATB_TRY(check_assessment_change(k_, nullptr));
    const AnswerSet set = fill_answers(*ins, s_, n_);
    Assessment a;
    a.case_id = k_.id;
    a.instrument_id = ins->id;
    a.instrument_version = ins->version;
    a.answers = answers_to_json(set).dump();
    a.created_by = a.updated_by = s_.lead;
    ATB_TRY_ASSIGN(id, insert_assessment(c_, a, clock_.next(2)));
    if (!complete) return ok();
    ATB_TRY_ASSIGN(score, score_answers(*ins, set));
    ATB_TRY_ASSIGN(done, complete_assessment(c_, id, 1, a.answers, std::string(risk_level_code(score.overall)),
                                             result_json(*ins, set, score).dump(), s_.lead, clock_.next(5)));
    if (!done) return Error::internal("demo assessment changed meanwhile");
    return ok();
  }

  /// A plan made now; with `approve` agreed by the family, submitted and approved by the supervisor.
  Result<void> plan(bool approve) {
    Plan p;
    p.case_id = k_.id;
    p.review_on = add_days(today_riga(), 30 + static_cast<int>(n_ % 90)).iso();
    const bool family = s_.household_id.has_value();
    for (unsigned g = 0; g < 2; ++g) {
      PlanGoal goal;
      goal.text = samples::plan_goal(family, n_ + g);
      for (unsigned t = 0; t < 2; ++t) {
        PlanTask task;
        const unsigned v = n_ * 3 + g * 2 + t;
        task.text = samples::plan_task(v);
        task.due_on = add_days(today_riga(), 14 + static_cast<int>(v % 60)).iso();
        task.responsible.kind = samples::plan_task_responsible(v);
        if (task.responsible.kind == "member") task.responsible.person_id = s_.persons.front();
        if (task.responsible.kind == "worker") task.responsible.user_id = s_.lead;
        if (task.responsible.kind == "partner") task.responsible.partner_name = std::string(samples::partner_name(v));
        goal.tasks.push_back(std::move(task));
      }
      p.goals.push_back(std::move(goal));
    }
    ATB_TRY_ASSIGN(preparing, c_.query("SELECT 1 FROM case_plan WHERE case_id = ? AND status IN ('draft', 'submitted')",
                                       storage::params(k_.id)));
    ATB_TRY(check_plan_start(k_, !preparing.empty()));
    const std::string made = clock_.next(2);
    ATB_TRY_ASSIGN(id, insert_plan(c_, p, s_.lead, made));
    if (!approve) return ok();
    ATB_TRY(set_family_agreement(c_, id, 1, clock_.day().iso(), {s_.persons.front()}, clock_.next(1)));
    ATB_TRY(submit_plan(c_, id, 2, "submitted", s_.lead, clock_.next(0)));
    ATB_TRY(supersede_in_force(c_, k_.id, clock_.next(1)));
    ATB_TRY_ASSIGN(decided, decide_plan(c_, id, 3, true, s_.supervisor, std::string("Plāns apstiprināts."), clock_.next(0)));
    if (!decided) return Error::internal("demo plan changed meanwhile");
    return ok();
  }

  Result<void> note(int count) {
    if (!tools_.keyring) return ok();
    for (int i = 0; i < count; ++i) {
      const char* kind = kNoteKinds[(n_ + static_cast<unsigned>(i)) % 4];
      const std::string now = clock_.next(i == 0 ? 2 : 1);
      const CaseNote record{0,  k_.id, kind, clock_.day().iso(), s_.lead,
                            "", now,   tools_.keyring->seal(samples::note(kind, n_ * 5 + static_cast<unsigned>(i)))};
      ATB_TRY(insert_note(c_, record));
    }
    return ok();
  }

  Result<void> close() {
    const char* reason = n_ % 3 == 0 ? "moved_away" : "goals_reached";
    const int rating = std::string_view(reason) == "goals_reached" ? 4 + static_cast<int>(n_ % 2) : 2;
    ATB_TRY(check_closure_request(k_));
    ATB_TRY(check_closure_fields(reason, rating));
    const std::string note(samples::closure_note(reason, n_));
    ClosureRequest r{0, reason, rating, note, s_.lead, clock_.next(20), "pending", {}, {}, {}};
    ATB_TRY_ASSIGN(request_id, insert_closure_request(c_, k_.id, r));
    ATB_TRY(reload(k_.id));
    ATB_TRY(check_closure_decision(k_));
    const std::string now = clock_.next(1);
    ATB_TRY(decide_closure_request(c_, request_id, true, s_.supervisor, std::string(samples::approval_note(n_)), now));
    ATB_TRY_ASSIGN(moved, change_stage(c_, k_, k_.version, StageChange{"closed", clock_.day().iso(), reason, rating}, note,
                                       s_.supervisor, now));
    if (!moved) return Error::internal("demo case changed meanwhile");
    return ok();
  }

  storage::Connection& c_;
  const DemoCaseSubject& s_;
  unsigned n_;
  const DemoCaseTools& tools_;
  Clock clock_;
  CaseFile k_;
};

}  // namespace

Result<Intake> add_demo_intake(storage::Connection& c, const DemoCaseSubject& s, const std::string& urgency,
                               const std::string& received_at, unsigned n) {
  const bool family = s.household_id.has_value();
  Intake i;
  i.municipality_id = s.municipality_id;
  i.department_id = s.department_id;
  i.team_id = s.team_id;
  i.channel = kChannels[n % std::size(kChannels)];
  i.urgency = urgency;
  i.reporter.kind = i.channel == "police" || i.channel == "school" || i.channel == "partner_referral" ? "partner" : "person";
  i.reporter.name = samples::reporter_name(i.reporter.kind, n);
  i.reporter.contact = samples::reporter_contact(i.reporter.kind, n);
  i.household_id = s.household_id;
  i.person_ids = {s.persons.front()};
  i.problems = {family ? kFamilyProblems[n % 6] : kAdultProblems[n % 6]};
  if (i.urgency == "acute" && i.problems.front() != "violence") i.problems.push_back("violence");
  std::sort(i.problems.begin(), i.problems.end());
  i.concern = samples::concern(i.problems.front(), n);
  i.received_at = received_at;
  const Deadline d = first_contact_deadline(i.urgency, *parse_iso_utc(i.received_at), Calendar{}, Settings{});
  i.first_contact_due_on = d.due_on.iso();
  if (d.due_at) i.first_contact_due_at = iso_utc(*d.due_at);
  i.reference = intake_reference(fmt::format("{:08}", n * 7919 + 104729));
  i.created_by = s.lead;
  i.created_at = i.received_at;
  ATB_TRY_ASSIGN_TO(i.id, insert_intake(c, i));
  return i;
}

Result<std::int64_t> walk_demo_case(storage::Connection& c, const DemoCaseSubject& subject, const std::string& stage,
                                    int age_days, unsigned n, const DemoCaseTools& tools) {
  Walk walk(c, subject, n, tools, age_days);
  return walk.run(stage);
}

}  // namespace atb::app
