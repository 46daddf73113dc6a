#include "app/demo.h"

#include "access/password.h"
#include "access/user_store.h"
#include "app/demo_assistance.h"
#include "app/demo_persons.h"
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

struct DemoUser {
  const char* username;
  const char* full_name;
  access::Role role;
  const char* team;  ///< team code, or "" for none
};

const std::vector<DemoUser>& demo_users() {
  static const std::vector<DemoUser> all = {
      {"admin", "Edgars Ozols", access::Role::admin, ""},
      {"auditor", "Inese Liepiņa", access::Role::auditor, ""},
      {"direktore", "Dace Balode", access::Role::director, ""},
      {"ilze", "Ilze Kalniņa", access::Role::supervisor, "families"},
      {"anna", "Anna Bērziņa", access::Role::social_worker, "families"},
      {"janis", "Jānis Krūmiņš", access::Role::social_worker, "adults"},
      {"karlis", "Kārlis Zariņš", access::Role::supervisor, "adults"},
      {"laura", "Laura Vītola", access::Role::benefits_officer, "benefits"},
      {"zane", "Zane Kļaviņa", access::Role::benefits_officer, "benefits"},
  };
  return all;
}

void count(DemoSummary& s, const org::Ensured& e) { (e.created ? s.created : s.existing) += 1; }

}  // namespace

Result<DemoSummary> load_demo(storage::Database& db) {
  // Hashing is slow by design: do it once, outside the transaction, shared by every demo user.
  const std::string password_hash = access::hash_password(kDemoPassword);
  return db.write([&](storage::Connection& c) -> Result<DemoSummary> {
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
    for (const DemoUser& u : demo_users()) {
      ATB_TRY_ASSIGN(existing, access::find_user_id(c, u.username));
      if (existing) {
        ++summary.existing;
        continue;
      }
      access::NewUser nu{u.username, u.full_name, std::nullopt, m.id, password_hash, {u.role}, {}};
      if (*u.team) {
        ATB_TRY_ASSIGN(t, c.query("SELECT t.id FROM team t JOIN department d ON d.id = t.department_id"
                                  " WHERE t.code = ? AND d.municipality_id = ?",
                                  storage::params(u.team, m.id)));
        nu.team_ids.push_back(t[0].integer(0));
      }
      ATB_TRY(access::insert_user(c, nu));
      ++summary.created;
    }
    ATB_TRY_ASSIGN(persons, load_demo_persons(c, m.id));
    summary.created += persons.created;
    summary.existing += persons.existing;
    ATB_TRY_ASSIGN(assistance_rows, load_demo_assistance(c, m.id));
    summary.created += assistance_rows.created;
    summary.existing += assistance_rows.existing;
    return summary;
  });
}

}  // namespace atb::app
