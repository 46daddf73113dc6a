// Answers to an assessment instrument and their scoring: every answer problem is named by its
// path, and scores, risk levels, fired rules and the side-by-side summary are checked against
// figures worked out by hand from the test definition (instrument_test_support.h).
#include "cases/instrument_scoring.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "cases/instrument_answers.h"
#include "instrument_test_support.h"

namespace atb::cases {
namespace {

using nlohmann::json;
using testing::answers_json;
using testing::joined;
using testing::names;

Instrument test_instrument() {
  return *parse_instrument(testing::test_definition());
}

/// Answers from base_answers changed by `patch` (see answers_json).
AnswerSet answers(const json& patch) {
  return *answers_from_json(answers_json(patch));
}

/// "kind rule subject domain score/threshold level" for comparing fired rules.
std::string describe(const FiredRule& r) {
  const std::string subject = r.household ? "household" : r.member;
  return std::string(rule_kind_code(r.kind)) + " " + r.rule + " " + subject + " " + r.domain + " " +
         std::to_string(r.score) + "/" + std::to_string(r.threshold) + " " +
         std::string(risk_level_code(r.level));
}

/// An expected domain result: subject index (0 household, 1 adult "a", 2 child "c").
struct ExpectedDomain {
  std::size_t subject;
  std::string domain;
  int difficulty, resource, measured;
  RiskLevel level;
};

/// One scoring case, worked out by hand.
struct ScoringCase {
  const char* what;
  json patch;
  RiskLevel overall;
  std::vector<RiskLevel> subjects;  ///< household, a, c
  std::vector<ExpectedDomain> domains;
  std::vector<std::string> fired;
};

using L = RiskLevel;

TEST(InstrumentScoring, TableWorkedOutByHand) {
  const Instrument ins = test_instrument();
  const std::vector<ScoringCase> cases{
      {"nothing",
       json::object(),
       L::low,
       {L::low, L::low, L::low},
       {{0, "home", 0, 0, 0, L::low},
        {1, "care", 0, 0, 0, L::low},
        {1, "safety", 0, 0, 0, L::low},
        {2, "care", 0, 0, 0, L::low},
        {2, "safety", 0, 0, 0, L::low}},
       {}},
      // care 3 + (1 + 2) = 6, resource 1: net 5 ≥ 4 ⇒ high; the adult's total net 5 ≥ 5 ⇒ medium.
      {"care high for the adult",
       {{"a", {{"care_d", 3}, {"care_r", 1}, {"worries", {"a", "b"}}}}},
       L::high,
       {L::low, L::high, L::low},
       {{1, "care", 6, 1, 5, L::high}, {1, "safety", 0, 0, 0, L::low}},
       {"domain_threshold  a care 5/4 high", "subject_threshold  a  5/5 medium"}},
      // care 3, resource 2: net 1 < 2 ⇒ low.
      {"resources soften",
       {{"a", {{"care_d", 3}, {"care_r", 2}}}},
       L::low,
       {L::low, L::low, L::low},
       {{1, "care", 3, 2, 1, L::low}},
       {}},
      // care 1, resource 2: net is 0, never −1.
      {"more resources than difficulties",
       {{"a", {{"care_d", 1}, {"care_r", 2}}}},
       L::low,
       {L::low, L::low, L::low},
       {{1, "care", 1, 2, 0, L::low}},
       {}},
      // safety 1 (difficulty measure) ≥ 1 ⇒ medium, raised to high by the danger override.
      {"danger raises the child to high",
       {{"c", {{"danger", true}}}},
       L::high,
       {L::low, L::low, L::high},
       {{2, "safety", 1, 0, 1, L::high}},
       {"domain_threshold  c safety 1/1 medium", "override danger c safety 0/0 high"}},
      // care 3 + 2 = 5 ⇒ high; safety 2 + 1 = 3 ⇒ high; total 8 ⇒ high; two high ⇒ very high.
      {"two high domains",
       {{"a", {{"care_d", 3}, {"worries", {"b"}}, {"hits", true}, {"danger", true}}}},
       L::very_high,
       {L::low, L::high, L::low},
       {{1, "care", 5, 0, 5, L::high}, {1, "safety", 3, 0, 3, L::high}},
       {"domain_threshold  a care 5/4 high", "domain_threshold  a safety 3/3 high",
        "subject_threshold  a  8/8 high", "override danger a safety 0/0 high",
        "domain_count two_high   2/2 very_high"}},
      // home 3 ≥ 2 ⇒ medium; the eviction override (no domain) says at least medium too.
      {"eviction",
       {{"household", {{"tenure", "evict"}}}},
       L::medium,
       {L::medium, L::low, L::low},
       {{0, "home", 3, 0, 3, L::medium}},
       {"domain_threshold  household home 3/2 medium", "override evict household  0/0 medium"}},
      // ten Latvian letters are ten characters, not twenty bytes; null is "not answered".
      {"optional text",
       {{"a", {{"note", "ļļļļļļļļļļ"}}}, {"c", {{"note", nullptr}}}},
       L::low,
       {L::low, L::low, L::low},
       {},
       {}},
  };
  for (const ScoringCase& c : cases) {
    SCOPED_TRACE(c.what);
    auto r = score_answers(ins, answers(c.patch));
    ASSERT_TRUE(r) << joined(r.error());
    EXPECT_EQ(r->instrument, "test");
    EXPECT_EQ(r->version, 1);
    EXPECT_EQ(r->overall, c.overall);
    ASSERT_EQ(r->subjects.size(), 3u);
    EXPECT_TRUE(r->subjects[0].household);
    EXPECT_EQ(r->subjects[1].member, "a");
    EXPECT_EQ(r->subjects[2].role, "child");
    for (std::size_t i = 0; i < 3; ++i)
      EXPECT_EQ(r->subjects[i].level, c.subjects[i]) << "subject " << i;
    for (const ExpectedDomain& e : c.domains) {
      const auto& ds = r->subjects[e.subject].domains;
      auto it = std::find_if(ds.begin(), ds.end(), [&](auto& d) { return d.domain == e.domain; });
      ASSERT_NE(it, ds.end()) << e.domain;
      EXPECT_EQ(it->difficulty, e.difficulty) << e.domain;
      EXPECT_EQ(it->resource, e.resource) << e.domain;
      EXPECT_EQ(it->measured, e.measured) << e.domain;
      EXPECT_EQ(it->level, e.level) << e.domain;
    }
    std::vector<std::string> fired;
    for (const FiredRule& f : r->fired) {
      fired.push_back(describe(f));
      EXPECT_FALSE(f.reason.lv.empty() || f.reason.en.empty());
    }
    EXPECT_EQ(fired, c.fired);
  }
}

TEST(InstrumentScoring, DomainsAndMaximaFollowTheRole) {
  auto r = score_answers(test_instrument(), answers(json::object()));
  ASSERT_TRUE(r);
  // The household has only "home"; the child has no adult questions: care is only "worries".
  ASSERT_EQ(r->subjects[0].domains.size(), 1u);
  const auto& adult = r->subjects[1].domains;
  const auto& child = r->subjects[2].domains;
  ASSERT_EQ(adult.size(), 2u);
  ASSERT_EQ(child.size(), 2u);
  EXPECT_EQ(adult[0].domain, "care");
  EXPECT_EQ(adult[0].max_difficulty, 6);  // care_d 3 + worries 3
  EXPECT_EQ(adult[0].max_resource, 2);
  EXPECT_EQ(adult[1].max_difficulty, 3);  // hits 2 + danger 1
  EXPECT_EQ(child[0].max_difficulty, 3);
  EXPECT_EQ(child[0].max_resource, 0);
  EXPECT_EQ(child[1].max_difficulty, 1);
}

TEST(InstrumentScoring, AnOverrideExplainsWhichAnswerFiredAndNeverLowers) {
  auto r = score_answers(
      test_instrument(),
      answers({{"a", {{"danger", true}, {"hits", true}, {"care_d", 3}, {"worries", {"a", "b"}}}}}));
  ASSERT_TRUE(r);
  auto it = std::find_if(r->fired.begin(), r->fired.end(),
                         [](auto& f) { return f.kind == RuleKind::override_answer; });
  ASSERT_NE(it, r->fired.end());
  EXPECT_EQ(it->questions, std::vector<std::string>{"danger"});
  EXPECT_EQ(it->member, "a");
  EXPECT_NE(it->reason.lv.find("a (Teksts)"), std::string::npos);  // names the member and role
  // care 6 ⇒ very high stays very high although the override only says "at least high".
  EXPECT_EQ(r->subjects[1].domains[0].level, RiskLevel::very_high);
  EXPECT_EQ(r->subjects[1].level, RiskLevel::very_high);
}

TEST(InstrumentScoring, RefusesInvalidAnswers) {
  auto r = score_answers(test_instrument(), answers({{"a", {{"care_d", 9}}}}));
  ASSERT_FALSE(r);
  EXPECT_TRUE(names(r.error(), "members.0.answers.care_d"));
}

TEST(InstrumentScoring, SideBySideListsDifficultiesAndStrengths) {
  const Instrument ins = test_instrument();
  AnswerSet a = answers({{"a", {{"care_d", 3}, {"care_r", 1}, {"worries", {"a", "b"}}}}});
  auto r = score_answers(ins, a);
  ASSERT_TRUE(r);
  auto sum = side_by_side(ins, a, *r);
  ASSERT_EQ(sum.size(), 3u);
  EXPECT_TRUE(sum[0].household);
  EXPECT_EQ(sum[0].role_title.lv, "Mājsaimniecība");
  EXPECT_EQ(sum[1].member, "a");
  EXPECT_EQ(sum[1].level, RiskLevel::high);
  ASSERT_EQ(sum[1].domains.size(), 2u);
  const DomainSummary& care = sum[1].domains[0];
  EXPECT_EQ(care.domain, "care");
  EXPECT_EQ(care.level, RiskLevel::high);
  EXPECT_EQ(care.difficulty, 6);
  EXPECT_EQ(care.resource, 1);
  ASSERT_EQ(care.difficulties.size(), 2u);
  EXPECT_EQ(care.difficulties[0].question, "care_d");  // 3 points, first in the form
  EXPECT_EQ(care.difficulties[0].answer.en, "severe");
  EXPECT_EQ(care.difficulties[1].question, "worries");  // 1 + 2 points
  EXPECT_EQ(care.difficulties[1].answer.lv, "A; B");
  EXPECT_EQ(care.difficulties[1].points, 3);
  ASSERT_EQ(care.strengths.size(), 1u);
  EXPECT_EQ(care.strengths[0].question, "care_r");
  EXPECT_EQ(care.strengths[0].answer.lv, "daļējs");
  EXPECT_EQ(care.strengths[0].max_points, 2);
  EXPECT_TRUE(sum[1].domains[1].difficulties.empty());  // safety: nothing scored
  EXPECT_TRUE(sum[2].domains[0].strengths.empty());
}

/// One set of answers with a problem and the path its error must name.
struct AnswerCase {
  const char* what;
  std::function<void(json&)> change;
  const char* field;
};

/// A change that applies `patch` to the base answers.
std::function<void(json&)> patched(json patch) {
  return [patch](json& j) { j = answers_json(patch); };
}

TEST(InstrumentAnswers, EveryProblemIsNamedByTheQuestion) {
  const std::vector<AnswerCase> cases{
      {"unknown question", patched({{"a", {{"ghost", 1}}}}), "members.0.answers.ghost"},
      {"question of another role", patched({{"c", {{"care_d", 1}}}}), "members.1.answers.care_d"},
      {"household question for a member", patched({{"a", {{"home_state", 1}}}}),
       "members.0.answers.home_state"},
      {"member question for the household", patched({{"household", {{"danger", true}}}}),
       "household.danger"},
      {"value not on the scale", patched({{"a", {{"care_d", 7}}}}), "members.0.answers.care_d"},
      {"negative value", patched({{"a", {{"care_r", -1}}}}), "members.0.answers.care_r"},
      {"text for a scale", patched({{"a", {{"care_d", "3"}}}}), "members.0.answers.care_d"},
      {"number for yes/no", patched({{"a", {{"hits", 1}}}}), "members.0.answers.hits"},
      {"unknown option", patched({{"household", {{"tenure", "castle"}}}}), "household.tenure"},
      {"list for a single choice", patched({{"household", {{"tenure", {"own"}}}}}),
       "household.tenure"},
      {"text for a multiple choice", patched({{"a", {{"worries", "a"}}}}),
       "members.0.answers.worries"},
      {"exclusive with another", patched({{"a", {{"worries", {"none", "a"}}}}}),
       "members.0.answers.worries"},
      {"repeated option", patched({{"a", {{"worries", {"a", "a"}}}}}), "members.0.answers.worries"},
      {"nothing chosen", patched({{"a", {{"worries", json::array()}}}}),
       "members.0.answers.worries"},
      {"text too long", patched({{"c", {{"note", "12345678901"}}}}), "members.1.answers.note"},
      {"number for a text", patched({{"a", {{"note", 5}}}}), "members.0.answers.note"},
      {"missing required answer", patched({{"a", {{"care_d", nullptr}}}}),
       "members.0.answers.care_d"},
      {"missing household answer", patched({{"household", {{"home_state", nullptr}}}}),
       "household.home_state"},
      {"unknown role", [](json& j) { j["members"][1]["role"] = "grandparent"; }, "members.1.role"},
      {"repeated member", [](json& j) { j["members"][1]["member"] = "a"; }, "members.1.member"},
      {"empty member id", [](json& j) { j["members"][0]["member"] = ""; }, "members.0.member"},
      {"no members", [](json& j) { j["members"] = json::array(); }, "members"},
  };
  const Instrument ins = test_instrument();
  for (const AnswerCase& c : cases) {
    SCOPED_TRACE(c.what);
    json j = testing::base_answers();
    c.change(j);
    auto a = answers_from_json(j);
    ASSERT_TRUE(a) << joined(a.error());
    auto r = validate_answers(ins, *a);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, Errc::invalid);
    EXPECT_EQ(r.error().fields.size(), 1u) << joined(r.error());
    EXPECT_TRUE(names(r.error(), c.field)) << "wanted " << c.field << ", got " << joined(r.error());
  }
}

TEST(InstrumentAnswers, ASinglePersonInstrumentTakesExactlyOneMember) {
  json def = testing::test_definition();
  def["per_member"] = false;
  def["sections"].erase(1);  // keep roles; drop the adult-only section for simplicity
  auto ins = parse_instrument(def);
  ASSERT_TRUE(ins) << joined(ins.error());
  json j = testing::base_answers();
  j["members"][0]["answers"] = {{"danger", false}, {"worries", {"none"}}};
  auto two = answers_from_json(j);
  ASSERT_TRUE(two);
  auto r = validate_answers(*ins, *two);
  ASSERT_FALSE(r);
  EXPECT_TRUE(names(r.error(), "members"));
  j["members"].erase(1);
  EXPECT_TRUE(validate_answers(*ins, *answers_from_json(j)));
}

TEST(InstrumentAnswers, ReadsOnlyWellShapedJson) {
  const std::vector<AnswerCase> cases{
      {"not an object", [](json& j) { j = json::array(); }, ""},
      {"no members", [](json& j) { j.erase("members"); }, "members"},
      {"members not a list", [](json& j) { j["members"] = json::object(); }, "members"},
      {"member without role", [](json& j) { j["members"][0].erase("role"); }, "members.0.role"},
      {"member without answers", [](json& j) { j["members"][0].erase("answers"); },
       "members.0.answers"},
      {"fraction", [](json& j) { j["members"][0]["answers"]["care_d"] = 1.5; },
       "members.0.answers.care_d"},
      {"object value", [](json& j) { j["members"][0]["answers"]["care_d"] = json::object(); },
       "members.0.answers.care_d"},
      {"list of numbers", [](json& j) { j["household"]["tenure"] = json::array({1}); },
       "household.tenure"},
  };
  for (const AnswerCase& c : cases) {
    SCOPED_TRACE(c.what);
    json j = testing::base_answers();
    c.change(j);
    auto a = answers_from_json(j);
    ASSERT_FALSE(a);
    EXPECT_TRUE(names(a.error(), c.field)) << "wanted " << c.field << ", got " << joined(a.error());
  }
}

TEST(InstrumentAnswers, RoundTripThroughJson) {
  AnswerSet a = answers({{"a", {{"note", "Labi"}}}});
  auto back = answers_from_json(answers_to_json(a));
  ASSERT_TRUE(back);
  EXPECT_EQ(answers_to_json(*back), answers_to_json(a));
  EXPECT_EQ(std::get<std::string>(back->members[0].answers.at("note")), "Labi");
  EXPECT_EQ(std::get<std::vector<std::string>>(back->members[1].answers.at("worries")),
            std::vector<std::string>{"none"});
}

}  // namespace
}  // namespace atb::cases
