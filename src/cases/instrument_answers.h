// Answers to an assessment instrument: the household's answers (sections with scope
// "household") and each member's, read from JSON and checked against the definition.
// Pure functions, no I/O.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "cases/instrument.h"
#include "core/result.h"

namespace atb::cases {

/// One answer: a scale value (int), yes/no (bool), a text or single-choice option id (string),
/// or the option ids of a multiple choice (vector).
using AnswerValue = std::variant<std::int64_t, bool, std::string, std::vector<std::string>>;

/// Answers keyed by question id.
using Answers = std::map<std::string, AnswerValue>;

/// One member's answers.
struct MemberAnswers {
  std::string member;  ///< the caller's id for the member (e.g. a person id as text)
  std::string role;    ///< one of the instrument's roles
  Answers answers;
};

/// All answers of one assessment.
struct AnswerSet {
  Answers household;  ///< questions of household sections
  std::vector<MemberAnswers>
      members;  ///< questions of member sections; one entry when not per member
};

/// Reads {"household": {qid: value…}, "members": [{"member", "role", "answers": {…}}]}.
/// Checks only the shape (value kinds); a null value counts as not answered. Errors name the
/// path ("members.1.answers.q3").
Result<AnswerSet> answers_from_json(const nlohmann::json& body);

/// The JSON form read by answers_from_json.
nlohmann::json answers_to_json(const AnswerSet& answers);

/// Checks answers against the definition and lists every problem in the error's fields, each
/// naming the question's path: unknown or non-applicable question, wrong kind of value, value
/// not on the scale, unknown option, exclusive option with another, text too long, missing
/// required answer; also unknown role, duplicate or empty member id, and a member count other
/// than one when the instrument is not per member.
/// A draft (`complete` false) may leave required questions unanswered and have no member yet.
Result<void> validate_answers(const Instrument& instrument, const AnswerSet& answers, bool complete = true);

/// Whether a choice answer (an option id or a list of them) includes `option`.
bool has_option(const AnswerValue& value, const std::string& option);

/// Points that `value` scores on `q` (0 for text or a mismatched value).
int answer_points(const Question& q, const AnswerValue& value);

/// The answer in words: the scale label, "jā"/"nē", the option label(s) joined by "; ", or the
/// text.
Text answer_label(const Question& q, const AnswerValue& value);

}  // namespace atb::cases
