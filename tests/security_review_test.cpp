// An attacker's review of services, referrals and the partner portal (issue 6) on both engines:
// each test is a hole found by the review, failing before its fix. A partner asking for a
// referral, a case's referrals or a mentor pairing through the services routes gets 404 and a
// "denied" audit entry, as she does on the case routes; a resident's move-out reason (free text
// about her) is not shown where her name is redacted; a partner user's list of concern reports
// holds only those of her institution now, as reading one does (access::concern_access); the
// users of an institution taken out of the register have no portal at all; a mentor pairing
// ended with its referral is audited like a resident's move-out; the register's search text is
// refused above 100 letters or when not UTF-8 (422 naming q), never cut into broken text (500).
#include <gtest/gtest.h>

#include "housing_test_support.h"

namespace atb::test {
namespace {

using nlohmann::json;

class SecurityReview : public HousingTest {
 protected:
  /// Registers an institution as the administrator; returns its id.
  std::int64_t institution(const std::string& kind, const std::string& name) {
    const Answer a = post("/api/v1/partners", {{"kind", kind}, {"name", name}}, admin_);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", std::int64_t{0});
  }
  /// Makes user `user_id` a user of institution `partner_id`.
  void move_to(std::int64_t user_id, std::int64_t partner_id) {
    auto set = f_.db().write([&](storage::Connection& c) {
      return c.execute("UPDATE app_user SET partner_id = ? WHERE id = ?", storage::params(partner_id, user_id));
    });
    EXPECT_TRUE(set);
  }
  /// A partner user of institution `partner_id` with a complete session.
  TestUser partner_user(const std::string& username, std::int64_t partner_id) {
    TestUser u = f_.user(username, {access::Role::partner});
    move_to(u.id, partner_id);
    return u;
  }
  /// Audit entries of `entity_type` `entity_id` with outcome "denied" by user `user_id`.
  std::int64_t denied(const std::string& entity_type, const std::string& entity_id, std::int64_t user_id) {
    return count("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND entity_type = '" + entity_type +
                 "' AND entity_id = '" + entity_id + "' AND user_id = " + std::to_string(user_id));
  }
};

TEST_P(SecurityReview, PartnerAskingForAReferralGets404AndADeniedAuditEntry) {
  const json service = make_service("Psihologa konsultācijas", "psychologist");
  const json k = open_case();
  const json referral = placed(k, anna_, service);
  const std::string rid = id(referral);
  const std::string cid = std::to_string(k["id"].get<std::int64_t>());
  const TestUser partner = partner_user("sec.pedagogue", institution("school", "Liepājas 5. vidusskola"));
  const As pedagogue = as(partner);

  EXPECT_EQ(get("/api/v1/referrals/" + rid, pedagogue).status, 404);
  EXPECT_EQ(denied("referral", rid, partner.id), 1);
  EXPECT_EQ(get("/api/v1/cases/" + cid + "/referrals", pedagogue).status, 404);
  EXPECT_EQ(denied("case", cid, partner.id), 1);
  EXPECT_EQ(post("/api/v1/referrals/" + rid + "/deliveries",
                 {{"delivered_on", in_days(0)}, {"quantity", 1}, {"attended", true}}, pedagogue)
                .status,
            404);
  EXPECT_EQ(denied("referral", rid, partner.id), 2);
  // The mentor routes of the referral, too.
  EXPECT_EQ(get("/api/v1/referrals/" + rid + "/mentor", pedagogue).status, 404);
  EXPECT_EQ(denied("referral", rid, partner.id), 3);
  // Staff outside the case's scope get the 404 without a "denied" entry (as on the case routes).
  EXPECT_EQ(get("/api/v1/referrals/" + rid, adults_).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND entity_type = 'referral'"), 3);
  // Nothing of the referral was answered.
  EXPECT_EQ(get("/api/v1/referrals/" + rid, worker_).status, 200);
}

TEST_P(SecurityReview, MoveOutReasonIsHiddenWhereTheResidentIsRedacted) {
  const json service = make_service("Grupu dzīvoklis “Ziedi”", "group_apartment");
  furnish(service);
  const json k = open_case();
  const json anna = placed(k, anna_, service);
  const Answer in = move_in(service, anna, place_a_, 0, worker_);
  ASSERT_EQ(in.status, 201) << in.body.dump();
  const std::string reason = "Ievietota psihiatriskajā slimnīcā";
  const Answer out = move_out(service, in.body, 2, reason, worker_);
  ASSERT_EQ(out.status, 200) << out.body.dump();

  const std::string stays = base(service) + "/units/" + id(unit_) + "/stays";
  const Answer mine = get(stays, worker_);
  ASSERT_EQ(mine.status, 200) << mine.body.dump();
  ASSERT_EQ(mine.body["total"], 1);
  EXPECT_EQ(mine.body["items"][0]["move_out_reason"], reason);
  for (const As& outside : {adults_, admin_}) {
    const Answer hidden = get(stays, outside);
    ASSERT_EQ(hidden.status, 200) << hidden.body.dump();
    ASSERT_EQ(hidden.body["total"], 1);
    const json& stay = hidden.body["items"][0];
    EXPECT_EQ(stay["redacted"], true);
    EXPECT_TRUE(stay["move_out_reason"].is_null()) << stay.dump();
    EXPECT_EQ(hidden.body.dump().find("slimnīc"), std::string::npos);
    // When she moved out is still shown: the place's occupancy needs it.
    EXPECT_EQ(stay["move_out_on"], in_days(2));
  }
}

TEST_P(SecurityReview, ConcernReportsOfAFormerInstitutionAreNotListed) {
  const std::int64_t school = institution("school", "Liepājas 5. vidusskola");
  const std::int64_t kindergarten = institution("kindergarten", "PII “Cielaviņa”");
  const TestUser teacher = partner_user("sec.teacher", school);
  const As pedagogue = as(teacher);
  const Answer filed = post("/api/v1/partner/concerns",
                            {{"child_name", "Roberts Kalniņš"},
                             {"concern", "Bērns nāk uz skolu izsalcis."},
                             {"categories", {"neglect"}}},
                            pedagogue);
  ASSERT_EQ(filed.status, 201) << filed.body.dump();
  ASSERT_EQ(get("/api/v1/partner/concerns", pedagogue).body["total"], 1);

  // She now works for another institution: the school's report is no longer hers to see.
  move_to(teacher.id, kindergarten);
  const std::string one = "/api/v1/partner/concerns/" + id(filed.body);
  EXPECT_EQ(get(one, pedagogue).status, 404);
  const Answer list = get("/api/v1/partner/concerns", pedagogue);
  ASSERT_EQ(list.status, 200) << list.body.dump();
  EXPECT_EQ(list.body["total"], 0);
  EXPECT_TRUE(list.body["items"].empty()) << list.body.dump();
  EXPECT_EQ(list.body.dump().find("Roberts"), std::string::npos);

  // Back at the school, she sees it again.
  move_to(teacher.id, school);
  EXPECT_EQ(get("/api/v1/partner/concerns", pedagogue).body["total"], 1);
  EXPECT_EQ(get(one, pedagogue).status, 200);
}

TEST_P(SecurityReview, UsersOfAnInstitutionTakenOutOfTheRegisterHaveNoPortal) {
  const std::int64_t court = institution("orphans_court", "Liepājas bāriņtiesa");
  const TestUser clerk = partner_user("sec.court", court);
  const As court_user = as(clerk);
  const Answer sent = post("/api/v1/partner/requests",
                           {{"subject_name", "Anna Bērziņa"},
                            {"subject_personal_code", "020315-23453"},
                            {"question", "Lūdzam sniegt atzinumu par ģimenes situāciju."},
                            {"due_on", in_days(14)}},
                           court_user);
  ASSERT_EQ(sent.status, 201) << sent.body.dump();
  ASSERT_EQ(get("/api/v1/partner/requests", court_user).status, 200);

  const Answer off = f_.call(http::Method::patch, "/api/v1/partners/" + std::to_string(court), admin_,
                             json{{"version", 1}, {"active", false}}.dump());
  ASSERT_EQ(off.status, 200) << off.body.dump();
  for (const std::string& path : {std::string("/api/v1/partner"), std::string("/api/v1/partner/requests"),
                                  "/api/v1/partner/requests/" + id(sent.body), std::string("/api/v1/partner/tasks"),
                                  std::string("/api/v1/partner/concerns")}) {
    const Answer a = get(path, court_user);
    EXPECT_EQ(a.status, 403) << path << " " << a.body.dump();
    EXPECT_EQ(a.body.dump().find("020315"), std::string::npos) << path;
  }
  EXPECT_EQ(f_.call(http::Method::patch, "/api/v1/partner/tasks/1", court_user,
                    json{{"version", 1}, {"status", "done"}}.dump())
                .status,
            403);

  const Answer on = f_.call(http::Method::patch, "/api/v1/partners/" + std::to_string(court), admin_,
                            json{{"version", 2}, {"active", true}}.dump());
  ASSERT_EQ(on.status, 200) << on.body.dump();
  EXPECT_EQ(get("/api/v1/partner/requests/" + id(sent.body), court_user).status, 200);
}

TEST_P(SecurityReview, PairingEndedWithItsReferralIsAudited) {
  const json service = make_service("Mentors jauniešiem", "mentor", "places", "hour");
  const json k = open_case();
  const json anna = placed(k, anna_, service);
  const Answer ilze = post("/api/v1/services/mentors",
                           {{"kind", "volunteer"}, {"name", "Ilze Ozola"}, {"phone", "+371 26123456"}, {"trained_on", in_days(-30)},
                            {"max_mentees", 2}},
                           admin_);
  ASSERT_EQ(ilze.status, 201) << ilze.body.dump();
  const std::string mentor = "/api/v1/referrals/" + id(anna) + "/mentor";
  const Answer paired = post(mentor, {{"mentor_id", ilze.body["id"]}, {"from_on", in_days(0)}}, worker_);
  ASSERT_EQ(paired.status, 201) << paired.body.dump();

  const json now = get("/api/v1/referrals/" + id(anna), worker_).body;
  const Answer ended = post("/api/v1/referrals/" + id(anna) + "/end",
                            {{"version", now["version"]}, {"end_on", in_days(0)}, {"reason", "Pakalpojums beidzās"}},
                            worker_);
  ASSERT_EQ(ended.status, 200) << ended.body.dump();
  EXPECT_EQ(get(mentor, worker_).body["pairings"][0]["active"], false);
  // The pairing's change is in the audit log under the pairing, by the worker, with the reason.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mentor_pairing' AND action = 'end'"
                  " AND entity_id = '" + id(paired.body) + "' AND user_id = " + std::to_string(worker_user_.id) +
                  " AND reason = 'Pakalpojums beidzās'"),
            1);
}

TEST_P(SecurityReview, RegisterSearchTextIsLimitedNotCutIntoBrokenText) {
  institution("school", "Ābeļu pamatskola");
  auto letters = [](const std::string& first, int n) {
    std::string q = first;
    for (int i = 0; i < n; ++i) q += "%C4%81";  // "ā": two bytes
    return q;
  };
  // 61 letters (121 bytes): searched whole, not cut at 100 bytes in the middle of a letter.
  const Answer whole = get("/api/v1/partners?q=" + letters("a", 60), head_);
  EXPECT_EQ(whole.status, 200) << whole.body.dump();
  EXPECT_EQ(get("/api/v1/partners?q=" + letters("", 100), head_).status, 200);
  // Longer than 100 letters: 422 naming q; not UTF-8: 400 naming q (before any route runs).
  for (const std::string& q : {letters("", 101), std::string("%C4"), std::string("%FF%FE")}) {
    const Answer a = get("/api/v1/partners?q=" + q, head_);
    EXPECT_EQ(a.status, q.size() > 10 ? 422 : 400) << q << " " << a.body.dump();
    EXPECT_EQ(field(a), "q") << q;
  }
  const Answer found = get("/api/v1/partners?q=be%C4%BCu", head_);
  ASSERT_EQ(found.status, 200) << found.body.dump();
  EXPECT_EQ(found.body["total"], 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, SecurityReview, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
