#include "assistance/decision_facts.h"

#include <fmt/format.h>

#include "assistance/store.h"
#include "registry/person_store.h"
#include "registry/personal_code.h"
#include "registry/rules.h"

namespace atb::assistance {

using storage::params;

Result<DecisionPdf> decision_facts(storage::Connection& c, const Application& a, const DecisionRecord& d,
                                   const std::vector<Payment>& payments) {
  DecisionPdf pdf;
  ATB_TRY_ASSIGN(org, c.query("SELECT m.name, dep.name_lv FROM municipality m JOIN department dep ON dep.municipality_id = m.id"
                              " WHERE dep.id = ?",
                              params(a.department_id)));
  if (!org.empty()) {
    pdf.municipality = org[0].text(0);
    pdf.department = org[0].text(1);
  }
  pdf.reference = fmt::format("SD/{}/{:06}", d.decided_at.substr(0, 4), d.id);
  pdf.date = d.decided_at.substr(0, 10);
  ATB_TRY_ASSIGN(applicant, registry::load_person(c, a.applicant_id));
  if (applicant) {
    pdf.applicant_name = applicant->data.given_names + " " + applicant->data.surname;
    if (applicant->data.personal_code) pdf.personal_code = registry::format_personal_code(*applicant->data.personal_code);
    if (applicant->data.declared_address) pdf.address = registry::address_line(*applicant->data.declared_address);
  }
  pdf.household_name = a.household_name;
  ATB_TRY_ASSIGN(kinds, load_kinds(c, a.municipality_id));
  for (const BenefitKind& k : kinds) {
    if (k.code == a.kind) pdf.kind_name_lv = k.name.lv;
  }
  pdf.granted = d.outcome == "granted";
  pdf.amount_cents = d.amount;
  pdf.period_from = d.period_from.value_or("");
  pdf.period_to = d.period_to.value_or("");
  for (const Step& step : d.steps) pdf.explanation_lv.push_back(render(step).lv);
  for (const Payment& p : payments) {
    if (p.status == "planned" || p.status == "paid") pdf.payments.emplace_back(p.month, p.amount);
  }
  ATB_TRY_ASSIGN(officer, c.query("SELECT u.full_name FROM assistance_decision d JOIN app_user u ON u.id = d.decided_by"
                                  " WHERE d.id = ?",
                                  params(d.id)));
  if (!officer.empty()) pdf.decided_by = officer[0].text(0);
  return pdf;
}

}  // namespace atb::assistance
