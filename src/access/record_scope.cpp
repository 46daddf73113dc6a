#include "access/record_scope.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace atb::access {
namespace {

bool intersects(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b) {
  return std::any_of(a.begin(), a.end(),
                     [&](std::int64_t x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}

bool contains(const std::vector<std::int64_t>& v, std::int64_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Registered in one of `teams` (column team_id) or `departments` (column department_id).
std::string registered_in(const RegistryTables& t, std::string_view id_column,
                          const std::vector<std::int64_t>& teams,
                          const std::vector<std::int64_t>& departments) {
  std::vector<std::string> terms;
  if (!teams.empty()) terms.push_back(fmt::format("r.team_id IN ({})", fmt::join(teams, ",")));
  if (!departments.empty()) {
    terms.push_back(fmt::format("r.department_id IN ({})", fmt::join(departments, ",")));
  }
  if (terms.empty()) return "1=0";
  return fmt::format("EXISTS (SELECT 1 FROM {} r WHERE r.{} = {} AND ({}))", t.registration,
                     t.owner_column, id_column, fmt::join(terms, " OR "));
}

Error forbidden(Text why) { return Error{Errc::forbidden, std::move(why), {}, {}}; }

bool has_client_role(const Principal& p) {
  return p.has(Role::social_worker) || p.has(Role::supervisor) || p.has(Role::department_head) ||
         p.has(Role::director) || p.has(Role::benefits_officer);
}

}  // namespace

Result<void> may_search_registry(const Principal& p) {
  if (has_client_role(p)) return ok();
  return forbidden({"Klientu reģistrs jūsu lomai nav pieejams.", "The client registry is not available to your role."});
}

Result<void> may_export_registry(const Principal& p) {
  if (p.has(Role::director) || p.has(Role::department_head)) return ok();
  return forbidden({"Personu sarakstu eksportē direktors vai daļas vadītājs.",
                    "The persons list is exported by the director or a department head."});
}

Result<void> may_register(const Principal& p) {
  const bool registers = p.has(Role::social_worker) || p.has(Role::supervisor) || p.has(Role::department_head) ||
                         p.has(Role::benefits_officer);
  if (!registers) {
    return forbidden({"Jūsu loma neļauj reģistrēt klientus.", "Your role does not register clients."});
  }
  return ok();
}

Result<void> may_register_in_team(const Principal& p, std::int64_t team_id) {
  ATB_TRY(may_register(p));
  if (!contains(p.team_ids, team_id)) {
    return Error::invalid_field("team_id", {"Reģistrēt var tikai savā komandā.", "You can register only in your own team."});
  }
  return ok();
}

Result<void> may_merge(const Principal& p) {
  if (p.has(Role::supervisor) || p.has(Role::department_head)) return ok();
  return forbidden({"Personas apvieno vadītājs.", "Persons are merged by a supervisor or head."});
}

Result<void> may_break_glass(const Principal& p) {
  if (!is_staff(p)) {
    return forbidden({"Ārkārtas piekļuve ir tikai dienesta darbiniekiem.", "Break-glass access is for staff only."});
  }
  if (p.via_token || p.session_id == 0) {
    return forbidden({"Ārkārtas piekļuvi var atvērt tikai pārlūka sesijā.", "Break-glass needs a browser session."});
  }
  return ok();
}

Result<void> may_see_break_glass_list(const Principal& p) {
  if (p.has(Role::supervisor) || p.has(Role::department_head) || p.has(Role::director) || p.has(Role::auditor)) return ok();
  return forbidden({"Šo sarakstu redz vadītāji un auditors.", "Only supervisors, heads and the auditor see this list."});
}

Access registry_access(const Principal& p, const RegistryScope& s) {
  if (p.has(Role::partner) && p.partner_id && contains(s.partner_ids, *p.partner_id)) {
    return Access::read;
  }
  if (p.municipality_id != s.municipality_id) return Access::none;
  Access best = Access::none;
  auto grant = [&](Access a) { best = std::max(best, a); };
  const bool in_team = intersects(p.team_ids, s.team_ids);
  const bool in_department = intersects(p.department_ids, s.department_ids);
  if (p.has(Role::social_worker) && (in_team || contains(s.assigned_user_ids, p.user_id))) {
    grant(Access::change);
  }
  if (p.has(Role::supervisor) && in_team) grant(Access::change);
  if (p.has(Role::department_head) && in_department) grant(Access::change);
  if (p.has(Role::director)) grant(Access::read);
  if (p.has(Role::benefits_officer)) grant(in_department ? Access::change : Access::read);
  return best;
}

bool may_see_registry_sensitive(const Principal& p, const RegistryScope& s) {
  if (registry_access(p, s) == Access::none) return false;
  const bool in_team = intersects(p.team_ids, s.team_ids);
  const bool in_department = intersects(p.department_ids, s.department_ids);
  return ((p.has(Role::social_worker) || p.has(Role::supervisor)) &&
          (in_team || contains(s.assigned_user_ids, p.user_id))) ||
         (p.has(Role::department_head) && in_department) || p.has(Role::director);
}

std::string registry_visible_sql(const Principal& p, const RegistryTables& t,
                                 std::string_view id_column, std::string_view municipality_column) {
  // Partner access (cases referred to her institution) arrives with referrals; until then a
  // partner sees no registry record, which is what registry_access gives without partner_ids.
  if (p.has(Role::director) || p.has(Role::benefits_officer)) {
    return fmt::format("({} = {})", municipality_column, p.municipality_id);
  }
  std::vector<std::int64_t> teams;
  std::vector<std::int64_t> departments;
  if (p.has(Role::social_worker) || p.has(Role::supervisor)) teams = p.team_ids;
  if (p.has(Role::department_head)) departments = p.department_ids;
  if (teams.empty() && departments.empty()) return "(1=0)";
  return fmt::format("({} = {} AND {})", municipality_column, p.municipality_id,
                     registered_in(t, id_column, teams, departments));
}

std::string registry_visible_or_break_glass_sql(const Principal& p, const RegistryTables& t,
                                                std::string_view id_column,
                                                std::string_view municipality_column) {
  const std::string visible = registry_visible_sql(p, t, id_column, municipality_column);
  if (!is_staff(p) || p.session_id == 0) return visible;
  return fmt::format(
      "({} OR ({} = {} AND EXISTS (SELECT 1 FROM break_glass bg WHERE bg.session_id = {} AND "
      "bg.entity_type = '{}' AND bg.entity_id = CAST({} AS TEXT))))",
      visible, municipality_column, p.municipality_id, p.session_id, t.entity_type, id_column);
}

std::string assistance_visible_sql(const Principal& p, std::string_view a) {
  if (p.has(Role::director) || p.has(Role::benefits_officer)) {
    return fmt::format("({}.municipality_id = {})", a, p.municipality_id);
  }
  std::vector<std::string> terms;
  if ((p.has(Role::social_worker) || p.has(Role::supervisor)) && !p.team_ids.empty()) {
    terms.push_back(fmt::format("{}.team_id IN ({})", a, fmt::join(p.team_ids, ",")));
  }
  if (p.has(Role::department_head) && !p.department_ids.empty()) {
    terms.push_back(fmt::format("{}.department_id IN ({})", a, fmt::join(p.department_ids, ",")));
  }
  if (terms.empty()) return "(1=0)";
  return fmt::format("({}.municipality_id = {} AND ({}))", a, p.municipality_id, fmt::join(terms, " OR "));
}

Access case_access(const Principal& p, const CaseScope& s) {
  // Not s.partner_ids: a referral lets a partner see her portal's part (partner_access), never the file.
  RecordScope scope{s.municipality_id, s.department_id, s.team_id, s.co_worker_ids, {}, false};
  scope.assigned_user_ids.push_back(s.lead_worker_id);
  return record_access(p, scope);
}

Access partner_access(const Principal& p, const CaseScope& s) {
  if (!p.has(Role::partner)) return Access::none;
  Principal as_partner = p;
  as_partner.roles = {Role::partner};  // only the partner rule of record_access applies
  return record_access(as_partner, RecordScope{s.municipality_id, 0, 0, {}, s.partner_ids, false});
}

namespace {

/// case_visible_sql's text, each of the principal's values written by `value` (a literal, or a
/// placeholder that binds it).
template <typename Value>
std::string case_visible_text(const Principal& p, std::string_view c, Value value) {
  auto list = [&](const std::vector<std::int64_t>& ids) {
    std::string out;
    for (std::int64_t id : ids) out += (out.empty() ? "" : ",") + value(id);
    return out;
  };
  if (p.has(Role::director)) return fmt::format("({}.municipality_id = {})", c, value(p.municipality_id));
  const bool works = p.has(Role::social_worker);
  const bool team = (works || p.has(Role::supervisor)) && !p.team_ids.empty();
  const bool department = p.has(Role::department_head) && !p.department_ids.empty();
  if (!works && !team && !department) return "(1=0)";
  // Each value is written in the order of the text (placeholders bind in that order).
  const std::string municipality = value(p.municipality_id);
  // The terms are tried in order, so the ones that read only the case's own columns come before
  // the one that looks up case_worker.
  std::vector<std::string> terms;
  if (works) terms.push_back(fmt::format("{}.lead_worker_id = {}", c, value(p.user_id)));
  if (team) terms.push_back(fmt::format("{}.team_id IN ({})", c, list(p.team_ids)));
  if (department) terms.push_back(fmt::format("{}.department_id IN ({})", c, list(p.department_ids)));
  if (works) {
    terms.push_back(fmt::format("EXISTS (SELECT 1 FROM case_worker cw WHERE cw.case_id = {}.id AND cw.user_id = {})", c,
                                value(p.user_id)));
  }
  return fmt::format("({}.municipality_id = {} AND ({}))", c, municipality, fmt::join(terms, " OR "));
}

}  // namespace

std::string case_visible_sql(const Principal& p, std::string_view c) {
  return case_visible_text(p, c, [](std::int64_t v) { return std::to_string(v); });
}

std::string case_visible_sql(const Principal& p, std::string_view c, storage::Params& params) {
  return case_visible_text(p, c, [&params](std::int64_t v) {
    params.emplace_back(v);
    return std::string("?");
  });
}

Result<void> may_request_closure(const Principal& p, const CaseScope& s) {
  if (p.user_id == s.lead_worker_id && case_access(p, s) == Access::change) return ok();
  return forbidden({"Slēgšanu pieprasa gadījuma vadošais darbinieks.", "Closure is requested by the case's lead worker."});
}

Result<void> may_assign_lead(const Principal& p, const CaseScope& s) {
  const bool same = p.municipality_id == s.municipality_id;
  if (same && p.has(Role::supervisor) && contains(p.team_ids, s.team_id)) return ok();
  if (same && p.has(Role::department_head) && contains(p.department_ids, s.department_id)) return ok();
  return forbidden({"Vadošo darbinieku nosaka komandas vadītājs.", "The lead worker is named by the team's supervisor."});
}

Result<void> may_decide_closure(const Principal& p, const CaseScope& s) {
  if (p.has(Role::supervisor) && p.municipality_id == s.municipality_id && contains(p.team_ids, s.team_id)) return ok();
  return forbidden({"Slēgšanu apstiprina komandas vadītājs.", "Closure is approved by a supervisor of the team."});
}

Result<void> may_decide_plan(const Principal& p, const CaseScope& s) {
  if (p.has(Role::supervisor) && p.municipality_id == s.municipality_id && contains(p.team_ids, s.team_id)) return ok();
  return forbidden({"Sadarbības plānu apstiprina komandas vadītājs.", "The cooperation plan is approved by a supervisor of the team."});
}

Access intake_access(const Principal& p, const TeamScope& s) {
  if (p.municipality_id != s.municipality_id) return Access::none;
  if ((p.has(Role::social_worker) || p.has(Role::supervisor)) && contains(p.team_ids, s.team_id)) return Access::change;
  if (p.has(Role::department_head) && contains(p.department_ids, s.department_id)) return Access::change;
  if (p.has(Role::director)) return Access::read;
  return Access::none;
}

std::string intake_visible_sql(const Principal& p, std::string_view i) {
  if (p.has(Role::director)) return fmt::format("({}.municipality_id = {})", i, p.municipality_id);
  std::vector<std::string> terms;
  if ((p.has(Role::social_worker) || p.has(Role::supervisor)) && !p.team_ids.empty()) {
    terms.push_back(fmt::format("{}.team_id IN ({})", i, fmt::join(p.team_ids, ",")));
  }
  if (p.has(Role::department_head) && !p.department_ids.empty()) {
    terms.push_back(fmt::format("{}.department_id IN ({})", i, fmt::join(p.department_ids, ",")));
  }
  if (terms.empty()) return "(1=0)";
  return fmt::format("({}.municipality_id = {} AND ({}))", i, p.municipality_id, fmt::join(terms, " OR "));
}

bool may_see_reporter(const Principal& p, const TeamScope& s) { return intake_access(p, s) == Access::change; }

Result<void> may_work_cases(const Principal& p) {
  if (p.has(Role::social_worker) || p.has(Role::supervisor) || p.has(Role::department_head) || p.has(Role::director)) {
    return ok();
  }
  return forbidden({"Gadījumu vadība jūsu lomai nav pieejama.", "Case management is not available to your role."});
}

Result<void> may_take_intakes(const Principal& p) {
  if (p.has(Role::social_worker) || p.has(Role::supervisor) || p.has(Role::department_head)) return ok();
  return forbidden({"Pieteikumus reģistrē sociālā darba speciālisti.", "Intakes are registered by social work staff."});
}

Result<void> may_set_duty(const Principal& p, const TeamScope& s) {
  const bool same = p.municipality_id == s.municipality_id;
  if (same && p.has(Role::supervisor) && contains(p.team_ids, s.team_id)) return ok();
  if (same && p.has(Role::department_head) && contains(p.department_ids, s.department_id)) return ok();
  return forbidden({"Dežurantu nosaka komandas vadītājs.", "The duty worker is named by the team's supervisor."});
}

Result<void> may_see_caseload(const Principal& p, const TeamScope& s) {
  const bool same = p.municipality_id == s.municipality_id;
  if (same && p.has(Role::supervisor) && contains(p.team_ids, s.team_id)) return ok();
  if (same && p.has(Role::department_head) && contains(p.department_ids, s.department_id)) return ok();
  if (same && p.has(Role::director)) return ok();
  return forbidden({"Komandas noslodzi redz komandas vadītājs, nodaļas vadītājs vai pašvaldības direktors.",
                    "A team's caseload is seen by its supervisor, the department's head or the municipality's director."});
}

Result<void> may_search_workers(const Principal& p) {
  if (may_work_cases(p)) return ok();
  return forbidden({"Darbinieku meklēšana jūsu lomai nav pieejama.", "Searching workers is not available to your role."});
}

std::string worker_visible_sql(const Principal& p, std::string_view user_alias, std::string_view team_alias) {
  const std::string u(user_alias), t(team_alias);
  std::string sql = "(" + u + ".municipality_id = " + std::to_string(p.municipality_id) + " AND " + u +
                    ".disabled = 0 AND EXISTS (SELECT 1 FROM user_role wr WHERE wr.user_id = " + u +
                    ".id AND wr.role IN ('social_worker', 'supervisor', 'department_head'))";
  if (!p.department_ids.empty()) {
    sql += " AND " + t + ".department_id IN (";
    for (std::size_t i = 0; i < p.department_ids.size(); ++i) {
      sql += (i ? ", " : "") + std::to_string(p.department_ids[i]);
    }
    sql += ")";
  }
  return sql + ")";
}

Result<void> may_see_services(const Principal& p) {
  if (may_work_cases(p) || p.has(Role::admin)) return ok();
  return forbidden({"Pakalpojumu katalogs jūsu lomai nav pieejams.", "The service catalogue is not available to your role."});
}

Result<void> may_manage_services(const Principal& p) {
  if (p.has(Role::admin) || p.has(Role::department_head)) return ok();
  return forbidden({"Pakalpojumu katalogu pārvalda administrators vai daļas vadītājs.",
                    "The service catalogue is managed by an administrator or a department head."});
}

Result<void> may_decide_referral(const Principal& p, const CaseScope& s) {
  const bool same = p.municipality_id == s.municipality_id;
  if (same && p.has(Role::supervisor) && contains(p.team_ids, s.team_id)) return ok();
  if (same && p.has(Role::department_head) && contains(p.department_ids, s.department_id)) return ok();
  return forbidden({"Par nosūtījumu lemj komandas vadītājs vai daļas vadītājs.",
                    "A referral is decided by a supervisor of the team or the department's head."});
}

}  // namespace atb::access
