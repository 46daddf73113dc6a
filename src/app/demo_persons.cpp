#include "app/demo_persons.h"

#include <map>

#include <fmt/format.h>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/time.h"
#include "registry/household_store.h"
#include "registry/person_store.h"
#include "registry/personal_code.h"
#include "registry/rules.h"

namespace atb::app {
namespace {

struct DemoPerson {
  const char* key;
  const char* given;
  const char* surname;
  const char* birth;   ///< YYYY-MM-DD
  int serial;          ///< digits 8–10 of the old-format code; 0 = no code
  const char* sex;
  const char* team;    ///< registering team code
  const char* street;  ///< "" = no address
  const char* house;
  const char* flat;
  const char* phone;
};

const std::vector<DemoPerson>& demo_people() {
  static const std::vector<DemoPerson> all = {
      {"anna", "Anna", "Bērziņa", "1990-01-01", 123, "F", "families", "Graudu iela", "12", "3", "+371 26123456"},
      {"janis", "Jānis", "Bērziņš", "1987-05-14", 456, "M", "families", "Graudu iela", "12", "3", ""},
      {"marta", "Marta", "Bērziņa", "2014-09-30", 211, "F", "families", "Graudu iela", "12", "3", ""},
      {"roberts", "Roberts", "Bērziņš", "2018-02-11", 307, "M", "families", "Graudu iela", "12", "3", ""},
      {"liga", "Līga", "Kalniņa", "1995-07-21", 118, "F", "families", "Zivju iela", "5", "", "+371 29876543"},
      {"emils", "Emīls", "Kalniņš", "2020-03-03", 402, "M", "families", "Zivju iela", "5", "", ""},
      {"peteris", "Pēteris", "Ozols", "1958-11-02", 215, "M", "benefits", "Peldu iela", "44", "7", "+371 26500100"},
      {"valentina", "Valentīna", "Šmite", "1949-04-17", 330, "F", "adults", "Jūrmalas iela", "3", "12", ""},
      {"andris", "Andris", "Zariņš", "1979-12-24", 508, "M", "adults", "", "", "", ""},
      {"inga", "Inga", "Žagare", "2001-06-06", 617, "F", "services", "Ūliha iela", "20", "1", ""},
  };
  return all;
}

}  // namespace

std::string demo_personal_code(const Date& b, int serial) {
  const std::string first10 =
      fmt::format("{:02}{:02}{:02}{}{:03}", b.day, b.month, b.year % 100, b.year / 100 - 18, serial % 1000);
  return first10 + std::to_string(registry::personal_code_check_digit(first10));
}

Result<DemoCount> load_demo_persons(storage::Connection& c, std::int64_t municipality_id) {
  ATB_TRY_ASSIGN(existing, c.query("SELECT COUNT(*) FROM person WHERE municipality_id = ?", storage::params(municipality_id)));
  if (existing[0].integer(0) > 0) return DemoCount{0, static_cast<int>(demo_people().size())};
  ATB_TRY_ASSIGN(teams, c.query("SELECT t.code, t.id, d.id FROM team t JOIN department d ON d.id = t.department_id"
                                " WHERE d.municipality_id = ?",
                                storage::params(municipality_id)));
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> team_of;
  for (const storage::Row& r : teams) team_of[r.text(0)] = {r.integer(1), r.integer(2)};
  const std::string now = now_utc_iso();
  const Date today = today_riga();
  std::map<std::string, std::int64_t> ids;
  for (const DemoPerson& d : demo_people()) {
    registry::PersonDraft draft;
    draft.given_names = d.given;
    draft.surname = d.surname;
    draft.birth_date = d.birth;
    draft.sex = d.sex;
    draft.language = "lv";
    if (d.serial) draft.personal_code = demo_personal_code(*parse_date(d.birth), d.serial);
    if (*d.phone) draft.phones.push_back(d.phone);
    if (*d.street) draft.declared_address = registry::Address{"Liepājas valstspilsēta", "Liepāja", d.street, d.house, d.flat, "LV-3401"};
    std::vector<registry::Warning> warnings;
    ATB_TRY_ASSIGN(checked, registry::check_person(draft, today, warnings));
    ATB_TRY_ASSIGN(id, registry::insert_person(c, municipality_id, checked, 0, now));
    const auto [team_id, department_id] = team_of.at(d.team);
    ATB_TRY(registry::add_registration(c, access::kPersonTables, id,
                                       registry::NewRegistration{department_id, team_id, "2024-03-01", "visit", 0}, now));
    ids[d.key] = id;
  }
  const auto [team_id, department_id] = team_of.at("families");
  ATB_TRY_ASSIGN(household, registry::insert_household(c, municipality_id, "Bērziņu ģimene",
                                                       registry::Address{"Liepājas valstspilsēta", "Liepāja", "Graudu iela", "12", "3", "LV-3401"},
                                                       0, now));
  ATB_TRY(registry::add_registration(c, access::kHouseholdTables, household,
                                     registry::NewRegistration{department_id, team_id, "2024-03-01", "visit", 0}, now));
  const std::pair<const char*, const char*> members[] = {
      {"anna", "head"}, {"janis", "spouse"}, {"marta", "child"}, {"roberts", "child"}};
  for (const auto& [key, relationship] : members) {
    ATB_TRY(registry::add_member(c, household, ids.at(key), relationship, "2024-03-01"));
  }
  return DemoCount{static_cast<int>(demo_people().size()), 0};
}

}  // namespace atb::app
