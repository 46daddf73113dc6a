// Households, merge and split through the API on both engines.
#include "registry_test_support.h"

namespace atb::test {
namespace {

using http::Method;
using nlohmann::json;

class RegistryHouseholds : public RegistryTest {
 protected:
  std::int64_t person(const std::string& given, const std::string& surname, const std::string& birth) {
    const Answer a = create({{"given_names", given}, {"surname", surname}, {"birth_date", birth}, {"confirm_duplicates", true}}, worker_);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.status == 201 ? a.body["id"].get<std::int64_t>() : 0;
  }
};

TEST_P(RegistryHouseholds, KindFollowsTheMembersAges) {
  const std::int64_t mother = person("Dace", "Vītola", "1985-04-04");
  const std::int64_t son = person("Kārlis", "Vītols", "2012-12-12");
  const Answer h = f_.call(Method::post, "/api/v1/households", worker_,
                           json{{"members", {{{"person_id", mother}, {"relationship", "head"}}}}}.dump());
  ASSERT_EQ(h.status, 201) << h.body.dump();
  EXPECT_EQ(h.body["kind"], "adults");
  EXPECT_EQ(h.body["name"], "Vītola");
  const std::string url = "/api/v1/households/" + std::to_string(h.body["id"].get<std::int64_t>());
  const Answer added = f_.call(Method::patch, url, worker_,
                               json{{"version", 1}, {"add_members", {{{"person_id", son}, {"relationship", "child"}}}}}.dump());
  ASSERT_EQ(added.status, 200) << added.body.dump();
  EXPECT_EQ(added.body["kind"], "family_with_children");
  EXPECT_EQ(added.body["members"].size(), 2u);
  const Answer removed = f_.call(Method::patch, url, worker_, json{{"version", 2}, {"remove_members", {son}}}.dump());
  ASSERT_EQ(removed.status, 200) << removed.body.dump();
  EXPECT_EQ(removed.body["members"].size(), 1u);
  EXPECT_EQ(removed.body["past_members"][0]["person_id"], son);
  EXPECT_FALSE(removed.body["past_members"][0]["until"].is_null());
  EXPECT_EQ(removed.body["kind"], "adults");
  // The person page lists the household, and the membership history.
  const Answer page = get(son, worker_);
  ASSERT_EQ(page.body["households"].size(), 1u);
  EXPECT_FALSE(page.body["households"][0]["until"].is_null());
}

// The statistics count first registrations by the kind recorded on the registration: every
// write that changes who was a child on the registration day keeps it current.
TEST_P(RegistryHouseholds, TheRegistrationKeepsItsFamilyKindCurrent) {
  const std::int64_t mother = person("Inese", "Bērziņa", "1980-02-02");
  const std::int64_t daughter = person("Anna", "Bērziņa", "1999-03-03");
  const Answer h = f_.call(Method::post, "/api/v1/households", worker_,
                           json{{"members", {{{"person_id", mother}, {"relationship", "head"}}}}}.dump());
  ASSERT_EQ(h.status, 201) << h.body.dump();
  const std::string id = std::to_string(h.body["id"].get<std::int64_t>());
  auto with_children = [&] {
    return count("SELECT COUNT(*) FROM household_registration WHERE household_id = " + id +
                 " AND family_kind = 'with_children'");
  };
  ASSERT_EQ(count("SELECT COUNT(*) FROM household_registration WHERE household_id = " + id), 1);
  EXPECT_EQ(with_children(), 0);
  const std::string url = "/api/v1/households/" + id;
  ASSERT_EQ(f_.call(Method::patch, url, worker_,
                    json{{"version", 1}, {"add_members", {{{"person_id", daughter}, {"relationship", "child"}}}}}.dump())
                .status,
            200);
  EXPECT_EQ(with_children(), 0) << "an adult daughter";
  // Her birth date was mistyped: she is a child.
  const Answer fixed = f_.call(Method::patch, "/api/v1/persons/" + std::to_string(daughter), worker_,
                               json{{"version", 1}, {"birth_date", "2015-03-03"}}.dump());
  ASSERT_EQ(fixed.status, 200) << fixed.body.dump();
  EXPECT_EQ(with_children(), 1);
  // She leaves on the registration day: on that day she was no longer a member.
  ASSERT_EQ(f_.call(Method::patch, url, worker_, json{{"version", 2}, {"remove_members", {daughter}}}.dump()).status, 200);
  EXPECT_EQ(with_children(), 0);
}

TEST_P(RegistryHouseholds, AChildOlderThanHerParentIsRefused) {
  const std::int64_t young = person("Elza", "Krūmiņa", "2000-01-01");
  const std::int64_t old = person("Alma", "Krūmiņa", "1950-01-01");
  const std::int64_t households = count("SELECT COUNT(*) FROM household");
  const Answer a = f_.call(Method::post, "/api/v1/households", worker_,
                           json{{"members", {{{"person_id", young}, {"relationship", "head"}},
                                             {{"person_id", old}, {"relationship", "child"}}}}}.dump());
  ASSERT_EQ(a.status, 422) << a.body.dump();
  EXPECT_EQ(a.body["errors"][0]["field"], "members.1.relationship");
  EXPECT_EQ(count("SELECT COUNT(*) FROM household"), households);
  const Answer no_head = f_.call(Method::post, "/api/v1/households", worker_,
                                 json{{"members", {{{"person_id", young}, {"relationship", "child"}}}}}.dump());
  EXPECT_EQ(no_head.status, 422);
  // Another team's client cannot be put into a household by guessing her id.
  const std::int64_t ozols = search("Ozols", worker_).body["items"][0]["id"];
  const Answer guessed = f_.call(Method::post, "/api/v1/households", worker_,
                                 json{{"members", {{{"person_id", ozols}, {"relationship", "head"}}}}}.dump());
  EXPECT_EQ(guessed.status, 422);
}

TEST_P(RegistryHouseholds, MergeMovesEverythingAndSplitRestoresIt) {
  const std::int64_t survivor = search("Anna Bērziņa", worker_).body["items"][0]["id"];
  const std::int64_t duplicate = person("Ana", "Berzina", "1990-01-01");
  ASSERT_EQ(f_.call(Method::patch, "/api/v1/persons/" + std::to_string(duplicate), worker_,
                    json{{"version", 1}, {"phones", {"+371 20000001"}}}.dump()).status, 200);
  const Answer h = f_.call(Method::post, "/api/v1/households", worker_,
                           json{{"members", {{{"person_id", duplicate}, {"relationship", "head"}}}}}.dump());
  ASSERT_EQ(h.status, 201);
  const std::string merge_url = "/api/v1/persons/" + std::to_string(survivor) + "/merge";
  const json body = {{"duplicate_id", duplicate}, {"reason", "Divreiz reģistrēta"}};
  EXPECT_EQ(f_.call(Method::post, merge_url, worker_, body.dump()).status, 403);  // supervisors merge
  const Answer merged = f_.call(Method::post, merge_url, supervisor_, body.dump());
  ASSERT_EQ(merged.status, 200) << merged.body.dump();
  EXPECT_EQ(merged.body["merged"][0]["person_id"], duplicate);
  EXPECT_EQ(merged.body["households"].size(), 2u);
  EXPECT_NE(std::find(merged.body["phones"].begin(), merged.body["phones"].end(), "+371 20000001"), merged.body["phones"].end());
  EXPECT_EQ(get(duplicate, worker_).status, 404);
  const Answer after = search("Ana Berzina", worker_);
  for (const auto& item : after.body["items"]) EXPECT_NE(item["id"], duplicate);
  EXPECT_EQ(search("20000001", worker_).body["items"][0]["id"], survivor);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action IN ('merge', 'merged_into')"), 2);

  const Answer split = f_.call(Method::post, "/api/v1/persons/" + std::to_string(survivor) + "/split", supervisor_,
                               json{{"merge_id", merged.body["merged"][0]["merge_id"]}, {"reason", "Tomēr dažādas personas"}}.dump());
  ASSERT_EQ(split.status, 200) << split.body.dump();
  EXPECT_EQ(split.body["households"].size(), 1u);
  EXPECT_FALSE(split.body["merged"][0]["split_at"].is_null());
  const Answer back = get(duplicate, worker_);
  ASSERT_EQ(back.status, 200);
  EXPECT_EQ(back.body["households"].size(), 1u);
  EXPECT_EQ(back.body["phones"][0], "+371 20000001");
  EXPECT_EQ(search("20000001", worker_).body["items"][0]["id"], duplicate);
  // Splitting twice is refused.
  EXPECT_EQ(f_.call(Method::post, "/api/v1/persons/" + std::to_string(survivor) + "/split", supervisor_,
                    json{{"merge_id", merged.body["merged"][0]["merge_id"]}, {"reason", "Vēlreiz"}}.dump()).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, RegistryHouseholds, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
