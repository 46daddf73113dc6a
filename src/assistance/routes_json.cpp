#include "assistance/routes_json.h"

#include <algorithm>
#include <set>

#include "assistance/periods.h"
#include "assistance/store.h"

namespace atb::assistance {
namespace {

using nlohmann::json;

json nullable(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
json nullable(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

const std::set<std::string> kIncomeKinds = {"wages", "pension", "state_benefit", "alimony", "other"};

Result<std::int64_t> amount_of(const json& item, const std::string& field) {
  if (!item.contains("amount") || !item["amount"].is_number_integer()) {
    return Error::invalid_field(field, {"Summu norādiet centos (vesels skaitlis).", "Give the amount in cents (a whole number)."});
  }
  const std::int64_t v = item["amount"].get<std::int64_t>();
  if (v < 0) return Error::invalid_field(field, {"Summa nevar būt negatīva.", "The amount cannot be negative."});
  if (v > 1'000'000'000) return Error::invalid_field(field, {"Summa ir pārāk liela.", "The amount is too large."});
  return v;
}

bool is_member(const Application& a, std::int64_t person) {
  return std::any_of(a.members.begin(), a.members.end(), [&](const DeclaredMember& m) { return m.person_id == person; });
}

Result<std::int64_t> member_of(const json& item, const Application& a, const std::string& field) {
  if (!item.contains("person_id") || !item["person_id"].is_number_integer() || !is_member(a, item["person_id"].get<std::int64_t>())) {
    return Error::invalid_field(field, {"Persona nav šīs mājsaimniecības locekle.", "The person is not a member of this household."});
  }
  return item["person_id"].get<std::int64_t>();
}

// The stored member `person` (her flags before this change).
const DeclaredMember* stored_member(const Application& a, std::int64_t person) {
  const auto it = std::find_if(a.members.begin(), a.members.end(), [&](const DeclaredMember& m) { return m.person_id == person; });
  return it == a.members.end() ? nullptr : &*it;
}

Result<std::vector<DeclaredMember>> members_patch(const json& list, const Application& a) {
  if (!list.is_array() || list.size() > 30) return Error::invalid_field("members", {"Jābūt sarakstam.", "Must be a list."});
  std::vector<DeclaredMember> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string field = "members." + std::to_string(i);
    const json& m = list[i];
    if (!m.is_object()) return Error::invalid_field(field, {"Jābūt objektam.", "Must be an object."});
    DeclaredMember d;
    ATB_TRY_ASSIGN_TO(d.person_id, member_of(m, a, field + ".person_id"));
    for (auto [key, target] : {std::pair{"able_to_work", &d.able_to_work}, std::pair{"pensioner", &d.pensioner},
                               std::pair{"disability", &d.disability}}) {
      if (!m.contains(key) || !m[key].is_boolean()) {
        return Error::invalid_field(field + "." + key, {"Jābūt true vai false.", "Must be true or false."});
      }
      *target = m[key].get<bool>();
    }
    // Property and savings came later: when absent they keep their stored values.
    const DeclaredMember* before = stored_member(a, d.person_id);
    for (auto [key, target] : {std::pair{"owns_property", &d.owns_property}, std::pair{"has_savings", &d.has_savings}}) {
      if (!m.contains(key)) {
        *target = before && (key == std::string("owns_property") ? before->owns_property : before->has_savings);
        continue;
      }
      if (!m[key].is_boolean()) return Error::invalid_field(field + "." + key, {"Jābūt true vai false.", "Must be true or false."});
      *target = m[key].get<bool>();
    }
    out.push_back(d);
  }
  return out;
}

Result<std::vector<DeclaredIncome>> incomes_patch(const json& list, const Application& a) {
  if (!list.is_array() || list.size() > 1000) return Error::invalid_field("incomes", {"Jābūt sarakstam.", "Must be a list."});
  const auto application_month = parse_month(a.application_month);
  const std::vector<std::string> months = application_month ? declaration_months(*application_month) : std::vector<std::string>{};
  std::vector<DeclaredIncome> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string field = "incomes." + std::to_string(i);
    const json& item = list[i];
    if (!item.is_object()) return Error::invalid_field(field, {"Jābūt objektam.", "Must be an object."});
    DeclaredIncome d;
    ATB_TRY_ASSIGN_TO(d.person_id, member_of(item, a, field + ".person_id"));
    const std::string month = item.value("month", "");
    if (std::find(months.begin(), months.end(), month) == months.end()) {
      return Error::invalid_field(field + ".month", {"Mēnesis nav deklarācijas periodā (" + (months.empty() ? "" : months.front() + "–" + months.back()) + ").",
                                                     "The month is outside the declaration period (" + (months.empty() ? "" : months.front() + "–" + months.back()) + ")."});
    }
    d.month = month;
    d.kind = item.value("kind", "");
    if (!kIncomeKinds.count(d.kind)) return Error::invalid_field(field + ".kind", {"Nezināms ienākumu veids.", "Unknown kind of income."});
    ATB_TRY_ASSIGN_TO(d.amount, amount_of(item, field + ".amount"));
    out.push_back(d);
  }
  return out;
}

Result<std::map<std::string, std::int64_t>> housing_patch(const json& costs) {
  if (!costs.is_object()) return Error::invalid_field("housing_costs", {"Jābūt objektam.", "Must be an object."});
  std::map<std::string, std::int64_t> out;
  for (const auto& [kind, value] : costs.items()) {
    const std::string field = "housing_costs." + kind;
    if (std::find_if(std::begin(kHousingKinds), std::end(kHousingKinds), [&](const char* k) { return kind == k; }) ==
        std::end(kHousingKinds)) {
      return Error::invalid_field(field, {"Nezināms izdevumu veids.", "Unknown kind of cost."});
    }
    ATB_TRY_ASSIGN(amount, amount_of(json{{"amount", value}}, field));
    out[kind] = amount;
  }
  return out;
}

}  // namespace

namespace {

// A decision in an application: what it granted, for when, and how it was replaced.
json decision_summary(const DecisionRecord& d) {
  return {{"id", d.id}, {"outcome", d.outcome}, {"amount", d.amount}, {"from", nullable(d.period_from)},
          {"to", nullable(d.period_to)}, {"decided_at", d.decided_at},
          {"supersedes_id", nullable(d.supersedes_id)}, {"superseded_by_id", nullable(d.superseded_by_id)},
          {"superseded_from", nullable(d.superseded_from)}, {"stopped_from", nullable(d.stopped_from)}};
}

}  // namespace

json to_json(const Application& a, const Date& today) {
  json members = json::array();
  for (const DeclaredMember& m : a.members) {
    members.push_back({{"person_id", m.person_id}, {"given_names", m.given_names}, {"surname", m.surname},
                       {"birth_date", m.birth_date}, {"able_to_work", m.able_to_work}, {"pensioner", m.pensioner},
                       {"disability", m.disability}, {"owns_property", m.owns_property}, {"has_savings", m.has_savings}});
  }
  json incomes = json::array();
  for (const DeclaredIncome& i : a.incomes) {
    incomes.push_back({{"person_id", i.person_id}, {"month", i.month}, {"kind", i.kind}, {"amount", i.amount}});
  }
  json housing = json::object();
  for (const char* kind : kHousingKinds) housing[kind] = a.housing.count(kind) ? a.housing.at(kind) : 0;
  const auto month = parse_month(a.application_month);
  const bool overdue = a.status == "submitted" && a.decision_due && *a.decision_due < today.iso();
  std::string applicant_given, applicant_surname;
  for (const DeclaredMember& m : a.members) {
    if (m.person_id == a.applicant_id) applicant_given = m.given_names, applicant_surname = m.surname;
  }
  json decision = a.decision ? decision_summary(*a.decision) : json(nullptr);
  json decisions = json::array();
  for (const DecisionRecord& d : a.history) decisions.push_back(decision_summary(d));
  return {{"id", a.id}, {"version", a.version}, {"kind", a.kind}, {"status", a.status},
          {"household", {{"id", a.household_id}, {"name", a.household_name}}},
          {"applicant", {{"id", a.applicant_id}, {"given_names", applicant_given}, {"surname", applicant_surname}}},
          {"application_month", a.application_month},
          {"period_months", month ? declaration_months(*month) : std::vector<std::string>{}},
          {"submitted_on", nullable(a.submitted_on)}, {"decision_due", nullable(a.decision_due)},
          {"overdue", overdue}, {"members", members}, {"incomes", incomes}, {"housing_costs", housing},
          {"decision", decision}, {"decisions", decisions}, {"flags", json::array()}};
}

json to_json(const DecisionRecord& d, const std::vector<Payment>& payments) {
  json pays = json::array();
  for (const Payment& p : payments) pays.push_back({{"month", p.month}, {"amount", p.amount}, {"status", p.status}});
  json out = decision_summary(d);
  out.update({{"application_id", d.application_id}, {"steps", steps_json(d.steps)}, {"note", d.note},
              {"agreement_on", nullable(d.agreement_on)}, {"stop_reason", nullable(d.stop_reason)},
              {"recalculation_reason", nullable(d.recalculation_reason)}, {"payments", pays}});
  return out;
}

Result<DeclarationPatch> declaration_patch(const json& body, const Application& a) {
  DeclarationPatch p;
  if (body.contains("members")) ATB_TRY_ASSIGN_TO(p.members, members_patch(body["members"], a));
  if (body.contains("incomes")) ATB_TRY_ASSIGN_TO(p.incomes, incomes_patch(body["incomes"], a));
  if (body.contains("housing_costs")) ATB_TRY_ASSIGN_TO(p.housing, housing_patch(body["housing_costs"]));
  return p;
}

}  // namespace atb::assistance
