// The mentor API on both engines (docs/api-mentors.md): the register of mentors managed by
// administrators and department heads (422 naming the field, 409 for a stale version and a
// staff user twice); pairing a placed referral of a mentor service with a mentor within her
// max (409 naming override_reason beyond it, kept when overridden; one active pairing per
// referral); goals of the case's plan in force linked to the pairing (a goal of another case
// refused with 422); meetings logged as rows of the delivery log with the note stored only
// sealed; the end of a pairing; access following the referral's case (404 outside it, 403 to a
// reader's change, mentees named only to who may read the case) and the audit entries.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <thread>

#include "app/key_commands.h"
#include "case_test_support.h"
#include "mentor_test_support.h"
#include "core/sealed_text.h"

namespace atb::test {
namespace {

using nlohmann::json;

class MentorsApi : public MentorTest {};

TEST_P(MentorsApi, TheRegisterIsManagedByAdministratorsAndHeads) {
  const json laura = volunteer("  Laura Kalniņa ", 2);
  EXPECT_EQ(laura["name"], "Laura Kalniņa");
  EXPECT_EQ(laura["kind"], "volunteer");
  EXPECT_EQ(laura["free"], 2);
  EXPECT_EQ(laura["version"], 1);
  const Answer staff = post("/api/v1/services/mentors",
                            {{"kind", "staff"},
                             {"user_id", worker_user_.id},
                             {"trained_on", in_days(-100)},
                             {"max_mentees", 3}},
                            head_);
  ASSERT_EQ(staff.status, 201) << staff.body.dump();
  auto full_name = f_.db().read([&](storage::Connection& c) {
    return c.query("SELECT full_name FROM app_user WHERE id = ?", storage::params(worker_user_.id));
  });
  ASSERT_TRUE(full_name && !full_name->empty());
  EXPECT_EQ(staff.body["name"], (*full_name)[0].text(0));
  EXPECT_EQ(staff.body["user_id"], worker_user_.id);

  const std::int64_t before = count("SELECT COUNT(*) FROM mentor");
  const json body = {{"kind", "volunteer"},
                     {"name", "Ēriks Ozols"},
                     {"email", "eriks@example.lv"},
                     {"trained_on", in_days(-1)}};
  EXPECT_EQ(post("/api/v1/services/mentors", body, worker_).status, 403);
  EXPECT_EQ(post("/api/v1/services/mentors", body, supervisor_).status, 403);
  json bad = body;
  bad["phone"] = "zvanīt";
  Answer refused = post("/api/v1/services/mentors", bad, admin_);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(field(refused), "phone");
  bad = body;
  bad["trained_on"] = in_days(1);
  EXPECT_EQ(field(post("/api/v1/services/mentors", bad, admin_)), "trained_on");
  bad = body;
  bad.erase("trained_on");
  EXPECT_EQ(field(post("/api/v1/services/mentors", bad, admin_)), "trained_on");
  refused =
      post("/api/v1/services/mentors",
           {{"kind", "staff"}, {"user_id", worker_user_.id}, {"trained_on", in_days(-1)}}, admin_);
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(field(refused), "user_id");
  refused = post(
      "/api/v1/services/mentors",
      {{"kind", "staff"}, {"user_id", worker_user_.id}, {"name", "X"}, {"trained_on", in_days(-1)}},
      admin_);
  EXPECT_EQ(field(refused), "name");
  // A Latvian answer names the field in Latvian words.
  As admin_lv = admin_;
  admin_lv.language = "lv";
  bad = body;
  bad["email"] = "eriks";
  refused = post("/api/v1/services/mentors", bad, admin_lv);
  EXPECT_EQ(field(refused), "email");
  EXPECT_NE(refused.body.dump().find("E-pasta adrese nav derīga"), std::string::npos)
      << refused.body.dump();
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor"), before);

  // Paginated by name; the catalogue's readers see it, benefit officers do not.
  const Answer page = get("/api/v1/services/mentors?page=1&page_size=1", worker_);
  ASSERT_EQ(page.status, 200) << page.body.dump();
  EXPECT_EQ(page.body["total"], 2);
  ASSERT_EQ(page.body["items"].size(), 1u);
  EXPECT_EQ(get("/api/v1/services/mentors?page=2&page_size=1", worker_).body["items"].size(), 1u);
  EXPECT_EQ(get("/api/v1/services/mentors?active=maybe", worker_).status, 422);
  EXPECT_EQ(get("/api/v1/services/mentors", benefits_).status, 403);
  EXPECT_EQ(get("/api/v1/services/mentors/" + id(laura), worker_).body["mentees"].size(), 0u);
  EXPECT_EQ(get("/api/v1/services/mentors/999999", worker_).status, 404);

  const std::string at = "/api/v1/services/mentors/" + id(laura);
  const Answer changed =
      patch(at, {{"version", 1}, {"max_mentees", 4}, {"email", "laura@example.lv"}}, head_);
  ASSERT_EQ(changed.status, 200) << changed.body.dump();
  EXPECT_EQ(changed.body["max_mentees"], 4);
  EXPECT_EQ(changed.body["email"], "laura@example.lv");
  EXPECT_EQ(changed.body["version"], 2);
  EXPECT_EQ(patch(at, {{"version", 1}, {"max_mentees", 5}}, head_).status, 409);
  EXPECT_EQ(patch(at, {{"version", 2}, {"max_mentees", 5}}, worker_).status, 403);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mentor' AND action = 'create'"),
      2);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mentor' AND action = 'update'"),
      1);
  EXPECT_GE(
      count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mentor' AND action = 'list'"), 2);
}

TEST_P(MentorsApi, TheRegisterIsInLatvianNameOrder) {
  for (const char* name :
       {"Fricis Ābols", "Ēriks Ozols", "Edgars Zariņš", "Čaklā Anna", "Cecīlija Kalna"}) {
    volunteer(name, 1);
  }
  const Answer list = get("/api/v1/services/mentors?page_size=3", worker_);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body["total"], 5);
  std::vector<std::string> names;
  for (const json& m : list.body["items"]) names.push_back(m["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"Cecīlija Kalna", "Čaklā Anna", "Edgars Zariņš"}));
  const Answer rest = get("/api/v1/services/mentors?page=2&page_size=3", worker_);
  ASSERT_EQ(rest.body["items"].size(), 2u);
  EXPECT_EQ(rest.body["items"][0]["name"], "Ēriks Ozols");
  EXPECT_EQ(rest.body["items"][1]["name"], "Fricis Ābols");
  EXPECT_EQ(get("/api/v1/services/mentors?page=3&page_size=3", worker_).body["items"].size(), 0u);
}

TEST_P(MentorsApi, APairingStaysWithinTheMentorsLimitUnlessOverridden) {
  const json service = make_service("Mentors jauniešiem", "mentor", "hour");
  const json k = open_case();
  const json anna = referral(k, anna_, service);
  const json janis = referral(k, janis_, service);
  const json laura = volunteer("Laura Kalniņa", 1);

  const Answer first = pair(anna, laura);
  ASSERT_EQ(first.status, 201) << first.body.dump();
  EXPECT_EQ(first.body["mentor"]["name"], "Laura Kalniņa");
  EXPECT_EQ(first.body["from_on"], in_days(0));
  EXPECT_EQ(first.body["active"], true);
  EXPECT_EQ(first.body["override_reason"], nullptr);

  const std::int64_t pairings = count("SELECT COUNT(*) FROM mentor_pairing");
  const Answer full = pair(janis, laura);
  EXPECT_EQ(full.status, 409);
  EXPECT_EQ(field(full), "override_reason");
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor_pairing"), pairings);
  const Answer overridden =
      pair(janis, laura, {{"override_reason", "Brāļi kopā pie viena mentora"}});
  ASSERT_EQ(overridden.status, 201) << overridden.body.dump();
  EXPECT_EQ(overridden.body["override_reason"], "Brāļi kopā pie viena mentora");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mentor_pairing' AND action "
                  "= 'create'"
                  " AND reason LIKE '%override: Brāļi%'"),
            1);
  EXPECT_EQ(get("/api/v1/services/mentors/" + id(laura), worker_).body["active_pairings"], 2);

  // One active pairing per referral; a mentor who is not in the register or not active is refused.
  const json ilze = volunteer("Ilze Ozola", 3);
  const Answer twice = pair(anna, ilze);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(field(pair(anna, json{{"id", 999999}})), "mentor_id");
  EXPECT_EQ(field(pair(janis, laura, {{"from_on", in_days(-1)}})), "from_on");  // before the start
  // A mentor with pairings stays active; a referral that is only waiting gets no mentor.
  const Answer retire = patch("/api/v1/services/mentors/" + id(laura),
                              {{"version", laura["version"]}, {"active", false}}, admin_);
  EXPECT_EQ(retire.status, 409);
  EXPECT_EQ(field(retire), "active");
  const json waiting = referral(k, anna_, service, false);
  EXPECT_EQ(pair(waiting, ilze).status, 409);
  // A referral of another kind of service has no mentor.
  const json psychologist = make_service("Psihologs", "psychologist", "session");
  EXPECT_EQ(get(mentor_path(referral(k, janis_, psychologist)), worker_).status, 404);

  // Ending: stale version 409, before the start 422, then a new pairing from the end day.
  const std::string end = mentor_path(anna) + "/" + id(first.body) + "/end";
  EXPECT_EQ(
      post(end, {{"version", 99}, {"until_on", in_days(0)}, {"reason", "Beidzās"}}, worker_).status,
      409);
  EXPECT_EQ(
      field(post(end, {{"version", 1}, {"until_on", in_days(-1)}, {"reason", "Beidzās"}}, worker_)),
      "until_on");
  EXPECT_EQ(field(post(end, {{"version", 1}, {"until_on", in_days(0)}}, worker_)), "reason");
  const Answer ended = post(
      end, {{"version", 1}, {"until_on", in_days(0)}, {"reason", "Jaunietis pārcēlās"}}, worker_);
  ASSERT_EQ(ended.status, 200) << ended.body.dump();
  EXPECT_EQ(ended.body["active"], false);
  EXPECT_EQ(ended.body["end_reason"], "Jaunietis pārcēlās");
  EXPECT_EQ(
      post(end, {{"version", 2}, {"until_on", in_days(0)}, {"reason", "Vēlreiz"}}, worker_).status,
      409);
  const Answer next = pair(anna, ilze);
  ASSERT_EQ(next.status, 201) << next.body.dump();
  const Answer shown = get(mentor_path(anna), worker_);
  ASSERT_EQ(shown.status, 200);
  ASSERT_EQ(shown.body["pairings"].size(), 2u);
  EXPECT_EQ(shown.body["pairings"][0]["mentor"]["name"], "Ilze Ozola");  // newest first

  // The pairing ends with its referral, and the mentor's place is free again.
  const json placed_anna = get("/api/v1/referrals/" + id(anna), worker_).body;
  const Answer referral_end = post("/api/v1/referrals/" + id(anna) + "/end",
                                   {{"version", placed_anna["version"]},
                                    {"end_on", in_days(0)},
                                    {"reason", "Pakalpojums beidzās"}},
                                   worker_);
  ASSERT_EQ(referral_end.status, 200) << referral_end.body.dump();
  const Answer after_end = get(mentor_path(anna), worker_);
  EXPECT_EQ(after_end.body["pairings"][0]["active"], false);
  EXPECT_EQ(after_end.body["pairings"][0]["until_on"], in_days(0));
  EXPECT_EQ(after_end.body["pairings"][0]["end_reason"], "Pakalpojums beidzās");
  EXPECT_EQ(get("/api/v1/services/mentors/" + id(ilze), worker_).body["active_pairings"], 0);
}

TEST_P(MentorsApi, RacingPairingsGiveTheLastPlaceToOne) {
  const json service = make_service("Mentors jauniešiem", "mentor", "hour");
  const json k = open_case();
  const std::vector<json> young = {referral(k, anna_, service), referral(k, janis_, service)};
  const json laura = volunteer("Laura Kalniņa", 1);
  std::vector<int> statuses(young.size());
  std::vector<std::thread> threads;
  for (std::size_t n = 0; n < young.size(); ++n) {
    threads.emplace_back([&, n] { statuses[n] = pair(young[n], laura).status; });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor_pairing WHERE until_on IS NULL"), 1);
}

TEST_P(MentorsApi, GoalsComeOnlyFromTheCasesPlanInForce) {
  const json service = make_service("Mentors jauniešiem", "mentor", "hour");
  const json k = open_case();
  const json anna = referral(k, anna_, service);
  const json paired = pair(anna, volunteer("Laura Kalniņa", 2)).body;
  const std::string goals = mentor_path(anna) + "/" + id(paired) + "/goals";

  // No plan in force yet: nothing to link.
  EXPECT_EQ(get(mentor_path(anna), worker_).body["plan_goals"].size(), 0u);
  const json plan = approve_plan(k);
  const std::int64_t goal = plan["goals"][0]["id"];
  const Answer offered = get(mentor_path(anna), worker_);
  ASSERT_EQ(offered.body["plan_goals"].size(), 1u);
  EXPECT_EQ(offered.body["plan_goals"][0]["text"], "Bērni apmeklē skolu katru dienu");

  const Answer linked = post(goals, {{"goal_id", goal}}, worker_);
  ASSERT_EQ(linked.status, 201) << linked.body.dump();
  ASSERT_EQ(linked.body["goals"].size(), 1u);
  EXPECT_EQ(linked.body["goals"][0]["id"], goal);
  const Answer again = post(goals, {{"goal_id", goal}}, worker_);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(field(again), "goal_id");

  // A goal of another case's plan (of the same worker, even) is refused, and nothing shows of it.
  const std::int64_t other = open_case()["id"];
  ASSERT_NE(other, k["id"].get<std::int64_t>());
  ASSERT_TRUE(f_.db().write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(c.execute(
        "INSERT INTO case_plan (case_id, number, version, status, review_on, created_by,"
        " created_at, updated_at) VALUES (?, 99, 1, 'superseded', '2030-01-01', ?, 'x', 'x')",
        storage::params(other, worker_user_.id)));
    ATB_TRY(
        c.execute("INSERT INTO case_goal (plan_id, position, text) SELECT id, 0, 'Svešs mērķis'"
                  " FROM case_plan WHERE case_id = ? AND number = 99",
                  storage::params(other)));
    return ok();
  }));
  const std::int64_t foreign = id_of("SELECT id FROM case_goal WHERE text = 'Svešs mērķis'");
  const Answer refused = post(goals, {{"goal_id", foreign}}, worker_);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(field(refused), "goal_id");
  EXPECT_EQ(refused.body.dump().find("Svešs"), std::string::npos);
  EXPECT_EQ(field(post(goals, {{"goal_id", 999999}}, worker_)), "goal_id");
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor_pairing_goal"), 1);

  const Answer unlinked = f_.call(http::Method::del, goals + "/" + std::to_string(goal), worker_);
  ASSERT_EQ(unlinked.status, 200) << unlinked.body.dump();
  EXPECT_EQ(unlinked.body["goals"].size(), 0u);
  EXPECT_EQ(f_.call(http::Method::del, goals + "/" + std::to_string(goal), worker_).status, 404);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mentor_pairing' AND action IN"
            " ('link_goal', 'unlink_goal')"),
      2);
}

TEST_P(MentorsApi, MeetingsAreDeliveriesWithSealedNotes) {
  const json service = make_service("Mentors jauniešiem", "mentor", "hour");
  const json k = open_case();
  const json anna = referral(k, anna_, service);
  const json paired = pair(anna, volunteer("Laura Kalniņa", 2)).body;
  const std::string meetings = mentor_path(anna) + "/" + id(paired) + "/meetings";
  const json body = {
      {"met_on", in_days(0)},  {"minutes", 90},
      {"format", "in_person"}, {"place", "Jauniešu centrs"},
      {"attended", true},      {"note", "Runājām par skolu; Anna grib mācīties par pavāru."}};

  const Answer met = post(meetings, body, worker_);
  ASSERT_EQ(met.status, 201) << met.body.dump();
  EXPECT_EQ(met.body["note"], body["note"]);
  EXPECT_EQ(met.body["minutes"], 90);
  ASSERT_TRUE(met.body["delivery_id"].is_number_integer());
  // The note is only sealed at rest, and not in the delivery log, which counts 2 hours.
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor_meeting WHERE note_sealed LIKE 'k%' AND note_sealed "
                  "NOT LIKE '%skolu%'"),
            1);
  EXPECT_EQ(count("SELECT quantity FROM referral_delivery WHERE id = " +
                  std::to_string(met.body["delivery_id"].get<std::int64_t>())),
            2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral_delivery WHERE note IS NOT NULL"), 0);
  const Answer referral_page = get("/api/v1/referrals/" + id(anna), worker_);
  ASSERT_EQ(referral_page.body["deliveries"].size(), 1u);
  EXPECT_EQ(referral_page.body["deliveries"][0]["attended"], true);

  const std::int64_t before = count("SELECT COUNT(*) FROM mentor_meeting");
  const std::int64_t deliveries = count("SELECT COUNT(*) FROM referral_delivery");
  for (const auto& [member, value] : {std::pair<std::string, json>{"met_on", in_days(1)},
                                      {"met_on", in_days(-1)},
                                      {"minutes", 0},
                                      {"minutes", 601},
                                      {"format", "letter"},
                                      {"attended", "jā"}}) {
    json wrong = body;
    wrong[member] = value;
    const Answer a = post(meetings, wrong, worker_);
    EXPECT_EQ(a.status, 422) << member << " " << value.dump();
    EXPECT_EQ(field(a), member) << a.body.dump();
  }
  json missed = body;
  missed["attended"] = false;
  missed["minutes"] = 0;
  missed.erase("note");
  const Answer absent = post(meetings, missed, worker_);
  ASSERT_EQ(absent.status, 201) << absent.body.dump();
  EXPECT_EQ(absent.body["note"], nullptr);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor_meeting"), before + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral_delivery"), deliveries + 1);
  const Answer shown = get(mentor_path(anna), worker_);
  ASSERT_EQ(shown.body["pairings"][0]["meetings"].size(), 2u);
  EXPECT_EQ(shown.body["pairings"][0]["meetings"][1]["note"], body["note"]);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mentor_pairing' AND action "
                  "= 'meeting'"),
            2);
  EXPECT_EQ(
      count(
          "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'referral' AND action = 'delivery'"),
      2);

  // An ended pairing takes no more meetings.
  ASSERT_EQ(post(mentor_path(anna) + "/" + id(paired) + "/end",
                 {{"version", 1}, {"until_on", in_days(0)}, {"reason", "Mērķi sasniegti"}}, worker_)
                .status,
            200);
  EXPECT_EQ(post(meetings, body, worker_).status, 409);
}

TEST_P(MentorsApi, MeetingNotesAreResealedByKeyRotation) {
  const json service = make_service("Mentors jauniešiem", "mentor", "session");
  const json k = open_case();
  const json anna = referral(k, anna_, service);
  const json paired = pair(anna, volunteer("Laura Kalniņa", 2)).body;
  const std::string note = "Anna stāstīja par konfliktu ar klasesbiedriem.";
  const Answer met = post(mentor_path(anna) + "/" + id(paired) + "/meetings",
                          {{"met_on", in_days(0)},
                           {"minutes", 45},
                           {"format", "phone"},
                           {"attended", true},
                           {"note", note}},
                          worker_);
  ASSERT_EQ(met.status, 201) << met.body.dump();
  // A session service counts one per meeting.
  EXPECT_EQ(count("SELECT quantity FROM referral_delivery WHERE id = " +
                  std::to_string(met.body["delivery_id"].get<std::int64_t>())),
            1);

  const std::string key_file =
      f_.app().config().key_file + ".mentors-" + std::to_string(::getpid());
  std::filesystem::copy_file(f_.app().config().key_file, key_file,
                             std::filesystem::copy_options::overwrite_existing);
  std::ostringstream out, err;
  EXPECT_EQ(app::key_rotate_command(f_.db(), key_file, out, err), 0) << err.str();
  auto sealed = f_.db().read([&](storage::Connection& c) {
    return c.query("SELECT note_sealed FROM mentor_meeting WHERE id = ?",
                   storage::params(met.body["id"].get<std::int64_t>()));
  });
  ASSERT_TRUE(sealed && !sealed->empty());
  const std::string value = (*sealed)[0].text(0);
  EXPECT_EQ(value.rfind("k2:", 0), 0u) << value;
  auto ring = Keyring::load(key_file);
  ASSERT_TRUE(ring);
  auto opened = ring->open(value);
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, note);
  std::filesystem::remove(key_file);
}

TEST_P(MentorsApi, AccessFollowsTheReferralsCase) {
  const json service = make_service("Mentors jauniešiem", "mentor", "hour");
  const json k = open_case();
  const json anna = referral(k, anna_, service);
  const json laura = volunteer("Laura Kalniņa", 2);
  const json paired = pair(anna, laura).body;
  const std::string meetings = mentor_path(anna) + "/" + id(paired) + "/meetings";
  const json meeting = {
      {"met_on", in_days(0)}, {"minutes", 60}, {"format", "online"}, {"attended", true}};

  // A worker of another team does not see the case: 404 for every mentor route of it.
  EXPECT_EQ(get(mentor_path(anna), adults_).status, 404);
  EXPECT_EQ(pair(anna, laura).status, 409);  // (the team's worker: one is active)
  EXPECT_EQ(post(mentor_path(anna), {{"mentor_id", laura["id"]}, {"from_on", in_days(0)}}, adults_)
                .status,
            404);
  EXPECT_EQ(post(meetings, meeting, adults_).status, 404);
  EXPECT_EQ(get(mentor_path(anna), benefits_).status, 404);
  // The director reads but does not change.
  EXPECT_EQ(get(mentor_path(anna), director_).status, 200);
  EXPECT_EQ(post(meetings, meeting, director_).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor_meeting"), 0);

  // The mentor's page names the mentee only to who may read her case.
  const std::string page = "/api/v1/services/mentors/" + id(laura);
  const Answer seen = get(page, worker_);
  ASSERT_EQ(seen.body["mentees"].size(), 1u);
  EXPECT_EQ(seen.body["mentees"][0]["person"]["name"], "Anna Bērziņa");
  EXPECT_EQ(seen.body["mentees"][0]["redacted"], false);
  const Answer hidden = get(page, adults_);
  ASSERT_EQ(hidden.status, 200);
  ASSERT_EQ(hidden.body["mentees"].size(), 1u);
  EXPECT_EQ(hidden.body["mentees"][0]["redacted"], true);
  EXPECT_FALSE(hidden.body["mentees"][0].contains("person"));
  EXPECT_FALSE(hidden.body["mentees"][0].contains("case_id"));

  // Reads are audited: the referral's mentor page and the pairings it showed.
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'referral' AND action = 'read'"
            " AND entity_id = '" +
            id(anna) + "'"),
      1);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mentor_pairing' AND action "
                  "= 'list'"),
            2);
  EXPECT_GE(
      count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mentor' AND action = 'read'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, MentorsApi, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
