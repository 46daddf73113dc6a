#include "reports/statutory_catalogue.h"

namespace atb::reports::statutory {
namespace {

const MeasureParam kStatus{"status", {"needy", "low_income"}};
/// Benefits the system pays monthly; "municipal" = every benefit of the municipality's own
/// catalogue (any kind other than the statuses, GMI and housing).
const MeasureParam kBenefit{"benefit", {"gmi", "housing", "municipal"}};
const MeasureParam kDecided{"benefit",
                            {"needy_status", "low_income_status", "gmi", "housing", "municipal"}};
const MeasureParam kOutcome{"outcome", {"granted", "refused"}};
const MeasureParam kService{
    "service",
    {"mentor", "group_apartment", "social_house", "psychologist", "youth_centre", "mobile_service",
     "home_care", "crisis_centre", "day_centre", "addiction_rehabilitation", "other"}};
const MeasureParam kEvent{"event", {"requested", "granted", "refused"}};
const MeasureParam kUrgency{"urgency", {"routine", "priority", "acute"}};
const MeasureParam kRole{"role",
                         {"social_worker", "supervisor", "department_head", "benefits_officer"}};

}  // namespace

const std::vector<MeasureSpec>& measure_catalogue() {
  static const std::vector<MeasureSpec> all = {
      {"households_with_status",
       Unit::count,
       {kStatus},
       {"Mājsaimniecības ar piešķirtu statusu, kura periods pārklājas ar pārskata periodu",
        "Households with a granted status whose period overlaps the report's"}},
      {"persons_with_status",
       Unit::count,
       {kStatus},
       {"Personas mājsaimniecībās ar piešķirtu statusu (deklarētie locekļi)",
        "Persons in households with a granted status (declared members)"}},
      {"benefit_recipients",
       Unit::count,
       {kBenefit},
       {"Mājsaimniecības, kurām pabalsts piešķirts par perioda mēnešiem",
        "Households granted the benefit for the period's months"}},
      {"benefit_persons",
       Unit::count,
       {kBenefit},
       {"Personas mājsaimniecībās, kurām pabalsts piešķirts par perioda mēnešiem",
        "Persons in households granted the benefit for the period's months"}},
      {"benefit_paid_eur",
       Unit::eur,
       {kBenefit},
       {"Pabalsta summa par perioda mēnešiem, EUR",
        "The benefit's amount for the period's months, EUR"}},
      {"benefit_decisions",
       Unit::count,
       {kDecided, kOutcome},
       {"Periodā pieņemtie lēmumi", "Decisions made in the period"}},
      {"cases_opened",
       Unit::count,
       {},
       {"Periodā atvērtie gadījumi", "Cases opened in the period"}},
      {"cases_closed", Unit::count, {}, {"Periodā slēgtie gadījumi", "Cases closed in the period"}},
      {"cases_open_at_end",
       Unit::count,
       {},
       {"Perioda pēdējā dienā atvērtie gadījumi", "Cases open on the period's last day"}},
      {"intakes_received",
       Unit::count,
       {kUrgency},
       {"Periodā saņemtie iesniegumi un ziņojumi", "Intakes received in the period"}},
      {"service_clients",
       Unit::count,
       {kService},
       {"Personas, kas saņēma pakalpojumu periodā",
        "Persons who received the service in the period"}},
      {"service_referrals",
       Unit::count,
       {kService, kEvent},
       {"Nosūtījumi uz pakalpojumu un lēmumi periodā",
        "Referrals to the service and decisions in the period"}},
      {"staff",
       Unit::count,
       {kRole},
       {"Darbinieki ar lomu daļu komandās (šodien)",
        "Staff with the role in the departments' teams (today)"}},
  };
  return all;
}

const MeasureSpec* find_measure(std::string_view name) {
  for (const MeasureSpec& m : measure_catalogue()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

}  // namespace atb::reports::statutory
