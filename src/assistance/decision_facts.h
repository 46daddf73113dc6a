// The facts a decision's PDF shows, gathered from the database: municipality and department,
// applicant with code and address, household, benefit, sums, explanation and payments.
#pragma once

#include <vector>

#include "assistance/decision_pdf.h"
#include "assistance/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::assistance {

/// The PDF's content for decision `d` on application `a`.
Result<DecisionPdf> decision_facts(storage::Connection& c, const Application& a,
                                   const DecisionRecord& d, const std::vector<Payment>& payments);

}  // namespace atb::assistance
