#include "assistance/explanation_catalogue.h"

#include <algorithm>
#include <array>
#include <map>

namespace atb::assistance {
namespace {

using K = StepKey;

/// The catalogue, in the order of StepKey.
constexpr std::array kTemplates{
    StepTemplate{K::verbatim, "verbatim", "{0}", "{0}"},
    // The household's income.
    StepTemplate{K::not_counted, "not_counted", "Netiek ieskaitīti: {0|, }.", "Not counted: {0|, }."},
    StepTemplate{K::income_person, "income_person", "{0}. persona: ieskaitāmie ienākumi trijos mēnešos {1:eur}",
                 "Person {0}: counted income over the three months {1:eur}"},
    StepTemplate{K::income_month, "income_month", "Ieskaitāmie mājsaimniecības ienākumi {0:month}: {1:eur}",
                 "Counted household income for {0:month}: {1:eur}"},
    StepTemplate{K::income_total, "income_total", "Ienākumi trijos mēnešos kopā: {0:eur} + {1:eur} + {2:eur} = {3:eur}",
                 "Income over the three months: {0:eur} + {1:eur} + {2:eur} = {3:eur}"},
    StepTemplate{K::income_average, "income_average", "Mājsaimniecības vidējie ienākumi mēnesī: {0:eur} ({1:eur} / 3, {2})",
                 "Average monthly household income: {0:eur} ({1:eur} / 3, {2})"},
    StepTemplate{K::income_wages, "income_wages", "darba samaksa", "wages"},
    StepTemplate{K::income_pension, "income_pension", "pensija", "pension"},
    StepTemplate{K::income_state_benefit, "income_state_benefit", "valsts pabalsti", "state benefits"},
    StepTemplate{K::income_alimony, "income_alimony", "uzturlīdzekļi", "alimony"},
    StepTemplate{K::income_other, "income_other", "citi ienākumi", "other income"},
    StepTemplate{K::rounding_exact, "rounding_exact", "bez noapaļošanas", "exact, no rounding"},
    StepTemplate{K::rounding_half_up, "rounding_half_up", "noapaļots līdz centam, pusi centa noapaļojot uz augšu",
                 "rounded to the cent, half a cent up"},
    // The threshold for the household's size.
    StepTemplate{K::size_threshold, "size_threshold",
                 "{0} {1} {1:personai/personām} (no {2:date}): {3:eur} + {4:eur} × {5} = {6:eur}",
                 "{0} for {1} {1:person/persons} (from {2:date}): {3:eur} + {4:eur} × {5} = {6:eur}"},
    StepTemplate{K::name_needy_threshold, "name_needy_threshold", "Trūcīgas mājsaimniecības ienākumu slieksnis",
                 "Needy household threshold"},
    StepTemplate{K::name_low_income_threshold, "name_low_income_threshold",
                 "Maznodrošinātas mājsaimniecības ienākumu slieksnis", "Low-income household threshold"},
    StepTemplate{K::name_gmi_level, "name_gmi_level", "Garantētā minimālā ienākuma līmenis",
                 "Guaranteed minimum income level"},
    // Statuses and the members' assets.
    StepTemplate{K::status_granted, "status_granted",
                 "Ienākumi {0:eur} nepārsniedz slieksni {1:eur}: mājsaimniecība atbilst {2} statusam.",
                 "Income {0:eur} does not exceed the threshold {1:eur}: the household qualifies as {2}."},
    StepTemplate{K::status_assets, "status_assets",
                 "Ienākumi {0:eur} nepārsniedz slieksni {1:eur}, taču mājsaimniecībai ir īpašums vai uzkrājumi "
                 "({3|; }): tā neatbilst {2} statusam.",
                 "Income {0:eur} does not exceed the threshold {1:eur}, but the household has property or savings "
                 "({3|; }): it does not qualify as {2}."},
    StepTemplate{K::status_refused, "status_refused",
                 "Ienākumi {0:eur} pārsniedz slieksni {1:eur}: mājsaimniecība neatbilst {2} statusam.",
                 "Income {0:eur} exceeds the threshold {1:eur}: the household does not qualify as {2}."},
    StepTemplate{K::status_assets_too, "status_assets_too", "Arī īpašums vai uzkrājumi ({0|; }) liedz {1} statusu.",
                 "Property or savings ({0|; }) also rule out {1} status."},
    StepTemplate{K::status_needy, "status_needy", "trūcīgas mājsaimniecības", "needy"},
    StepTemplate{K::status_low_income, "status_low_income", "maznodrošinātas mājsaimniecības", "low-income"},
    StepTemplate{K::asset_person, "asset_person", "{0}. persona — {1|, }", "person {0} — {1|, }"},
    StepTemplate{K::asset_property, "asset_property", "īpašums ārpus mājokļa", "property beyond the home"},
    StepTemplate{K::asset_savings, "asset_savings", "uzkrājumi virs noteiktā apmēra", "savings above the set amount"},
    // The period.
    StepTemplate{K::period, "period", "Piešķir uz {0} mēnešiem, jo {1}.", "Granted for {0} months because {1}."},
    StepTemplate{K::period_able_to_work, "period_able_to_work", "mājsaimniecībā ir darbspējīga persona",
                 "a member is able to work"},
    StepTemplate{K::period_only_pensioners, "period_only_pensioners",
                 "mājsaimniecībā ir tikai pensionāri un/vai personas ar invaliditāti (bērnus neskaitot)",
                 "the household is only pensioners and/or persons with disability (children not counted)"},
    StepTemplate{K::period_not_every_adult, "period_not_every_adult",
                 "ne visi pieaugušie ir pensionāri vai personas ar invaliditāti",
                 "not every adult is a pensioner or a person with disability"},
    // Benefits.
    StepTemplate{K::benefit, "benefit", "{0} mēnesī: {1} = {2:eur}{3}{4}.", "{0} per month: {1} = {2:eur}{3}{4}."},
    StepTemplate{K::benefit_clamped, "benefit_clamped", "; pabalsts nevar būt mazāks par nulli, tāpēc {0:eur}",
                 "; the benefit cannot be below zero, so {0:eur}"},
    StepTemplate{K::benefit_refused, "benefit_refused", " — pabalsts netiek piešķirts", " — no benefit is granted"},
    StepTemplate{K::name_gmi_benefit, "name_gmi_benefit", "GMI pabalsts", "GMI benefit"},
    StepTemplate{K::name_housing_benefit, "name_housing_benefit", "Mājokļa pabalsts", "Housing benefit"},
    StepTemplate{K::formula_gmi, "formula_gmi", "{0:eur} − {1:eur}", "{0:eur} − {1:eur}"},
    StepTemplate{K::formula_housing, "formula_housing", "{0:eur} + {1:eur} − {2:eur}", "{0:eur} + {1:eur} − {2:eur}"},
    // Housing costs and K.
    StepTemplate{K::housing_cost, "housing_cost", "{0}: {1:eur}, norma {2:eur}, ieskaita {3:eur}",
                 "{0}: {1:eur}, norm {2:eur}, counted {3:eur}"},
    StepTemplate{K::housing_costs_total, "housing_costs_total",
                 "Ieskaitāmie mājokļa izdevumi E = {0:eur} + {1:eur} + {2:eur} + {3:eur} + {4:eur} + {5:eur} + {6:eur} + "
                 "{7:eur} = {8:eur}",
                 "Counted housing costs E = {0:eur} + {1:eur} + {2:eur} + {3:eur} + {4:eur} + {5:eur} + {6:eur} + "
                 "{7:eur} = {8:eur}"},
    StepTemplate{K::cost_rent, "cost_rent", "Īre un apsaimniekošana", "Rent and management"},
    StepTemplate{K::cost_heating, "cost_heating", "Apkure un karstais ūdens", "Heating and hot water"},
    StepTemplate{K::cost_electricity, "cost_electricity", "Elektroenerģija", "Electricity"},
    StepTemplate{K::cost_water, "cost_water", "Ūdens", "Water"},
    StepTemplate{K::cost_gas, "cost_gas", "Gāze", "Gas"},
    StepTemplate{K::cost_sewage, "cost_sewage", "Kanalizācija", "Sewage"},
    StepTemplate{K::cost_waste, "cost_waste", "Atkritumu izvešana", "Waste collection"},
    StepTemplate{K::cost_telecom, "cost_telecom", "Telekomunikācijas un internets", "Telephone and internet"},
    StepTemplate{K::coefficient, "coefficient", "Koeficients K = {0:halves}: {1}. {2:eur} × {0:halves} = {3:eur} ({4})",
                 "Coefficient K = {0:halves}: {1}. {2:eur} × {0:halves} = {3:eur} ({4})"},
    StepTemplate{K::k_alone, "k_alone", "pensionārs vai persona ar invaliditāti dzīvo viena",
                 "a pensioner or person with disability lives alone"},
    StepTemplate{K::k_only_pensioners, "k_only_pensioners",
                 "mājsaimniecībā ir tikai pensionāri un/vai personas ar invaliditāti (ar bērniem vai bez)",
                 "the household is only pensioners and/or persons with disability (with or without children)"},
    StepTemplate{K::k_other, "k_other", "citām mājsaimniecībām", "for all other households"},
    // Evaluating an application.
    StepTemplate{K::catalogue_fixed, "catalogue_fixed", "Pabalsts „{0}”: {1:eur}.", "Benefit \"{0}\": {1:eur}."},
    StepTemplate{K::catalogue_per_member, "catalogue_per_member", "Pabalsts „{0}”: {1:eur} × {2} = {3:eur}.",
                 "Benefit \"{0}\": {1:eur} × {2} = {3:eur}."},
    StepTemplate{K::missing_needy_for_gmi, "missing_needy_for_gmi",
                 "GMI pabalsts pienākas trūcīgai mājsaimniecībai; šī mājsaimniecība trūcīgas statusam neatbilst.",
                 "The GMI benefit is for needy households; this household does not qualify as needy."},
    StepTemplate{K::missing_status_for_housing, "missing_status_for_housing",
                 "Mājokļa pabalsts pienākas trūcīgai vai maznodrošinātai mājsaimniecībai; šī mājsaimniecība neatbilst.",
                 "The housing benefit is for needy or low-income households; this household does not qualify."},
    StepTemplate{K::recalculation_granted, "recalculation_granted",
                 "Pārrēķins no {1:month}: aizstāj lēmumu Nr. {0} ({2:eur} mēnesī); no {1:date} līdz {3} — {4:eur} mēnesī. "
                 "Iemesls: {5}",
                 "Recalculation from {1:month}: supersedes decision no. {0} ({2:eur} a month); from {1:date} to {3} — "
                 "{4:eur} a month. Reason: {5}"},
    StepTemplate{K::recalculation_refused, "recalculation_refused",
                 "Pārrēķins no {1:month}: aizstāj lēmumu Nr. {0} ({2:eur} mēnesī); no {1:date} nekas netiek piešķirts. "
                 "Iemesls: {3}",
                 "Recalculation from {1:month}: supersedes decision no. {0} ({2:eur} a month); nothing is granted from "
                 "{1:date}. Reason: {3}"},
};

/// True when every template sits at the index of its key.
constexpr bool in_key_order() {
  for (std::size_t i = 0; i < kTemplates.size(); ++i)
    if (static_cast<std::size_t>(kTemplates[i].key) != i) return false;
  return true;
}
static_assert(in_key_order(), "kTemplates must list the templates in the order of StepKey");
static_assert(kTemplates.back().key == StepKey::recalculation_refused, "a StepKey without a template");

}  // namespace

std::span<const StepTemplate> all_templates() { return kTemplates; }

const StepTemplate& template_of(StepKey key) {
  const auto i = static_cast<std::size_t>(key);
  return i < kTemplates.size() ? kTemplates[i] : kTemplates[0];
}

std::optional<StepKey> key_named(std::string_view name) {
  static const std::map<std::string_view, StepKey> by_name = [] {
    std::map<std::string_view, StepKey> m;
    for (const StepTemplate& t : kTemplates) m.emplace(t.name, t.key);
    return m;
  }();
  const auto found = by_name.find(name);
  if (found == by_name.end()) return std::nullopt;
  return found->second;
}

}  // namespace atb::assistance
