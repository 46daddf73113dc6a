// JSON of the assistance API (docs/api-assistance.md): applications, declarations read from
// bodies, decisions and payments.
#pragma once

#include <nlohmann/json.hpp>

#include "assistance/model.h"
#include "core/date.h"
#include "core/result.h"

namespace atb::assistance {

/// An application as the wizard shows it (`today` decides whether it is overdue).
nlohmann::json to_json(const Application& a, const Date& today);
/// A decision with its payments.
nlohmann::json to_json(const DecisionRecord& d, const std::vector<Payment>& payments);

/// The declaration parts of a PATCH body; each is nullopt when absent. Checks shapes, kinds,
/// non-negative amounts and that months lie in `months` and persons are members.
struct DeclarationPatch {
  std::optional<std::vector<DeclaredMember>> members;
  std::optional<std::vector<DeclaredIncome>> incomes;
  std::optional<std::map<std::string, std::int64_t>> housing;
};
Result<DeclarationPatch> declaration_patch(const nlohmann::json& body, const Application& a);

}  // namespace atb::assistance
