#include "app/demo.h"

#include "org/store.h"

namespace atb::app {
namespace {

struct DemoTeam {
  const char* code;
  Text name;
};

struct DemoDepartment {
  const char* code;
  Text name;
  std::vector<DemoTeam> teams;
};

const std::vector<DemoDepartment>& demo_departments() {
  static const std::vector<DemoDepartment> all = {
      {"assistance",
       {"Sociālās palīdzības daļa", "Social assistance department"},
       {{"benefits", {"Pabalstu speciālisti", "Benefit officers"}}}},
      {"services",
       {"Sociālo pakalpojumu daļa", "Social services department"},
       {{"services", {"Pakalpojumu koordinācija", "Service coordination"}}}},
      {"social_work",
       {"Sociālā darba daļa", "Social work department"},
       {{"families", {"Darbs ar ģimenēm ar bērniem", "Families with children"}},
        {"adults", {"Darbs ar pilngadīgām personām", "Adults"}}}},
  };
  return all;
}

void count(DemoSummary& s, const org::Ensured& e) { (e.created ? s.created : s.existing) += 1; }

}  // namespace

Result<DemoSummary> load_demo(storage::Database& db) {
  return db.write([](storage::Connection& c) -> Result<DemoSummary> {
    DemoSummary summary;
    ATB_TRY_ASSIGN(m, org::ensure_municipality(c, "liepaja", "Liepājas valstspilsēta", 67000));
    count(summary, m);
    for (const DemoDepartment& d : demo_departments()) {
      ATB_TRY_ASSIGN(dep, org::ensure_department(c, m.id, d.code, d.name));
      count(summary, dep);
      for (const DemoTeam& t : d.teams) {
        ATB_TRY_ASSIGN(team, org::ensure_team(c, dep.id, t.code, t.name));
        count(summary, team);
      }
    }
    return summary;
  });
}

}  // namespace atb::app
