#include "app/demo_assistance.h"

#include "assistance/config_store.h"
#include "assistance/periods.h"
#include "assistance/store.h"
#include "core/date.h"
#include "core/time.h"

namespace atb::app {

using storage::params;

Result<DemoCount> load_demo_assistance(storage::Connection& c, std::int64_t m) {
  ATB_TRY_ASSIGN(existing, c.query("SELECT COUNT(*) FROM assistance_norm WHERE municipality_id = ?", params(m)));
  if (existing[0].integer(0) > 0) return DemoCount{0, 3};
  ATB_TRY(assistance::insert_low_income(c, m, {Date{2026, 1, 1}, 60000, 42000}));
  assistance::Norms norms{"2026-01-01", {{"rent", 15000}, {"heating", 12000}, {"electricity", 4000}, {"water", 2500},
                                         {"gas", 1500}, {"sewage", 1500}, {"waste", 1000}, {"telecom", 1500}}};
  ATB_TRY(assistance::insert_norms(c, m, norms));
  ATB_TRY(c.execute("INSERT INTO assistance_kind (municipality_id, code, name_lv, name_en, rule, amount) VALUES"
                    " (?, 'crisis', 'Pabalsts krīzes situācijā', 'Crisis benefit', 'fixed', 15000),"
                    " (?, 'school', 'Pabalsts mācību piederumu iegādei', 'School supplies benefit', 'per_member', 5000)",
                    params(m, m)));
  // A draft application of the Bērziņi family, ready for its declaration.
  ATB_TRY_ASSIGN(family, c.query("SELECT h.id, m.person_id FROM household h JOIN household_member m ON m.household_id = h.id"
                                 " WHERE h.municipality_id = ? AND h.name = 'Bērziņu ģimene' AND m.relationship = 'head'",
                                 params(m)));
  ATB_TRY_ASSIGN(team, c.query("SELECT t.id, t.department_id FROM team t JOIN department d ON d.id = t.department_id"
                               " WHERE d.municipality_id = ? AND t.code = 'benefits'",
                               params(m)));
  if (family.empty() || team.empty()) return DemoCount{3, 0};
  const Date today = today_riga();
  ATB_TRY(assistance::insert_application(
      c, assistance::NewApplication{m, "gmi", family[0].integer(0), family[0].integer(1),
                                    assistance::month_of(today), team[0].integer(0), team[0].integer(1), 0},
      now_utc_iso()));
  return DemoCount{3, 0};
}

}  // namespace atb::app
