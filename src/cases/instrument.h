// Assessment instruments as data (grūtību un resursu izvērtēšanas instrumenti): the model of one
// versioned definition read from config/instruments/<id>.v<version>.json, and its loader and
// validator. The format is described in docs/instruments.md. No database, no HTTP.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/text.h"

namespace atb::cases {

/// Risk level of a domain, a member or a whole assessment, in increasing order.
enum class RiskLevel { low, medium, high, very_high };

/// "low", "medium", "high" or "very_high".
std::string_view risk_level_code(RiskLevel level);
/// The level named by `code`, or nullopt for anything else.
std::optional<RiskLevel> parse_risk_level(std::string_view code);
/// The level in words ("augsts" / "high").
const Text& risk_level_text(RiskLevel level);

/// How a question is answered.
enum class QuestionType { scale, yes_no, single_choice, multiple_choice, text };

/// "scale", "yes_no", "single_choice", "multiple_choice" or "text".
std::string_view question_type_code(QuestionType type);

/// What a question's points count as: a difficulty (grūtības), a resource (resursi), or nothing.
enum class ScoreKind { none, difficulty, resource };

/// One point of a scale: the stored answer value and its label.
struct ScalePoint {
  int value = 0;  ///< the answer value and the points it scores
  Text label;
};

/// One option of a choice question.
struct ChoiceOption {
  std::string id;  ///< the stored answer value
  Text label;
  int points = 0;          ///< points scored when chosen
  bool exclusive = false;  ///< multiple choice: may not be chosen with another option ("none")
};

/// One question of a section.
struct Question {
  std::string id;  ///< unique within the instrument; the key of its answer
  QuestionType type = QuestionType::scale;
  Text text;
  Text help;             ///< guidance for the worker; may be empty
  bool required = true;  ///< an assessment is not complete without it
  ScoreKind scores = ScoreKind::none;
  std::string domain;                 ///< the domain it scores in (empty when scores == none)
  std::vector<ScalePoint> points;     ///< scale: ascending by value
  int yes_points = 1;                 ///< yes_no: points for "yes"
  int no_points = 0;                  ///< yes_no: points for "no"
  std::vector<ChoiceOption> options;  ///< single_choice / multiple_choice
  std::size_t max_length = 4000;      ///< text: longest answer in characters (UTF-8 code points)
};

/// Whether a section is answered once for the household or once per member.
enum class SectionScope { member, household };

/// A titled group of questions.
struct Section {
  std::string id;
  Text title;
  SectionScope scope = SectionScope::member;
  std::vector<std::string> roles;  ///< member sections: roles it applies to; empty = every role
  std::vector<Question> questions;

  /// Whether a member with `role` answers this section (household sections: never).
  bool applies_to(std::string_view role) const;
};

/// What a threshold rule measures: the difficulty points, or difficulty minus resource points
/// (never below zero), so that strengths soften a risk.
enum class Measure { difficulty, net };

/// Cut-offs: a score at or above `medium` is medium risk, and so on; strictly increasing.
struct Thresholds {
  Measure measure = Measure::difficulty;
  int medium = 0;
  int high = 0;
  int very_high = 0;

  /// The level that `score` reaches.
  RiskLevel level_of(int score) const;
  /// The cut-off of `level` (0 for low).
  int cutoff(RiskLevel level) const;
};

/// An area of life that questions score in (parenting, housing, …) with its risk cut-offs.
struct Domain {
  std::string id;
  Text title;
  Thresholds thresholds;
};

/// A kind of household member an instrument distinguishes (adult, child, …).
struct Role {
  std::string id;
  Text title;
};

/// One answer that triggers an override: a yes, one of some options, or a scale value at least.
struct Condition {
  enum class Kind { is, any_of, at_least };
  std::string question;
  Kind kind = Kind::is;
  bool is = true;                    ///< yes_no: the answer that triggers
  std::vector<std::string> options;  ///< choice: any of these chosen triggers
  int at_least = 0;                  ///< scale: a value at least this triggers
};

/// "Any of these answers ⇒ at least `level`" (e.g. immediate danger to a child ⇒ very high).
struct Override {
  std::string id;
  RiskLevel level = RiskLevel::high;
  std::string domain;  ///< also raises this domain of the answering member; may be empty
  std::vector<Condition> any;
  Text reason;
};

/// "At least `count` domain results at `at_least` or above ⇒ overall at least `level`".
struct CountRule {
  std::string id;
  int count = 2;
  RiskLevel at_least = RiskLevel::high;
  RiskLevel level = RiskLevel::very_high;
  Text reason;
};

/// Rules beyond the per-domain cut-offs.
struct Scoring {
  std::optional<Thresholds> subject_thresholds;  ///< on each member's (and household's) total
  std::vector<CountRule> domain_counts;
  std::vector<Override> overrides;
};

/// One versioned assessment instrument.
struct Instrument {
  std::string id;   ///< lowercase letters, digits and '-', e.g. "family-children"
  int version = 1;  ///< an assessment stores (id, version)
  Text title;
  Text description;
  bool per_member = false;  ///< answered for each household member; otherwise for one person
  std::vector<Role> roles;
  std::vector<Domain> domains;
  std::vector<Section> sections;
  Scoring scoring;

  /// The question with `id`, or nullptr.
  const Question* question(std::string_view id) const;
  /// The section that holds the question with `id`, or nullptr.
  const Section* section_of(std::string_view question_id) const;
  /// The domain with `id`, or nullptr.
  const Domain* domain(std::string_view id) const;
  /// The role with `id`, or nullptr.
  const Role* role(std::string_view id) const;
  /// Whether any section is answered once for the household.
  bool has_household_sections() const;
};

/// The most points one answer to `q` can score.
int max_points(const Question& q);

/// Reads and validates a definition. Every problem found is listed in the error's fields, each
/// named by its JSON path ("sections.2.questions.0.domain"); Errc::invalid.
Result<Instrument> parse_instrument(const nlohmann::json& root);

/// Reads `path` and parses it; also requires the file name to be "<id>.v<version>.json".
/// The error's detail and message name the file.
Result<Instrument> load_instrument_file(const std::filesystem::path& path);

}  // namespace atb::cases
