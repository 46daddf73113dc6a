// Scoring of an assessment: per member (and the household) and per domain, difficulty and
// resource points and a risk level; the overall risk level with the rules that fired, for an
// explanation; and the "strengths and difficulties side by side" summary of the result page.
// Pure functions, no I/O.
#pragma once

#include <string>
#include <vector>

#include "cases/instrument.h"
#include "cases/instrument_answers.h"
#include "core/result.h"

namespace atb::cases {

/// One domain of one subject.
struct DomainScore {
  std::string domain;
  int difficulty = 0;      ///< difficulty points scored
  int resource = 0;        ///< resource points scored
  int max_difficulty = 0;  ///< the most difficulty points this subject could score here
  int max_resource = 0;    ///< the most resource points this subject could score here
  int measured = 0;        ///< what the domain's thresholds were applied to (difficulty or net)
  RiskLevel level = RiskLevel::low;  ///< after overrides
};

/// One subject: a member, or the household (its sections with scope "household").
struct SubjectScore {
  std::string member;  ///< empty for the household
  std::string role;    ///< empty for the household
  bool household = false;
  std::vector<DomainScore> domains;  ///< instrument order; only domains it has questions in
  int difficulty = 0;                ///< sum over its domains
  int resource = 0;                  ///< sum over its domains
  RiskLevel level = RiskLevel::low;  ///< highest of its domains, subject thresholds, overrides
};

/// The kind of a rule that raised a level.
enum class RuleKind {
  domain_threshold,   ///< a domain's score reached a cut-off
  subject_threshold,  ///< a subject's total reached scoring.subject_thresholds
  domain_count,       ///< enough domains at a level (scoring.domain_counts)
  override_answer,    ///< an answer that means "at least" a level (scoring.overrides)
};

/// "domain_threshold", "subject_threshold", "domain_count" or "override".
std::string_view rule_kind_code(RuleKind kind);

/// A rule that fired, with what it needs for an explanation.
struct FiredRule {
  RuleKind kind = RuleKind::domain_threshold;
  std::string rule;        ///< count/override rule id; empty for thresholds
  std::string member;      ///< the subject's member id (empty for household and count rules)
  bool household = false;  ///< the subject is the household
  std::string domain;      ///< the domain concerned, if any
  std::vector<std::string> questions;  ///< override: the questions whose answers triggered it
  int score = 0;      ///< thresholds: the measured score; count: the number of domains
  int threshold = 0;  ///< thresholds: the cut-off reached; count: the rule's count
  RiskLevel level = RiskLevel::low;  ///< the level the rule gives (at least)
  Text reason;                       ///< one sentence, lv and en
};

/// The scored assessment.
struct ScoreResult {
  std::string instrument;
  int version = 0;
  std::vector<SubjectScore> subjects;  ///< the household first (if it has sections), then members
  RiskLevel overall = RiskLevel::low;
  std::vector<FiredRule> fired;  ///< every rule that gave a level above low, in order
};

/// Validates `answers` (see validate_answers; its error is returned) and scores them. Unanswered
/// optional questions score nothing.
Result<ScoreResult> score_answers(const Instrument& instrument, const AnswerSet& answers);

/// One answered question in a summary column.
struct SummaryItem {
  std::string question;
  Text question_text;
  Text answer;  ///< the answer in words
  int points = 0;
  int max_points = 0;
};

/// One domain of a subject: its difficulties beside its strengths (resources).
struct DomainSummary {
  std::string domain;
  Text title;
  RiskLevel level = RiskLevel::low;
  int difficulty = 0;
  int resource = 0;
  std::vector<SummaryItem> difficulties;  ///< difficulty answers scoring > 0, highest first
  std::vector<SummaryItem> strengths;     ///< resource answers scoring > 0, highest first
};

/// One subject of the result page.
struct SubjectSummary {
  std::string member;  ///< empty for the household
  std::string role;
  bool household = false;
  Text role_title;  ///< the role's title, or "Mājsaimniecība" / "Household"
  RiskLevel level = RiskLevel::low;
  std::vector<DomainSummary> domains;  ///< same order as the SubjectScore's
};

/// Strengths and difficulties side by side for each subject of `score` (which must come from
/// score_answers on the same instrument and answers).
std::vector<SubjectSummary> side_by_side(const Instrument& instrument, const AnswerSet& answers,
                                         const ScoreResult& score);

}  // namespace atb::cases
