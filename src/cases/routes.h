// HTTP endpoints of case management (contract: docs/api-cases.md): intakes, the duty board
// and duty workers (routes_intakes.cpp), the public web request (routes_public.cpp), cases,
// transitions, agreements and closure (routes_cases.cpp), notifications
// (routes_notifications.cpp), assessment instruments and a case's assessments
// (routes_assessments.cpp).
#pragma once

#include "cases/routes_common.h"
#include "http/router.h"

namespace atb::cases {

void add_intake_routes(http::Router& router, const CaseContext& cc);
void add_public_routes(http::Router& router, const CaseContext& cc);
void add_case_routes(http::Router& router, const CaseContext& cc);
void add_notification_routes(http::Router& router, const CaseContext& cc);
void add_assessment_routes(http::Router& router, const CaseContext& cc);
/// The cooperation plan and its tasks (routes_plan.cpp, docs/api-cases-plan.md).
void add_plan_routes(http::Router& router, const CaseContext& cc);
/// My work and caseloads (routes_work.cpp).
void add_work_routes(http::Router& router, const CaseContext& cc);
/// Finding workers by name (routes_workers.cpp).
void add_worker_routes(http::Router& router, const CaseContext& cc);
/// A case's notes (routes_notes.cpp), documents (routes_documents.cpp) and opinions
/// (routes_opinions.cpp): docs/api-cases-records.md.
void add_note_routes(http::Router& router, const CaseContext& cc);
void add_document_routes(http::Router& router, const CaseContext& cc);
void add_opinion_routes(http::Router& router, const CaseContext& cc);

/// All of the above.
void add_routes(http::Router& router, const CaseContext& cc);

}  // namespace atb::cases
