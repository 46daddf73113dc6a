// Assessments of a case through the API on both engines: the instruments, a draft saved and
// completed with the "adult in crisis" instrument and its result worked out by hand, refused
// answers (422 naming the question's path), a completed assessment that no longer changes (409),
// and callers outside the case (404) or only reading it (403).
#include <filesystem>
#include <fstream>

#include "case_test_support.h"

namespace atb::test {
namespace {

using http::Method;
using nlohmann::json;

class AssessmentTest : public CaseTest {
 protected:
  std::string base(const json& k) {
    return "/api/v1/cases/" + std::to_string(k["id"].get<std::int64_t>()) + "/assessments";
  }
  std::string path(const json& k, const json& a, const std::string& tail = "") {
    return base(k) + "/" + std::to_string(a["id"].get<std::int64_t>()) + tail;
  }
  Answer put(const std::string& target, const json& body, const As& who) {
    return f_.call(Method::put, target, who, body.dump());
  }
  /// A new draft of the case with `instrument`.
  json start(const json& k, const std::string& instrument = "adult-in-crisis") {
    const Answer a = post(base(k), {{"instrument", instrument}}, worker_);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body;
  }
  /// Anna's answers to "adult in crisis": nothing scores except
  ///   safety:         violence_at_home 2 ("often"), safe_place 1 (resource)
  ///   mental_health:  crisis_impact 1, distress 2, sleep_appetite 1, coping 1 (resource)
  ///   employment:     unemployed_unregistered (3), work_skills 1 (resource)
  ///   social_network: isolation 2, support_people 2 (resource)
  json full_answers() const {
    json a = {{"crisis_kind", {"job_loss"}},
              {"crisis_duration", "weeks"},
              {"crisis_impact", 1},
              {"suicidal_thoughts", "none"},
              {"violence_at_home", 2},
              {"threat_to_others", false},
              {"safe_place", 1},
              {"distress", 2},
              {"sleep_appetite", 1},
              {"psychiatric_history", false},
              {"coping", 1},
              {"accepts_help", 0},
              {"physical_limits", 0},
              {"treatment_access", 0},
              {"substance_use", 0},
              {"housing_situation", "stable"},
              {"housing_conditions", 0},
              {"basic_needs", 0},
              {"debts", "none"},
              {"documents", false},
              {"budget_skills", 0},
              {"employment_status", "unemployed_unregistered"},
              {"work_skills", 1},
              {"self_care", 0},
              {"affairs", 0},
              {"isolation", 2},
              {"support_people", 2},
              {"notes", "Zaudēja darbu pirms trim nedēļām."}};
    return answers_of(a);
  }
  json answers_of(const json& answers, std::int64_t member = 0) const {
    return {{"household", json::object()},
            {"members",
             {{{"member", std::to_string(member ? member : anna_)},
               {"role", "person"},
               {"answers", answers}}}}};
  }
  /// The field names of a problem answer.
  static std::vector<std::string> fields(const Answer& a) {
    std::vector<std::string> out;
    for (const json& e : a.body.value("errors", json::array())) out.push_back(e.value("field", ""));
    return out;
  }
  static bool names(const Answer& a, const std::string& field) {
    const auto f = fields(a);
    return std::find(f.begin(), f.end(), field) != f.end();
  }
  /// The one element of `list` whose `key` is `value`.
  static json find(const json& list, const std::string& key, const json& value) {
    for (const json& item : list) {
      if (item.value(key, json()) == value) return item;
    }
    ADD_FAILURE() << key << " = " << value.dump() << " not in " << list.dump();
    return json::object();
  }
};

TEST_P(AssessmentTest, ListsTheInstrumentsWithTheirVersions) {
  const Answer list = get("/api/v1/instruments", worker_);
  ASSERT_EQ(list.status, 200) << list.body.dump();
  ASSERT_EQ(list.body["total"], 3);
  const json crisis = find(list.body["items"], "id", "adult-in-crisis");
  EXPECT_EQ(crisis["version"], 1);
  EXPECT_FALSE(crisis["title"]["lv"].get<std::string>().empty());
  EXPECT_FALSE(crisis["title"]["en"].get<std::string>().empty());
  const json safety = find(crisis["sections"], "id", "safety");
  const json violence = find(safety["questions"], "id", "violence_at_home");
  EXPECT_EQ(violence["type"], "scale");
  EXPECT_EQ(violence["points"][2]["label"]["en"], "Often");
  EXPECT_EQ(find(safety["questions"], "id", "threat_to_others")["points"]["yes"], 3);
  const Answer one = get("/api/v1/instruments/family-children/1", worker_);
  ASSERT_EQ(one.status, 200);
  EXPECT_TRUE(one.body["per_member"].get<bool>());
  EXPECT_EQ(get("/api/v1/instruments/family-children/9", worker_).status, 404);
  EXPECT_EQ(get("/api/v1/instruments/family-children/x", worker_).status, 404);
  EXPECT_EQ(get("/api/v1/instruments/nothing/1", worker_).status, 404);
  EXPECT_EQ(get("/api/v1/instruments", benefits_).status, 403);
  EXPECT_EQ(get("/api/v1/instruments", As{}).status, 401);
}

TEST_P(AssessmentTest, DraftThenCompleteThenResultWorkedOutByHand) {
  const json k = open_case();
  json a = start(k);
  EXPECT_EQ(a["status"], "draft");
  EXPECT_EQ(a["instrument"], json({{"id", "adult-in-crisis"}, {"version", 1}}));
  EXPECT_EQ(a["answers"]["members"], json::array());
  EXPECT_TRUE(a["overall_level"].is_null());

  // A draft may be incomplete; completing it names every unanswered required question.
  const Answer draft =
      put(path(k, a),
          {{"version", a["version"]}, {"answers", answers_of({{"violence_at_home", 2}})}}, worker_);
  ASSERT_EQ(draft.status, 200) << draft.body.dump();
  EXPECT_EQ(draft.body["answers"]["members"][0]["answers"]["violence_at_home"], 2);
  EXPECT_EQ(draft.body["version"], a["version"].get<int>() + 1);
  const Answer early = post(path(k, a, "/complete"), {{"version", draft.body["version"]}}, worker_);
  EXPECT_EQ(early.status, 422) << early.body.dump();
  EXPECT_TRUE(names(early, "answers.members.0.answers.crisis_kind")) << early.body.dump();
  EXPECT_FALSE(names(early, "answers.members.0.answers.notes"));  // optional
  EXPECT_EQ(get(path(k, a, "/result"), worker_).status, 409);

  const Answer full =
      put(path(k, a), {{"version", draft.body["version"]}, {"answers", full_answers()}}, worker_);
  ASSERT_EQ(full.status, 200) << full.body.dump();
  const Answer done = post(path(k, a, "/complete"), {{"version", full.body["version"]}}, worker_);
  ASSERT_EQ(done.status, 200) << done.body.dump();
  EXPECT_EQ(done.body["status"], "completed");
  EXPECT_EQ(done.body["completed_by"]["id"], worker_user_.id);
  // Safety is high by the override "frequent violence" (violence_at_home ≥ 2), above its
  // threshold level (difficulty 2 ≥ 1: medium); no domain count (one domain high) and the total
  // net 11 − 5 = 6 is under the subject cut-off 8: the overall level is high.
  EXPECT_EQ(done.body["overall_level"], "high");

  const Answer result = get(path(k, a, "/result"), colleague_);
  ASSERT_EQ(result.status, 200) << result.body.dump();
  EXPECT_EQ(result.body["overall"], "high");
  EXPECT_EQ(result.body["assessment"]["instrument"]["version"], 1);
  ASSERT_EQ(result.body["subjects"].size(), 1u);
  const json& anna = result.body["subjects"][0];
  EXPECT_EQ(anna["member"], std::to_string(anna_));
  EXPECT_EQ(anna["level"], "high");
  EXPECT_EQ(anna["difficulty"], 11);
  EXPECT_EQ(anna["resource"], 5);
  const json safety = find(anna["domains"], "domain", "safety");
  EXPECT_EQ(safety["difficulty"], 2);
  EXPECT_EQ(safety["resource"], 1);
  EXPECT_EQ(safety["measured"], 2);  // difficulty only: strengths do not make danger smaller
  EXPECT_EQ(safety["level"], "high");
  const json mental = find(anna["domains"], "domain", "mental_health");
  EXPECT_EQ(mental["difficulty"], 4);
  EXPECT_EQ(mental["measured"], 3);  // net 4 − 1 ≥ 3
  EXPECT_EQ(mental["level"], "medium");
  EXPECT_EQ(find(anna["domains"], "domain", "employment")["level"], "medium");  // net 3 − 1 ≥ 2
  EXPECT_EQ(find(anna["domains"], "domain", "social_network")["level"], "low");  // net 2 − 2 = 0
  EXPECT_EQ(find(anna["domains"], "domain", "housing")["level"], "low");
  // The rules that fired: three domain thresholds and the override, each with its reason.
  const json& fired = result.body["fired"];
  ASSERT_EQ(fired.size(), 4u) << fired.dump();
  const json override_rule = find(fired, "kind", "override");
  EXPECT_EQ(override_rule["rule"], "frequent_violence");
  EXPECT_EQ(override_rule["level"], "high");
  EXPECT_EQ(override_rule["questions"], json({"violence_at_home"}));
  EXPECT_NE(override_rule["reason"]["en"].get<std::string>().find("violence"), std::string::npos);
  const json mental_rule = find(fired, "domain", "mental_health");
  EXPECT_EQ(mental_rule["kind"], "domain_threshold");
  EXPECT_EQ(mental_rule["score"], 3);
  EXPECT_EQ(mental_rule["threshold"], 3);
  // Strengths beside difficulties.
  ASSERT_EQ(result.body["summary"].size(), 1u);
  const json side = find(result.body["summary"][0]["domains"], "domain", "safety");
  ASSERT_EQ(side["difficulties"].size(), 1u);
  EXPECT_EQ(side["difficulties"][0]["question"], "violence_at_home");
  EXPECT_EQ(side["difficulties"][0]["answer"]["lv"], "Bieži");
  ASSERT_EQ(side["strengths"].size(), 1u);
  EXPECT_EQ(side["strengths"][0]["question"], "safe_place");
  const json social = find(result.body["summary"][0]["domains"], "domain", "social_network");
  EXPECT_EQ(social["strengths"][0]["question"], "support_people");
  EXPECT_EQ(social["strengths"][0]["points"], 2);

  // Completed means fixed.
  EXPECT_EQ(post(path(k, a, "/complete"), {{"version", done.body["version"]}}, worker_).status,
            409);
  const Answer change =
      put(path(k, a), {{"version", done.body["version"]}, {"answers", full_answers()}}, worker_);
  EXPECT_EQ(change.status, 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_assessment WHERE status = 'completed' AND "
                  "overall_level = 'high'"),
            1);

  // The list keeps each assessment's instrument version; reads are audited.
  const json second = start(k, "family-children");
  const Answer list = get(base(k), director_);
  ASSERT_EQ(list.status, 200) << list.body.dump();
  ASSERT_EQ(list.body["total"], 2);
  EXPECT_EQ(list.body["items"][0]["id"], second["id"]);
  EXPECT_EQ(list.body["items"][1]["instrument"], json({{"id", "adult-in-crisis"}, {"version", 1}}));
  EXPECT_EQ(list.body["items"][1]["overall_level"], "high");
  EXPECT_FALSE(list.body["items"][1].contains("answers"));
  const std::string aid = std::to_string(a["id"].get<std::int64_t>());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity_type = "
                  "'assessment' AND entity_id = '" +
                  aid + "'"),
            1);  // the result read by the colleague
  EXPECT_EQ(get(path(k, a), director_).status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity_type = "
                  "'assessment' AND entity_id = '" +
                  aid + "'"),
            2);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log WHERE action = 'list' AND entity_type = 'assessment'"),
      1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action IN ('create', 'update', 'complete')"
                  " AND entity_type = 'assessment'"),
            5);
}

TEST_P(AssessmentTest, RefusesBadAnswersNamingTheQuestion) {
  const json k = open_case();
  const json a = start(k);
  const auto save = [&](const json& answers) {
    return put(path(k, a), {{"version", a["version"]}, {"answers", answers}}, worker_);
  };
  const Answer off_scale = save(answers_of({{"violence_at_home", 7}}));
  EXPECT_EQ(off_scale.status, 422);
  EXPECT_EQ(fields(off_scale),
            std::vector<std::string>{"answers.members.0.answers.violence_at_home"})
      << off_scale.body.dump();
  EXPECT_TRUE(names(save(answers_of({{"no_such_question", 1}})),
                    "answers.members.0.answers.no_such_question"));
  EXPECT_TRUE(names(save(answers_of({{"suicidal_thoughts", "maybe"}})),
                    "answers.members.0.answers.suicidal_thoughts"));
  EXPECT_TRUE(names(save(answers_of({{"threat_to_others", 1}})),
                    "answers.members.0.answers.threat_to_others"));
  EXPECT_TRUE(names(save(answers_of({{"notes", {{"x", 1}}}})), "answers.members.0.answers.notes"));
  const std::int64_t stranger = id_of("SELECT id FROM person WHERE given_names = 'Līga'");
  const Answer outsider = save(answers_of({{"distress", 1}}, stranger));
  EXPECT_EQ(outsider.status, 422);
  EXPECT_EQ(fields(outsider), std::vector<std::string>{"answers.members.0.member"})
      << outsider.body.dump();
  json two = answers_of(json::object());
  two["members"].push_back(
      {{"member", std::to_string(janis_)}, {"role", "person"}, {"answers", json::object()}});
  EXPECT_TRUE(names(save(two), "answers.members"));  // one person only
  EXPECT_TRUE(names(save({{"members", "Anna"}}), "answers.members"));
  EXPECT_TRUE(names(put(path(k, a), {{"version", a["version"]}}, worker_), "answers"));
  EXPECT_EQ(post(base(k), {{"instrument", "nothing"}}, worker_).body["errors"][0]["field"],
            "instrument");
  // A stale version is a conflict; nothing was written by any of the above.
  EXPECT_EQ(put(path(k, a), {{"version", 99}, {"answers", answers_of({{"distress", 1}})}}, worker_)
                .status,
            409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_assessment WHERE version = 1"), 1);
}

TEST_P(AssessmentTest, OnlyThoseWhoMayReadOrChangeTheCase) {
  const json k = open_case();
  const json a = start(k);
  const json body = {{"version", a["version"]}, {"answers", answers_of({{"distress", 1}})}};
  // Another team does not see the case at all.
  EXPECT_EQ(get(base(k), adults_).status, 404);
  EXPECT_EQ(get(path(k, a), adults_).status, 404);
  EXPECT_EQ(get(path(k, a, "/result"), adults_).status, 404);
  EXPECT_EQ(post(base(k), {{"instrument", "adult-in-crisis"}}, adults_).status, 404);
  EXPECT_EQ(put(path(k, a), body, adults_).status, 404);
  EXPECT_EQ(post(path(k, a, "/complete"), {{"version", a["version"]}}, adults_).status, 404);
  EXPECT_EQ(get(base(k), benefits_).status, 404);
  // A colleague of the team and the director read, but do not change.
  EXPECT_EQ(get(path(k, a), colleague_).status, 200);
  EXPECT_EQ(put(path(k, a), body, colleague_).status, 403);
  EXPECT_EQ(post(base(k), {{"instrument", "adult-in-crisis"}}, director_).status, 403);
  EXPECT_EQ(post(path(k, a, "/complete"), {{"version", a["version"]}}, director_).status, 403);
  // The team's supervisor changes it; an assessment of another case is not found through this one.
  EXPECT_EQ(put(path(k, a), body, supervisor_).status, 200);
  const json other = open_case();
  EXPECT_EQ(get(base(other) + "/" + std::to_string(a["id"].get<std::int64_t>()), worker_).status,
            404);
  EXPECT_EQ(get(base(k) + "/abc", worker_).status, 404);
}

// The instruments are read before anything else opens: a bad file stops the start, naming the
// file and the place in it.
TEST(AssessmentStart, ABadInstrumentFileStopsTheStart) {
  const std::string dir = temp_dir();
  std::filesystem::copy(std::string(ATBALSTS_SOURCE_DIR) + "/config/instruments", dir);
  std::ofstream(dir + "/broken.v1.json")
      << R"({"id": "broken", "version": 1, "title": {"lv": "Salauzts"}})";
  Config config = test_config("sqlite:" + temp_dir() + "/never.db");
  config.instruments_dir = dir;
  const auto app = app::Application::open(config);
  ASSERT_FALSE(app);
  EXPECT_NE(app.error().message.en.find("broken.v1.json"), std::string::npos)
      << app.error().message.en;
  std::vector<std::string> fields;
  for (const FieldError& f : app.error().fields) fields.push_back(f.field);
  EXPECT_NE(std::find(fields.begin(), fields.end(), "title.en"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "sections"), fields.end());
  EXPECT_FALSE(std::filesystem::exists(config.database.substr(7))) << "the database was opened";
  config.instruments_dir = dir + "/missing";
  const auto missing = app::Application::open(config);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.en.find("missing"), std::string::npos)
      << missing.error().message.en;
}

INSTANTIATE_TEST_SUITE_P(Engines, AssessmentTest, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
