// The model's small functions: level and type codes, thresholds, look-ups, maximum points.
#include <algorithm>
#include <array>

#include "cases/instrument.h"
#include "cases/instrument_json.h"

namespace atb::cases {

namespace {

const std::array<Text, 4> kLevelTexts{Text{"zems", "low"}, Text{"vidējs", "medium"},
                                      Text{"augsts", "high"}, Text{"ļoti augsts", "very high"}};

}  // namespace

std::string_view risk_level_code(RiskLevel level) {
  return detail::kLevelCodes[std::size_t(level)];
}

std::optional<RiskLevel> parse_risk_level(std::string_view code) {
  for (std::size_t i = 0; i < detail::kLevelCodes.size(); ++i) {
    if (detail::kLevelCodes[i] == code) return static_cast<RiskLevel>(i);
  }
  return std::nullopt;
}

const Text& risk_level_text(RiskLevel level) {
  return kLevelTexts[std::size_t(level)];
}

std::string_view question_type_code(QuestionType type) {
  return detail::kTypeCodes[std::size_t(type)];
}

bool Section::applies_to(std::string_view role) const {
  if (scope == SectionScope::household) return false;
  return roles.empty() || std::find(roles.begin(), roles.end(), role) != roles.end();
}

RiskLevel Thresholds::level_of(int score) const {
  if (score >= very_high) return RiskLevel::very_high;
  if (score >= high) return RiskLevel::high;
  if (score >= medium) return RiskLevel::medium;
  return RiskLevel::low;
}

int Thresholds::cutoff(RiskLevel level) const {
  switch (level) {
    case RiskLevel::medium:
      return medium;
    case RiskLevel::high:
      return high;
    case RiskLevel::very_high:
      return very_high;
    default:
      return 0;
  }
}

const Question* Instrument::question(std::string_view qid) const {
  for (const Section& s : sections) {
    for (const Question& q : s.questions) {
      if (q.id == qid) return &q;
    }
  }
  return nullptr;
}

const Section* Instrument::section_of(std::string_view qid) const {
  for (const Section& s : sections) {
    for (const Question& q : s.questions) {
      if (q.id == qid) return &s;
    }
  }
  return nullptr;
}

const Domain* Instrument::domain(std::string_view did) const {
  for (const Domain& d : domains) {
    if (d.id == did) return &d;
  }
  return nullptr;
}

const Role* Instrument::role(std::string_view rid) const {
  for (const Role& r : roles) {
    if (r.id == rid) return &r;
  }
  return nullptr;
}

bool Instrument::has_household_sections() const {
  return std::any_of(sections.begin(), sections.end(),
                     [](const Section& s) { return s.scope == SectionScope::household; });
}

int max_points(const Question& q) {
  switch (q.type) {
    case QuestionType::scale:
      return q.points.empty() ? 0 : q.points.back().value;
    case QuestionType::yes_no:
      return std::max(q.yes_points, q.no_points);
    case QuestionType::single_choice: {
      int best = 0;
      for (const auto& o : q.options) best = std::max(best, o.points);
      return best;
    }
    case QuestionType::multiple_choice: {
      int together = 0, alone = 0;
      for (const auto& o : q.options) {
        if (o.exclusive)
          alone = std::max(alone, o.points);
        else
          together += o.points;
      }
      return std::max(together, alone);
    }
    case QuestionType::text:
      return 0;
  }
  return 0;
}

}  // namespace atb::cases
