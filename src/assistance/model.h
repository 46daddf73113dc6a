// Stored social-assistance records as the store reads and writes them: applications with the
// declared means, decisions and payments. The rules (calculation.h) take a Declaration built
// from these; this file has no behaviour.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assistance/explanation.h"
#include "core/text.h"

namespace atb::assistance {

/// A member of the applying household as declared.
struct DeclaredMember {
  std::int64_t person_id = 0;
  std::string given_names;
  std::string surname;
  std::string birth_date;
  bool able_to_work = false;
  bool pensioner = false;
  bool disability = false;
  bool owns_property = false;  ///< owns property beyond her home (īpašums bez mājokļa)
  bool has_savings = false;    ///< has savings above the amount the rules set (uzkrājumi)
};

/// One income of one member in one month of the declaration period.
struct DeclaredIncome {
  std::int64_t person_id = 0;
  std::string month;        ///< YYYY-MM
  std::string kind;         ///< wages | pension | state_benefit | alimony | other
  std::int64_t amount = 0;  ///< cents
};

/// The kinds of housing cost, in the order of the norms table.
inline constexpr const char* kHousingKinds[] = {"rent", "heating", "electricity", "water",
                                                "gas",  "sewage",  "waste",       "telecom"};

/// A decision on an application.
struct DecisionRecord {
  std::int64_t id = 0;
  std::int64_t application_id = 0;
  std::string outcome;  ///< granted | refused
  std::int64_t amount = 0;
  std::optional<std::string> period_from, period_to;
  std::vector<Step> steps;  ///< the explanation (render() gives its wording)
  std::string note;
  std::optional<std::string> agreement_on;  ///< GMI: the cooperation agreement's date
  std::string decided_at;
  std::optional<std::string> stopped_from;
  std::optional<std::string> stop_reason;
  /// A recalculation: the decision this one supersedes from its period_from on, and why.
  std::optional<std::int64_t> supersedes_id;
  std::optional<std::string> recalculation_reason;
  /// On a superseded decision: the decision that supersedes it and its first month (YYYY-MM).
  std::optional<std::int64_t> superseded_by_id;
  std::optional<std::string> superseded_from;
};

/// A monthly payment of a granted benefit.
struct Payment {
  std::int64_t id = 0;
  std::int64_t decision_id = 0;
  std::string month;
  std::int64_t amount = 0;
  std::string status;  ///< planned | paid | stopped | superseded (by a recalculation)
};

/// An application with its declaration.
struct Application {
  std::int64_t id = 0;
  std::int64_t municipality_id = 0;
  std::int64_t version = 0;
  std::string kind;
  std::string status;  ///< draft | submitted | decided | withdrawn
  std::int64_t household_id = 0;
  std::string household_name;
  std::int64_t applicant_id = 0;
  std::string application_month;  ///< YYYY-MM
  std::optional<std::string> submitted_on, decision_due;
  std::int64_t team_id = 0, department_id = 0;
  std::vector<DeclaredMember> members;
  std::vector<DeclaredIncome> incomes;
  std::map<std::string, std::int64_t> housing;  ///< kind → cents
  std::optional<DecisionRecord> decision;  ///< the decision in force (the latest not superseded)
  std::vector<DecisionRecord> history;     ///< every decision, earliest first (with recalculations)
  std::string created_at;
};

/// A benefit of the catalogue (built-in or municipal).
struct BenefitKind {
  std::string code;
  Text name;
  std::string rule;  ///< needy_status | low_income_status | gmi | housing | fixed | per_member
  std::int64_t amount = 0;  ///< for fixed / per_member
};

}  // namespace atb::assistance
