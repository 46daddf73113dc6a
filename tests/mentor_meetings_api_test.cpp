// Correcting and removing mentor meetings on both engines (docs/api-mentors.md): a logged
// meeting corrected with its version under the rules of logging it (422 naming the member, 409
// when stale), its delivery-log row following (date, quantity, attendance), who corrected it
// and when kept, the note re-sealed; a meeting logged by mistake removed with its delivery-log
// row and its version (`?version=N`: 422 naming version without it, 409 when stale); only by
// whoever may log meetings on the pairing (404 outside the case, 403 to a reader),
// never on an ended pairing (409); malformed ids, unknown members, wrong types and oversize
// strings refused with nothing changed; every change audited on the pairing and the referral.
#include <gtest/gtest.h>

#include "mentor_test_support.h"

namespace atb::test {
namespace {

using nlohmann::json;

class MentorMeetingsApi : public MentorTest {
 protected:
  // A placed referral of Anna to an hourly mentor service, paired with Laura, with one meeting
  // of 90 minutes today with a note.
  void SetUp() override {
    MentorTest::SetUp();
    const json service = make_service("Mentors jauniešiem", "mentor", "hour");
    anna_ref_ = referral(open_case(), anna_, service);
    pairing_ = pair(anna_ref_, volunteer("Laura Kalniņa", 2)).body;
    // Placed and paired ten days ago (a placement cannot be entered into the past), so a
    // meeting's date can be corrected into the past.
    ASSERT_TRUE(f_.db().write([&](storage::Connection& c) -> Result<void> {
      ATB_TRY(c.execute("UPDATE referral SET start_on = ? WHERE id = ?",
                        storage::params(in_days(-10), anna_ref_["id"].get<std::int64_t>())));
      ATB_TRY(c.execute("UPDATE mentor_pairing SET from_on = ? WHERE id = ?",
                        storage::params(in_days(-10), pairing_["id"].get<std::int64_t>())));
      return ok();
    }));
    meetings_ = mentor_path(anna_ref_) + "/" + id(pairing_) + "/meetings";
    const Answer met = post(meetings_,
                            {{"met_on", in_days(0)},
                             {"minutes", 90},
                             {"format", "in_person"},
                             {"place", "Jauniešu centrs"},
                             {"attended", true},
                             {"note", "Runājām par skolu."}},
                            worker_);
    ASSERT_EQ(met.status, 201) << met.body.dump();
    meeting_ = met.body;
    at_ = meetings_ + "/" + id(meeting_);
  }
  Answer del(const std::string& target, const As& who) {
    return f_.call(http::Method::del, target, who);
  }
  std::int64_t delivery() const { return meeting_["delivery_id"].get<std::int64_t>(); }
  std::string delivery_sql(const std::string& column) const {
    return "SELECT " + column + " FROM referral_delivery WHERE id = " + std::to_string(delivery());
  }

  json anna_ref_, pairing_, meeting_;
  std::string meetings_, at_;
};

TEST_P(MentorMeetingsApi, AMeetingIsCorrectedAndItsDeliveryFollows) {
  EXPECT_EQ(meeting_["version"], 1);
  EXPECT_EQ(meeting_["corrected_by"], nullptr);
  EXPECT_EQ(count(delivery_sql("quantity")), 2);

  const Answer fixed = patch(at_,
                             {{"version", 1},
                              {"met_on", in_days(-1)},
                              {"minutes", 30},
                              {"format", "online"},
                              {"note", "Runājām par skolu un darbu."}},
                             supervisor_);
  ASSERT_EQ(fixed.status, 200) << fixed.body.dump();
  EXPECT_EQ(fixed.body["met_on"], in_days(-1));
  EXPECT_EQ(fixed.body["minutes"], 30);
  EXPECT_EQ(fixed.body["format"], "online");
  EXPECT_EQ(fixed.body["place"], "Jauniešu centrs");  // absent: unchanged
  EXPECT_EQ(fixed.body["attended"], true);
  EXPECT_EQ(fixed.body["note"], "Runājām par skolu un darbu.");
  EXPECT_EQ(fixed.body["version"], 2);
  EXPECT_EQ(fixed.body["recorded_by"]["id"], meeting_["recorded_by"]["id"]);
  ASSERT_TRUE(fixed.body["corrected_by"].is_object()) << fixed.body.dump();
  EXPECT_NE(fixed.body["corrected_by"]["id"], meeting_["recorded_by"]["id"]);
  EXPECT_TRUE(fixed.body["corrected_at"].is_string());
  // The delivery log follows: the date, and half an hour counts one hour.
  EXPECT_EQ(count(delivery_sql("quantity")), 1);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM referral_delivery WHERE delivered_on = '" + in_days(-1) + "'"),
      1);
  // The note stays sealed at rest.
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor_meeting WHERE note_sealed LIKE '%darbu%'"), 0);

  // The young person did not come after all: nothing is delivered; null clears place and note.
  const Answer missed = patch(
      at_,
      {{"version", 2}, {"attended", false}, {"minutes", 0}, {"place", nullptr}, {"note", nullptr}},
      worker_);
  ASSERT_EQ(missed.status, 200) << missed.body.dump();
  EXPECT_EQ(missed.body["place"], nullptr);
  EXPECT_EQ(missed.body["note"], nullptr);
  EXPECT_EQ(missed.body["met_on"], in_days(-1));
  EXPECT_EQ(count(delivery_sql("quantity")), 0);
  EXPECT_EQ(count(delivery_sql("attended")), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor_meeting WHERE note_sealed IS NULL"), 1);

  const Answer shown = get(mentor_path(anna_ref_), worker_);
  ASSERT_EQ(shown.body["pairings"][0]["meetings"].size(), 1u);
  EXPECT_EQ(shown.body["pairings"][0]["meetings"][0]["version"], 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mentor_pairing' AND action"
                  " = 'correct_meeting' AND reason LIKE '%attended%'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'referral' AND action ="
                  " 'correct_delivery'"),
            2);
  // The audit log names the members, never the note's words.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE reason LIKE '%skolu%'"), 0);
}

TEST_P(MentorMeetingsApi, BadCorrectionsChangeNothing) {
  const std::int64_t audits = count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'correct%'");
  for (const auto& [member, value] : {std::pair<std::string, json>{"met_on", in_days(1)},
                                      {"met_on", in_days(-1) + "x"},
                                      {"met_on", 20260101},
                                      {"minutes", 601},
                                      {"minutes", -1},
                                      {"minutes", "60"},
                                      {"minutes", 0},
                                      {"format", "letter"},
                                      {"attended", "jā"},
                                      {"place", std::string(201, 'x')},
                                      {"note", std::string(2001, 'x')},
                                      {"colour", "zils"}}) {
    const Answer a = patch(at_, {{"version", 1}, {member, value}}, worker_);
    EXPECT_EQ(a.status, 422) << member << " " << value.dump();
    EXPECT_EQ(field(a), member) << a.body.dump();
  }
  // Before the pairing began (ten days ago).
  const Answer early = patch(at_, {{"version", 1}, {"met_on", in_days(-11)}}, worker_);
  EXPECT_EQ(early.status, 422);
  EXPECT_EQ(field(early), "met_on");
  EXPECT_EQ(field(patch(at_, {{"minutes", 60}}, worker_)), "version");
  EXPECT_EQ(field(patch(at_, {{"version", "1"}}, worker_)), "version");
  // One accepted correction of the date makes version 1 stale.
  ASSERT_EQ(patch(at_, {{"version", 1}, {"met_on", in_days(-1)}}, worker_).status, 200);
  EXPECT_EQ(patch(at_, {{"version", 1}, {"minutes", 60}}, worker_).status, 409);
  EXPECT_EQ(f_.call(http::Method::patch, at_, worker_, "{\"version\":").status, 400);
  EXPECT_EQ(f_.call(http::Method::patch, at_, worker_, "[1]").status, 400);
  EXPECT_EQ(patch(meetings_ + "/abc", {{"version", 1}}, worker_).status, 404);
  EXPECT_EQ(patch(meetings_ + "/999999", {{"version", 1}}, worker_).status, 404);
  EXPECT_EQ(
      patch(mentor_path(anna_ref_) + "/999999/meetings/" + id(meeting_), {{"version", 1}}, worker_)
          .status,
      404);
  EXPECT_EQ(del(meetings_ + "/x?version=1", worker_).status, 404);
  EXPECT_EQ(
      del(mentor_path(anna_ref_) + "/abc/meetings/" + id(meeting_) + "?version=1", worker_).status,
      404);
  // A removal with the version the correction made stale changes nothing either.
  EXPECT_EQ(del(at_ + "?version=1", worker_).status, 409);

  // The one accepted correction above moved the date; nothing else changed.
  const Answer shown = get(mentor_path(anna_ref_), worker_);
  const json& m = shown.body["pairings"][0]["meetings"][0];
  EXPECT_EQ(m["minutes"], 90);
  EXPECT_EQ(m["format"], "in_person");
  EXPECT_EQ(m["place"], "Jauniešu centrs");
  EXPECT_EQ(m["note"], "Runājām par skolu.");
  EXPECT_EQ(count(delivery_sql("quantity")), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor_meeting"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'correct%'"), audits + 2);
}

TEST_P(MentorMeetingsApi, AMeetingLoggedByMistakeIsRemovedWithItsDelivery) {
  const Answer second = post(
      meetings_, {{"met_on", in_days(0)}, {"minutes", 60}, {"format", "phone"}, {"attended", true}},
      worker_);
  ASSERT_EQ(second.status, 201);
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral_delivery"), 2);
  // The removal names the version shown: without it 422 naming version; a stale one 409.
  for (const std::string query : {"", "?version=", "?version=x", "?version=0"}) {
    const Answer missing = del(at_ + query, worker_);
    EXPECT_EQ(missing.status, 422) << query;
    EXPECT_EQ(field(missing), "version") << query;
  }
  ASSERT_EQ(patch(at_, {{"version", 1}, {"minutes", 75}}, worker_).status, 200);
  const Answer stale = del(at_ + "?version=1", worker_);
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.dump().find("Someone else changed the record"), std::string::npos)
      << stale.body.dump();
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor_meeting"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral_delivery"), 2);
  EXPECT_EQ(del(at_ + "?version=2", worker_).status, 204);
  EXPECT_EQ(del(at_ + "?version=2", worker_).status, 404);
  EXPECT_EQ(patch(at_, {{"version", 1}, {"minutes", 10}}, worker_).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor_meeting"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral_delivery"), 1);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM referral_delivery WHERE id = " + std::to_string(delivery())), 0);
  const Answer page = get("/api/v1/referrals/" + id(anna_ref_), worker_);
  EXPECT_EQ(page.body["deliveries"].size(), 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mentor_pairing' AND action"
                  " = 'remove_meeting' AND entity_id = '" +
                  id(pairing_) + "'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'referral' AND action ="
                  " 'remove_delivery'"),
            1);
}

TEST_P(MentorMeetingsApi, OnlyWhoMayLogMeetingsChangesThemAndNotAfterTheEnd) {
  // Another team does not see the case; the director reads it only.
  EXPECT_EQ(patch(at_, {{"version", 1}, {"minutes", 10}}, adults_).status, 404);
  EXPECT_EQ(del(at_ + "?version=1", adults_).status, 404);
  EXPECT_EQ(patch(at_, {{"version", 1}, {"minutes", 10}}, director_).status, 403);
  EXPECT_EQ(del(at_ + "?version=1", director_).status, 403);
  EXPECT_EQ(del(at_ + "?version=1", benefits_).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor_meeting WHERE minutes = 90 AND version = 1"), 1);

  // An ended pairing keeps its meetings as they were.
  ASSERT_EQ(post(mentor_path(anna_ref_) + "/" + id(pairing_) + "/end",
                 {{"version", 1}, {"until_on", in_days(0)}, {"reason", "Mērķi sasniegti"}}, worker_)
                .status,
            200);
  const Answer ended = patch(at_, {{"version", 1}, {"minutes", 10}}, worker_);
  EXPECT_EQ(ended.status, 409);
  EXPECT_EQ(del(at_ + "?version=1", worker_).status, 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentor_meeting WHERE minutes = 90 AND version = 1"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral_delivery"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, MentorMeetingsApi, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
