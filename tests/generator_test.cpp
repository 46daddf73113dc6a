// The demonstration registry generator on both engines: every generated person passes the same
// checks as a person typed in, codes are valid and unique, keys are the ones insert_person and
// rebuild_keys write, households make sense, search finds generated persons, runs are
// deterministic, and the bulk load leaves the schema (indexes, id sequences) as it was.
#include <map>
#include <set>
#include <sstream>

#include "access/user_store.h"
#include "registry/generator.h"
#include "registry/importer.h"
#include "registry/name_lists.h"
#include "registry/names.h"
#include "registry/person_store.h"
#include "registry/personal_code.h"
#include "registry/population.h"
#include "registry/rules.h"
#include "registry_test_support.h"

namespace atb::test {
namespace {

const Date kToday{2025, 6, 15};

class Generator : public RegistryTest {
 protected:
  Result<registry::GeneratorReport> generate(std::size_t persons, std::uint64_t seed = 7, std::size_t rebuild_from = 50'000) {
    registry::GeneratorOptions o;
    o.persons = persons;
    o.seed = seed;
    o.today = kToday;
    o.rebuild_indexes_from = rebuild_from;
    return registry::generate_registry(f_.db(), 1, o);
  }
  storage::Rows rows(const std::string& sql, const storage::Params& ps = {}) {
    auto r = f_.db().read([&](storage::Connection& c) { return c.query(sql, ps); });
    EXPECT_TRUE(r) << sql << ": " << (r ? "" : r.error().detail);
    return r ? std::move(*r) : storage::Rows{};
  }
  /// Identity of every generated person, in id order.
  std::vector<std::string> people() {
    std::vector<std::string> out;
    for (const storage::Row& r : rows("SELECT given_names, surname, personal_code, birth_date, sex FROM person WHERE id > 10 ORDER BY id")) {
      out.push_back(r.text(0) + "|" + r.text(1) + "|" + r.text(2) + "|" + r.text(3) + "|" + r.text(4));
    }
    return out;
  }
};

TEST_P(Generator, EveryPersonPassesTheChecksOfAPersonTypedIn) {
  auto report = generate(700);
  ASSERT_TRUE(report) << report.error().detail;
  EXPECT_EQ(report->existing_persons, 10u);  // the demo's
  EXPECT_EQ(report->persons, 690u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), 700);
  EXPECT_GT(report->households, 690u * 30 / 100);
  EXPECT_LT(report->households, 690u * 40 / 100);
  int old_codes = 0, new_codes = 0, women = 0, men = 0;
  for (const storage::Row& r : rows("SELECT id FROM person WHERE id > 10 ORDER BY id")) {
    auto loaded = f_.db().read([&](storage::Connection& c) { return registry::load_person(c, r.integer(0)); });
    ASSERT_TRUE(loaded && *loaded);
    const registry::Person& p = **loaded;
    std::vector<registry::Warning> warnings;
    auto checked = registry::check_person(p.data, kToday, warnings);
    ASSERT_TRUE(checked) << p.data.given_names << " " << p.data.surname << ": "
                         << (checked ? "" : checked.error().fields.at(0).field + " " + checked.error().fields.at(0).message.en);
    EXPECT_TRUE(warnings.empty()) << p.data.personal_code.value_or("");
    EXPECT_EQ(checked->given_names, p.data.given_names);  // already clean and NFC
    EXPECT_EQ(checked->surname, p.data.surname);
    EXPECT_EQ(checked->birth_date, p.data.birth_date);
    auto code = registry::parse_personal_code_on(*p.data.personal_code, "personal_code", kToday);
    ASSERT_TRUE(code);
    const bool born_before_new_codes = *p.data.birth_date < "2017-07-01";
    if (code->format == registry::CodeFormat::old_format) {
      ++old_codes;
      EXPECT_TRUE(born_before_new_codes);
      EXPECT_EQ(code->birth_date->iso(), *p.data.birth_date);
    } else {
      ++new_codes;
      EXPECT_EQ(p.data.personal_code->substr(0, 2), "32");
      EXPECT_NE(p.data.personal_code->substr(0, 3), "329");  // left free for load tests
      EXPECT_TRUE(!born_before_new_codes || !p.code_history.empty());
    }
    (*p.data.sex == "F" ? women : men) += 1;
    EXPECT_FALSE(p.registrations.empty());
    EXPECT_EQ(p.households.size(), 1u);
  }
  EXPECT_GT(old_codes, 400);
  EXPECT_GT(new_codes, 20);
  EXPECT_GT(women, 250);
  EXPECT_GT(men, 250);
  EXPECT_GT(report->earlier_names, 50u);
  EXPECT_GT(report->phones, 200u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM (SELECT code FROM person_code GROUP BY code HAVING COUNT(*) > 1) d"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person p JOIN person_code c ON c.person_id = p.id AND c.valid_until IS NULL"
                  " WHERE c.code = p.personal_code"), 700);
}

TEST_P(Generator, KeysAreThoseTheRegistryWritesItself) {
  ASSERT_TRUE(generate(300));
  for (const storage::Row& r : rows("SELECT id, given_names, surname, sort_key FROM person WHERE id > 10")) {
    const std::int64_t id = r.integer(0);
    std::vector<std::pair<std::string, std::string>> names{{r.text(1), r.text(2)}};
    for (const storage::Row& n : rows("SELECT given_names, surname FROM person_name WHERE person_id = ? ORDER BY id", storage::params(id))) {
      names.emplace_back(n.text(0), n.text(1));
    }
    std::vector<std::string> expected = registry::search_keys(names), stored;
    for (const storage::Row& k : rows("SELECT search_key FROM person_key WHERE person_id = ?", storage::params(id))) stored.push_back(k.text(0));
    std::sort(expected.begin(), expected.end());
    std::sort(stored.begin(), stored.end());
    EXPECT_EQ(stored, expected) << r.text(1) << " " << r.text(2);
    EXPECT_EQ(r.text(3), registry::collation_key(r.text(2) + " " + r.text(1)));
  }
  // rebuild_keys (run on any change of name) comes to the same keys.
  const std::int64_t someone = rows("SELECT MIN(person_id) FROM person_name")[0].integer(0);
  const auto before = count("SELECT COUNT(*) FROM person_key WHERE person_id = " + std::to_string(someone));
  ASSERT_TRUE(f_.db().write([&](storage::Connection& c) { return registry::rebuild_keys(c, someone); }));
  EXPECT_EQ(count("SELECT COUNT(*) FROM person_key WHERE person_id = " + std::to_string(someone)), before);
}

TEST_P(Generator, HouseholdsAreFamilies) {
  ASSERT_TRUE(generate(600));
  std::map<std::int64_t, std::vector<storage::Row>> members;
  for (const storage::Row& r : rows("SELECT m.household_id, m.relationship, p.birth_date, p.sex, p.surname, p.id,"
                              " (SELECT COUNT(*) FROM person_name n WHERE n.person_id = p.id), p.declared_address_id, h.address_id"
                              " FROM household_member m JOIN person p ON p.id = m.person_id JOIN household h ON h.id = m.household_id"
                              " WHERE p.id > 10 ORDER BY m.household_id, m.id")) {
    members[r.integer(0)].push_back(r);
  }
  int took_husbands_name = 0;
  for (const auto& [household, list] : members) {
    ASSERT_EQ(list[0].text(1), "head") << household;
    for (std::size_t i = 1; i < list.size(); ++i) {
      EXPECT_NE(list[i].text(1), "head");
      EXPECT_TRUE(registry::check_relationship(list[i].text(1), list[0].text(2), list[i].text(2), "m"))
          << list[i].text(1) << " " << list[0].text(2) << " " << list[i].text(2);
      EXPECT_EQ(list[i].integer(7), list[0].integer(7));  // one declared address per household
      const storage::Row& a = list[0];
      const storage::Row& b = list[i];
      if (b.text(1) == "spouse" && a.text(3) != b.text(3)) {
        const storage::Row& wife = a.text(3) == "F" ? a : b;
        const storage::Row& husband = a.text(3) == "F" ? b : a;
        // She took his surname: its feminine form, the same stem (but the stemmer does not join
        // Upenieks / Upeniece).
        if (wife.integer(6) > 0 && !husband.text(4).ends_with("nieks")) {
          ++took_husbands_name;
          EXPECT_EQ(registry::name_keys("", wife.text(4)), registry::name_keys("", husband.text(4)))
              << wife.text(4) << " / " << husband.text(4);
        }
      }
    }
    EXPECT_EQ(list[0].integer(7), list[0].integer(8));  // the household's address is theirs
  }
  EXPECT_GT(took_husbands_name, 20);
  EXPECT_EQ(count("SELECT COUNT(*) FROM household h WHERE NOT EXISTS (SELECT 1 FROM household_registration r WHERE r.household_id = h.id)"), 0);
}

TEST_P(Generator, SearchFindsGeneratedPersonsWithoutDiacritics) {
  ASSERT_TRUE(generate(400));
  int checked = 0;
  for (const storage::Row& r : rows("SELECT id, given_names, surname, personal_code FROM person WHERE id > 10 ORDER BY id LIMIT 40")) {
    const std::string q = registry::fold(r.text(1) + " " + r.text(2));
    Answer a = search(q, director_);
    ASSERT_EQ(a.status, 200) << q;
    bool found = false;
    for (const auto& item : a.body["items"]) found = found || item["id"] == r.integer(0);
    EXPECT_TRUE(found || a.body["truncated"] == true) << q;
    a = search(registry::format_personal_code(r.text(3)), director_);
    ASSERT_EQ(a.body["items"].size(), 1u) << r.text(3);
    EXPECT_EQ(a.body["items"][0]["id"], r.integer(0));
    ++checked;
  }
  EXPECT_EQ(checked, 40);
}

TEST_P(Generator, SameSeedSameRegistryAndTopsUpOnlyOnce) {
  ASSERT_TRUE(generate(250, 42));
  const auto first = people();
  auto again = generate(250, 42);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->persons, 0u);  // already 250
  EXPECT_EQ(people(), first);

  AppFixture other(GetParam());
  registry::GeneratorOptions o;
  o.persons = 250;
  o.seed = 42;
  o.today = kToday;
  ASSERT_TRUE(registry::generate_registry(other.db(), 1, o));
  auto theirs = other.db().read([](storage::Connection& c) {
    return c.query("SELECT given_names, surname, personal_code, birth_date, sex FROM person WHERE id > 10 ORDER BY id");
  });
  ASSERT_TRUE(theirs);
  ASSERT_EQ(theirs->size(), first.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    const storage::Row& r = (*theirs)[i];
    EXPECT_EQ(r.text(0) + "|" + r.text(1) + "|" + r.text(2) + "|" + r.text(3) + "|" + r.text(4), first[i]);
  }
  o.seed = 43;
  o.persons = 500;
  ASSERT_TRUE(registry::generate_registry(other.db(), 1, o));
  auto more = other.db().read([](storage::Connection& c) { return c.query("SELECT personal_code FROM person WHERE id > 260 ORDER BY id LIMIT 5"); });
  ASSERT_TRUE(more);
  ASSERT_EQ(more->size(), 5u);
  for (const storage::Row& r : *more) {  // the codes of the first run are taken: never made again
    for (const std::string& p : first) EXPECT_EQ(p.find(r.text(0)), std::string::npos);
  }
}

TEST_P(Generator, RebuiltIndexesAndIdSequencesAreAsBefore) {
  auto index_sql = [&] {
    std::vector<std::string> out;
    const std::string sql = GetParam() == storage::Engine::sqlite
                                ? "SELECT name || ' ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
                                : "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname";
    for (const storage::Row& r : rows(sql)) out.push_back(r.text(0));
    return out;
  };
  const auto before = index_sql();
  auto report = generate(200, 3, /*rebuild_from=*/0);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->rebuilt_indexes);
  EXPECT_EQ(index_sql(), before);
  // New rows made by the application get ids after the generated ones.
  const std::int64_t max_person = count("SELECT MAX(id) FROM person");
  registry::PersonDraft d;
  d.given_names = "Ilze";
  d.surname = "Jaunā";
  d.birth_date = "1990-02-03";
  d.declared_address = registry::Address{"", "Liepāja", "Graudu iela", "1", "", "LV-3401"};
  auto id = f_.db().write([&](storage::Connection& c) { return registry::insert_person(c, 1, d, 0, "2025-06-15T00:00:00.000Z"); });
  ASSERT_TRUE(id) << id.error().detail;
  EXPECT_GT(*id, max_person);
  auto household = f_.db().write([&](storage::Connection& c) { return c.query("INSERT INTO household (municipality_id, version, name, created_at, updated_at) VALUES (1, 1, 'x', 'a', 'a') RETURNING id"); });
  ASSERT_TRUE(household) << household.error().detail;
  EXPECT_GT((*household)[0].integer(0), count("SELECT MAX(id) FROM household WHERE name <> 'x'"));
}

TEST_P(Generator, CsvFileImportsCleanly) {
  registry::GeneratorOptions o;
  o.persons = 300;
  o.seed = 5;
  std::ostringstream csv;
  auto written = registry::write_persons_csv(f_.db(), csv, o);
  ASSERT_TRUE(written);
  EXPECT_EQ(*written, 300u);
  registry::ImportOptions io;
  io.dry_run = false;
  io.municipality_id = 1;
  const auto team = rows("SELECT id, department_id FROM team WHERE code = 'adults'");
  io.registration = registry::NewRegistration{team[0].integer(1), team[0].integer(0), "2026-01-05", "other", 0};
  auto report = registry::import_persons(f_.db(), csv.str(), io);
  ASSERT_TRUE(report) << report.error().message.en;
  EXPECT_EQ(report->error_count, 0u) << (report->errors.empty() ? "" : report->errors[0].column + ": " + report->errors[0].message.en);
  EXPECT_EQ(report->imported_rows, 300u);
}

INSTANTIATE_TEST_SUITE_P(Engines, Generator, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

TEST(GeneratorLists, NamesAreCleanAndSurnameFormsMeet) {
  for (const auto& list : registry::lists::given_names()) {
    for (const auto& n : list.names) {
      auto clean = registry::clean_name(n.name, "given_names");
      ASSERT_TRUE(clean) << n.name;
      EXPECT_EQ(*clean, n.name);
    }
  }
  for (const auto* surnames : {&registry::lists::latvian_surnames(), &registry::lists::slavic_surnames()}) {
    for (const auto& s : *surnames) {
      for (const std::string& form : {s.masculine, s.feminine}) {
        auto clean = registry::clean_name(form, "surname");
        ASSERT_TRUE(clean) << form;
        EXPECT_EQ(*clean, form);
      }
      const std::string m = s.masculine;
      if (!m.ends_with("nieks")) {  // Upenieks / Upeniece: the stemmer does not join these
        EXPECT_EQ(registry::name_keys("", s.masculine), registry::name_keys("", s.feminine)) << s.masculine << " / " << s.feminine;
      }
    }
  }
  for (const auto& m : registry::lists::municipalities()) {
    for (const auto& t : m.towns) {
      EXPECT_GE(t.postal_first, 1001) << t.name;
      EXPECT_LE(t.postal_first + t.postal_count - 1, 5799) << t.name;
    }
  }
}

TEST(GeneratorLists, FeminineFormsOfSurnames) {
  const std::pair<const char*, const char*> cases[] = {
      {"Bērziņš", "Bērziņa"}, {"Balodis", "Balode"}, {"Jansons", "Jansone"}, {"Upenieks", "Upeniece"},
      {"Latkovskis", "Latkovska"}, {"Kalējs", "Kalēja"}, {"Ozols", "Ozola"}, {"Ivanovs", "Ivanova"},
      {"Liepa", "Liepa"}, {"Ševčenko", "Ševčenko"}, {"Stankevičs", "Stankeviča"}, {"Ozoliņš-Ozols", "Ozoliņa-Ozola"}};
  for (const auto& [m, f] : cases) EXPECT_EQ(registry::lists::feminine_of(m), f) << m;
  // The tails join the lists once each, and take most of the bearers.
  std::set<std::string> names;
  long all = 0;
  for (const auto& s : registry::lists::latvian_surnames()) {
    EXPECT_TRUE(names.insert(s.masculine).second) << s.masculine;
    all += s.weight;
  }
  for (const auto& s : registry::lists::latvian_surnames()) {
    if (s.masculine == "Bērziņš") {
      EXPECT_LT(s.weight * 100, all * 2) << "Bērziņš: under 2 % of Latvian names";
    }
  }
}

TEST(GeneratorLists, FamilyNamesInTheGenitivePlural) {
  const std::pair<const char*, const char*> cases[] = {
      {"Bērziņš", "Bērziņu"}, {"Ozols", "Ozolu"},       {"Balodis", "Baložu"},     {"Eglītis", "Eglīšu"},
      {"Liepa", "Liepu"},     {"Ziemelis", "Ziemeļu"},  {"Jansons", "Jansonu"},    {"Latkovskis", "Latkovsku"},
      {"Ševčenko", "Ševčenko"}, {"Gulbis", "Gulbju"},   {"Zvaigzne", "Zvaigžņu"},  {"Lācis", "Lāču"},
      {"Priede", "Priežu"},   {"Kalniņš-Ozols", "Kalniņu-Ozolu"}, {"Ivanovs", "Ivanovu"}, {"Kalējs", "Kalēju"}};
  for (const auto& [surname, genitive] : cases) EXPECT_EQ(registry::gen::family_genitive(surname), genitive) << surname;
}

TEST(GeneratorLists, RandomStreamIsTheSameEverywhere) {
  registry::gen::Rng rng(1);
  // Fixed values of xoshiro256** seeded by splitmix64(1): a change of the algorithm (and so of
  // every generated registry) shows here.
  const std::uint64_t first = rng.next();
  registry::gen::Rng again(1);
  EXPECT_EQ(again.next(), first);
  for (int i = 0; i < 1000; ++i) {
    const int v = rng.between(3, 7);
    EXPECT_GE(v, 3);
    EXPECT_LE(v, 7);
  }
}

}  // namespace
}  // namespace atb::test
