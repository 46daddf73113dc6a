#include "cases/routes_common.h"

#include <algorithm>

#include "access/user_store.h"
#include "core/crypto.h"
#include "cases/case_store.h"
#include "cases/intake_store.h"
#include "http/json_body.h"
#include "registry/record_access.h"

namespace atb::cases {

access::TeamScope scope_of(const Intake& i) { return {i.municipality_id, i.department_id, i.team_id}; }

access::CaseScope scope_of(const CaseFile& k) {
  return {k.municipality_id, k.department_id, k.team_id, k.lead_worker_id, k.co_worker_ids};
}

namespace {

// The table of each audit entity type that is a record of a case (each has id and case_id).
const char* case_record_table(std::string_view type) {
  static constexpr std::pair<std::string_view, const char*> kTables[] = {
      {"assessment", "case_assessment"}, {"case_plan", "case_plan"},     {"case_task", "case_task"},
      {"case_note", "case_note"},        {"case_document", "case_document"}, {"case_opinion", "case_opinion"}};
  for (const auto& [name, table] : kTables) {
    if (name == type) return table;
  }
  return nullptr;
}

// not_found when none, forbidden when `need` is change and only read is granted.
Result<void> check_access(access::Access granted, access::Access need, const Text& missing, const Text& read_only) {
  if (granted == access::Access::none) return Error{Errc::not_found, missing, {}, {}};
  if (need == access::Access::change && granted != access::Access::change) {
    return Error{Errc::forbidden, read_only, {}, {}};
  }
  return ok();
}

}  // namespace

Result<void> may_see_entity_audit(storage::Connection& c, const access::Principal& p, std::string_view type,
                                  std::string_view id) {
  const auto n = http::path_id(id);
  if (!n) return Error{Errc::not_found, {"Ieraksts nav atrasts.", "No such record."}, {}, {}};
  if (type == "case") {
    ATB_TRY(open_case(c, p, *n, access::Access::read, CaseDetail::access));
    return ok();
  }
  if (type == "intake") {
    ATB_TRY(open_intake(c, p, *n, access::Access::read));
    return ok();
  }
  const char* table = case_record_table(type);
  if (!table) return Error{Errc::not_found, {"Ieraksts nav atrasts.", "No such record."}, {}, {}};
  // A record of a case: who may read the case may see who looked at its records.
  ATB_TRY_ASSIGN(rows, c.query(std::string("SELECT case_id FROM ") + table + " WHERE id = ?", storage::params(*n)));
  if (rows.empty()) return Error{Errc::not_found, {"Ieraksts nav atrasts.", "No such record."}, {}, {}};
  ATB_TRY(open_case(c, p, rows[0].integer(0), access::Access::read, CaseDetail::access));
  return ok();
}

Result<void> audit_partner_denied(const CaseContext& cc, const http::Request& req, const access::Principal& p) {
  if (!p.has(access::Role::partner)) return ok();
  const std::string_view path = req.path;
  const char* type = path.starts_with("/api/v1/cases/")     ? "case"
                     : path.starts_with("/api/v1/intakes/") ? "intake"
                                                            : nullptr;
  if (type == nullptr || req.param("id").empty()) return ok();
  const char* action = req.method == http::Method::get ? "read" : "change";
  return access::audit_denied(cc.access, p, req, action, type, std::string(req.param("id")),
                              "partner: not referred (" + req.path + ")");
}

bool is_case_entity(std::string_view type) {
  return type == "case" || type == "intake" || case_record_table(type) != nullptr;
}

Result<Intake> open_intake(storage::Connection& c, const access::Principal& p, std::int64_t id, access::Access need) {
  const Text missing{"Pieteikums nav atrasts.", "No such intake."};
  ATB_TRY_ASSIGN(found, load_intake(c, id));
  if (!found) return Error{Errc::not_found, missing, {}, {}};
  ATB_TRY(check_access(access::intake_access(p, scope_of(*found)), need, missing,
                       {"Šo pieteikumu jūs drīkstat tikai skatīt.", "You may only read this intake."}));
  return std::move(*found);
}

Result<CaseFile> open_case(storage::Connection& c, const access::Principal& p, std::int64_t id, access::Access need,
                           CaseDetail detail) {
  const Text missing{"Gadījums nav atrasts.", "No such case."};
  ATB_TRY_ASSIGN(found, load_case(c, id, detail));
  if (!found) return Error{Errc::not_found, missing, {}, {}};
  ATB_TRY(check_access(access::case_access(p, scope_of(*found)), need, missing,
                       {"Šo gadījumu jūs drīkstat tikai skatīt.", "You may only read this case."}));
  return std::move(*found);
}

Result<access::TeamScope> own_team(storage::Connection& c, const access::Principal& p, const nlohmann::json& body) {
  std::int64_t team_id = 0;
  if (body.contains("team_id")) {
    ATB_TRY_ASSIGN(given, optional_id(body, "team_id"));
    team_id = given.value_or(0);
  } else if (p.team_ids.size() == 1) {
    team_id = p.team_ids.front();
  } else {
    return Error::invalid_field("team_id", {"Norādiet komandu.", "Give the team."});
  }
  ATB_TRY_ASSIGN(scope, team_scope(c, team_id));
  const bool own = std::find(p.team_ids.begin(), p.team_ids.end(), team_id) != p.team_ids.end();
  if (!scope || scope->municipality_id != p.municipality_id || !own) {
    return Error::invalid_field("team_id", {"Norādiet savu komandu.", "Give your own team."});
  }
  return *scope;
}

Result<std::optional<std::int64_t>> optional_id(const nlohmann::json& body, const char* field) {
  if (!body.contains(field) || body[field].is_null()) return std::optional<std::int64_t>{};
  if (!body[field].is_number_integer() || body[field].get<std::int64_t>() < 1) {
    return Error::invalid_field(field, {"Norādiet identifikatoru.", "Give the id."});
  }
  return std::optional(body[field].get<std::int64_t>());
}

Result<void> check_person(storage::Connection& c, const access::Principal& p, std::int64_t id, const std::string& field) {
  auto opened = registry::open_record(c, p, access::kPersonTables, id, access::Access::read);
  if (!opened || opened->break_glass) return Error::invalid_field(field, {"Persona nav atrasta.", "No such person."});
  return ok();
}

Result<void> check_household(storage::Connection& c, const access::Principal& p, std::int64_t id,
                             const std::string& field) {
  auto opened = registry::open_record(c, p, access::kHouseholdTables, id, access::Access::read);
  if (!opened || opened->break_glass) {
    return Error::invalid_field(field, {"Mājsaimniecība nav atrasta.", "No such household."});
  }
  return ok();
}

Result<void> check_worker(storage::Connection& c, const access::TeamScope& scope, std::int64_t user_id, bool same_team,
                          const std::string& field) {
  ATB_TRY_ASSIGN(worker, access::load_principal(c, user_id));
  const bool fits = worker && worker->municipality_id == scope.municipality_id &&
                    (worker->has(access::Role::social_worker) || worker->has(access::Role::supervisor)) &&
                    (!same_team || std::find(worker->team_ids.begin(), worker->team_ids.end(), scope.team_id) !=
                                       worker->team_ids.end());
  if (!fits) {
    return Error::invalid_field(field, same_team ? Text{"Darbiniekam jābūt šīs komandas sociālajam darbiniekam.",
                                                        "The worker must be a social worker of this team."}
                                                 : Text{"Darbiniekam jābūt sociālajam darbiniekam.",
                                                        "The worker must be a social worker."});
  }
  return ok();
}

Result<void> check_case_workers(storage::Connection& c, const access::TeamScope& scope, std::int64_t lead,
                                const std::vector<std::int64_t>& co_workers) {
  ATB_TRY(check_worker(c, scope, lead, true, "lead_worker_id"));
  for (std::size_t n = 0; n < co_workers.size(); ++n) {
    const std::string field = "co_worker_ids." + std::to_string(n);
    if (co_workers[n] == lead || std::find(co_workers.begin(), co_workers.begin() + n, co_workers[n]) != co_workers.begin() + n) {
      return Error::invalid_field(field, {"Darbinieks jau ir norādīts.", "The worker is already named."});
    }
    ATB_TRY(check_worker(c, scope, co_workers[n], false, field));
  }
  return ok();
}

Result<std::int64_t> register_intake(storage::Connection& c, Intake& intake, std::int64_t except_user) {
  for (int attempt = 0;; ++attempt) {
    intake.reference = intake_reference(crypto::random_bytes(8));
    ATB_TRY_ASSIGN(taken, c.query("SELECT 1 FROM intake WHERE reference = ?", storage::params(intake.reference)));
    if (taken.empty()) break;
    if (attempt == 5) return Error::internal("no free intake reference");
  }
  ATB_TRY_ASSIGN(id, insert_intake(c, intake));
  intake.id = id;
  if (intake.urgency == "acute") ATB_TRY(alert_acute(c, intake, except_user, intake.created_at));
  return id;
}

Result<void> alert_acute(storage::Connection& c, const Intake& intake, std::int64_t except_user, const std::string& now) {
  ATB_TRY_ASSIGN(recipients, acute_recipients(c, intake.team_id));
  recipients.erase(std::remove(recipients.begin(), recipients.end(), except_user), recipients.end());
  const std::string due = intake.first_contact_due_at.value_or(intake.first_contact_due_on);
  Notification n{0, "acute_intake", "intake", intake.id,
                 {"Akūts pieteikums " + intake.reference + ": pirmais kontakts līdz " + due + ".",
                  "Acute intake " + intake.reference + ": first contact by " + due + "."},
                 now, std::nullopt};
  return notify(c, recipients, n);
}

Result<std::string> reason_member(const nlohmann::json& body, const char* field) {
  ATB_TRY_ASSIGN(text, http::optional_text(body, field, 2000));
  if (!text || text->find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error::invalid_field(field, {"Norādiet pamatojumu.", "Give the reason."});
  }
  return *text;
}

}  // namespace atb::cases
