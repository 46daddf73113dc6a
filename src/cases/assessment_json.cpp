#include "cases/assessment_json.h"

namespace atb::cases {

using nlohmann::json;

namespace {

json text(const Text& t) {
  return {{"lv", t.lv}, {"en", t.en}};
}

json optional_text(const Text& t) {
  return t.lv.empty() && t.en.empty() ? json(nullptr) : text(t);
}

json level(RiskLevel l) {
  return std::string(risk_level_code(l));
}

json thresholds_json(const Thresholds& t) {
  return {{"measure", t.measure == Measure::net ? "net" : "difficulty"},
          {"medium", t.medium},
          {"high", t.high},
          {"very_high", t.very_high}};
}

std::string_view score_kind(ScoreKind k) {
  return k == ScoreKind::difficulty ? "difficulty" : k == ScoreKind::resource ? "resource" : "none";
}

json question_json(const Question& q) {
  json out = {{"id", q.id},
              {"type", std::string(question_type_code(q.type))},
              {"text", text(q.text)},
              {"help", optional_text(q.help)},
              {"required", q.required},
              {"scores", std::string(score_kind(q.scores))},
              {"domain", q.domain.empty() ? json(nullptr) : json(q.domain)},
              {"max_points", max_points(q)}};
  switch (q.type) {
    case QuestionType::scale: {
      json points = json::array();
      for (const ScalePoint& pt : q.points)
        points.push_back({{"value", pt.value}, {"label", text(pt.label)}});
      out["points"] = std::move(points);
      break;
    }
    case QuestionType::yes_no:
      out["points"] = {{"yes", q.yes_points}, {"no", q.no_points}};
      break;
    case QuestionType::single_choice:
    case QuestionType::multiple_choice: {
      json options = json::array();
      for (const ChoiceOption& o : q.options) {
        options.push_back({{"id", o.id},
                           {"label", text(o.label)},
                           {"points", o.points},
                           {"exclusive", o.exclusive}});
      }
      out["options"] = std::move(options);
      break;
    }
    case QuestionType::text:
      out["max_length"] = q.max_length;
      break;
  }
  return out;
}

json condition_json(const Condition& c) {
  json out = {{"question", c.question}};
  if (c.kind == Condition::Kind::is) out["is"] = c.is;
  if (c.kind == Condition::Kind::any_of) out["any_of"] = c.options;
  if (c.kind == Condition::Kind::at_least) out["at_least"] = c.at_least;
  return out;
}

json scoring_json(const Scoring& s) {
  json counts = json::array();
  for (const CountRule& r : s.domain_counts) {
    counts.push_back({{"id", r.id},
                      {"count", r.count},
                      {"at_least", level(r.at_least)},
                      {"level", level(r.level)},
                      {"reason", text(r.reason)}});
  }
  json overrides = json::array();
  for (const Override& o : s.overrides) {
    json any = json::array();
    for (const Condition& c : o.any) any.push_back(condition_json(c));
    overrides.push_back({{"id", o.id},
                         {"level", level(o.level)},
                         {"domain", o.domain.empty() ? json(nullptr) : json(o.domain)},
                         {"any", std::move(any)},
                         {"reason", text(o.reason)}});
  }
  return {{"subject_thresholds",
           s.subject_thresholds ? thresholds_json(*s.subject_thresholds) : json(nullptr)},
          {"domain_counts", std::move(counts)},
          {"overrides", std::move(overrides)}};
}

json subject_json(const SubjectScore& s) {
  json domains = json::array();
  for (const DomainScore& d : s.domains) {
    domains.push_back({{"domain", d.domain},
                       {"difficulty", d.difficulty},
                       {"resource", d.resource},
                       {"max_difficulty", d.max_difficulty},
                       {"max_resource", d.max_resource},
                       {"measured", d.measured},
                       {"level", level(d.level)}});
  }
  return {{"member", s.household ? json(nullptr) : json(s.member)},
          {"role", s.household ? json(nullptr) : json(s.role)},
          {"household", s.household},
          {"difficulty", s.difficulty},
          {"resource", s.resource},
          {"level", level(s.level)},
          {"domains", std::move(domains)}};
}

json fired_json(const FiredRule& r) {
  return {{"kind", std::string(rule_kind_code(r.kind))},
          {"rule", r.rule.empty() ? json(nullptr) : json(r.rule)},
          {"member", r.member.empty() ? json(nullptr) : json(r.member)},
          {"household", r.household},
          {"domain", r.domain.empty() ? json(nullptr) : json(r.domain)},
          {"questions", r.questions},
          {"score", r.score},
          {"threshold", r.threshold},
          {"level", level(r.level)},
          {"reason", text(r.reason)}};
}

json items_json(const std::vector<SummaryItem>& items) {
  json out = json::array();
  for (const SummaryItem& i : items) {
    out.push_back({{"question", i.question},
                   {"question_text", text(i.question_text)},
                   {"answer", text(i.answer)},
                   {"points", i.points},
                   {"max_points", i.max_points}});
  }
  return out;
}

json summary_json(const SubjectSummary& s) {
  json domains = json::array();
  for (const DomainSummary& d : s.domains) {
    domains.push_back({{"domain", d.domain},
                       {"title", text(d.title)},
                       {"level", level(d.level)},
                       {"difficulty", d.difficulty},
                       {"resource", d.resource},
                       {"difficulties", items_json(d.difficulties)},
                       {"strengths", items_json(d.strengths)}});
  }
  return {{"member", s.household ? json(nullptr) : json(s.member)},
          {"role", s.household ? json(nullptr) : json(s.role)},
          {"household", s.household},
          {"role_title", text(s.role_title)},
          {"level", level(s.level)},
          {"domains", std::move(domains)}};
}

}  // namespace

json instrument_json(const Instrument& ins) {
  json roles = json::array();
  for (const Role& r : ins.roles) roles.push_back({{"id", r.id}, {"title", text(r.title)}});
  json domains = json::array();
  for (const Domain& d : ins.domains) {
    domains.push_back(
        {{"id", d.id}, {"title", text(d.title)}, {"thresholds", thresholds_json(d.thresholds)}});
  }
  json sections = json::array();
  for (const Section& s : ins.sections) {
    json questions = json::array();
    for (const Question& q : s.questions) questions.push_back(question_json(q));
    sections.push_back({{"id", s.id},
                        {"title", text(s.title)},
                        {"scope", s.scope == SectionScope::household ? "household" : "member"},
                        {"roles", s.roles},
                        {"questions", std::move(questions)}});
  }
  return {{"id", ins.id},
          {"version", ins.version},
          {"title", text(ins.title)},
          {"description", optional_text(ins.description)},
          {"per_member", ins.per_member},
          {"roles", std::move(roles)},
          {"domains", std::move(domains)},
          {"sections", std::move(sections)},
          {"scoring", scoring_json(ins.scoring)}};
}

json result_json(const Instrument& ins, const AnswerSet& answers, const ScoreResult& score) {
  json subjects = json::array();
  for (const SubjectScore& s : score.subjects) subjects.push_back(subject_json(s));
  json fired = json::array();
  for (const FiredRule& r : score.fired) fired.push_back(fired_json(r));
  json summary = json::array();
  for (const SubjectSummary& s : side_by_side(ins, answers, score))
    summary.push_back(summary_json(s));
  return {{"overall", level(score.overall)},
          {"subjects", std::move(subjects)},
          {"fired", std::move(fired)},
          {"summary", std::move(summary)}};
}

json to_json(const Assessment& a, bool with_answers) {
  json out = {{"id", a.id},
              {"case_id", a.case_id},
              {"instrument", {{"id", a.instrument_id}, {"version", a.instrument_version}}},
              {"version", a.version},
              {"status", a.status},
              {"overall_level", a.overall_level ? json(*a.overall_level) : json(nullptr)},
              {"created_by", {{"id", a.created_by}, {"name", a.created_by_name}}},
              {"created_at", a.created_at},
              {"updated_at", a.updated_at},
              {"completed_by", a.completed_by ? json{{"id", *a.completed_by},
                                                     {"name", a.completed_by_name.value_or("")}}
                                              : json(nullptr)},
              {"completed_at", a.completed_at ? json(*a.completed_at) : json(nullptr)}};
  if (with_answers) out["answers"] = json::parse(a.answers, nullptr, false);
  return out;
}

}  // namespace atb::cases
