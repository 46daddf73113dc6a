#include "services/rules.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

namespace atb::services {
namespace {

Error invalid(std::string field, std::string lv, std::string en) {
  return Error::invalid_field(std::move(field), {std::move(lv), std::move(en)});
}

bool blank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

// The allowed moves between referral states.
struct Move {
  std::string_view from, to;
};
constexpr Move kMoves[] = {{"requested", "waiting"},
                           {"requested", "refused"},
                           {"waiting", "placed"},
                           {"waiting", "ended"},
                           {"placed", "ended"}};

Text state_name(std::string_view s) {
  if (s == "requested") return {"pieprasīts", "requested"};
  if (s == "refused") return {"atteikts", "refused"};
  if (s == "waiting") return {"rindā", "waiting"};
  if (s == "placed") return {"uzņemts", "placed"};
  return {"beidzies", "ended"};
}

}  // namespace

const std::vector<std::string_view>& service_kinds() {
  static const std::vector<std::string_view> v = {
      "mentor",       "group_apartment",          "social_house", "psychologist",
      "youth_centre", "mobile_service",           "home_care",    "crisis_centre",
      "day_centre",   "addiction_rehabilitation", "other"};
  return v;
}
const std::vector<std::string_view>& capacity_units() {
  static const std::vector<std::string_view> v = {"places", "hours_per_month", "visits_per_month"};
  return v;
}
const std::vector<std::string_view>& delivery_units() {
  static const std::vector<std::string_view> v = {"day", "hour", "visit", "session", "month"};
  return v;
}
const std::vector<std::string_view>& funding_sources() {
  static const std::vector<std::string_view> v = {"municipal", "state", "project"};
  return v;
}
const std::vector<std::string_view>& target_groups() {
  static const std::vector<std::string_view> v = {
      "children", "youth_at_risk", "families_with_children", "adults",
      "seniors",  "disability",    "mental_disorder",        "addiction",
      "homeless", "violence"};
  return v;
}
const std::vector<std::string_view>& referral_states() {
  static const std::vector<std::string_view> v = {"requested", "refused", "waiting", "placed",
                                                  "ended"};
  return v;
}

bool is_one_of(const std::vector<std::string_view>& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

Result<void> check_service(const Service& s) {
  if (blank(s.name_lv))
    return invalid("name_lv", "Norādiet nosaukumu latviski.", "Give the name in Latvian.");
  if (blank(s.name_en))
    return invalid("name_en", "Norādiet nosaukumu angliski.", "Give the name in English.");
  if (!is_one_of(service_kinds(), s.kind))
    return invalid("kind", "Nezināms pakalpojuma veids.", "Unknown kind of service.");
  if (s.provider_department_id.has_value() == s.provider_partner_id.has_value()) {
    return invalid("provider", "Norādiet sniedzēju: daļu vai ārēju organizāciju (vienu).",
                   "Give the provider: a department or an outside organisation (one).");
  }
  if (s.provider_department_id && (s.contract_from || s.contract_to)) {
    return invalid("contract_from", "Līguma periods ir tikai ārējam sniedzējam.",
                   "A contract period is only for an outside provider.");
  }
  std::optional<Date> from, to;
  if (s.contract_from && !(from = parse_date(*s.contract_from))) {
    return invalid("contract_from", "Datums jānorāda kā GGGG-MM-DD.",
                   "Give the date as YYYY-MM-DD.");
  }
  if (s.contract_to && !(to = parse_date(*s.contract_to))) {
    return invalid("contract_to", "Datums jānorāda kā GGGG-MM-DD.", "Give the date as YYYY-MM-DD.");
  }
  if (from && to && *to < *from) {
    return invalid("contract_to", "Līgums nevar beigties pirms sākuma.",
                   "The contract cannot end before it starts.");
  }
  const Eligibility& e = s.eligibility;
  for (auto [field, age] : {std::pair{"age_min", e.age_min}, std::pair{"age_max", e.age_max}}) {
    if (age && (*age < 0 || *age > 130))
      return invalid(field, "Vecums no 0 līdz 130.", "An age from 0 to 130.");
  }
  if (e.age_min && e.age_max && *e.age_max < *e.age_min) {
    return invalid("age_max", "Augšējā vecuma robeža ir zem apakšējās.",
                   "The upper age is below the lower one.");
  }
  std::set<std::string> seen;
  for (std::size_t n = 0; n < e.target_groups.size(); ++n) {
    const std::string field = "target_groups." + std::to_string(n);
    if (!is_one_of(target_groups(), e.target_groups[n]))
      return invalid(field, "Nezināma mērķa grupa.", "Unknown target group.");
    if (!seen.insert(e.target_groups[n]).second)
      return invalid(field, "Mērķa grupa atkārtojas.", "The target group repeats.");
  }
  if (s.capacity < 0)
    return invalid("capacity", "Kapacitāte nevar būt negatīva.",
                   "The capacity cannot be negative.");
  if (!is_one_of(capacity_units(), s.capacity_unit)) {
    return invalid("capacity_unit", "Nezināma kapacitātes vienība.", "Unknown capacity unit.");
  }
  if (!is_one_of(delivery_units(), s.unit))
    return invalid("unit", "Nezināma vienība.", "Unknown unit.");
  if (s.price_cents < 0)
    return invalid("price_cents", "Cena nevar būt negatīva.", "The price cannot be negative.");
  if (!is_one_of(funding_sources(), s.funding))
    return invalid("funding", "Nezināms finansējuma avots.", "Unknown funding source.");
  const bool has_project = s.project_number && !blank(*s.project_number);
  if (s.funding == "project" && !has_project) {
    return invalid("project_number", "Projekta finansējumam norādiet projekta numuru.",
                   "Give the project number for project funding.");
  }
  if (s.funding != "project" && s.project_number) {
    return invalid("project_number", "Projekta numurs ir tikai projekta finansējumam.",
                   "A project number is only for project funding.");
  }
  return ok();
}

Result<void> check_eligibility(const Eligibility& e, const std::optional<Date>& birth,
                               const Date& on, const std::optional<std::string>& target_group) {
  if (e.age_min || e.age_max) {
    const std::string range_lv =
        fmt::format("{} līdz {}", e.age_min ? std::to_string(*e.age_min) : "0",
                    e.age_max ? std::to_string(*e.age_max) : "…");
    const std::string range_en =
        fmt::format("{} to {}", e.age_min ? std::to_string(*e.age_min) : "0",
                    e.age_max ? std::to_string(*e.age_max) : "…");
    if (!birth) {
      return invalid(
          "person_id",
          "Noteikums: vecums no " + range_lv + " gadiem; personas dzimšanas datums nav zināms.",
          "Rule: age " + range_en + " years; the person's birth date is not known.");
    }
    const int age = age_on(*birth, on);
    if ((e.age_min && age < *e.age_min) || (e.age_max && age > *e.age_max)) {
      return invalid(
          "person_id",
          fmt::format("Noteikums: vecums no {} gadiem; personai {} ir {} g.", range_lv, on.iso(),
                      age),
          fmt::format("Rule: age {} years; the person is {} on {}.", range_en, age, on.iso()));
    }
  }
  if (target_group && !is_one_of(target_groups(), *target_group)) {
    return invalid("target_group", "Nezināma mērķa grupa.", "Unknown target group.");
  }
  if (!e.target_groups.empty()) {
    const std::string groups = fmt::format("{}", fmt::join(e.target_groups, ", "));
    const bool fits = target_group && std::find(e.target_groups.begin(), e.target_groups.end(),
                                                *target_group) != e.target_groups.end();
    if (!fits) {
      return invalid("target_group", "Noteikums: pakalpojums ir mērķa grupām " + groups + ".",
                     "Rule: the service is for the target groups " + groups + ".");
    }
  }
  return ok();
}

Date decision_due(const Date& requested_on) {
  Date d{requested_on.year, requested_on.month + 1, requested_on.day};
  if (d.month == 13) {
    d.month = 1;
    ++d.year;
  }
  d.day = std::min(d.day, days_in_month(d.year, d.month));
  return d;
}

bool decision_overdue(const Referral& r, const Date& today) {
  if (r.state != "requested") return false;
  const auto due = parse_date(r.decision_due_on);
  return due && today > *due;
}

Result<void> check_transition(std::string_view from, std::string_view to) {
  std::vector<std::string> lv, en;
  for (const Move& m : kMoves) {
    if (m.from != from) continue;
    if (m.to == to) return ok();
    lv.push_back("“" + state_name(m.to).lv + "”");
    en.push_back("“" + state_name(m.to).en + "”");
  }
  const Text f = state_name(from);
  if (lv.empty()) {
    return Error{Errc::conflict,
                 {"Nosūtījums ir stāvoklī “" + f.lv + "”; tas vairs nemainās.",
                  "The referral is “" + f.en + "”; it does not change any more."},
                 {},
                 {}};
  }
  return Error{
      Errc::conflict,
      {fmt::format("No stāvokļa “{}” nosūtījums var pāriet tikai uz: {}.", f.lv,
                   fmt::join(lv, ", ")),
       fmt::format("From “{}” the referral can move only to: {}.", f.en, fmt::join(en, ", "))},
      {},
      {}};
}

Result<void> check_capacity(int capacity, int occupied, int quantity,
                            const std::optional<std::string>& override_reason) {
  if (occupied + quantity <= capacity) return ok();
  if (override_reason && !blank(*override_reason)) return ok();
  const Text why{
      fmt::format(
          "Nav brīvas kapacitātes: aizņemts {} no {}, vajag vēl {}. Ievietošanai virs kapacitātes "
          "norādiet pamatojumu.",
          occupied, capacity, quantity),
      fmt::format("No free capacity: {} of {} taken, {} more needed. Give a reason to place beyond "
                  "capacity.",
                  occupied, capacity, quantity)};
  return Error{Errc::conflict, why, {{"override_reason", why}}, {}};
}

Result<Date> check_step_date(std::string_view field, std::string_view text, const Date& earliest,
                             const Date& latest) {
  const auto d = parse_date(text);
  if (!d)
    return invalid(std::string(field), "Datums jānorāda kā GGGG-MM-DD.",
                   "Give the date as YYYY-MM-DD.");
  if (*d < earliest) {
    return invalid(std::string(field), "Datums nevar būt pirms " + earliest.iso() + ".",
                   "The date cannot be before " + earliest.iso() + ".");
  }
  if (*d > latest) {
    return invalid(std::string(field), "Datums nevar būt pēc " + latest.iso() + ".",
                   "The date cannot be after " + latest.iso() + ".");
  }
  return *d;
}

}  // namespace atb::services
