// The authorization matrix: every endpoint that exists × every role (and anonymous, and an API
// token), for a record in scope and one outside it, asserting the answer. A route missing from
// the table fails the test, so each new endpoint must be added here.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "access/session_store.h"
#include "cases/case_store.h"
#include "cases/intake_store.h"
#include "core/time.h"
#include "partners/store.h"
#include "registry/person_store.h"
#include "services/store.h"
#include "services/housing_store.h"
#include "support/app_fixture.h"

namespace atb {
namespace {

using access::Role;
using http::Method;

// The callers of the matrix, in the order of the expectation strings below.
const std::vector<std::string> kCallers = {"anonymous", "social_worker", "supervisor", "department_head",
                                           "director", "benefits_officer", "partner", "admin",
                                           "auditor", "admin_token"};

struct Row {
  Method method;
  std::string pattern;  ///< as registered (matched against OpenAPI)
  std::string target;   ///< with ids filled in ({in}, {out}, {session})
  std::string body;
  std::vector<int> expected;  ///< one status per caller, in kCallers order
};

std::vector<Row> table() {
  const std::string user_body = R"({"full_name":"Matricas Tests"})";
  const int U = 401, F = 403, N = 404;
  return {
      {Method::get, "/api/v1/municipality", "/api/v1/municipality", "", {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
      {Method::get, "/api/v1/session", "/api/v1/session", "", {U, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
      {Method::post, "/api/v1/session", "/api/v1/session", R"({"username":"nobody{n}","password":"Wrong-password-1"})",
       {U, U, U, U, U, U, U, U, U, U}},
      {Method::post, "/api/v1/session/totp", "/api/v1/session/totp", R"({"code":"000000"})",
       {U, 409, 409, 409, 409, 409, 409, 409, 409, 409}},
      {Method::post, "/api/v1/session/enrollment", "/api/v1/session/enrollment", "{}",
       {U, 409, 409, 409, 409, 409, 409, 409, 409, 409}},
      {Method::post, "/api/v1/session/enrollment/confirm", "/api/v1/session/enrollment/confirm", R"({"code":"000000"})",
       {U, 409, 409, 409, 409, 409, 409, 409, 409, 409}},
      {Method::get, "/api/v1/sessions", "/api/v1/sessions", "", {U, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
      {Method::get, "/api/v1/users", "/api/v1/users", "", {U, F, F, F, F, F, F, 200, F, F}},
      {Method::get, "/api/v1/users/{id}", "/api/v1/users/{in}", "", {U, F, F, F, F, F, F, 200, F, F}},
      {Method::get, "/api/v1/users/{id}", "/api/v1/users/{out}", "", {U, F, F, F, F, F, F, N, F, F}},
      {Method::patch, "/api/v1/users/{id}", "/api/v1/users/{in}", user_body, {U, F, F, F, F, F, F, 200, F, F}},
      {Method::patch, "/api/v1/users/{id}", "/api/v1/users/{out}", user_body, {U, F, F, F, F, F, F, N, F, F}},
      {Method::get, "/api/v1/users/{id}/sessions", "/api/v1/users/{in}/sessions", "", {U, F, F, F, F, F, F, 200, F, F}},
      {Method::post, "/api/v1/users/{id}/reset-2fa", "/api/v1/users/{out}/reset-2fa", "{}", {U, F, F, F, F, F, F, N, F, F}},
      {Method::post, "/api/v1/users", "/api/v1/users",
       R"({"username":"matrix.new","full_name":"Jauns","password":"Zilā-jūra-2026!","roles":["director"]})",
       {U, F, F, F, F, F, F, 201, F, F}},
      {Method::post, "/api/v1/teams", "/api/v1/teams",
       R"({"department_id":3,"code":"matrix","name_lv":"Matrica","name_en":"Matrix"})",
       {U, F, F, F, F, F, F, 201, F, F}},
      {Method::patch, "/api/v1/teams/{id}", "/api/v1/teams/1", R"({"name_en":"Benefit officers"})",
       {U, F, F, F, F, F, F, 200, F, F}},
      {Method::get, "/api/v1/audit", "/api/v1/audit", "", {U, F, F, F, F, F, F, F, 200, F}},
      // Beyond the auditor, "who looked" only for registry records in the caller's own scope.
      {Method::get, "/api/v1/audit/entities/{type}/{id}", "/api/v1/audit/entities/user/{in}", "",
       {U, F, N, N, N, F, F, F, 200, F}},
      {Method::post, "/api/v1/users/{id}/reset-2fa", "/api/v1/users/{in}/reset-2fa", "{}", {U, F, F, F, F, F, F, 204, F, F}},
      // The client registry. {pin}: a person of team families; {pout}: registered only in the
      // services department; {pother}: another municipality's; {hin}: a household of families.
      {Method::get, "/api/v1/persons", "/api/v1/persons?q=berzina", "", {U, 200, 200, 200, 200, 200, F, F, F, F}},
      {Method::get, "/api/v1/persons/export", "/api/v1/persons/export?q=berzina&format=csv", "",
       {U, 200, 200, 200, 200, 200, F, F, F, F}},
      {Method::post, "/api/v1/persons", "/api/v1/persons",
       R"({"given_names":"Matrica","surname":"Testa","birth_date":"2000-01-1{n}"})", {U, 201, 201, 201, F, 201, F, F, F, F}},
      {Method::post, "/api/v1/persons/duplicates", "/api/v1/persons/duplicates",
       R"({"given_names":"Anna","surname":"Berzina","birth_date":"1990-01-01"})", {U, 200, 200, 200, 200, 200, F, F, F, F}},
      {Method::get, "/api/v1/persons/{id}", "/api/v1/persons/{pin}", "", {U, 200, 200, 200, 200, 200, N, N, N, N}},
      {Method::get, "/api/v1/persons/{id}", "/api/v1/persons/{pout}", "", {U, N, N, N, 200, 200, N, N, N, N}},
      {Method::get, "/api/v1/persons/{id}", "/api/v1/persons/{pother}", "", {U, N, N, N, N, N, N, N, N, N}},
      {Method::patch, "/api/v1/persons/{id}", "/api/v1/persons/{pin}", R"({"version":999999,"email":"a@b.lv"})",
       {U, 409, 409, 409, F, F, N, N, N, N}},
      {Method::patch, "/api/v1/persons/{id}", "/api/v1/persons/{pout}", R"({"version":999999,"email":"a@b.lv"})",
       {U, N, N, N, F, F, N, N, N, N}},
      {Method::post, "/api/v1/persons/{id}/merge", "/api/v1/persons/{pin}/merge",
       R"({"duplicate_id":{pother},"reason":"Dublikāts"})", {U, F, N, N, F, F, F, F, F, F}},
      {Method::post, "/api/v1/persons/{id}/split", "/api/v1/persons/{pin}/split",
       R"({"merge_id":999999,"reason":"Kļūda reģistrā"})", {U, F, N, N, F, F, F, F, F, F}},
      {Method::get, "/api/v1/audit/entities/{type}/{id}", "/api/v1/audit/entities/person/{pin}", "",
       {U, F, 200, 200, 200, F, F, F, 200, F}},
      {Method::get, "/api/v1/audit/entities/{type}/{id}", "/api/v1/audit/entities/person/{pout}", "",
       {U, F, N, N, 200, F, F, F, 200, F}},
      {Method::get, "/api/v1/households", "/api/v1/households", "", {U, 200, 200, 200, 200, 200, F, F, F, F}},
      {Method::get, "/api/v1/households/{id}", "/api/v1/households/{hin}", "", {U, 200, 200, 200, 200, 200, N, N, N, N}},
      {Method::patch, "/api/v1/households/{id}", "/api/v1/households/{hin}", R"({"version":999999})",
       {U, 409, 409, 409, F, F, N, N, N, N}},
      {Method::post, "/api/v1/households", "/api/v1/households", R"({"members":[{"person_id":{pin},"relationship":"head"}]})",
       {U, 201, 201, 201, F, 201, F, F, F, F}},
      {Method::post, "/api/v1/imports/persons", "/api/v1/imports/persons?dry_run=true", "given_names;surname\nAnna;Kalna\n",
       {U, 202, 202, 202, F, 202, F, F, F, F}},
      {Method::get, "/api/v1/imports/{id}", "/api/v1/imports/nosuchjob", "", {U, N, N, N, N, N, N, N, N, N}},
      // Break-glass: out of scope until opened with a reason, then readable for the session.
      {Method::post, "/api/v1/break-glass", "/api/v1/break-glass",
       R"({"entity_type":"person","entity_id":{pout},"reason":"Akūta situācija ar bērnu"})",
       {U, 201, 201, 201, 201, 201, F, 201, 201, F}},
      {Method::get, "/api/v1/persons/{id}", "/api/v1/persons/{pout}", "", {U, 200, 200, 200, 200, 200, N, 200, 200, N}},
      {Method::patch, "/api/v1/persons/{id}", "/api/v1/persons/{pout}", R"({"version":999999,"email":"a@b.lv"})",
       {U, F, F, F, F, F, N, F, F, N}},
      {Method::get, "/api/v1/break-glass", "/api/v1/break-glass", "", {U, F, 200, 200, 200, F, F, F, 200, F}},
      {Method::post, "/api/v1/persons/{id}/registrations", "/api/v1/persons/{pin}/registrations", "{}",
       {U, 409, 409, 409, F, 201, N, N, N, N}},
      // Social assistance. {ain}: the demo's draft application of the benefits team.
      {Method::get, "/api/v1/assistance/applications", "/api/v1/assistance/applications", "",
       {U, F, 200, 200, 200, 200, F, F, F, F}},
      {Method::post, "/api/v1/assistance/applications", "/api/v1/assistance/applications",
       R"({"household_id":{hin},"applicant_id":{pin},"kind":"gmi"})", {U, F, F, F, F, 201, F, F, F, F}},
      {Method::get, "/api/v1/assistance/applications/{id}", "/api/v1/assistance/applications/{ain}", "",
       {U, N, N, N, 200, 200, N, N, N, N}},
      {Method::patch, "/api/v1/assistance/applications/{id}", "/api/v1/assistance/applications/{ain}",
       R"({"version":999999})", {U, N, N, N, F, 409, N, N, N, N}},
      {Method::post, "/api/v1/assistance/applications/{id}/submit", "/api/v1/assistance/applications/{ain}/submit",
       R"({"version":999999})", {U, N, N, N, F, 409, N, N, N, N}},
      {Method::get, "/api/v1/assistance/applications/{id}/calculation",
       "/api/v1/assistance/applications/{ain}/calculation", "", {U, N, N, N, 422, 422, N, N, N, N}},
      {Method::post, "/api/v1/assistance/applications/{id}/decision", "/api/v1/assistance/applications/{ain}/decision",
       R"({"version":999999})", {U, N, N, N, F, 409, N, N, N, N}},
      {Method::get, "/api/v1/assistance/decisions/{id}", "/api/v1/assistance/decisions/999999", "",
       {U, N, N, N, N, N, N, N, N, N}},
      {Method::get, "/api/v1/assistance/decisions/{id}/pdf", "/api/v1/assistance/decisions/999999/pdf", "",
       {U, N, N, N, N, N, N, N, N, N}},
      {Method::post, "/api/v1/assistance/decisions/{id}/stop", "/api/v1/assistance/decisions/999999/stop",
       R"({"from_month":"2099-01","reason":"Matrica"})", {U, N, N, N, N, N, N, N, N, N}},
      {Method::post, "/api/v1/assistance/decisions/{id}/recalculate", "/api/v1/assistance/decisions/999999/recalculate",
       R"({"from_month":"2099-01","reason":"Matrica"})", {U, N, N, N, N, N, N, N, N, N}},
      {Method::get, "/api/v1/assistance/payments", "/api/v1/assistance/payments?month=2026-01", "",
       {U, F, 200, 200, 200, 200, F, F, F, F}},
      {Method::get, "/api/v1/assistance/kinds", "/api/v1/assistance/kinds", "", {U, F, 200, 200, 200, 200, F, F, F, F}},
      {Method::get, "/api/v1/assistance/thresholds", "/api/v1/assistance/thresholds", "",
       {U, F, 200, 200, 200, 200, F, 200, F, F}},
      {Method::post, "/api/v1/assistance/thresholds", "/api/v1/assistance/thresholds",
       R"({"from":"2030-01-01","gmi_first":20000,"gmi_other":14000,"needy_first":45000,"needy_other":31500,"low_income_max_first":72000,"low_income_max_other":50400})",
       {U, F, F, F, F, F, F, 201, F, F}},
      {Method::post, "/api/v1/assistance/low-income", "/api/v1/assistance/low-income",
       R"({"from":"2030-01-01","first":60000,"other":42000})", {U, F, F, F, F, F, F, 204, F, F}},
      {Method::post, "/api/v1/assistance/norms", "/api/v1/assistance/norms",
       R"({"from":"2030-01-01","rent":1,"heating":1,"electricity":1,"water":1,"gas":1,"sewage":1,"waste":1,"telecom":1})",
       {U, F, F, F, F, F, F, 204, F, F}},
      // Case management. {iin}: an open intake of team families; {cin}: a case of families led
      // by the matrix's social worker ({sw}); {tfam}: team families.
      {Method::get, "/api/v1/intakes", "/api/v1/intakes", "", {U, 200, 200, 200, 200, F, F, F, F, F}},
      {Method::post, "/api/v1/intakes", "/api/v1/intakes",
       R"({"channel":"phone","urgency":"routine","reporter":{"kind":"anonymous"},"concern":"Matrica","problems":["other"]})",
       {U, 201, 201, 201, F, F, F, F, F, F}},
      {Method::get, "/api/v1/intakes/duty-board", "/api/v1/intakes/duty-board", "", {U, 200, 200, 200, 200, F, F, F, F, F}},
      {Method::put, "/api/v1/intakes/duty-worker", "/api/v1/intakes/duty-worker", R"({"team_id":{tfam},"user_id":{sw}})",
       {U, F, 200, 200, F, F, F, F, F, F}},
      {Method::get, "/api/v1/intakes/{id}", "/api/v1/intakes/{iin}", "", {U, 200, 200, 200, 200, N, N, N, N, N}},
      {Method::patch, "/api/v1/intakes/{id}", "/api/v1/intakes/{iin}", R"({"version":999999})",
       {U, 409, 409, 409, F, N, N, N, N, N}},
      {Method::post, "/api/v1/intakes/{id}/outcome", "/api/v1/intakes/{iin}/outcome",
       R"({"version":999999,"outcome":"no_action","reason":"Matrica"})", {U, 409, 409, 409, F, N, N, N, N, N}},
      // Public: no login, throttled per address (five an hour), whoever calls.
      {Method::post, "/api/v1/public/requests", "/api/v1/public/requests", R"({"phone":"20000000","concern":"Matrica"})",
       {201, 201, 201, 201, 201, 429, 429, 429, 429, 429}},
      {Method::get, "/api/v1/cases", "/api/v1/cases", "", {U, 200, 200, 200, 200, F, F, F, F, F}},
      {Method::get, "/api/v1/cases/{id}", "/api/v1/cases/{cin}", "", {U, 200, 200, 200, 200, N, N, N, N, N}},
      {Method::patch, "/api/v1/cases/{id}", "/api/v1/cases/{cin}", R"({"version":999999})",
       {U, 409, 409, 409, F, N, N, N, N, N}},
      {Method::post, "/api/v1/cases/{id}/transitions", "/api/v1/cases/{cin}/transitions",
       R"({"version":999999,"to":"agreement","reason":"Matrica"})", {U, 409, 409, 409, F, N, N, N, N, N}},
      {Method::post, "/api/v1/cases/{id}/agreement", "/api/v1/cases/{cin}/agreement",
       R"({"agreed_on":"2000-01-01","person_ids":[{pin}]})", {U, 422, 422, 422, F, N, N, N, N, N}},
      {Method::post, "/api/v1/cases/{id}/closure-request", "/api/v1/cases/{cin}/closure-request",
       R"({"reason":"other","outcome_rating":3})", {U, 201, F, F, F, N, N, N, N, N}},
      {Method::post, "/api/v1/cases/{id}/closure-decision", "/api/v1/cases/{cin}/closure-decision",
       R"({"approved":false})", {U, F, 200, F, F, N, N, N, N, N}},
      // Assessments: instruments for the case roles; a case's assessments through the case's
      // access (change: lead, supervisor, head; read: director). 999999: no such assessment.
      {Method::get, "/api/v1/instruments", "/api/v1/instruments", "", {U, 200, 200, 200, 200, F, F, F, F, F}},
      {Method::get, "/api/v1/instruments/{id}/{version}", "/api/v1/instruments/adult-in-crisis/1", "",
       {U, 200, 200, 200, 200, F, F, F, F, F}},
      {Method::get, "/api/v1/cases/{id}/assessments", "/api/v1/cases/{cin}/assessments", "",
       {U, 200, 200, 200, 200, N, N, N, N, N}},
      {Method::post, "/api/v1/cases/{id}/assessments", "/api/v1/cases/{cin}/assessments",
       R"({"instrument":"adult-in-crisis"})", {U, 201, 201, 201, F, N, N, N, N, N}},
      {Method::get, "/api/v1/cases/{id}/assessments/{aid}", "/api/v1/cases/{cin}/assessments/999999", "",
       {U, N, N, N, N, N, N, N, N, N}},
      {Method::put, "/api/v1/cases/{id}/assessments/{aid}", "/api/v1/cases/{cin}/assessments/999999",
       R"({"version":1,"answers":{"members":[]}})", {U, N, N, N, F, N, N, N, N, N}},
      {Method::post, "/api/v1/cases/{id}/assessments/{aid}/complete", "/api/v1/cases/{cin}/assessments/999999/complete",
       R"({"version":1})", {U, N, N, N, F, N, N, N, N, N}},
      {Method::get, "/api/v1/cases/{id}/assessments/{aid}/result", "/api/v1/cases/{cin}/assessments/999999/result", "",
       {U, N, N, N, N, N, N, N, N, N}},
      // The cooperation plan (docs/api-cases-plan.md) follows the case's access; only a
      // supervisor of the team decides (checked before the plan is looked up). 999999: no such
      // plan or task; the new plan's review date is in the past (refused after the access check).
      {Method::get, "/api/v1/cases/{id}/plan", "/api/v1/cases/{cin}/plan", "", {U, 200, 200, 200, 200, N, N, N, N, N}},
      {Method::get, "/api/v1/cases/{id}/plans/{pid}", "/api/v1/cases/{cin}/plans/999999", "",
       {U, N, N, N, N, N, N, N, N, N}},
      {Method::post, "/api/v1/cases/{id}/plans", "/api/v1/cases/{cin}/plans",
       R"({"goals":[{"text":"Matrica","tasks":[]}],"review_on":"2000-01-01"})", {U, 422, 422, 422, F, N, N, N, N, N}},
      {Method::put, "/api/v1/cases/{id}/plans/{pid}", "/api/v1/cases/{cin}/plans/999999",
       R"({"version":1,"goals":[{"text":"Matrica"}],"review_on":"2099-01-01"})", {U, N, N, N, F, N, N, N, N, N}},
      {Method::post, "/api/v1/cases/{id}/plans/{pid}/family-agreement", "/api/v1/cases/{cin}/plans/999999/family-agreement",
       R"({"version":1,"agreed_on":"2026-01-02","person_ids":[{pin}]})", {U, N, N, N, F, N, N, N, N, N}},
      {Method::post, "/api/v1/cases/{id}/plans/{pid}/submit", "/api/v1/cases/{cin}/plans/999999/submit",
       R"({"version":1})", {U, N, N, N, F, N, N, N, N, N}},
      {Method::post, "/api/v1/cases/{id}/plans/{pid}/decision", "/api/v1/cases/{cin}/plans/999999/decision",
       R"({"version":1,"approved":true})", {U, F, N, F, F, N, N, N, N, N}},
      {Method::patch, "/api/v1/cases/{id}/tasks/{tid}", "/api/v1/cases/{cin}/tasks/999999",
       R"({"version":1,"status":"done"})", {U, N, N, N, F, N, N, N, N, N}},
      {Method::get, "/api/v1/my/work", "/api/v1/my/work", "", {U, 200, 200, 200, 200, F, F, F, F, F}},
      {Method::get, "/api/v1/caseload", "/api/v1/caseload", "", {U, F, 200, 200, F, F, F, F, F, F}},
      {Method::get, "/api/v1/workers", "/api/v1/workers?q=a", "", {U, 200, 200, 200, 200, F, F, F, F, F}},
      // The process record (docs/api-cases-records.md): read by whoever reads the case, added to
      // by whoever changes it (the bodies are refused after the access check: nothing is written).
      {Method::get, "/api/v1/cases/{id}/notes", "/api/v1/cases/{cin}/notes", "", {U, 200, 200, 200, 200, N, N, N, N, N}},
      {Method::post, "/api/v1/cases/{id}/notes", "/api/v1/cases/{cin}/notes",
       R"({"kind":"visit","occurred_on":"2000-01-01","text":"Matrica"})", {U, 422, 422, 422, F, N, N, N, N, N}},
      {Method::get, "/api/v1/cases/{id}/documents", "/api/v1/cases/{cin}/documents", "",
       {U, 200, 200, 200, 200, N, N, N, N, N}},
      {Method::post, "/api/v1/cases/{id}/documents", "/api/v1/cases/{cin}/documents?name=tukss.pdf", "",
       {U, 415, 415, 415, F, N, N, N, N, N}},
      {Method::get, "/api/v1/cases/{id}/documents/{did}/content", "/api/v1/cases/{cin}/documents/999999/content", "",
       {U, N, N, N, N, N, N, N, N, N}},
      {Method::get, "/api/v1/cases/{id}/opinions", "/api/v1/cases/{cin}/opinions", "",
       {U, 200, 200, 200, 200, N, N, N, N, N}},
      {Method::post, "/api/v1/cases/{id}/opinions", "/api/v1/cases/{cin}/opinions",
       R"({"addressee":"Matrica","person_ids":[999999],"sections":[{"kind":"case"}]})",
       {U, 422, 422, 422, F, N, N, N, N, N}},
      {Method::get, "/api/v1/audit/entities/{type}/{id}", "/api/v1/audit/entities/case/{cin}", "",
       {U, F, 200, 200, 200, F, F, F, 200, F}},
      {Method::get, "/api/v1/audit/entities/{type}/{id}", "/api/v1/audit/entities/intake/{iin}", "",
       {U, F, 200, 200, 200, F, F, F, 200, F}},
      // Services and referrals (docs/api-services.md). {svc}: a service of the demo municipality;
      // {rin}: a requested referral of {cin} (the bodies are refused after the access checks).
      {Method::get, "/api/v1/services", "/api/v1/services", "", {U, 200, 200, 200, 200, F, F, 200, F, 200}},
      {Method::post, "/api/v1/services", "/api/v1/services",
       R"({"name_lv":"Matrica","name_en":"Matrix","kind":"other","provider_department_id":999999,"capacity":1,"capacity_unit":"places","unit":"day","price_cents":0,"funding":"municipal"})",
       {U, F, F, 422, F, F, F, 422, F, 422}},
      {Method::get, "/api/v1/services/{id}", "/api/v1/services/{svc}", "", {U, 200, 200, 200, 200, F, F, 200, F, 200}},
      {Method::patch, "/api/v1/services/{id}", "/api/v1/services/{svc}", R"({"version":999999})",
       {U, F, F, 409, F, F, F, 409, F, 409}},
      {Method::post, "/api/v1/referrals", "/api/v1/referrals", R"({"case_id":{cin},"person_id":999999,"service_id":{svc}})",
       {U, 422, 422, 422, F, F, F, F, F, F}},
      {Method::get, "/api/v1/cases/{id}/referrals", "/api/v1/cases/{cin}/referrals", "",
       {U, 200, 200, 200, 200, N, N, N, N, N}},
      {Method::get, "/api/v1/referrals/{id}", "/api/v1/referrals/{rin}", "", {U, 200, 200, 200, 200, N, N, N, N, N}},
      {Method::post, "/api/v1/referrals/{id}/decision", "/api/v1/referrals/{rin}/decision",
       R"({"version":999999,"granted":true})", {U, F, 409, 409, F, N, N, N, N, N}},
      {Method::post, "/api/v1/referrals/{id}/placement", "/api/v1/referrals/{rin}/placement",
       R"({"version":999999,"start_on":"2000-01-01"})", {U, F, 409, 409, F, N, N, N, N, N}},
      {Method::post, "/api/v1/referrals/{id}/end", "/api/v1/referrals/{rin}/end",
       R"({"version":999999,"end_on":"2000-01-01","reason":"Matrica"})", {U, 409, 409, 409, F, N, N, N, N, N}},
      {Method::post, "/api/v1/referrals/{id}/deliveries", "/api/v1/referrals/{rin}/deliveries",
       R"({"delivered_on":"2000-01-01","quantity":1,"attended":true})", {U, 409, 409, 409, F, N, N, N, N, N}},
      {Method::get, "/api/v1/audit/entities/{type}/{id}", "/api/v1/audit/entities/referral/{rin}", "",
       {U, F, 200, 200, 200, F, F, F, 200, F}},
      // Housing (docs/api-housing.md). {hsv}: a group apartment with unit {hu}, room {hr} and a place;
      // {hrf}: a placed referral of {cin} to it, living there in stay {hst}.
      {Method::get, "/api/v1/services/{id}/units", "/api/v1/services/{hsv}/units", "", {U, 200, 200, 200, 200, F, F, 200, F, 200}},
      {Method::post, "/api/v1/services/{id}/units", "/api/v1/services/{hsv}/units", R"({"name":" "})",
       {U, F, F, 422, F, F, F, 422, F, 422}},
      {Method::post, "/api/v1/services/{id}/units/{uid}/rooms", "/api/v1/services/{hsv}/units/{hu}/rooms", R"({"name":" "})",
       {U, F, F, 422, F, F, F, 422, F, 422}},
      {Method::post, "/api/v1/services/{id}/units/{uid}/rooms/{rid}/places",
       "/api/v1/services/{hsv}/units/{hu}/rooms/{hr}/places", R"({"name":" "})", {U, F, F, 422, F, F, F, 422, F, 422}},
      {Method::get, "/api/v1/services/{id}/occupancy", "/api/v1/services/{hsv}/occupancy", "",
       {U, 200, 200, 200, 200, F, F, 200, F, 200}},
      {Method::get, "/api/v1/services/{id}/units/{uid}/stays", "/api/v1/services/{hsv}/units/{hu}/stays", "",
       {U, 200, 200, 200, 200, F, F, 200, F, 200}},
      {Method::post, "/api/v1/services/{id}/stays", "/api/v1/services/{hsv}/stays",
       R"({"referral_id":{hrf},"place_id":999999,"move_in_on":"2000-01-01"})", {U, 422, 422, 422, F, F, F, F, F, F}},
      {Method::post, "/api/v1/services/{id}/stays/{sid}/move-out", "/api/v1/services/{hsv}/stays/{hst}/move-out",
       R"({"version":999999,"move_out_on":"2000-01-01","reason":"Matrica"})", {U, 409, 409, 409, F, F, F, F, F, F}},
      {Method::get, "/api/v1/notifications", "/api/v1/notifications", "", {U, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
      {Method::post, "/api/v1/notifications/{id}/read", "/api/v1/notifications/999999/read", "{}",
       {U, N, N, N, N, N, N, N, N, N}},
      // Partner institutions (docs/api-partners.md). {ptn}: an institution of the register, whose user
      // the matrix's partner is; {rq}: its open information request; {rqout}: another institution's.
      {Method::get, "/api/v1/partners", "/api/v1/partners", "", {U, 200, 200, 200, 200, 200, F, 200, F, 200}},
      {Method::post, "/api/v1/partners", "/api/v1/partners", R"({"kind":"ngo","name":"Matricas biedrība {n}"})",
       {U, F, F, 201, F, F, F, 201, F, 201}},
      {Method::get, "/api/v1/partners/{id}", "/api/v1/partners/{ptn}", "", {U, 200, 200, 200, 200, 200, F, 200, F, 200}},
      {Method::patch, "/api/v1/partners/{id}", "/api/v1/partners/{ptn}", R"({"phone":"+371 20000000"})",
       {U, F, F, 200, F, F, F, 200, F, 200}},
      {Method::get, "/api/v1/partners/requests", "/api/v1/partners/requests", "", {U, 200, 200, 200, 200, F, F, F, F, F}},
      {Method::get, "/api/v1/partners/requests/{id}", "/api/v1/partners/requests/{rq}", "",
       {U, 200, 200, 200, 200, F, F, F, F, F}},
      {Method::post, "/api/v1/partners/requests/{id}/answer", "/api/v1/partners/requests/{rq}/answer",
       R"({"version":999999,"case_id":{cin},"opinion_id":999999})", {U, 409, 409, 409, F, F, F, F, F, F}},
      {Method::get, "/api/v1/partner", "/api/v1/partner", "", {U, F, F, F, F, F, 200, F, F, F}},
      {Method::get, "/api/v1/partner/concerns", "/api/v1/partner/concerns", "", {U, F, F, F, F, F, 200, F, F, F}},
      {Method::post, "/api/v1/partner/concerns", "/api/v1/partner/concerns",
       R"({"child_name":"Matrica","concern":"Matrica","categories":[]})", {U, F, F, F, F, F, 422, F, F, F}},
      {Method::get, "/api/v1/partner/concerns/{id}", "/api/v1/partner/concerns/999999", "", {U, F, F, F, F, F, N, F, F, F}},
      {Method::get, "/api/v1/partner/requests", "/api/v1/partner/requests", "", {U, F, F, F, F, F, 200, F, F, F}},
      {Method::post, "/api/v1/partner/requests", "/api/v1/partner/requests",
       R"({"subject_name":"Matrica","question":"Matrica","due_on":"2000-01-01"})", {U, F, F, F, F, F, 422, F, F, F}},
      {Method::get, "/api/v1/partner/requests/{id}", "/api/v1/partner/requests/{rq}", "", {U, F, F, F, F, F, 200, F, F, F}},
      {Method::get, "/api/v1/partner/requests/{id}", "/api/v1/partner/requests/{rqout}", "", {U, F, F, F, F, F, N, F, F, F}},
      {Method::get, "/api/v1/partner/requests/{id}/opinion", "/api/v1/partner/requests/{rq}/opinion", "",
       {U, F, F, F, F, F, N, F, F, F}},
      {Method::get, "/api/v1/partner/tasks", "/api/v1/partner/tasks", "", {U, F, F, F, F, F, 200, F, F, F}},
      {Method::patch, "/api/v1/partner/tasks/{id}", "/api/v1/partner/tasks/999999", R"({"version":1,"status":"done"})",
       {U, F, F, F, F, F, N, F, F, F}},
      {Method::del, "/api/v1/sessions/{id}", "/api/v1/sessions/{session}", "", {U, N, N, N, N, N, N, 204, N, N}},
      {Method::del, "/api/v1/session", "/api/v1/session", "", {U, 204, 204, 204, 204, 204, 204, 204, 204, 204}},
  };
}

// Endpoints without personal data or access rules (operations).
const std::set<std::string> kSystem = {"GET /healthz", "GET /readyz", "GET /metrics",
                                       "GET /api/v1/version", "GET /api/v1/openapi.json"};

std::string key(Method m, const std::string& pattern) {
  return std::string(http::method_name(m)) + " " + pattern;
}

class AuthorizationMatrix : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    callers_["social_worker"] = as(f_.user("m.worker", {Role::social_worker}, {"families"}));
    callers_["supervisor"] = as(f_.user("m.super", {Role::supervisor}, {"families"}));
    callers_["department_head"] = as(f_.user("m.head", {Role::department_head}, {"families"}));
    callers_["director"] = as(f_.user("m.director", {Role::director}));
    callers_["benefits_officer"] = as(f_.user("m.benefits", {Role::benefits_officer}, {"benefits"}));
    callers_["partner"] = as(f_.user("m.partner", {Role::partner}));
    const test::TestUser admin = f_.user("m.admin", {Role::admin});
    callers_["admin"] = as(admin);
    callers_["auditor"] = as(f_.user("m.auditor", {Role::auditor}));
    callers_["admin_token"] = test::As{"", "", f_.token_for(admin)};
    callers_["anonymous"] = test::As{};
    in_scope_ = f_.user("m.target", {Role::social_worker}, {"adults"});
    out_of_scope_ = other_municipality_user();
    person_in_ = id_of("SELECT id FROM person WHERE given_names = 'Anna' AND surname = 'Bērziņa'");
    person_out_ = id_of("SELECT id FROM person WHERE given_names = 'Inga' AND surname = 'Žagare'");
    household_in_ = id_of("SELECT id FROM household WHERE name = 'Bērziņu ģimene'");
    person_other_ = other_municipality_person();
    application_in_ = id_of("SELECT MIN(id) FROM assistance_application");
    team_families_ = id_of("SELECT id FROM team WHERE code = 'families'");
    worker_id_ = id_of("SELECT id FROM app_user WHERE username = 'm.worker'");
    add_case_records();
    add_partner_records();
    add_service_records();
    add_housing_records();
  }

  // A service of the demo municipality and a requested referral of the case's Anna to it.
  void add_service_records() {
    const std::int64_t municipality = id_of("SELECT municipality_id FROM department WHERE code = 'services'");
    const std::int64_t department = id_of("SELECT id FROM department WHERE code = 'services'");
    auto ids = f_.db().write([&](storage::Connection& c) -> Result<std::pair<std::int64_t, std::int64_t>> {
      services::Service s;
      s.municipality_id = municipality;
      s.name_lv = s.name_en = "Matricas pakalpojums";
      s.kind = "mentor";
      s.provider_department_id = department;
      s.capacity = 1;
      ATB_TRY_ASSIGN(service, services::insert_service(c, s, "2026-01-01T00:00:00.000Z"));
      services::Referral r;
      r.service_id = service;
      r.case_id = case_in_;
      r.person_id = person_in_;
      r.requested_on = "2026-01-03";
      r.requested_by.id = worker_id_;
      r.requested_at = "2026-01-03T00:00:00.000Z";
      r.decision_due_on = "2026-02-03";
      ATB_TRY_ASSIGN(referral, services::insert_referral(c, r));
      return std::pair{service, referral};
    });
    ASSERT_TRUE(ids) << ids.error().detail;
    service_in_ = ids->first;
    referral_in_ = ids->second;
  }

  // A group apartment with a unit, a room and a place, where the case's Anna lives (placed referral).
  void add_housing_records() {
    const std::int64_t department = id_of("SELECT id FROM department WHERE code = 'services'");
    const std::int64_t municipality = id_of("SELECT municipality_id FROM department WHERE code = 'services'");
    const std::string at = "2026-01-01T00:00:00.000Z";
    auto ids = f_.db().write([&](storage::Connection& c) -> Result<std::vector<std::int64_t>> {
      services::Service s;
      s.municipality_id = municipality;
      s.name_lv = s.name_en = "Matricas grupu dzīvoklis";
      s.kind = "group_apartment";
      s.provider_department_id = department;
      s.capacity = 1;
      ATB_TRY_ASSIGN(service, services::insert_service(c, s, at));
      ATB_TRY_ASSIGN(unit, services::insert_unit(c, {0, service, "Matrica", std::nullopt, at, {}}, at));
      ATB_TRY_ASSIGN(room, services::insert_room(c, unit, "Istaba", at));
      ATB_TRY_ASSIGN(place, services::insert_place(c, room, "A", at));
      services::Referral r;
      r.service_id = service;
      r.case_id = case_in_;
      r.person_id = person_in_;
      r.requested_on = "2026-01-03";
      r.requested_by.id = worker_id_;
      r.requested_at = at;
      r.decision_due_on = "2026-02-03";
      ATB_TRY_ASSIGN(referral, services::insert_referral(c, r));
      ATB_TRY(services::decide_referral(c, referral, 1, {"waiting", "granted", "", 3, "2026-01-04"}, worker_id_, at));
      ATB_TRY(services::place_referral(c, referral, 2, "2026-01-05", std::nullopt, worker_id_, at));
      services::Stay st;
      st.where.place_id = place;
      st.referral_id = referral;
      st.person_id = person_in_;
      st.move_in_on = "2026-01-05";
      st.moved_in_by = worker_id_;
      st.moved_in_at = at;
      ATB_TRY_ASSIGN(stay, services::insert_stay(c, st));
      return std::vector<std::int64_t>{service, unit, room, referral, stay};
    });
    ASSERT_TRUE(ids) << ids.error().detail;
    housing_ = *ids;
  }

  std::int64_t id_of(const std::string& sql) {
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(rows && !rows->empty()) << sql;
    return rows && !rows->empty() ? (*rows)[0].integer(0) : 0;
  }

  std::int64_t other_municipality_person() {
    auto id = f_.db().write([](storage::Connection& c) -> Result<std::int64_t> {
      ATB_TRY_ASSIGN(m, c.query("SELECT id FROM municipality WHERE code = 'cesis'"));
      registry::PersonDraft d;
      d.given_names = "Kārlis";
      d.surname = "Cēsnieks";
      d.birth_date = "1980-02-02";
      return registry::insert_person(c, m[0].integer(0), d, 0, "2026-01-01T00:00:00.000Z");
    });
    EXPECT_TRUE(id);
    return id ? *id : 0;
  }

  static test::As as(const test::TestUser& u) { return test::As{u.session_token, u.csrf, ""}; }

  // An open intake and a case of team families (lead: the matrix's social worker).
  void add_case_records() {
    auto ids = f_.db().write([&](storage::Connection& c) -> Result<std::pair<std::int64_t, std::int64_t>> {
      ATB_TRY_ASSIGN(team, cases::team_scope(c, team_families_));
      cases::Intake i;
      i.reference = "P-MATR-IX22";
      i.municipality_id = team->municipality_id;
      i.department_id = team->department_id;
      i.team_id = team->team_id;
      i.channel = "phone";
      i.urgency = "routine";
      i.reporter = {"person", "Matricas Ziņotāja", "20000000"};
      i.concern = "Matrica";
      i.received_at = i.created_at = "2026-01-01T00:00:00.000Z";
      i.first_contact_due_on = "2026-01-15";
      ATB_TRY_ASSIGN(intake, cases::insert_intake(c, i));
      cases::CaseFile k;
      k.municipality_id = team->municipality_id;
      k.department_id = team->department_id;
      k.team_id = team->team_id;
      k.household_id = household_in_;
      k.lead_worker_id = worker_id_;
      k.opened_on = "2026-01-02";
      ATB_TRY_ASSIGN(kase, cases::insert_case(c, k, "Matrica", worker_id_, "2026-01-02T00:00:00.000Z"));
      return std::pair{intake, kase};
    });
    ASSERT_TRUE(ids) << ids.error().detail;
    intake_in_ = ids->first;
    case_in_ = ids->second;
  }

  // Two institutions of the register, each with an open information request; the matrix's
  // partner user belongs to the first.
  void add_partner_records() {
    auto ids = f_.db().write([&](storage::Connection& c) -> Result<std::vector<std::int64_t>> {
      ATB_TRY_ASSIGN(m, c.query("SELECT id FROM municipality WHERE code = 'liepaja'"));
      ATB_TRY_ASSIGN(u, c.query("SELECT id FROM app_user WHERE username = 'm.partner'"));
      std::vector<std::int64_t> out;
      for (const char* name : {"Matricas skola", "Matricas bāriņtiesa"}) {
        partners::Partner p;
        p.municipality_id = m[0].integer(0);
        p.kind = "school";
        p.name = name;
        ATB_TRY_ASSIGN(id, partners::insert_partner(c, p, "2026-01-01T00:00:00.000Z"));
        partners::InfoRequest r;
        r.municipality_id = p.municipality_id;
        r.partner_id = id;
        r.requested_by = u[0].integer(0);
        r.subject_name = "Matrica";
        r.question = "Matrica";
        r.due_on = "2099-01-01";
        r.created_at = "2026-01-01T00:00:00.000Z";
        ATB_TRY_ASSIGN(rq, partners::insert_request(c, r));
        out.push_back(id);
        out.push_back(rq);
      }
      ATB_TRY(c.execute("UPDATE app_user SET partner_id = ? WHERE id = ?", storage::params(out[0], u[0].integer(0))));
      return out;
    });
    ASSERT_TRUE(ids) << ids.error().detail;
    partner_ = (*ids)[0];
    request_in_ = (*ids)[1];
    request_out_ = (*ids)[3];
  }

  std::int64_t other_municipality_user() {
    auto id = f_.db().write([](storage::Connection& c) -> Result<std::int64_t> {
      ATB_TRY_ASSIGN(m, c.query("INSERT INTO municipality (code, name, created_at) VALUES ('cesis',"
                                " 'Cēsu novads', '2026-01-01T00:00:00.000Z') RETURNING id"));
      ATB_TRY_ASSIGN(u, c.query("INSERT INTO app_user (username, full_name, municipality_id, password_hash,"
                                " created_at, updated_at) VALUES ('cesis.worker', 'Cēsu Darbiniece', ?, 'x',"
                                " '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') RETURNING id",
                                storage::params(m[0].integer(0))));
      return u[0].integer(0);
    });
    EXPECT_TRUE(id);
    return id ? *id : 0;
  }

  std::string fill(std::string target) {
    auto replace = [&](const std::string& token, const std::string& value) {
      if (auto at = target.find(token); at != std::string::npos) target.replace(at, token.size(), value);
    };
    replace("{in}", std::to_string(in_scope_.id));
    replace("{pin}", std::to_string(person_in_));
    replace("{pout}", std::to_string(person_out_));
    replace("{pother}", std::to_string(person_other_));
    replace("{hin}", std::to_string(household_in_));
    replace("{ain}", std::to_string(application_in_));
    replace("{iin}", std::to_string(intake_in_));
    replace("{cin}", std::to_string(case_in_));
    replace("{svc}", std::to_string(service_in_));
    replace("{rin}", std::to_string(referral_in_));
    const char* housing_tokens[] = {"{hsv}", "{hu}", "{hr}", "{hrf}", "{hst}"};
    for (std::size_t n = 0; n < housing_.size(); ++n) replace(housing_tokens[n], std::to_string(housing_[n]));
    replace("{tfam}", std::to_string(team_families_));
    replace("{sw}", std::to_string(worker_id_));
    replace("{out}", std::to_string(out_of_scope_));
    replace("{ptn}", std::to_string(partner_));
    replace("{rqout}", std::to_string(request_out_));
    replace("{rq}", std::to_string(request_in_));
    if (target.find("{session}") != std::string::npos) {
      // A fresh session of the target user for every caller, so each try has something to end.
      const test::TestUser victim = f_.user("m.victim" + std::to_string(++victims_), {Role::social_worker});
      auto sid = f_.db().read([&](storage::Connection& c) {
        return c.query("SELECT id FROM user_session WHERE user_id = ?", storage::params(victim.id));
      });
      replace("{session}", (*sid)[0].text(0));
    }
    return target;
  }

  test::AppFixture f_{GetParam()};
  std::map<std::string, test::As> callers_;
  test::TestUser in_scope_;
  std::int64_t out_of_scope_ = 0;
  std::int64_t person_in_ = 0, person_out_ = 0, person_other_ = 0, household_in_ = 0, application_in_ = 0;
  std::int64_t team_families_ = 0, worker_id_ = 0, intake_in_ = 0, case_in_ = 0;
  std::int64_t partner_ = 0, request_in_ = 0, request_out_ = 0;
  std::int64_t service_in_ = 0, referral_in_ = 0;
  std::vector<std::int64_t> housing_;  ///< service, unit, room, placed referral, stay
  int victims_ = 0;
};

TEST_P(AuthorizationMatrix, EveryEndpointEveryRole) {
  for (const Row& row : table()) {
    ASSERT_EQ(row.expected.size(), kCallers.size()) << row.target;
    for (size_t i = 0; i < kCallers.size(); ++i) {
      std::string body = fill(row.body);
      if (auto at = body.find("{n}"); at != std::string::npos) body.replace(at, 3, std::to_string(i));
      test::Answer a = f_.call(row.method, fill(row.target), callers_[kCallers[i]], body);
      // At most two imports run at once: an import refused because the previous callers' are
      // still running (429, only on a loaded machine) is tried again when they have finished.
      for (int tries = 0; a.status == 429 && row.pattern == "/api/v1/imports/persons" && tries < 200; ++tries) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        a = f_.call(row.method, fill(row.target), callers_[kCallers[i]], body);
      }
      EXPECT_EQ(a.status, row.expected[i]) << http::method_name(row.method) << " " << row.target
                                           << " as " << kCallers[i] << ": " << a.body.dump();
    }
  }
}

TEST_P(AuthorizationMatrix, CoversEveryRouteThatExists) {
  std::set<std::string> covered = kSystem;
  for (const Row& row : table()) covered.insert(key(row.method, row.pattern));
  const test::Answer doc = f_.call(Method::get, "/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  for (const auto& [path, ops] : doc.body["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      EXPECT_TRUE(covered.count(upper + " " + path)) << upper << " " << path << " is not in the matrix";
    }
  }
}

TEST_P(AuthorizationMatrix, ReadsOfUsersAreAudited) {
  const auto before = f_.db().read([](storage::Connection& c) {
    return c.query("SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity_type = 'user'");
  });
  ASSERT_EQ(f_.call(Method::get, "/api/v1/users/" + std::to_string(in_scope_.id), callers_["admin"]).status, 200);
  const auto after = f_.db().read([&](storage::Connection& c) {
    return c.query("SELECT COUNT(*), MAX(entity_id) FROM audit_log WHERE action = 'read' AND entity_type = 'user'");
  });
  EXPECT_EQ((*after)[0].integer(0), (*before)[0].integer(0) + 1);
  const test::Answer who = f_.call(Method::get, "/api/v1/audit/entities/user/" + std::to_string(in_scope_.id),
                                   callers_["auditor"]);
  ASSERT_EQ(who.status, 200);
  EXPECT_EQ(who.body["items"][0]["username"], "m.admin");
  EXPECT_EQ(who.body["items"][0]["action"], "read");
}

INSTANTIATE_TEST_SUITE_P(Engines, AuthorizationMatrix, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

}  // namespace
}  // namespace atb
