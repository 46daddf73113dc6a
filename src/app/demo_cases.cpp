#include "app/demo_cases.h"

#include <fmt/format.h>

#include "access/user_store.h"
#include "app/demo_case_walk.h"
#include "cases/instrument_registry.h"
#include "cases/intake_store.h"
#include "core/time.h"
#include "registry/household_store.h"
#include "registry/person_store.h"
#include "registry/rules.h"

namespace atb::app {
namespace {

using storage::params;

/// A family of the demo cases: its surname (masculine, feminine) and the household's name.
struct DemoFamily {
  const char* he;
  const char* she;
  const char* household;
};

const DemoFamily kFamilies[] = {
    {"Liepiņš", "Liepiņa", "Liepiņu ģimene"},       {"Ozoliņš", "Ozoliņa", "Ozoliņu ģimene"},
    {"Kalējs", "Kalēja", "Kalēju ģimene"},          {"Jansons", "Jansone", "Jansonu ģimene"},
    {"Vanags", "Vanaga", "Vanagu ģimene"},          {"Pētersons", "Pētersone", "Pētersonu ģimene"},
    {"Eglītis", "Eglīte", "Eglīšu ģimene"},         {"Siliņš", "Siliņa", "Siliņu ģimene"},
    {"Strazds", "Strazda", "Strazdu ģimene"},       {"Lapiņš", "Lapiņa", "Lapiņu ģimene"},
    {"Grīnbergs", "Grīnberga", "Grīnbergu ģimene"}, {"Dūmiņš", "Dūmiņa", "Dūmiņu ģimene"},
    {"Rozītis", "Rozīte", "Rozīšu ģimene"},         {"Saulītis", "Saulīte", "Saulīšu ģimene"},
    {"Kļaviņš", "Kļaviņa", "Kļaviņu ģimene"},       {"Ābols", "Ābola", "Ābolu ģimene"},
    {"Celmiņš", "Celmiņa", "Celmiņu ģimene"},       {"Šmits", "Šmite", "Šmitu ģimene"},
    {"Ķēniņš", "Ķēniņa", "Ķēniņu ģimene"},          {"Gailītis", "Gailīte", "Gailīšu ģimene"},
    {"Mednis", "Medne", "Medņu ģimene"},            {"Vilks", "Vilka", "Vilku ģimene"},
    {"Zvaigzne", "Zvaigzne", "Zvaigžņu ģimene"},    {"Ūdris", "Ūdre", "Ūdru ģimene"},
};
const char* const kMothers[] = {"Ilona", "Santa", "Kristīne", "Inese", "Liene", "Agnese",
                                "Dace",  "Ieva",  "Jolanta",  "Sanita", "Evija", "Baiba"};
const char* const kFathers[] = {"Aigars", "Māris", "Edgars", "Raivis", "Guntis", "Normunds"};
const char* const kDaughters[] = {"Elīza", "Paula", "Keita", "Amēlija", "Sofija", "Alise"};
const char* const kSons[] = {"Markuss", "Ralfs", "Gustavs", "Emīls", "Kārlis", "Dāvis"};

/// An adult of the demo cases: given name, surname, sex, year of birth.
struct DemoAdult {
  const char* given;
  const char* surname;
  const char* sex;
  int born;
};
const DemoAdult kAdults[] = {
    {"Aivars", "Krastiņš", "M", 1968},  {"Gunta", "Priede", "F", 1975},      {"Voldemārs", "Kārkliņš", "M", 1952},
    {"Ludmila", "Petrova", "F", 1961},  {"Sergejs", "Ivanovs", "M", 1983},   {"Ināra", "Puriņa", "F", 1958},
    {"Valdis", "Zālītis", "M", 1979},   {"Skaidrīte", "Āboliņa", "F", 1947}, {"Oļegs", "Smirnovs", "M", 1990},
    {"Rasma", "Leitāne", "F", 1950},    {"Juris", "Skujiņš", "M", 1972},     {"Līvija", "Auziņa", "F", 1986},
    {"Ēriks", "Sproģis", "M", 1995},    {"Tamāra", "Kuzņecova", "F", 1964},  {"Dzintars", "Ločmelis", "M", 1957},
    {"Velta", "Ziediņa", "F", 1944},
};
const char* const kStreets[] = {"Kuršu iela", "Vecā ostmala", "Tirgoņu iela", "Klaipēdas iela", "Ventas iela",
                                "Rīgas iela", "Kungu iela", "Lielā iela"};

struct Team {
  std::int64_t id = 0, department_id = 0;
};

/// Adds persons and households, registered in their teams, with valid personal codes.
class Registrar {
 public:
  Registrar(storage::Connection& c, std::int64_t municipality_id) : c_(c), m_(municipality_id) {}

  Result<std::int64_t> person(const std::string& given, const std::string& surname, const char* sex, const Date& birth,
                              const Team& team, unsigned n) {
    registry::PersonDraft draft;
    draft.given_names = given;
    draft.surname = surname;
    draft.birth_date = birth.iso();
    draft.sex = sex;
    draft.language = "lv";
    draft.personal_code = demo_personal_code(birth, 700 + static_cast<int>(serial_++));
    draft.declared_address = address(n);
    std::vector<registry::Warning> warnings;
    ATB_TRY_ASSIGN(checked, registry::check_person(draft, today_riga(), warnings));
    ATB_TRY_ASSIGN(id, registry::insert_person(c_, m_, checked, 0, now_));
    ATB_TRY(registry::add_registration(c_, access::kPersonTables, id, registration(team), now_));
    ++created_;
    return id;
  }

  Result<std::int64_t> household(const std::string& name, const Team& team, unsigned n) {
    ATB_TRY_ASSIGN(id, registry::insert_household(c_, m_, name, address(n), 0, now_));
    ATB_TRY(registry::add_registration(c_, access::kHouseholdTables, id, registration(team), now_));
    ++created_;
    return id;
  }

  Result<void> member(std::int64_t household, std::int64_t person, const char* relationship) {
    return registry::add_member(c_, household, person, relationship, "2025-01-15");
  }

  int created() const { return created_; }

 private:
  static registry::Address address(unsigned n) {
    return {"Liepājas valstspilsēta", "Liepāja", kStreets[n % std::size(kStreets)], std::to_string(3 + n * 7 % 60),
            std::to_string(1 + n % 24), "LV-3401"};
  }
  static registry::NewRegistration registration(const Team& team) {
    return {team.department_id, team.id, "2025-01-15", "visit", 0};
  }

  storage::Connection& c_;
  std::int64_t m_;
  std::string now_ = now_utc_iso();
  unsigned serial_ = 0;
  int created_ = 0;
};

Result<Team> team(storage::Connection& c, std::int64_t m, const char* code) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT t.id, t.department_id FROM team t JOIN department d ON d.id = t.department_id"
                               " WHERE d.municipality_id = ? AND d.code = 'social_work' AND t.code = ?",
                               params(m, code)));
  if (rows.empty()) return Error::internal(std::string("demo team missing: ") + code);
  return Team{rows[0].integer(0), rows[0].integer(1)};
}

Result<std::int64_t> user(storage::Connection& c, const char* username) {
  ATB_TRY_ASSIGN(id, access::find_user_id(c, username));
  if (!id) return Error::internal(std::string("demo user missing: ") + username);
  return *id;
}

/// A family with a mother, a father in most, and one or two children.
Result<DemoCaseSubject> family_subject(Registrar& r, const Team& t, std::int64_t m, unsigned i) {
  const DemoFamily& f = kFamilies[i];
  DemoCaseSubject s{m, t.department_id, t.id, {}, {}, {}, {}, 0, 0};
  ATB_TRY_ASSIGN(household, r.household(f.household, t, i));
  s.household_id = household;
  const int year = 1982 + static_cast<int>(i % 12);
  ATB_TRY_ASSIGN(mother, r.person(kMothers[i % 12], f.she, "F", Date{year, 1 + static_cast<int>(i % 12), 3 + static_cast<int>(i)}, t, i));
  s.persons.push_back(mother);
  s.children.push_back(false);
  if (i % 4 != 1) {
    ATB_TRY_ASSIGN(father, r.person(kFathers[i % 6], f.he, "M", Date{year - 2, 1 + static_cast<int>((i + 5) % 12), 2 + static_cast<int>(i)}, t, i));
    s.persons.push_back(father);
    s.children.push_back(false);
  }
  for (unsigned k = 0; k < 1 + i % 2; ++k) {
    const bool girl = (i + k) % 2 == 0;
    const Date birth{2011 + static_cast<int>((i + 3 * k) % 12), 1 + static_cast<int>((i + k) % 12), 4 + static_cast<int>(i)};
    ATB_TRY_ASSIGN(child, r.person(girl ? kDaughters[(i + k) % 6] : kSons[(i + k) % 6], girl ? f.she : f.he,
                                   girl ? "F" : "M", birth, t, i));
    s.persons.push_back(child);
    s.children.push_back(true);
  }
  const char* roles[] = {"head", "spouse"};
  for (std::size_t p = 0; p < s.persons.size(); ++p) {
    ATB_TRY(r.member(household, s.persons[p], s.children[p] ? "child" : roles[std::min<std::size_t>(p, 1)]));
  }
  return s;
}

/// An adult in her own case.
Result<DemoCaseSubject> adult_subject(Registrar& r, const Team& t, std::int64_t m, unsigned j) {
  const DemoAdult& a = kAdults[j];
  DemoCaseSubject s{m, t.department_id, t.id, {}, {}, {}, {}, 0, 0};
  ATB_TRY_ASSIGN(person, r.person(a.given, a.surname, a.sex, Date{a.born, 1 + static_cast<int>(j % 12), 5 + static_cast<int>(j)}, t, 40 + j));
  s.person_id = person;
  s.persons = {person};
  s.children = {false};
  return s;
}

/// Hours before now, as UTC ISO.
std::string hours_ago(int hours) { return iso_utc(std::chrono::system_clock::now() - std::chrono::hours(hours)); }

}  // namespace

Result<DemoCount> load_demo_cases(storage::Database& db, const std::string& key_file, const std::string& instruments_dir) {
  // Both read files: done before the transaction. Without them the cases have no notes or assessments.
  auto keyring = Keyring::load(key_file);
  auto instruments = cases::InstrumentRegistry::load_dir(instruments_dir);
  DemoCaseTools tools{keyring ? &*keyring : nullptr, instruments ? &*instruments : nullptr};
  return db.write([&](storage::Connection& c) -> Result<DemoCount> {
    ATB_TRY_ASSIGN(m, c.query("SELECT id FROM municipality WHERE code = 'liepaja'"));
    if (m.empty()) return DemoCount{0, 0};
    const std::int64_t municipality = m[0].integer(0);
    ATB_TRY_ASSIGN(existing, c.query("SELECT COUNT(*) FROM household WHERE municipality_id = ? AND name = ?",
                                     params(municipality, kFamilies[0].household)));
    const int total = static_cast<int>(std::size(kFamilies) + std::size(kAdults));
    if (existing[0].integer(0) > 0) return DemoCount{0, total};
    ATB_TRY_ASSIGN(families, team(c, municipality, "families"));
    ATB_TRY_ASSIGN(adults, team(c, municipality, "adults"));
    ATB_TRY_ASSIGN(anna, user(c, "anna"));
    ATB_TRY_ASSIGN(ilze, user(c, "ilze"));
    ATB_TRY_ASSIGN(janis, user(c, "janis"));
    ATB_TRY_ASSIGN(karlis, user(c, "karlis"));
    Registrar registrar(c, municipality);
    constexpr std::size_t kStageCount = std::size(cases::kStages);
    std::vector<DemoCaseSubject> spare;  // subjects of the open intakes
    for (unsigned i = 0; i < std::size(kFamilies); ++i) {
      ATB_TRY_ASSIGN(s, family_subject(registrar, families, municipality, i));
      s.lead = anna;
      s.supervisor = ilze;
      const std::size_t stage = i % kStageCount;
      ATB_TRY(walk_demo_case(c, s, cases::kStages[stage], 20 + 40 * static_cast<int>(stage) + static_cast<int>(i), i, tools));
      if (i < 3) spare.push_back(s);
    }
    for (unsigned j = 0; j < std::size(kAdults); ++j) {
      ATB_TRY_ASSIGN(s, adult_subject(registrar, adults, municipality, j));
      s.lead = janis;
      s.supervisor = karlis;
      const std::size_t stage = j % kStageCount;
      ATB_TRY(walk_demo_case(c, s, cases::kStages[stage], 25 + 40 * static_cast<int>(stage) + static_cast<int>(j), 100 + j, tools));
      if (j < 3) spare.push_back(s);
    }
    // Open intakes: an acute one waiting 30 hours (overdue on the duty board), a fresh acute one,
    // a priority and a routine one; and one referred elsewhere, one closed without action.
    ATB_TRY(add_demo_intake(c, spare[0], "acute", hours_ago(30), 201));
    ATB_TRY(add_demo_intake(c, spare[3], "acute", hours_ago(3), 202));
    ATB_TRY(add_demo_intake(c, spare[1], "priority", hours_ago(20), 203));
    ATB_TRY(add_demo_intake(c, spare[4], "routine", hours_ago(50), 204));
    ATB_TRY_ASSIGN(referred, add_demo_intake(c, spare[2], "routine", hours_ago(200), 205));
    ATB_TRY(cases::set_intake_outcome(c, referred.id, 1,
                                      cases::OutcomeRecord{"referred", "Vajadzīga ilgstoša aprūpe.",
                                                           std::string("Sociālās aprūpes centrs “Liepāja”"), std::nullopt, ilze},
                                      hours_ago(100)));
    ATB_TRY_ASSIGN(dropped, add_demo_intake(c, spare[5], "routine", hours_ago(300), 206));
    ATB_TRY(cases::set_intake_outcome(c, dropped.id, 1,
                                      cases::OutcomeRecord{"no_action", "Pēc pārbaudes palīdzība nav vajadzīga.",
                                                           std::nullopt, std::nullopt, karlis},
                                      hours_ago(250)));
    return DemoCount{registrar.created() + total, 0};
  });
}

}  // namespace atb::app
