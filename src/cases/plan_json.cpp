#include "cases/plan_json.h"

#include <initializer_list>
#include <string_view>

#include "cases/plan_rules.h"
#include "cases/routes_common.h"
#include "http/json_body.h"

namespace atb::cases {
namespace {

using nlohmann::json;

// `e` with every field path put under `prefix`.
Error under(const std::string& prefix, Error e) {
  for (FieldError& f : e.fields) f.field = f.field.empty() ? prefix : prefix + "." + f.field;
  return e;
}

// An object at `field` with only `allowed` members (422 naming the path otherwise).
Result<void> check_object(const json& value, const std::string& field, std::initializer_list<std::string_view> allowed) {
  if (!value.is_object()) return Error::invalid_field(field, {"Jābūt objektam.", "Must be an object."});
  for (const auto& [key, member] : value.items()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key == a;
    if (!known) return Error::invalid_field(field.empty() ? key : field + "." + key, {"Nezināms lauks.", "Unknown field."});
  }
  return ok();
}

// An array at `field` (absent = empty when `optional`).
Result<const json*> array_member(const json& body, const char* key, const std::string& field, bool optional) {
  static const json kEmpty = json::array();
  if (!body.contains(key) || body[key].is_null()) {
    if (optional) return &kEmpty;
    return Error::invalid_field(field, {"Obligāts lauks.", "Required field."});
  }
  if (!body[key].is_array()) return Error::invalid_field(field, {"Jābūt sarakstam.", "Must be a list."});
  return &body[key];
}

// A required multi-line text of 1–kPlanTextMax characters.
Result<std::string> text_member(const json& body, const char* key) {
  ATB_TRY_ASSIGN(text, http::optional_text(body, key, kPlanTextMax));
  if (!text || text->find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error::invalid_field(key, {"Obligāts lauks.", "Required field."});
  }
  return *text;
}

Result<Responsible> responsible_from(const json& value) {
  ATB_TRY(check_object(value, "", {"kind", "person_id", "user_id", "partner_name", "partner_id", "name"}));
  Responsible r;
  ATB_TRY_ASSIGN_TO(r.kind, http::required_string(value, "kind", 20));
  if (!one_of(kResponsibleKinds, r.kind)) {
    return Error::invalid_field("kind", {"Nezināms atbildīgās puses veids.", "Unknown kind of responsible party."});
  }
  ATB_TRY_ASSIGN_TO(r.person_id, optional_id(value, "person_id"));
  ATB_TRY_ASSIGN_TO(r.user_id, optional_id(value, "user_id"));
  ATB_TRY_ASSIGN_TO(r.partner_name, http::optional_string(value, "partner_name", kPartnerNameMax));
  ATB_TRY_ASSIGN_TO(r.partner_id, optional_id(value, "partner_id"));
  return r;
}

Result<PlanTask> task_from(const json& value) {
  ATB_TRY(check_object(value, "", {"text", "due_on", "responsible"}));
  PlanTask t;
  ATB_TRY_ASSIGN_TO(t.text, text_member(value, "text"));
  ATB_TRY_ASSIGN_TO(t.due_on, http::required_string(value, "due_on", 10));
  if (!value.contains("responsible")) {
    return Error::invalid_field("responsible", {"Norādiet atbildīgo.", "Give who is responsible."});
  }
  auto r = responsible_from(value["responsible"]);
  if (!r) return under("responsible", std::move(r).error());
  t.responsible = std::move(*r);
  return t;
}

Result<PlanGoal> goal_from(const json& value) {
  ATB_TRY(check_object(value, "", {"text", "domain", "assessment_id", "member", "tasks"}));
  PlanGoal g;
  ATB_TRY_ASSIGN_TO(g.text, text_member(value, "text"));
  ATB_TRY_ASSIGN_TO(g.domain, http::optional_string(value, "domain", 64));
  ATB_TRY_ASSIGN_TO(g.assessment_id, optional_id(value, "assessment_id"));
  ATB_TRY_ASSIGN_TO(g.member, http::optional_string(value, "member", 20));
  ATB_TRY_ASSIGN(tasks, array_member(value, "tasks", "tasks", true));
  if (tasks->size() > kPlanTasksMax) {
    return Error::invalid_field("tasks", {"Mērķim var būt ne vairāk kā 30 uzdevumu.", "A goal has at most 30 tasks."});
  }
  for (std::size_t n = 0; n < tasks->size(); ++n) {
    auto t = task_from((*tasks)[n]);
    if (!t) return under("tasks." + std::to_string(n), std::move(t).error());
    g.tasks.push_back(std::move(*t));
  }
  return g;
}

json user_json(const std::optional<PlanUser>& u) {
  if (!u) return nullptr;
  return {{"id", u->id}, {"name", u->name}};
}

template <class T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

}  // namespace

Result<Plan> plan_from_body(const json& body) {
  Plan plan;
  ATB_TRY_ASSIGN(goals, array_member(body, "goals", "goals", false));
  if (goals->empty() || goals->size() > kPlanGoalsMax) {
    return Error::invalid_field("goals", {"Plānā jābūt no 1 līdz 20 mērķiem.", "A plan has 1 to 20 goals."});
  }
  for (std::size_t n = 0; n < goals->size(); ++n) {
    auto g = goal_from((*goals)[n]);
    if (!g) return under("goals." + std::to_string(n), std::move(g).error());
    plan.goals.push_back(std::move(*g));
  }
  ATB_TRY_ASSIGN_TO(plan.review_on, http::required_string(body, "review_on", 10));
  return plan;
}

json to_json(const PlanTask& t) {
  json responsible = {{"kind", t.responsible.kind}, {"name", t.responsible.name}};
  if (t.responsible.kind == "member") responsible["person_id"] = opt(t.responsible.person_id);
  if (t.responsible.kind == "worker") responsible["user_id"] = opt(t.responsible.user_id);
  if (t.responsible.kind == "partner") responsible["partner_name"] = opt(t.responsible.partner_name);
  if (t.responsible.kind == "partner") responsible["partner_id"] = opt(t.responsible.partner_id);
  return {{"id", t.id},          {"goal_id", t.goal_id},     {"text", t.text},         {"due_on", t.due_on},
          {"responsible", responsible}, {"status", t.status}, {"note", opt(t.note)}, {"version", t.version},
          {"updated_at", t.updated_at}};
}

json to_json(const Plan& p) {
  json goals = json::array();
  for (const PlanGoal& g : p.goals) {
    json tasks = json::array();
    for (const PlanTask& t : g.tasks) tasks.push_back(to_json(t));
    goals.push_back({{"id", g.id}, {"text", g.text}, {"domain", opt(g.domain)}, {"assessment_id", opt(g.assessment_id)},
                     {"member", opt(g.member)}, {"tasks", tasks}});
  }
  json agreement = nullptr;
  if (p.agreed_on) agreement = {{"agreed_on", *p.agreed_on}, {"person_ids", p.agreed_person_ids}};
  return {{"id", p.id},
          {"case_id", p.case_id},
          {"number", p.number},
          {"version", p.version},
          {"status", p.status},
          {"goals", goals},
          {"review_on", p.review_on},
          {"approval_required", p.approval_required},
          {"family_agreement", agreement},
          {"submitted_by", user_json(p.submitted_by)},
          {"submitted_at", opt(p.submitted_at)},
          {"decided_by", user_json(p.decided_by)},
          {"decided_at", opt(p.decided_at)},
          {"decision_note", opt(p.decision_note)},
          {"created_by", user_json(p.created_by)},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

json to_json(const PlanVersion& v) {
  return {{"id", v.id}, {"number", v.number}, {"status", v.status}, {"created_at", v.created_at},
          {"decided_at", opt(v.decided_at)}};
}

}  // namespace atb::cases
