// The written decision (lēmums) on a social assistance application, as an A4 PDF in Latvian: the
// social service's header, the facts, the legal basis, what was decided, why (the explanation
// steps of the rules), the payment schedule, how to appeal, and the deciding officer's signature.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace atb::assistance {

/// What a decision document says. Dates are "YYYY-MM-DD", months "YYYY-MM"; both are printed in
/// Latvian style (01.02.2026., 2026. gada februāris) and printed as given when not in that form.
struct DecisionPdf {
  std::string municipality;  ///< e.g. "Ādažu novada pašvaldība"
  std::string department;    ///< e.g. "Sociālais dienests"
  std::string reference;     ///< e.g. "SD/2026/000123"
  std::string date;          ///< the decision's date, YYYY-MM-DD
  std::string applicant_name;
  std::string personal_code;  ///< 11 digits, printed as XXXXXX-XXXXX; may be empty
  std::string household_name;
  std::string address;
  std::string kind_name_lv;  ///< the benefit or status, e.g. "Garantētā minimālā ienākuma pabalsts"
  bool granted = false;
  std::int64_t amount_cents = 0;       ///< per month; 0 for a status (then no amount is printed)
  std::string period_from, period_to;  ///< YYYY-MM-DD, when granted
  std::vector<std::string> explanation_lv;  ///< the rules' steps, printed as a numbered list
  std::vector<std::pair<std::string, std::int64_t>> payments;  ///< month (YYYY-MM), cents
  std::string decided_by;                                      ///< the deciding officer's name
  /// The legal basis, one item a line; empty for the general one (the Social Services and Social
  /// Assistance Law, Cabinet Regulation No. 809 of 17 December 2020, the municipality's binding
  /// regulations, the Administrative Procedure Law).
  std::vector<std::string> legal_basis_lv;
};

/// The decision as PDF bytes. Refuses (Errc::invalid, naming the field) a missing municipality,
/// reference, date, applicant name, kind or deciding officer, a negative amount or payment, and a
/// granted decision without its period; any failure of the PDF writer is Errc::internal.
Result<std::string> decision_pdf(const DecisionPdf& decision);

}  // namespace atb::assistance
