#include "assistance/evaluate.h"

#include <algorithm>

#include "assistance/config_store.h"
#include "assistance/periods.h"
#include "assistance/store.h"

namespace atb::assistance {
namespace {

std::optional<IncomeKind> income_kind(const std::string& k) {
  if (k == "wages") return IncomeKind::wages;
  if (k == "pension") return IncomeKind::pension;
  if (k == "state_benefit") return IncomeKind::state_benefit;
  if (k == "alimony") return IncomeKind::alimony;
  if (k == "other") return IncomeKind::other;
  return std::nullopt;
}

HousingCosts costs_of(const std::map<std::string, Cents>& m) {
  auto get = [&](const char* k) { return m.count(k) ? m.at(k) : 0; };
  return HousingCosts{get("rent"), get("heating"), get("electricity"), get("water"),
                      get("gas"),  get("sewage"),  get("waste"),       get("telecom")};
}

Error no_norms() {
  return Error{Errc::conflict, {"Pašvaldība nav noteikusi mājokļa izdevumu normatīvus.",
                                "The municipality has not set its housing-cost norms."}, {}, {}};
}

// A municipal benefit of the catalogue: paid to needy or low-income households, a fixed sum or
// a sum per member.
Result<Outcome> catalogue_benefit(const RuleSettings& s, const BenefitKind& kind, const Declaration& d, const Date& on) {
  ATB_TRY_ASSIGN(low, s.low_income());
  const Thresholds& national = s.national;
  Result<Outcome> status = low->at(on) ? low_income_status(d, national, *low, on) : needy_status(d, national, on);
  ATB_TRY(status);
  Outcome o = *status;
  const Cents amount = kind.rule == "per_member" ? kind.amount * static_cast<Cents>(d.members.size()) : kind.amount;
  o.amount = o.eligible ? amount : 0;
  o.steps.push_back(kind.rule == "per_member"
                        ? Step(StepKey::catalogue_per_member, {kind.name, kind.amount, d.members.size(), amount})
                        : Step(StepKey::catalogue_fixed, {kind.name, amount}));
  return o;
}

// The GMI benefit is for needy households; the housing benefit for needy or low-income ones.
// When the household does not have the status, the outcome is the status check's, refused.
Result<std::optional<Outcome>> missing_status(const RuleSettings& s, const Application& a, const Declaration& d,
                                              const Date& on) {
  const Thresholds& national = s.national;
  ATB_TRY_ASSIGN(needy, needy_status(d, national, on));
  if (needy.eligible) return std::optional<Outcome>{};
  Outcome refused = needy;
  if (a.kind == "housing") {
    ATB_TRY_ASSIGN(low, s.low_income());
    if (low->at(on)) {
      ATB_TRY_ASSIGN(low_income, low_income_status(d, national, *low, on));
      if (low_income.eligible) return std::optional<Outcome>{};
      refused = low_income;
    }
  }
  refused.eligible = false;
  refused.amount = 0;
  refused.period_months = 0;
  refused.steps.push_back(a.kind == "gmi" ? StepKey::missing_needy_for_gmi : StepKey::missing_status_for_housing);
  return std::optional(std::move(refused));
}

}  // namespace

Result<Declaration> declaration_of(const Application& a) {
  const auto month = parse_month(a.application_month);
  if (!month) return Error::internal("application_month is not YYYY-MM: " + a.application_month);
  Declaration d;
  d.period_start = add_months(*month, -3);
  std::vector<DeclaredMember> members = a.members;
  std::stable_partition(members.begin(), members.end(), [&](const DeclaredMember& m) { return m.person_id == a.applicant_id; });
  for (const DeclaredMember& m : members) {
    Member member;
    member.person_id = m.person_id;
    member.birth_date = parse_date(m.birth_date).value_or(Date{});
    member.able_to_work = m.able_to_work;
    member.pensioner = m.pensioner;
    member.disability = m.disability;
    member.owns_property = m.owns_property;
    member.has_savings = m.has_savings;
    for (const DeclaredIncome& i : a.incomes) {
      if (i.person_id != m.person_id) continue;
      const auto first = parse_month(i.month);
      const auto kind = income_kind(i.kind);
      if (!first || !kind) return Error::internal("stored income with a bad month or kind");
      member.incomes.push_back(Income{Month{first->year, first->month}, *kind, i.amount});
    }
    d.members.push_back(std::move(member));
  }
  return d;
}

Result<Outcome> evaluate(storage::Connection& c, const Application& a) {
  return evaluate(c, a, *parse_month(a.application_month));
}

Result<const LowIncomeThresholds*> RuleSettings::low_income() const {
  if (!low_income_rows) return *low_income_error;
  return &*low_income_rows;
}

Result<RuleSettings> load_rule_settings(storage::Connection& c, std::int64_t municipality_id, const Date& on) {
  RuleSettings s;
  ATB_TRY_ASSIGN_TO(s.national, load_thresholds(c));
  auto low = load_low_income(c, municipality_id, s.national);
  if (low) s.low_income_rows = std::move(*low);
  else s.low_income_error = std::move(low).error();
  ATB_TRY_ASSIGN_TO(s.norms, load_norms(c, municipality_id, on.iso()));
  ATB_TRY_ASSIGN_TO(s.kinds, load_kinds(c, municipality_id));
  return s;
}

Result<Outcome> evaluate(storage::Connection& c, const Application& a, const Date& on) {
  ATB_TRY_ASSIGN(settings, load_rule_settings(c, a.municipality_id, on));
  return evaluate(settings, a, on);
}

Result<Outcome> evaluate(const RuleSettings& s, const Application& a, const Date& on) {
  ATB_TRY_ASSIGN(d, declaration_of(a));
  const Thresholds& national = s.national;
  if (a.kind == "needy_status") return needy_status(d, national, on);
  if (a.kind == "gmi" || a.kind == "housing") {
    ATB_TRY_ASSIGN(refused, missing_status(s, a, d, on));
    if (refused) return std::move(*refused);
  }
  if (a.kind == "gmi") return gmi_benefit(d, national, on);
  if (a.kind == "low_income_status") {
    ATB_TRY_ASSIGN(low, s.low_income());
    return low_income_status(d, national, *low, on);
  }
  if (a.kind == "housing") {
    if (!s.norms) return no_norms();
    return housing_benefit(d, costs_of(a.housing), costs_of(s.norms->caps), national, on);
  }
  for (const BenefitKind& k : s.kinds) {
    if (k.code == a.kind) return catalogue_benefit(s, k, d, on);
  }
  return Error::invalid_field("kind", {"Nezināms pabalsta veids.", "Unknown kind of benefit."});
}

namespace {

bool is_status_kind(const std::string& kind) { return kind == "needy_status" || kind == "low_income_status"; }

// The decision's outcome, amount, note and steps (no period, no payments).
Decided decided_outcome(const Application& a, const Outcome& o, const std::string& note) {
  const bool granted = o.eligible && (is_status_kind(a.kind) || o.amount > 0);
  Decided out;
  DecisionRecord& d = out.decision;
  d.application_id = a.id;
  d.outcome = granted ? "granted" : "refused";
  d.amount = granted ? o.amount : 0;
  d.note = note;
  d.steps = o.steps;
  return out;
}

// Monthly payments of a granted benefit for `months` months from `first`.
void add_payments(const Application& a, const Date& first, int months, Decided& out) {
  if (out.decision.outcome != "granted" || is_status_kind(a.kind) || out.decision.amount == 0) return;
  for (const std::string& m : paid_months(first, months)) {
    out.payments.push_back(Payment{0, 0, m, out.decision.amount, "planned"});
  }
}

}  // namespace

Decided decide(const Application& a, const Outcome& o, const std::string& note) {
  Decided out = decided_outcome(a, o, note);
  DecisionRecord& d = out.decision;
  if (d.outcome != "granted") return out;
  const Date first = add_months(*parse_month(a.application_month), 1);
  const bool one_off = a.kind != "gmi" && a.kind != "housing" && !is_status_kind(a.kind);
  const int months = one_off ? 1 : o.period_months;
  d.period_from = first.iso();
  d.period_to = last_day_of_month(add_months(first, months - 1)).iso();
  add_payments(a, first, months, out);
  return out;
}

Decided recalculated(const Application& a, const DecisionRecord& old, const Outcome& o, const Date& from,
                     const std::string& reason) {
  Decided out = decided_outcome(a, o, old.note);
  DecisionRecord& d = out.decision;
  d.supersedes_id = old.id;
  d.recalculation_reason = reason;
  d.agreement_on = old.agreement_on;
  d.period_from = from.iso();
  d.period_to = old.period_to;
  const Date last = old.period_to ? *parse_date(*old.period_to) : from;
  const int months = (last.year - from.year) * 12 + last.month - from.month + 1;
  d.steps.push_back(d.outcome == "granted"
      ? Step(StepKey::recalculation_granted, {old.id, from, old.amount, d.period_to.value_or(""), d.amount, reason})
      : Step(StepKey::recalculation_refused, {old.id, from, old.amount, reason}));
  add_payments(a, from, months, out);
  return out;
}

}  // namespace atb::assistance
