// JSON of the assessment API (docs/api-cases.md, "Assessments"): instrument definitions as the
// forms need them (every text lv + en), an assessment, and its frozen result (scores per member
// and domain, the rules that fired, strengths beside difficulties).
#pragma once

#include <nlohmann/json.hpp>

#include "cases/instrument.h"
#include "cases/instrument_answers.h"
#include "cases/instrument_scoring.h"
#include "cases/model.h"

namespace atb::cases {

/// A whole instrument definition: roles, domains with thresholds, sections with questions (scale
/// points, options, yes/no points, text lengths) and the scoring rules.
nlohmann::json instrument_json(const Instrument& instrument);

/// The result stored when an assessment is completed: {"overall", "subjects": [per member (and
/// household): totals, level, domains], "fired": [rules with their reason], "summary": [the
/// side-by-side strengths and difficulties per subject and domain]}.
nlohmann::json result_json(const Instrument& instrument, const AnswerSet& answers,
                           const ScoreResult& score);

/// An assessment; its answers only when `with_answers` (lists leave them out). The result is
/// never included (GET …/result).
nlohmann::json to_json(const Assessment& a, bool with_answers);

}  // namespace atb::cases
