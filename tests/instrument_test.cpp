// Assessment instruments as data: the shipped definitions load and are sensible, every
// definition error is refused with its JSON path, and the registry finds versions.
// Scoring and answers are in instrument_scoring_test.cpp.
#include "cases/instrument.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "cases/instrument_registry.h"
#include "cases/instrument_scoring.h"
#include "core/config.h"
#include "instrument_test_support.h"

namespace atb::cases {
namespace {

using nlohmann::json;
using testing::joined;
using testing::names;
using testing::test_definition;

const std::string kShipped = std::string(ATBALSTS_SOURCE_DIR) + "/config/instruments";

/// Answers every applicable question of `ins` for one member per role with the lowest (or, when
/// `highest`, the highest-scoring) value; text questions are left out.
AnswerSet extreme_answers(const Instrument& ins, bool highest) {
  auto pick = [&](const Question& q) -> AnswerValue {
    switch (q.type) {
      case QuestionType::scale:
        return std::int64_t{highest ? q.points.back().value : q.points.front().value};
      case QuestionType::yes_no:
        return highest == (q.yes_points >= q.no_points);
      case QuestionType::single_choice: {
        auto cmp = [](auto& x, auto& y) { return x.points < y.points; };
        auto it = highest ? std::max_element(q.options.begin(), q.options.end(), cmp)
                          : std::min_element(q.options.begin(), q.options.end(), cmp);
        return it->id;
      }
      default: {  // multiple choice: every non-exclusive option, or the one scoring least
        std::vector<std::string> ids;
        for (const auto& o : q.options) {
          if (highest && !o.exclusive) ids.push_back(o.id);
        }
        if (highest) return ids;
        auto it = std::min_element(q.options.begin(), q.options.end(),
                                   [](auto& x, auto& y) { return x.points < y.points; });
        return std::vector<std::string>{it->id};
      }
    }
  };
  auto fill = [&](Answers& answers, auto applies) {
    for (const Section& s : ins.sections) {
      if (!applies(s)) continue;
      for (const Question& q : s.questions) {
        if (q.type != QuestionType::text) answers[q.id] = pick(q);
      }
    }
  };
  AnswerSet out;
  fill(out.household, [](const Section& s) { return s.scope == SectionScope::household; });
  for (const Role& r : ins.roles) {
    MemberAnswers m{"m-" + r.id, r.id, {}};
    fill(m.answers, [&](const Section& s) { return s.applies_to(r.id); });
    out.members.push_back(std::move(m));
  }
  return out;
}

TEST(InstrumentShipped, EveryFileLoadsAndIsSensible) {
  auto reg = InstrumentRegistry::load_dir(kShipped);
  ASSERT_TRUE(reg) << joined(reg.error()) << reg.error().message.en;
  std::set<std::string> ids;
  for (const Instrument* ins : reg->latest_all()) ids.insert(ins->id);
  EXPECT_EQ(
      ids, (std::set<std::string>{"addiction-codependency", "adult-in-crisis", "family-children"}));
  for (const Instrument& ins : reg->all()) {
    SCOPED_TRACE(ins.id);
    std::size_t questions = 0;
    std::set<std::string> scored_domains;
    for (const Section& s : ins.sections) {
      questions += s.questions.size();
      for (const Question& q : s.questions) {
        if (q.scores != ScoreKind::none) scored_domains.insert(q.domain);
      }
    }
    EXPECT_GE(questions, 20u);
    EXPECT_LE(questions, 45u);
    EXPECT_EQ(scored_domains.size(), ins.domains.size()) << "a domain without questions";
    EXPECT_FALSE(ins.scoring.overrides.empty());
    // Latvian text carries its diacritics (ā, ē, ī, ū, č, ģ, ķ, ļ, ņ, š, ž are all two bytes).
    EXPECT_NE(ins.title.lv.find("\xC4"), std::string::npos);
  }
}

TEST(InstrumentShipped, LowestAnswersAreLowAndHighestAreVeryHigh) {
  auto reg = InstrumentRegistry::load_dir(kShipped);
  ASSERT_TRUE(reg);
  for (const Instrument& ins : reg->all()) {
    SCOPED_TRACE(ins.id);
    auto low = score_answers(ins, extreme_answers(ins, false));
    ASSERT_TRUE(low) << joined(low.error());
    EXPECT_EQ(low->overall, RiskLevel::low);
    EXPECT_TRUE(low->fired.empty());
    auto high = score_answers(ins, extreme_answers(ins, true));
    ASSERT_TRUE(high) << joined(high.error());
    EXPECT_EQ(high->overall, RiskLevel::very_high);
  }
}

TEST(InstrumentShipped, FamilyResourcesSoftenAParentingDifficulty) {
  auto reg = InstrumentRegistry::load_dir(kShipped);
  ASSERT_TRUE(reg);
  const Instrument* ins = reg->latest("family-children");
  ASSERT_NE(ins, nullptr);
  AnswerSet a = extreme_answers(*ins, false);
  Answers& adult = a.members[0].answers;
  ASSERT_EQ(a.members[0].role, "adult");
  // Difficulty 2 + 1 + 0 + 0 = 3, resources 2 + 1 = 3: net 0 (parenting is net, 3/5/8).
  adult["basic_care"] = std::int64_t{2};
  adult["supervision"] = std::int64_t{1};
  adult["parent_motivation"] = std::int64_t{2};
  adult["parent_knowledge"] = std::int64_t{1};
  auto s = score_answers(*ins, a);
  ASSERT_TRUE(s) << joined(s.error());
  const SubjectScore& subject = s->subjects[1];  // [0] is the household
  auto it = std::find_if(subject.domains.begin(), subject.domains.end(),
                         [](auto& d) { return d.domain == "parenting"; });
  ASSERT_NE(it, subject.domains.end());
  EXPECT_EQ(it->difficulty, 3);
  EXPECT_EQ(it->resource, 3);
  EXPECT_EQ(it->measured, 0);
  EXPECT_EQ(it->max_difficulty, 11);
  EXPECT_EQ(it->max_resource, 4);
  EXPECT_EQ(it->level, RiskLevel::low);
  // Without the resources: net 3 ⇒ medium.
  adult["parent_motivation"] = std::int64_t{0};
  adult["parent_knowledge"] = std::int64_t{0};
  auto s2 = score_answers(*ins, a);
  ASSERT_TRUE(s2);
  EXPECT_EQ(s2->subjects[1].domains[0].domain, "parenting");
  EXPECT_EQ(s2->subjects[1].domains[0].level, RiskLevel::medium);
}

TEST(InstrumentDefinition, TheTestDefinitionParses) {
  auto ins = parse_instrument(test_definition());
  ASSERT_TRUE(ins) << joined(ins.error());
  EXPECT_EQ(ins->id, "test");
  EXPECT_TRUE(ins->per_member);
  EXPECT_EQ(ins->domain("care")->thresholds.high, 4);  // the default
  EXPECT_EQ(ins->domain("safety")->thresholds.measure, Measure::difficulty);
  EXPECT_EQ(ins->question("care_d")->points.size(), 4u);  // the named scale
  EXPECT_EQ(ins->section_of("note")->id, "all");
  EXPECT_EQ(max_points(*ins->question("worries")), 3);  // a + b, not "none"
  EXPECT_EQ(max_points(*ins->question("hits")), 2);
  EXPECT_EQ(ins->scoring.overrides[1].any[0].options, std::vector<std::string>{"evict"});
  EXPECT_TRUE(ins->has_household_sections());
}

/// One broken definition and the JSON path its error must name.
struct DefinitionCase {
  const char* what;
  std::function<void(json&)> change;
  const char* field;
};

TEST(InstrumentDefinition, EveryProblemIsNamedByItsPath) {
  const std::vector<DefinitionCase> cases{
      {"not an object", [](json& j) { j = json::array(); }, ""},
      {"unknown key", [](json& j) { j["sections"][1]["questions"][0]["requried"] = true; },
       "sections.1.questions.0.requried"},
      {"bad id", [](json& j) { j["id"] = "Family Children"; }, "id"},
      {"version as text", [](json& j) { j["version"] = "1"; }, "version"},
      {"version zero", [](json& j) { j["version"] = 0; }, "version"},
      {"missing title", [](json& j) { j.erase("title"); }, "title"},
      {"empty Latvian text", [](json& j) { j["sections"][1]["questions"][0]["text"]["lv"] = ""; },
       "sections.1.questions.0.text.lv"},
      {"missing English text",
       [](json& j) { j["sections"][1]["questions"][0]["text"].erase("en"); },
       "sections.1.questions.0.text.en"},
      {"per member without roles", [](json& j) { j.erase("roles"); }, "roles"},
      {"duplicate role", [](json& j) { j["roles"][1]["id"] = "adult"; }, "roles.1.id"},
      {"duplicate domain", [](json& j) { j["domains"][1]["id"] = "care"; }, "domains.1.id"},
      {"thresholds not increasing", [](json& j) { j["domains"][1]["thresholds"]["high"] = 1; },
       "domains.1.thresholds"},
      {"unknown measure", [](json& j) { j["domains"][1]["thresholds"]["measure"] = "sum"; },
       "domains.1.thresholds.measure"},
      {"no thresholds anywhere", [](json& j) { j["scoring"].erase("domain_thresholds"); },
       "domains.0.thresholds"},
      {"scale without points", [](json& j) { j["scales"]["d"] = json::object(); },
       "scales.d.points"},
      {"scale with one point",
       [](json& j) {
         j["scales"]["r"]["points"].erase(1);
         j["scales"]["r"]["points"].erase(1);
       },
       "scales.r.points"},
      {"repeated scale value", [](json& j) { j["scales"]["r"]["points"][1]["value"] = 0; },
       "scales.r.points.1.value"},
      {"inline scale without points",
       [](json& j) { j["sections"][1]["questions"][0]["scale"] = json::object(); },
       "sections.1.questions.0.scale.points"},
      {"unknown scale", [](json& j) { j["sections"][1]["questions"][0]["scale"] = "likert"; },
       "sections.1.questions.0.scale"},
      {"duplicate section", [](json& j) { j["sections"][2]["id"] = "hh"; }, "sections.2.id"},
      {"duplicate question", [](json& j) { j["sections"][2]["questions"][0]["id"] = "care_d"; },
       "sections.2.questions.0.id"},
      {"unknown type", [](json& j) { j["sections"][1]["questions"][0]["type"] = "slider"; },
       "sections.1.questions.0.type"},
      {"unknown domain", [](json& j) { j["sections"][1]["questions"][0]["domain"] = "money"; },
       "sections.1.questions.0.domain"},
      {"scoring without domain", [](json& j) { j["sections"][1]["questions"][0].erase("domain"); },
       "sections.1.questions.0.domain"},
      {"domain without scoring", [](json& j) { j["sections"][1]["questions"][0].erase("scores"); },
       "sections.1.questions.0.domain"},
      {"text that scores",
       [](json& j) {
         j["sections"][2]["questions"][2]["scores"] = "difficulty";
         j["sections"][2]["questions"][2]["domain"] = "care";
       },
       "sections.2.questions.2.scores"},
      {"options on a scale",
       [](json& j) { j["sections"][1]["questions"][0]["options"] = json::array(); },
       "sections.1.questions.0.options"},
      {"choice with one option",
       [](json& j) { j["sections"][0]["questions"][1]["options"].erase(1); },
       "sections.0.questions.1.options"},
      {"repeated option",
       [](json& j) { j["sections"][0]["questions"][1]["options"][1]["id"] = "own"; },
       "sections.0.questions.1.options.1.id"},
      {"exclusive on a single choice",
       [](json& j) { j["sections"][0]["questions"][1]["options"][1]["exclusive"] = true; },
       "sections.0.questions.1.options.1.exclusive"},
      {"unknown role in a section", [](json& j) { j["sections"][1]["roles"][0] = "parent"; },
       "sections.1.roles.0"},
      {"roles on a household section",
       [](json& j) { j["sections"][0]["roles"] = json::array({"adult"}); }, "sections.0.roles"},
      {"section without questions", [](json& j) { j["sections"][1]["questions"] = json::array(); },
       "sections.1.questions"},
      {"rule on an unknown question",
       [](json& j) { j["scoring"]["overrides"][0]["any"][0]["question"] = "ghost"; },
       "scoring.overrides.0.any.0.question"},
      {"rule of the wrong kind",
       [](json& j) { j["scoring"]["overrides"][0]["any"][0]["question"] = "care_d"; },
       "scoring.overrides.0.any.0.is"},
      {"rule on an unknown option",
       [](json& j) { j["scoring"]["overrides"][1]["any"][0]["any_of"][0] = "castle"; },
       "scoring.overrides.1.any.0.any_of.0"},
      {"rule above the scale",
       [](json& j) {
         j["scoring"]["overrides"][0]["any"][0] = {{"question", "care_d"}, {"at_least", 4}};
       },
       "scoring.overrides.0.any.0.at_least"},
      {"rule with two conditions in one",
       [](json& j) { j["scoring"]["overrides"][0]["any"][0]["at_least"] = 1; },
       "scoring.overrides.0.any.0"},
      {"rule without conditions",
       [](json& j) { j["scoring"]["overrides"][0]["any"] = json::array(); },
       "scoring.overrides.0.any"},
      {"override at low", [](json& j) { j["scoring"]["overrides"][0]["level"] = "low"; },
       "scoring.overrides.0.level"},
      {"unknown level", [](json& j) { j["scoring"]["overrides"][0]["level"] = "critical"; },
       "scoring.overrides.0.level"},
      {"override in an unknown domain",
       [](json& j) { j["scoring"]["overrides"][0]["domain"] = "money"; },
       "scoring.overrides.0.domain"},
      {"repeated rule id", [](json& j) { j["scoring"]["overrides"][1]["id"] = "two_high"; },
       "scoring.overrides.1.id"},
      {"count of zero", [](json& j) { j["scoring"]["domain_counts"][0]["count"] = 0; },
       "scoring.domain_counts.0.count"},
      {"rule without reason", [](json& j) { j["scoring"]["domain_counts"][0].erase("reason"); },
       "scoring.domain_counts.0.reason"},
  };
  for (const DefinitionCase& c : cases) {
    SCOPED_TRACE(c.what);
    json j = test_definition();
    c.change(j);
    auto r = parse_instrument(j);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, Errc::invalid);
    EXPECT_TRUE(names(r.error(), c.field)) << "wanted " << c.field << ", got " << joined(r.error());
    for (const auto& f : r.error().fields)
      EXPECT_FALSE(f.message.lv.empty() || f.message.en.empty());
  }
}

TEST(InstrumentDefinition, AllProblemsAreListedAtOnce) {
  json j = test_definition();
  j["sections"][1]["questions"][0]["domain"] = "money";
  j["scoring"]["overrides"][0]["any"][0]["question"] = "ghost";
  auto r = parse_instrument(j);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.size(), 2u) << joined(r.error());
}

/// A fresh empty folder under the temp directory.
std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("atb_instruments_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file) << text;
}

/// The test definition with another id and version.
json variant(const std::string& id, int version) {
  json j = test_definition();
  j["id"] = id;
  j["version"] = version;
  return j;
}

TEST(InstrumentRegistry, FindsEachVersionAndTheLatest) {
  std::vector<Instrument> all;
  for (auto [id, v] :
       {std::pair{"test", 2}, std::pair{"other", 1}, std::pair{"test", 1}, std::pair{"test", 10}}) {
    all.push_back(*parse_instrument(variant(id, v)));
  }
  auto reg = InstrumentRegistry::make(all);
  ASSERT_TRUE(reg);
  EXPECT_EQ(reg->find("test", 1)->version, 1);
  EXPECT_EQ(reg->find("test", 2)->version, 2);
  EXPECT_EQ(reg->find("test", 3), nullptr);
  EXPECT_EQ(reg->find("nope", 1), nullptr);
  EXPECT_EQ(reg->latest("test")->version, 10);
  EXPECT_EQ(reg->latest("other")->version, 1);
  EXPECT_EQ(reg->latest("nope"), nullptr);
  auto latest = reg->latest_all();
  ASSERT_EQ(latest.size(), 2u);
  EXPECT_EQ(latest[0]->id, "other");
  EXPECT_EQ(latest[1]->id, "test");
  EXPECT_EQ(latest[1]->version, 10);
  ASSERT_TRUE(reg->require("test", 2));
  auto missing = reg->require("test", 3);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::not_found);
  all.push_back(*parse_instrument(variant("test", 2)));
  auto twice = InstrumentRegistry::make(all);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, Errc::conflict);
}

TEST(InstrumentRegistry, LoadsAFolderAndNamesTheBadFile) {
  auto dir = temp_dir("load");
  write(dir / "test.v1.json", variant("test", 1).dump());
  write(dir / "test.v2.json", variant("test", 2).dump());
  write(dir / "README.txt", "not an instrument");
  auto reg = InstrumentRegistry::load_dir(dir);
  ASSERT_TRUE(reg) << joined(reg.error());
  EXPECT_EQ(reg->all().size(), 2u);
  EXPECT_EQ(reg->latest("test")->version, 2);

  write(dir / "test.v3.json", variant("test", 4).dump());  // name and content disagree
  auto misnamed = InstrumentRegistry::load_dir(dir);
  ASSERT_FALSE(misnamed);
  EXPECT_NE(misnamed.error().message.en.find("test.v3.json"), std::string::npos);
  EXPECT_TRUE(names(misnamed.error(), "id"));

  write(dir / "test.v3.json", "{ not json");
  auto broken = InstrumentRegistry::load_dir(dir);
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.lv.find("test.v3.json"), std::string::npos);

  json bad = variant("test", 3);
  bad["sections"][1]["questions"][0]["domain"] = "money";
  write(dir / "test.v3.json", bad.dump());
  auto invalid = InstrumentRegistry::load_dir(dir);
  ASSERT_FALSE(invalid);
  EXPECT_TRUE(names(invalid.error(), "sections.1.questions.0.domain"));
  EXPECT_NE(invalid.error().detail.find("test.v3.json"), std::string::npos);

  auto none = InstrumentRegistry::load_dir(dir / "missing");
  ASSERT_FALSE(none);
  EXPECT_TRUE(names(none.error(), "instruments_dir"));
  std::filesystem::remove_all(dir);
}

TEST(InstrumentConfig, TheFolderIsAConfigKeyWithARepositoryDefault) {
  const Config defaults;
  EXPECT_EQ(defaults.instruments_dir, "config/instruments");
  // The default is relative to the working directory, i.e. the repository root.
  EXPECT_TRUE(InstrumentRegistry::load_dir(std::string(ATBALSTS_SOURCE_DIR) + "/" +
                                           defaults.instruments_dir));
  auto no_env = [](const char*) { return std::optional<std::string>{}; };
  auto example =
      load_config(std::string(ATBALSTS_SOURCE_DIR) + "/config/atbalsts.example.toml", no_env);
  ASSERT_TRUE(example);
  EXPECT_EQ(example->instruments_dir, "config/instruments");
  auto dir = temp_dir("config");
  write(dir / "atbalsts.toml", "[cases]\ninstruments_dir = \"/srv/instruments\"\n");
  auto file = load_config((dir / "atbalsts.toml").string(), no_env);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->instruments_dir, "/srv/instruments");
  auto env = load_config("", [](const char* name) {
    return std::string(name) == "ATBALSTS_INSTRUMENTS_DIR" ? std::optional<std::string>{"/x"}
                                                           : std::nullopt;
  });
  ASSERT_TRUE(env);
  EXPECT_EQ(env->instruments_dir, "/x");
  std::filesystem::remove_all(dir);
}

TEST(InstrumentRiskLevel, CodesAndTextsRoundTrip) {
  for (auto l : {RiskLevel::low, RiskLevel::medium, RiskLevel::high, RiskLevel::very_high}) {
    EXPECT_EQ(parse_risk_level(risk_level_code(l)), l);
  }
  EXPECT_EQ(parse_risk_level("critical"), std::nullopt);
  EXPECT_EQ(risk_level_text(RiskLevel::very_high).lv, "ļoti augsts");
  Thresholds t{Measure::net, 2, 4, 6};
  EXPECT_EQ(t.level_of(1), RiskLevel::low);
  EXPECT_EQ(t.level_of(2), RiskLevel::medium);
  EXPECT_EQ(t.level_of(5), RiskLevel::high);
  EXPECT_EQ(t.level_of(6), RiskLevel::very_high);
}

}  // namespace
}  // namespace atb::cases
