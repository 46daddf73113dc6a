#include "partners/routes_common.h"

#include "partners/rules.h"
#include "partners/store.h"

namespace atb::partners {
namespace {

using nlohmann::json;

template <class T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

}  // namespace

Result<void> institution_active(const cases::CaseContext& cc, const access::Principal& p) {
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) { return load_partner(c, *p.partner_id); }));
  if (found && found->active) return ok();
  return Error{Errc::forbidden,
               {"Jūsu iestāde reģistrā nav aktīva.", "Your institution is not active in the register."},
               {},
               {}};
}

Result<access::CaseScope> case_scope(storage::Connection& c, const cases::CaseFile& k) {
  access::CaseScope scope = cases::scope_of(k);
  ATB_TRY_ASSIGN_TO(scope.partner_ids, case_partner_ids(c, k.id));
  return scope;
}

json to_json(const Partner& p) {
  json contacts = json::array();
  for (const Contact& k : p.contacts) {
    contacts.push_back({{"id", k.id}, {"full_name", k.full_name}, {"position", opt(k.position)},
                        {"phone", opt(k.phone)}, {"email", opt(k.email)}});
  }
  return {{"id", p.id},
          {"kind", p.kind},
          {"name", p.name},
          {"registration_number", opt(p.registration_number)},
          {"address", opt(p.address)},
          {"phone", opt(p.phone)},
          {"email", opt(p.email)},
          {"active", p.active},
          {"version", p.version},
          {"contacts", contacts},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

json to_json(const Concern& k) {
  return {{"id", k.id},
          {"reference", k.reference},
          {"child_name", k.child_name},
          {"child_birth_date", opt(k.child_birth_date)},
          {"school", k.school},
          {"concern", k.concern},
          {"categories", k.categories},
          {"status", concern_status(k.intake_status, k.outcome)},
          {"received_at", k.received_at},
          {"created_at", k.created_at}};
}

json to_json(const InfoRequest& r) {
  json answer = nullptr;
  if (r.status == "answered") {
    answer = {{"opinion_id", opt(r.opinion_id)},
              {"opinion_reference", opt(r.opinion_reference)},
              {"note", opt(r.answer_note)},
              {"answered_by", opt(r.answered_by_name)},
              {"answered_at", opt(r.answered_at)}};
  }
  return {{"id", r.id},
          {"version", r.version},
          {"partner", {{"id", r.partner_id}, {"name", r.partner_name}}},
          {"requested_by", {{"id", r.requested_by}, {"name", r.requested_by_name}}},
          {"subject_name", r.subject_name},
          {"subject_birth_date", opt(r.subject_birth_date)},
          {"subject_personal_code", opt(r.subject_personal_code)},
          {"case_reference", opt(r.case_reference)},
          {"question", r.question},
          {"due_on", r.due_on},
          {"status", r.status},
          {"answer", answer},
          {"created_at", r.created_at}};
}

json to_json(const PartnerTask& t) {
  return {{"id", t.id},       {"version", t.version}, {"text", t.text},           {"goal", t.goal},
          {"due_on", t.due_on}, {"status", t.status},  {"note", opt(t.note)},      {"updated_at", t.updated_at}};
}

}  // namespace atb::partners
