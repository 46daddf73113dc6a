#include "cases/instrument_scoring.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace atb::cases {

namespace {

const Text kHousehold{"Mājsaimniecība", "Household"};

/// A subject's answers and which sections it answers.
struct Subject {
  const Answers* answers = nullptr;
  std::string member;
  std::string role;
  bool household = false;

  /// Whether this subject answers section `s`.
  bool answers_section(const Section& s) const {
    return household ? s.scope == SectionScope::household : s.applies_to(role);
  }
};

/// The household (when the instrument has household sections), then each member.
std::vector<Subject> subjects_of(const Instrument& ins, const AnswerSet& answers) {
  std::vector<Subject> out;
  if (ins.has_household_sections()) out.push_back({&answers.household, "", "", true});
  for (const MemberAnswers& m : answers.members)
    out.push_back({&m.answers, m.member, m.role, false});
  return out;
}

/// Calls `f(question, answer-or-nullptr)` for each question the subject answers in `domain`.
void for_each_in_domain(const Instrument& ins, const Subject& s, const std::string& domain,
                        const std::function<void(const Question&, const AnswerValue*)>& f) {
  for (const Section& sec : ins.sections) {
    if (!s.answers_section(sec)) continue;
    for (const Question& q : sec.questions) {
      if (q.scores == ScoreKind::none || q.domain != domain) continue;
      auto it = s.answers->find(q.id);
      f(q, it == s.answers->end() ? nullptr : &it->second);
    }
  }
}

/// "Mājsaimniecība" / "m1 (pieaugušais)".
Text subject_name(const Instrument& ins, const Subject& s) {
  if (s.household) return kHousehold;
  const Role* r = ins.role(s.role);
  if (!r) return {s.member, s.member};
  return {fmt::format("{} ({})", s.member, r->title.lv),
          fmt::format("{} ({})", s.member, r->title.en)};
}

/// The measured value of `t` for the given points.
int measure(const Thresholds& t, int difficulty, int resource) {
  return t.measure == Measure::difficulty ? difficulty : std::max(0, difficulty - resource);
}

/// "Grūtību punkti 7 ≥ 6" / "difficulty points 7 ≥ 6" for a threshold rule.
Text measured_text(const Thresholds& t, int score, RiskLevel level) {
  const bool net = t.measure == Measure::net;
  const Text& lvl = risk_level_text(level);
  return {
      fmt::format("{} {} ≥ {}: {} risks", net ? "grūtības mīnus resursi" : "grūtību punkti", score,
                  t.cutoff(level), lvl.lv),
      fmt::format("{} {} ≥ {}: {} risk", net ? "difficulties minus resources" : "difficulty points",
                  score, t.cutoff(level), lvl.en)};
}

/// Scores one domain of one subject before overrides; nullopt when it has no questions there.
std::optional<DomainScore> score_domain(const Instrument& ins, const Subject& s, const Domain& d) {
  DomainScore out;
  out.domain = d.id;
  bool any = false;
  for_each_in_domain(ins, s, d.id, [&](const Question& q, const AnswerValue* v) {
    any = true;
    const int pts = v ? answer_points(q, *v) : 0;
    const bool difficulty = q.scores == ScoreKind::difficulty;
    (difficulty ? out.difficulty : out.resource) += pts;
    (difficulty ? out.max_difficulty : out.max_resource) += max_points(q);
  });
  if (!any) return std::nullopt;
  out.measured = measure(d.thresholds, out.difficulty, out.resource);
  out.level = d.thresholds.level_of(out.measured);
  return out;
}

/// Whether condition `c` holds for the subject's answers.
bool holds(const Condition& c, const Answers& answers) {
  auto it = answers.find(c.question);
  if (it == answers.end()) return false;
  const AnswerValue& v = it->second;
  switch (c.kind) {
    case Condition::Kind::is:
      return std::holds_alternative<bool>(v) && std::get<bool>(v) == c.is;
    case Condition::Kind::at_least:
      return std::holds_alternative<std::int64_t>(v) && std::get<std::int64_t>(v) >= c.at_least;
    case Condition::Kind::any_of:
      return std::any_of(c.options.begin(), c.options.end(),
                         [&](const std::string& o) { return has_option(v, o); });
  }
  return false;
}

/// Scores one subject, appending the rules that fired to `fired`.
SubjectScore score_subject(const Instrument& ins, const Subject& s, std::vector<FiredRule>& fired) {
  SubjectScore out;
  out.member = s.member;
  out.role = s.role;
  out.household = s.household;
  const Text who = subject_name(ins, s);
  for (const Domain& d : ins.domains) {
    auto ds = score_domain(ins, s, d);
    if (!ds) continue;
    if (ds->level > RiskLevel::low) {
      Text m = measured_text(d.thresholds, ds->measured, ds->level);
      fired.push_back({RuleKind::domain_threshold,
                       "",
                       s.member,
                       s.household,
                       d.id,
                       {},
                       ds->measured,
                       d.thresholds.cutoff(ds->level),
                       ds->level,
                       {fmt::format("{}, joma \"{}\": {}.", who.lv, d.title.lv, m.lv),
                        fmt::format("{}, domain \"{}\": {}.", who.en, d.title.en, m.en)}});
    }
    out.difficulty += ds->difficulty;
    out.resource += ds->resource;
    out.level = std::max(out.level, ds->level);
    out.domains.push_back(*ds);
  }
  if (const auto& t = ins.scoring.subject_thresholds) {
    const int measured = measure(*t, out.difficulty, out.resource);
    const RiskLevel level = t->level_of(measured);
    if (level > RiskLevel::low) {
      Text m = measured_text(*t, measured, level);
      fired.push_back({RuleKind::subject_threshold,
                       "",
                       s.member,
                       s.household,
                       "",
                       {},
                       measured,
                       t->cutoff(level),
                       level,
                       {fmt::format("{}, kopā: {}.", who.lv, m.lv),
                        fmt::format("{}, in total: {}.", who.en, m.en)}});
      out.level = std::max(out.level, level);
    }
  }
  for (const Override& o : ins.scoring.overrides) {
    std::vector<std::string> triggered;
    for (const Condition& c : o.any) {
      const Section* sec = ins.section_of(c.question);
      if (sec && s.answers_section(*sec) && holds(c, *s.answers)) triggered.push_back(c.question);
    }
    if (triggered.empty()) continue;
    fired.push_back(
        {RuleKind::override_answer,
         o.id,
         s.member,
         s.household,
         o.domain,
         triggered,
         0,
         0,
         o.level,
         {fmt::format("{}: {}", who.lv, o.reason.lv), fmt::format("{}: {}", who.en, o.reason.en)}});
    out.level = std::max(out.level, o.level);
    for (DomainScore& ds : out.domains) {
      if (ds.domain == o.domain) ds.level = std::max(ds.level, o.level);
    }
  }
  return out;
}

}  // namespace

std::string_view rule_kind_code(RuleKind kind) {
  switch (kind) {
    case RuleKind::domain_threshold:
      return "domain_threshold";
    case RuleKind::subject_threshold:
      return "subject_threshold";
    case RuleKind::domain_count:
      return "domain_count";
    case RuleKind::override_answer:
      return "override";
  }
  return "";
}

Result<ScoreResult> score_answers(const Instrument& ins, const AnswerSet& answers) {
  ATB_TRY(validate_answers(ins, answers));
  ScoreResult out;
  out.instrument = ins.id;
  out.version = ins.version;
  for (const Subject& s : subjects_of(ins, answers)) {
    out.subjects.push_back(score_subject(ins, s, out.fired));
    out.overall = std::max(out.overall, out.subjects.back().level);
  }
  for (const CountRule& r : ins.scoring.domain_counts) {
    int count = 0;
    for (const SubjectScore& s : out.subjects) {
      count += static_cast<int>(
          std::count_if(s.domains.begin(), s.domains.end(),
                        [&](const DomainScore& d) { return d.level >= r.at_least; }));
    }
    if (count < r.count) continue;
    out.fired.push_back(
        {RuleKind::domain_count, r.id, "", false, "", {}, count, r.count, r.level, r.reason});
    out.overall = std::max(out.overall, r.level);
  }
  return out;
}

std::vector<SubjectSummary> side_by_side(const Instrument& ins, const AnswerSet& answers,
                                         const ScoreResult& score) {
  std::vector<SubjectSummary> out;
  const std::vector<Subject> subjects = subjects_of(ins, answers);
  for (std::size_t i = 0; i < subjects.size() && i < score.subjects.size(); ++i) {
    const Subject& s = subjects[i];
    const SubjectScore& sc = score.subjects[i];
    SubjectSummary sum;
    sum.member = s.member;
    sum.role = s.role;
    sum.household = s.household;
    const Role* role = ins.role(s.role);
    sum.role_title = s.household ? kHousehold : role ? role->title : Text{s.role, s.role};
    sum.level = sc.level;
    for (const DomainScore& ds : sc.domains) {
      const Domain* d = ins.domain(ds.domain);
      DomainSummary dsum{ds.domain, d ? d->title : Text{}, ds.level, ds.difficulty, ds.resource, {},
                         {}};
      for_each_in_domain(ins, s, ds.domain, [&](const Question& q, const AnswerValue* v) {
        const int pts = v ? answer_points(q, *v) : 0;
        if (pts <= 0) return;
        auto& column = q.scores == ScoreKind::difficulty ? dsum.difficulties : dsum.strengths;
        column.push_back({q.id, q.text, answer_label(q, *v), pts, max_points(q)});
      });
      for (auto* column : {&dsum.difficulties, &dsum.strengths}) {
        std::stable_sort(
            column->begin(), column->end(),
            [](const SummaryItem& a, const SummaryItem& b) { return a.points > b.points; });
      }
      sum.domains.push_back(std::move(dsum));
    }
    out.push_back(std::move(sum));
  }
  return out;
}

}  // namespace atb::cases
