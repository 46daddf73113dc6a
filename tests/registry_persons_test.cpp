// Persons through the API on both engines: search, registration with checks and duplicate
// warnings, changes with history, out-of-scope results, audit of every row read.
#include <fmt/format.h>

#include "registry/personal_code.h"
#include "registry/search_key_upgrade.h"
#include "registry_test_support.h"

namespace atb::test {
namespace {

using http::Method;
using nlohmann::json;

std::string code(int d, int m, int y, int serial) {
  const std::string first10 = fmt::format("{:02}{:02}{:02}{}{:03}", d, m, y % 100, y / 100 - 18, serial);
  return first10 + std::to_string(registry::personal_code_check_digit(first10));
}

class RegistryPersons : public RegistryTest {};

std::vector<std::string> surnames(const Answer& a) {
  std::vector<std::string> out;
  for (const auto& item : a.body["items"]) out.push_back(item["given_names"].get<std::string>() + " " + item["surname"].get<std::string>());
  return out;
}

TEST_P(RegistryPersons, SearchFoldsDiacriticsDigraphsAndEndings) {
  for (const char* q : {"berzina", "Bērziņa", "BERZINS", "Bērziņš anna", "anna berz", "Berzina A"}) {
    const Answer a = search(q, worker_);
    ASSERT_EQ(a.status, 200) << q;
    const auto names = surnames(a);
    ASSERT_FALSE(names.empty()) << q;
    EXPECT_NE(std::find(names.begin(), names.end(), "Anna Bērziņa"), names.end()) << q;
  }
  // Exact form first, then the other gendered form; within a rank in Latvian order.
  const auto names = surnames(search("Bērziņa", worker_));
  ASSERT_GE(names.size(), 4u);
  EXPECT_EQ(names[0], "Anna Bērziņa");
  EXPECT_EQ(names[1], "Marta Bērziņa");
  // "sh" typed for "š": Šmite is in the adults team.
  const Answer shmite = search("Shmite", adults_);
  ASSERT_EQ(shmite.body["items"].size(), 1u);
  EXPECT_EQ(shmite.body["items"][0]["surname"], "Šmite");
}

// Keys stored under older rules are rebuilt once: after that, "Kalnieks" finds Kalniece.
TEST_P(RegistryPersons, SearchKeysOfOlderRulesAreRebuiltOnce) {
  const Answer made = create({{"given_names", "Ieva"}, {"surname", "Kalniece"}, {"birth_date", "1984-03-02"},
                              {"confirm_duplicates", true}}, worker_);
  ASSERT_EQ(made.status, 201) << made.body.dump();
  // As if stored by the rules of version 1: keys gone stale, the version older.
  auto staled = f_.db().write([](storage::Connection& c) -> Result<void> {
    ATB_TRY(c.execute("DELETE FROM person_key WHERE search_key LIKE 'kalni%'"));
    ATB_TRY(c.execute("UPDATE search_key_version SET version = 1 WHERE id = 1"));
    return ok();
  });
  ASSERT_TRUE(staled);
  EXPECT_TRUE(search("Kalnieks", worker_).body["items"].empty());
  const std::int64_t persons = count("SELECT COUNT(*) FROM person");
  auto rekeyed = registry::upgrade_search_keys(f_.db());
  ASSERT_TRUE(rekeyed) << rekeyed.error().detail;
  EXPECT_EQ(*rekeyed, persons);
  EXPECT_EQ(count("SELECT version FROM search_key_version WHERE id = 1"), registry::kSearchKeyVersion);
  for (const char* q : {"Kalnieks", "kalniece", "Ieva Kalnieks", "Bērziņa"}) EXPECT_FALSE(search(q, worker_).body["items"].empty()) << q;
  auto again = registry::upgrade_search_keys(f_.db());
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
}

TEST_P(RegistryPersons, SearchByCodeDateAndPhone) {
  const std::string anna = code(1, 1, 1990, 123);
  for (const std::string& q : {anna, anna.substr(0, 6) + "-" + anna.substr(6), anna.substr(0, 6), std::string("01.01.1990"),
                               std::string("1990-01-01"), std::string("+371 26123456"), std::string("26123456")}) {
    const Answer a = search(q, worker_);
    ASSERT_EQ(a.status, 200) << q;
    ASSERT_EQ(a.body["items"].size(), 1u) << q << a.body.dump();
    EXPECT_EQ(a.body["items"][0]["surname"], "Bērziņa") << q;
  }
  EXPECT_EQ(search("x", worker_).status, 422);
}

TEST_P(RegistryPersons, OutOfScopeMatchesShowOnlyNameYearAndDepartment) {
  const Answer a = search("Ozols", worker_);  // registered only with benefit officers
  ASSERT_EQ(a.status, 200);
  ASSERT_EQ(a.body["items"].size(), 1u);
  const json& hit = a.body["items"][0];
  EXPECT_EQ(hit["in_scope"], false);
  EXPECT_EQ(hit["birth_year"], 1958);
  EXPECT_EQ(hit["departments"][0]["code"], "assistance");
  EXPECT_FALSE(hit.contains("personal_code"));
  EXPECT_FALSE(hit.contains("address"));
  EXPECT_FALSE(hit.contains("birth_date"));
  EXPECT_EQ(get(hit["id"], worker_).status, 404);
  // The benefits officer sees him whole.
  EXPECT_EQ(search("Ozols", benefits_).body["items"][0]["in_scope"], true);
}

TEST_P(RegistryPersons, EveryRowReadIsAudited) {
  const std::int64_t before = count("SELECT COUNT(*) FROM audit_log WHERE action = 'list' AND entity_type = 'person'");
  const Answer a = search("berz", worker_);
  ASSERT_EQ(a.status, 200);
  ASSERT_GE(a.body["items"].size(), 4u);
  // One entry names every row shown, in order; each id is indexed for "who looked at this".
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'list' AND entity_type = 'person'"), before + 1);
  std::string shown, quoted;
  for (const auto& item : a.body["items"]) {
    const std::string id = std::to_string(item["id"].get<std::int64_t>());
    shown += (shown.empty() ? "" : ",") + id;
    quoted += (quoted.empty() ? "'" : ",'") + id + "'";
  }
  const std::int64_t seq = count("SELECT MAX(seq) FROM audit_log WHERE action = 'list' AND entity_type = 'person'");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE seq = " + std::to_string(seq) + " AND entity_id = '" + shown + "'"), 1);
  // Each id shown has its key for this user and day.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_listed_day WHERE entity_type = 'person' AND entity_id IN (" + quoted + ")"),
            static_cast<std::int64_t>(a.body["items"].size()));
  // The same list again is a second entry but writes no new keys.
  const std::int64_t keys = count("SELECT COUNT(*) FROM audit_listed_day");
  ASSERT_EQ(search("berz", worker_).status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'list' AND entity_type = 'person'"), before + 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_listed_day"), keys);
  // Who looked at the last person shown finds both lists from the one key.
  const std::int64_t last = a.body["items"].back()["id"];
  const Answer who = f_.call(Method::get, "/api/v1/audit/entities/person/" + std::to_string(last), auditor_);
  ASSERT_EQ(who.status, 200);
  int found = 0;
  for (const auto& e : who.body["items"]) found += (e["action"] == "list" && e["entity_id"] == shown) ? 1 : 0;
  EXPECT_EQ(found, 2) << who.body.dump();
}

TEST_P(RegistryPersons, CreateChecksTheCodeAndFillsTheBirthDate) {
  const Answer wrong = create({{"given_names", "Ieva"}, {"surname", "Liepa"}, {"personal_code", "010190-10007"}}, worker_);
  ASSERT_EQ(wrong.status, 422) << wrong.body.dump();
  EXPECT_EQ(wrong.body["errors"][0]["field"], "personal_code");
  Answer lv = f_.call(Method::post, "/api/v1/persons", As{worker_.session_token, worker_.csrf, "", "lv"},
                      json{{"given_names", "Ieva"}, {"surname", "Liepa"}, {"personal_code", "01019010007"}}.dump());
  EXPECT_NE(lv.body.dump().find("Personas koda kontrolcipars nav pareizs"), std::string::npos) << lv.body.dump();
  const std::string ieva = code(15, 3, 2004, 77);
  const Answer ok = create({{"given_names", "Ieva"}, {"surname", "Liepa"}, {"personal_code", ieva}}, worker_);
  ASSERT_EQ(ok.status, 201) << ok.body.dump();
  EXPECT_EQ(ok.body["birth_date"], "2004-03-15");
  EXPECT_EQ(ok.body["personal_code"], ieva.substr(0, 6) + "-" + ieva.substr(6));
  EXPECT_EQ(ok.body["registrations"][0]["department"]["code"], "social_work");
  EXPECT_EQ(get(ok.body["id"], worker_).status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND entity_type = 'person'"), 1);
}

TEST_P(RegistryPersons, BadInputIsRefusedAndNothingIsWritten) {
  const std::int64_t persons = count("SELECT COUNT(*) FROM person");
  const json bad[] = {
      {{"given_names", "Ieva"}, {"surname", "Liepa"}, {"birth_date", "2099-01-01"}},
      {{"given_names", "Ieva"}, {"surname", "Liepa"}, {"birth_date", "2021-02-29"}},
      {{"given_names", "Ieva"}, {"surname", "Liepa"}},  // neither code nor birth date
      {{"given_names", "Ie\u202Eva"}, {"surname", "Liepa"}, {"birth_date", "2001-01-01"}},
      {{"given_names", std::string(81, 'a')}, {"surname", "Liepa"}, {"birth_date", "2001-01-01"}},
      {{"given_names", "Ieva"}, {"surname", "Liepa"}, {"birth_date", "2001-01-01"}, {"email", "not-an-address"}},
      {{"given_names", "Ieva"}, {"surname", "Liepa"}, {"birth_date", "2001-01-01"},
       {"declared_address", {{"street", "Ielа"}, {"postal_code", "3401X"}}}},
      {{"given_names", "Ieva"}, {"surname", "Liepa"}, {"birth_date", "2001-01-01"}, {"unknown", 1}},
      {{"given_names", "Ieva"}, {"surname", "Liepa"}, {"personal_code", code(1, 1, 1990, 5)}, {"birth_date", "1991-01-01"}},
  };
  for (const json& body : bad) {
    const Answer a = create(body, worker_);
    EXPECT_EQ(a.status, 422) << body.dump() << " → " << a.body.dump();
    EXPECT_FALSE(a.body["errors"].empty()) << body.dump();
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), persons);
}

TEST_P(RegistryPersons, SameCodeBlocksSimilarPersonWarns) {
  const std::string anna = code(1, 1, 1990, 123);
  const Answer same = create({{"given_names", "Anna"}, {"surname", "Ozola"}, {"personal_code", anna}, {"confirm_duplicates", true}}, worker_);
  ASSERT_EQ(same.status, 409);
  EXPECT_EQ(same.body["candidates"][0]["blocking"], true);
  EXPECT_EQ(same.body["candidates"][0]["reasons"][0], "same_personal_code");
  // Typed without diacritics and with the masculine ending: still the same person's name.
  const json similar = {{"given_names", "Ana"}, {"surname", "Berzins"}, {"birth_date", "1990-01-01"}};
  const Answer warned = create(similar, worker_);
  ASSERT_EQ(warned.status, 409) << warned.body.dump();
  EXPECT_EQ(warned.body["candidates"][0]["blocking"], false);
  EXPECT_EQ(warned.body["candidates"][0]["reasons"][0], "similar_name_same_birth_date");
  const Answer dupes = f_.call(Method::post, "/api/v1/persons/duplicates", worker_, similar.dump());
  EXPECT_EQ(dupes.body["candidates"].size(), 1u);
  json confirmed = similar;
  confirmed["confirm_duplicates"] = true;
  EXPECT_EQ(create(confirmed, worker_).status, 201);
}

TEST_P(RegistryPersons, ChangesKeepNameAndCodeHistory) {
  const std::string old_code = code(2, 2, 1992, 11);
  const Answer made = create({{"given_names", "Laura"}, {"surname", "Ozola"}, {"personal_code", old_code}}, worker_);
  ASSERT_EQ(made.status, 201);
  const std::int64_t id = made.body["id"];
  const Answer renamed = f_.call(Method::patch, "/api/v1/persons/" + std::to_string(id), worker_,
                                 json{{"version", 1}, {"surname", "Kalniņa"}, {"name_change_reason", "marriage"},
                                      {"personal_code", "32123456789"}, {"code_change_reason", "new_code"}}.dump());
  ASSERT_EQ(renamed.status, 200) << renamed.body.dump();
  EXPECT_EQ(renamed.body["surname"], "Kalniņa");
  EXPECT_EQ(renamed.body["name_history"][0]["surname"], "Ozola");
  EXPECT_EQ(renamed.body["name_history"][0]["reason"], "marriage");
  EXPECT_EQ(renamed.body["code_history"][0]["personal_code"], old_code.substr(0, 6) + "-" + old_code.substr(6));
  EXPECT_EQ(renamed.body["birth_date"], "1992-02-02");  // kept when the new code carries no date
  // Found by the maiden name and by the old code.
  EXPECT_EQ(search("Laura Ozola", worker_).body["items"][0]["id"], id);
  EXPECT_EQ(search(old_code, worker_).body["items"][0]["id"], id);
  // A stale version is refused.
  EXPECT_EQ(f_.call(Method::patch, "/api/v1/persons/" + std::to_string(id), worker_, json{{"version", 1}, {"email", "a@b.lv"}}.dump()).status, 409);
}

TEST_P(RegistryPersons, SensitiveFieldsOnlyForCaseRoles) {
  const Answer made = create({{"given_names", "Rasma"}, {"surname", "Egle"}, {"birth_date", "1960-06-01"},
                              {"disability", "II grupa"}}, worker_);
  ASSERT_EQ(made.status, 201);
  EXPECT_EQ(made.body["sensitive"]["disability"], "II grupa");
  const Answer by_benefits = get(made.body["id"], benefits_);
  ASSERT_EQ(by_benefits.status, 200);
  EXPECT_TRUE(by_benefits.body["sensitive"].is_null());
  EXPECT_EQ(by_benefits.body["access"], "read");
}

TEST_P(RegistryPersons, BreakGlassOpensForTheSessionAndIsListed) {
  const Answer hit = search("Ozols", worker_);
  const std::int64_t id = hit.body["items"][0]["id"];
  const json short_reason = {{"entity_type", "person"}, {"entity_id", id}, {"reason", "vajag"}};
  EXPECT_EQ(f_.call(Method::post, "/api/v1/break-glass", worker_, short_reason.dump()).status, 422);
  const json reason = {{"entity_type", "person"}, {"entity_id", id}, {"reason", "Bērns palicis bez uzraudzības"}};
  ASSERT_EQ(f_.call(Method::post, "/api/v1/break-glass", worker_, reason.dump()).status, 201);
  const Answer opened = get(id, worker_);
  ASSERT_EQ(opened.status, 200);
  EXPECT_EQ(opened.body["break_glass"], true);
  EXPECT_TRUE(opened.body["sensitive"].is_null());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'read_break_glass'"), 1);
  EXPECT_EQ(search("Ozols", worker_).body["items"][0]["in_scope"], true);
  // On the supervisor's list (same team), not on another team's.
  const Answer list = f_.call(Method::get, "/api/v1/break-glass", supervisor_);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["items"].size(), 1u);
  EXPECT_EQ(list.body["items"][0]["user"]["username"], "r.worker");
  EXPECT_EQ(list.body["items"][0]["reason"], "Bērns palicis bez uzraudzības");
  const As adults_super = as(f_.user("r.asuper", {access::Role::supervisor}, {"adults"}));
  EXPECT_EQ(f_.call(Method::get, "/api/v1/break-glass", adults_super).body["items"].size(), 0u);
}

TEST_P(RegistryPersons, WhoLookedIsLimitedToTheSupervisorsScope) {
  const std::int64_t anna = search("Anna Bērziņa", worker_).body["items"][0]["id"];
  ASSERT_EQ(get(anna, worker_).status, 200);
  const Answer who = f_.call(Method::get, "/api/v1/audit/entities/person/" + std::to_string(anna), supervisor_);
  ASSERT_EQ(who.status, 200);
  bool found = false;
  for (const auto& e : who.body["items"]) found = found || (e["username"] == "r.worker" && e["action"] == "read");
  EXPECT_TRUE(found) << who.body.dump();
  const As adults_super = as(f_.user("r.asuper", {access::Role::supervisor}, {"adults"}));
  EXPECT_EQ(f_.call(Method::get, "/api/v1/audit/entities/person/" + std::to_string(anna), adults_super).status, 404);
  EXPECT_EQ(f_.call(Method::get, "/api/v1/audit/entities/person/" + std::to_string(anna), auditor_).status, 200);
}

TEST_P(RegistryPersons, ExportNeutralisesFormulasAndSkipsOutOfScope) {
  ASSERT_EQ(create({{"given_names", "Anna"}, {"surname", "Bērziņa-Ozola"}, {"birth_date", "1999-09-09"},
                    {"declared_address", {{"street", "=HYPERLINK(\"x\")"}, {"locality", "Liepāja"}}}}, worker_).status, 201);
  const Answer csv = f_.call(Method::get, "/api/v1/persons/export?q=berzina&format=csv", worker_);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.raw.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.raw.find("Bērziņa"), std::string::npos);
  EXPECT_NE(csv.raw.find("'=HYPERLINK"), std::string::npos) << csv.raw;
  EXPECT_EQ(csv.raw.find(";=HYPERLINK"), std::string::npos);
  const Answer out = f_.call(Method::get, "/api/v1/persons/export?q=ozols&format=csv", worker_);
  EXPECT_EQ(out.raw.find("Pēteris"), std::string::npos);
  const Answer xlsx = f_.call(Method::get, "/api/v1/persons/export?q=berzina&format=xlsx", worker_);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.raw.substr(0, 2), "PK");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export'"), 3);
}

INSTANTIATE_TEST_SUITE_P(Engines, RegistryPersons, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
