// Compact explanations: the catalogue's keys, the wording of templates the rules' tests do not
// reach, and both stored forms (the compact one written now, the earlier rendered one) read back.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "assistance/evaluate.h"
#include "assistance/explanation.h"
#include "assistance/explanation_catalogue.h"
#include "assistance/explanation_json.h"
#include "assistance/store.h"

namespace atb::assistance {
namespace {

TEST(AssistanceExplanation, EveryKeyHasOneTemplateWithAUniqueName) {
  std::set<std::string_view> names;
  for (const StepTemplate& t : all_templates()) {
    EXPECT_TRUE(names.insert(t.name).second) << t.name;
    EXPECT_EQ(key_named(t.name), t.key) << t.name;
    EXPECT_FALSE(t.lv.empty()) << t.name;
    EXPECT_FALSE(t.en.empty()) << t.name;
  }
  EXPECT_EQ(key_named("no_such_key"), std::nullopt);
}

TEST(AssistanceExplanation, PersonsTakeTheNumberOfEachLanguage) {
  auto threshold = [](std::size_t members) {
    return render(Step(StepKey::size_threshold, {Step(StepKey::name_needy_threshold), members, Date{2026, 1, 1}, 42500,
                                                 29800, members - 1, 42500 + 29800 * static_cast<Cents>(members - 1)}));
  };
  EXPECT_EQ(threshold(1).lv, "Trūcīgas mājsaimniecības ienākumu slieksnis 1 personai (no 2026-01-01): 425,00 € + 298,00 € × 0 = 425,00 €");
  EXPECT_EQ(threshold(1).en, "Needy household threshold for 1 person (from 2026-01-01): €425.00 + €298.00 × 0 = €425.00");
  EXPECT_NE(threshold(11).lv.find("slieksnis 11 personām (no"), std::string::npos) << threshold(11).lv;
  EXPECT_NE(threshold(21).lv.find("slieksnis 21 personai (no"), std::string::npos) << threshold(21).lv;
  EXPECT_NE(threshold(21).en.find("threshold for 21 persons (from"), std::string::npos) << threshold(21).en;
}

TEST(AssistanceExplanation, RecalculationAndCatalogueBenefitsReadAsBefore) {
  const Text granted = render(Step(StepKey::recalculation_granted,
                                   {41, Date{2026, 3, 1}, 12345, std::string("2026-06-30"), 23456, std::string("Jauns slieksnis")}));
  EXPECT_EQ(granted.lv, "Pārrēķins no 2026-03: aizstāj lēmumu Nr. 41 (123,45 € mēnesī); no 2026-03-01 līdz 2026-06-30 — "
                        "234,56 € mēnesī. Iemesls: Jauns slieksnis");
  EXPECT_EQ(granted.en, "Recalculation from 2026-03: supersedes decision no. 41 (€123.45 a month); from 2026-03-01 to "
                        "2026-06-30 — €234.56 a month. Reason: Jauns slieksnis");
  const Text refused =
      render(Step(StepKey::recalculation_refused, {41, Date{2026, 3, 1}, 12345, std::string("Jauns slieksnis")}));
  EXPECT_EQ(refused.en, "Recalculation from 2026-03: supersedes decision no. 41 (€123.45 a month); nothing is granted "
                        "from 2026-03-01. Reason: Jauns slieksnis");
  const Text name{"Skolas pabalsts", "School benefit"};
  const Text per_member = render(Step(StepKey::catalogue_per_member, {name, 5000, 3, 15000}));
  EXPECT_EQ(per_member.lv, "Pabalsts „Skolas pabalsts”: 50,00 € × 3 = 150,00 €.");
  EXPECT_EQ(per_member.en, "Benefit \"School benefit\": €50.00 × 3 = €150.00.");
  EXPECT_EQ(render(Step(StepKey::catalogue_fixed, {name, 123456})).lv, "Pabalsts „Skolas pabalsts”: 1 234,56 €.");
  EXPECT_EQ(render(Step(StepKey::missing_needy_for_gmi)).en,
            "The GMI benefit is for needy households; this household does not qualify as needy.");
}

/// Steps with every kind of argument: numbers, a date, a text with characters JSON escapes, a
/// bilingual text, nested phrases (one, a list, none).
std::vector<Step> sample_steps() {
  return {
      Step(StepKey::income_average, {41233, 123699, Step(StepKey::rounding_half_up)}),
      Step(StepKey::not_counted, {std::vector<Step>{Step(StepKey::income_alimony), Step(StepKey::income_other)}}),
      Step(StepKey::benefit, {Step(StepKey::name_gmi_benefit), Step(StepKey::formula_gmi, {44900, 50000}), -5100,
                              std::vector<Step>{Step(StepKey::benefit_clamped, {0})}, std::vector<Step>{}}),
      Step(StepKey::recalculation_refused, {7, Date{2026, 3, 1}, 100, std::string("„x” \"y\"\n\\ 𝄞")}),
      Step(StepKey::catalogue_fixed, {Text{"Pabalsts ē", "Benefit \"e\""}, 100}),
      Step(Text{"Sena rinda", "An old line"}),
  };
}

TEST(AssistanceExplanation, CompactFormIsSmallJsonThatReadsBackToTheSameWording) {
  EXPECT_EQ(stored_explanation({Step(StepKey::income_average, {41233, 123699, Step(StepKey::rounding_exact)})}),
            R"({"v":2,"steps":[{"k":"income_average","a":[41233,123699,[{"k":"rounding_exact"}]]}]})");
  const std::vector<Step> steps = sample_steps();
  const std::string stored = stored_explanation(steps);
  const auto parsed = nlohmann::json::parse(stored, nullptr, false);
  ASSERT_FALSE(parsed.is_discarded()) << stored;
  EXPECT_EQ(parsed["v"], 2);
  const std::vector<Step> read = explanation_from_stored(stored);
  ASSERT_EQ(read.size(), steps.size());
  const std::vector<Text> before = render(steps), after = render(read);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(after[i].lv, before[i].lv) << i;
    EXPECT_EQ(after[i].en, before[i].en) << i;
  }
  EXPECT_EQ(stored_explanation(read), stored);
  EXPECT_EQ(before[2].lv, "GMI pabalsts mēnesī: 449,00 € − 500,00 € = \u221251,00 €; pabalsts nevar būt mazāks par nulli, "
                          "tāpēc 0,00 €.");
  // The rendered texts are a good deal longer than what is stored.
  EXPECT_LT(stored.size(), steps_text(before).size());
}

TEST(AssistanceExplanation, TheEarlierFormReadsAsItWasWritten) {
  const std::vector<Text> texts = {{"Ienākumi: 1 234,56 € \"x\"\nrinda", "Income: €1,234.56"}, {"", "ē—€ 𝄞"}};
  const std::vector<Step> read = explanation_from_stored(steps_text(texts));
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].key, StepKey::verbatim);
  EXPECT_EQ(read[0].text().lv, texts[0].lv);
  EXPECT_EQ(read[0].text().en, texts[0].en);
  EXPECT_EQ(read[1].text().en, texts[1].en);
  EXPECT_EQ(steps_json(read), steps_json(texts));  // sent exactly as before
}

TEST(AssistanceExplanation, UnreadableOrUnknownStoredStepsDoNotFail) {
  EXPECT_TRUE(explanation_from_stored("").empty());
  EXPECT_TRUE(explanation_from_stored("not json").empty());
  EXPECT_TRUE(explanation_from_stored(R"({"v":99,"steps":[]})").empty());
  const std::vector<Step> unknown = explanation_from_stored(R"({"v":2,"steps":[{"k":"later_key","a":[1]}]})");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].text().en, "later_key");
  // Too few arguments: the placeholders without one are left out.
  EXPECT_EQ(render(Step(StepKey::income_person, {2})).en, "Person 2: counted income over the three months ");
}

TEST(AssistanceExplanation, DecisionsCarryTheRulesStepsAndTheRecalculationStep) {
  Application a;
  a.id = 5;
  a.kind = "gmi";
  a.application_month = "2026-02";
  Outcome o;
  o.eligible = true;
  o.amount = 6600;
  o.period_months = 3;
  o.steps = {Step(StepKey::period, {3, Step(StepKey::period_able_to_work)})};
  const Decided first = decide(a, o, "");
  ASSERT_EQ(first.decision.steps.size(), 1u);
  EXPECT_EQ(first.decision.steps[0].text().lv, "Piešķir uz 3 mēnešiem, jo mājsaimniecībā ir darbspējīga persona.");
  DecisionRecord old = first.decision;
  old.id = 41;
  const Decided next = recalculated(a, old, o, Date{2026, 4, 1}, "Jauns slieksnis");
  ASSERT_EQ(next.decision.steps.size(), 2u);
  EXPECT_EQ(next.decision.steps[1].text().lv,
            "Pārrēķins no 2026-04: aizstāj lēmumu Nr. 41 (66,00 € mēnesī); no 2026-04-01 līdz 2026-05-31 — 66,00 € "
            "mēnesī. Iemesls: Jauns slieksnis");
}

}  // namespace
}  // namespace atb::assistance
