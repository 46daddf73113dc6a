#include "assistance/generator.h"

#include <random>

#include "assistance/evaluate.h"
#include "assistance/periods.h"
#include "assistance/store.h"
#include "core/time.h"

namespace atb::assistance {

using storage::params;

namespace {

struct Candidate {
  std::int64_t household_id = 0;
  std::int64_t head_id = 0;
};

// A plausible declaration: wages for most adults of working age, pensions from 64, nothing
// for some; housing costs around the norms.
void declare(Application& a, std::mt19937_64& rng, const Date& month_start) {
  std::uniform_int_distribution<int> percent(0, 99);
  std::uniform_int_distribution<std::int64_t> wage(20000, 90000), pension(30000, 60000), cost(500, 20000);
  const std::vector<std::string> months = declaration_months(month_start);
  for (DeclaredMember& m : a.members) {
    const auto birth = parse_date(m.birth_date);
    const int age = birth ? age_on(*birth, month_start) : 30;
    if (age < 18) continue;
    m.pensioner = age >= 64;
    m.disability = percent(rng) < 8;
    m.able_to_work = !m.pensioner && !m.disability;
    const bool earns = m.able_to_work && percent(rng) < 55;
    const std::int64_t monthly = m.pensioner ? pension(rng) : earns ? wage(rng) : 0;
    for (const std::string& month : months) {
      a.incomes.push_back({m.person_id, month, m.pensioner ? "pension" : earns ? "wages" : "other", monthly});
    }
  }
  for (const char* kind : kHousingKinds) a.housing[kind] = percent(rng) < 80 ? cost(rng) : 0;
}

const char* pick_kind(int roll) { return roll < 50 ? "gmi" : roll < 80 ? "housing" : "needy_status"; }

}  // namespace

Result<GeneratorReport> generate_assistance(storage::Database& db, std::int64_t municipality_id,
                                            const GeneratorOptions& o) {
  return db.write([&](storage::Connection& c) -> Result<GeneratorReport> {
    GeneratorReport report;
    if (c.engine() == storage::Engine::postgresql) {
      // The tables grow from almost nothing inside this transaction: a plan cached for a
      // prepared statement on the first rows' statistics would scan them all on every lookup.
      ATB_TRY(c.execute_script("SET LOCAL plan_cache_mode = force_custom_plan"));
    }
    ATB_TRY_ASSIGN(team, c.query("SELECT t.id, t.department_id FROM team t JOIN department d ON d.id = t.department_id"
                                 " WHERE d.municipality_id = ? AND d.code = 'assistance' ORDER BY t.id LIMIT 1",
                                 params(municipality_id)));
    if (team.empty()) return Error::invalid_field("municipality", {"Nav sociālās palīdzības daļas.", "No assistance department."});
    ATB_TRY_ASSIGN(rows, c.query("SELECT h.id, MIN(m.person_id) FROM household h JOIN household_member m ON m.household_id = h.id"
                                 " WHERE h.municipality_id = ? AND m.until IS NULL AND NOT EXISTS"
                                 " (SELECT 1 FROM assistance_application a WHERE a.household_id = h.id)"
                                 " GROUP BY h.id ORDER BY h.id",
                                 params(municipality_id)));
    std::mt19937_64 rng(o.seed);
    std::uniform_real_distribution<double> unit(0, 1);
    std::uniform_int_distribution<int> percent(0, 99), months_back(1, 6);
    std::vector<Candidate> chosen;
    for (const storage::Row& r : rows) {
      if (unit(rng) < o.share) chosen.push_back({r.integer(0), r.integer(1)});
    }
    const std::string now = now_utc_iso();
    const Date current{o.today.year, o.today.month, 1};
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      const Date month = add_months(current, -months_back(rng));
      const NewApplication n{municipality_id, pick_kind(percent(rng)), chosen[i].household_id, chosen[i].head_id,
                             month_of(month), team[0].integer(0), team[0].integer(1), 0};
      ATB_TRY_ASSIGN(id, insert_application(c, n, now));
      ATB_TRY_ASSIGN(a, require_application(c, id));
      declare(a, rng, month);
      ATB_TRY(update_declaration(c, id, a.version, a.members, a.incomes, a.housing, now));
      ++report.applications;
      const int stage = percent(rng);
      if (stage >= 10) {  // submitted (and mostly decided) within days of the application month
        const Date submitted = add_days(month, 3);
        ATB_TRY(set_status(c, id, a.version + 1, "submitted", submitted.iso(), one_month_after(submitted).iso(), now));
        a.version += 2;
      }
      if (stage >= 30) {
        auto outcome = evaluate(c, a);
        if (outcome) {
          const Decided decided = decide(a, *outcome, "");
          ATB_TRY(insert_decision(c, decided.decision, 0, decided.payments, now));
          ATB_TRY(set_status(c, id, a.version, "decided", std::nullopt, std::nullopt, now));
          ++report.decided;
          report.granted += decided.decision.outcome == "granted";
          report.payments += decided.payments.size();
        }
      }
      if (o.progress && (i % 1000 == 0 || i + 1 == chosen.size())) o.progress(i + 1, chosen.size());
    }
    return report;
  });
}

}  // namespace atb::assistance
