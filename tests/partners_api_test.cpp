// The partner register and concern reports through the API on both engines: the register kept
// by administrators and department heads and searched by staff, with refused input; partner
// users tied to their institution at login; a school social pedagogue's concern report that
// becomes an intake the families team sees, with her own reports and their status only; bad
// reports refused naming the field; other partners and other records answered 404 with a
// "denied" audit entry.
#include "partner_test_support.h"

namespace atb::test {
namespace {

using nlohmann::json;

class PartnersApi : public PartnerTest {
 protected:
  json concern_body(const json& extra = json::object()) const {
    json body = {{"child_name", "Roberts Kalniņš"},
                 {"child_birth_date", "2015-03-02"},
                 {"concern", "Bērns nāk uz skolu izsalcis.\nBieži kavē pirmās stundas."},
                 {"categories", {"neglect", "basic_needs"}}};
    body.update(extra);
    return body;
  }
};

TEST_P(PartnersApi, RegisterKeptByAdminsAndHeadsSearchedByStaff) {
  const json body = {{"kind", "ngo"},
                     {"name", "Biedrība “Atbalsts ģimenēm”"},
                     {"email", "info@atbalsts.lv"},
                     {"contacts", {{{"full_name", "Ieva Strazdiņa"}, {"position", "Koordinatore"}, {"phone", "+371 26000003"}}}}};
  const Answer made = post("/api/v1/partners", body, admin_);
  ASSERT_EQ(made.status, 201) << made.body.dump();
  EXPECT_EQ(made.body["kind"], "ngo");
  ASSERT_EQ(made.body["contacts"].size(), 1u);
  EXPECT_EQ(made.body["contacts"][0]["full_name"], "Ieva Strazdiņa");
  const std::string path = "/api/v1/partners/" + made.body["id"].dump();

  // The same name again, an unknown kind, a bad contact e-mail: refused naming the field.
  const Answer twice = post("/api/v1/partners", body, admin_);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(field_of(twice), "name");
  EXPECT_EQ(field_of(post("/api/v1/partners", {{"kind", "church"}, {"name", "X"}}, admin_)), "kind");
  const Answer bad_mail = post("/api/v1/partners",
                               {{"kind", "ngo"}, {"name", "Y"}, {"contacts", {{{"full_name", "Z"}, {"email", "nav"}}}}}, admin_);
  EXPECT_EQ(bad_mail.status, 422);
  EXPECT_EQ(field_of(bad_mail), "contacts.0.email");
  EXPECT_EQ(field_of(post("/api/v1/partners", {{"kind", "ngo"}, {"name", "  "}}, admin_)), "name");

  // Staff search it; only admins and heads change it; partners and the auditor do not see it.
  const Answer found = get("/api/v1/partners?q=atbalsts", worker_);
  ASSERT_EQ(found.status, 200) << found.body.dump();
  ASSERT_EQ(found.body["total"], 1);
  EXPECT_EQ(found.body["items"][0]["name"], "Biedrība “Atbalsts ģimenēm”");
  EXPECT_EQ(get("/api/v1/partners?kind=school", worker_).body["total"], 1);
  EXPECT_EQ(post("/api/v1/partners", {{"kind", "ngo"}, {"name", "Darbinieces biedrība"}}, worker_).status, 403);
  EXPECT_EQ(get("/api/v1/partners", pedagogue_).status, 403);
  EXPECT_EQ(get(path, as(f_.user("p.auditor", {access::Role::auditor}))).status, 403);
  // A change names the version it read: without it 422, with an old one 409 and nothing changes.
  EXPECT_EQ(made.body["version"], 1);
  EXPECT_EQ(field_of(patch(path, {{"active", false}}, head_)), "version");
  const Answer changed = patch(path, {{"version", 1}, {"active", false}, {"contacts", json::array()}}, head_);
  ASSERT_EQ(changed.status, 200) << changed.body.dump();
  EXPECT_EQ(changed.body["version"], 2);
  const Answer stale = patch(path, {{"version", 1}, {"name", "Cits nosaukums"}}, admin_);
  EXPECT_EQ(stale.status, 409) << stale.body.dump();
  EXPECT_EQ(get(path, worker_).body["name"], "Biedrība “Atbalsts ģimenēm”");
  EXPECT_EQ(changed.body["active"], false);
  EXPECT_TRUE(changed.body["contacts"].empty());
  EXPECT_EQ(changed.body["name"], "Biedrība “Atbalsts ģimenēm”");
  EXPECT_EQ(get("/api/v1/partners?q=atbalsts", worker_).body["total"], 0);
  EXPECT_EQ(get("/api/v1/partners?q=atbalsts&include_inactive=true", worker_).body["total"], 1);
  const Answer taken = patch(path, {{"version", 2}, {"name", "Liepājas bāriņtiesa"}}, admin_);
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(field_of(taken), "name");
  EXPECT_EQ(get("/api/v1/partners/999999", worker_).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'partner' AND action IN ('create', 'update')"), 4);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'partner' AND action = 'list'"), 1);
}

TEST_P(PartnersApi, PartnerUsersBelongToTheirInstitution) {
  const json user = {{"username", "p.new"}, {"full_name", "Jauna Pedagoģe"}, {"password", "Zilā-jūra-2026!"},
                     {"roles", {"partner"}}, {"partner_id", school_id_}};
  const Answer made = post("/api/v1/users", user, admin_);
  ASSERT_EQ(made.status, 201) << made.body.dump();
  EXPECT_EQ(made.body["partner_id"], school_id_);
  json unknown = user;
  unknown["username"] = "p.new2";
  unknown["partner_id"] = 999999;
  const Answer refused = post("/api/v1/users", unknown, admin_);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(field_of(refused), "partner_id");
  // A partner user without an institution could do nothing: refused, on creation and on change.
  json loose = user;
  loose["username"] = "p.new3";
  loose.erase("partner_id");
  const Answer without = post("/api/v1/users", loose, admin_);
  EXPECT_EQ(without.status, 422);
  EXPECT_EQ(field_of(without), "partner_id");
  const std::string made_path = "/api/v1/users/" + std::to_string(made.body["id"].get<std::int64_t>());
  const Answer emptied = patch(made_path, {{"partner_id", nullptr}}, admin_);
  EXPECT_EQ(emptied.status, 422);
  EXPECT_EQ(field_of(emptied), "partner_id");
  EXPECT_EQ(get(made_path, admin_).body["partner_id"], school_id_);
  // No longer a partner: the institution may go with the role.
  const Answer staff = patch(made_path, {{"roles", {"social_worker"}}, {"partner_id", nullptr}}, admin_);
  ASSERT_EQ(staff.status, 200) << staff.body.dump();
  EXPECT_TRUE(staff.body["partner_id"].is_null());
  EXPECT_EQ(count("SELECT COUNT(*) FROM app_user WHERE username = 'p.new3'"), 0);

  // At every request the principal carries her institution: the portal knows who she is.
  const Answer me = get("/api/v1/partner", pedagogue_);
  ASSERT_EQ(me.status, 200) << me.body.dump();
  EXPECT_EQ(me.body["id"], school_id_);
  EXPECT_EQ(me.body["user"]["id"], pedagogue_user_.id);
  // Staff and a partner user without an institution have no portal.
  EXPECT_EQ(get("/api/v1/partner", worker_).status, 403);
  EXPECT_EQ(get("/api/v1/partner", as(f_.user("p.loose", {access::Role::partner}))).status, 403);
}

TEST_P(PartnersApi, SchoolConcernBecomesAnIntakeOfTheFamiliesTeam) {
  const Answer filed = post("/api/v1/partner/concerns", concern_body({{"child_personal_code", "020315-23453"}}), pedagogue_);
  ASSERT_EQ(filed.status, 201) << filed.body.dump();
  EXPECT_EQ(filed.body["status"], "received");
  EXPECT_EQ(filed.body["school"], "Liepājas 5. vidusskola");
  EXPECT_EQ(filed.body["categories"], json({"basic_needs", "neglect"}));
  const std::string reference = filed.body["reference"];

  // The families team sees it among its intakes: channel school, the institution as reporter.
  const Answer list = get("/api/v1/intakes?status=open", worker_);
  ASSERT_EQ(list.status, 200);
  json intake;
  for (const json& i : list.body["items"]) {
    if (i["reference"] == reference) intake = i;
  }
  ASSERT_FALSE(intake.is_null()) << list.body.dump();
  EXPECT_EQ(intake["channel"], "school");
  EXPECT_EQ(intake["urgency"], "routine");
  EXPECT_EQ(intake["reporter"]["kind"], "partner");
  EXPECT_EQ(intake["reporter"]["name"], "Liepājas 5. vidusskola");
  EXPECT_NE(intake["reporter"]["contact"].get<std::string>().find("Test p.pedagogue"), std::string::npos);
  EXPECT_NE(intake["concern"].get<std::string>().find("Roberts Kalniņš"), std::string::npos);
  EXPECT_NE(intake["concern"].get<std::string>().find("020315-23453"), std::string::npos);
  EXPECT_EQ(intake["team_id"], families_);
  // The team's supervisor is told, without the child's name; a worker of another team is not.
  const Answer told = get("/api/v1/notifications?unread=1", supervisor_);
  ASSERT_EQ(told.status, 200);
  ASSERT_EQ(told.body["total"], 1) << told.body.dump();
  EXPECT_EQ(told.body["items"][0]["kind"], "partner_concern");
  EXPECT_EQ(told.body["items"][0]["entity_id"], intake["id"]);
  const std::string message = told.body["items"][0].dump();
  EXPECT_NE(message.find(reference), std::string::npos) << message;
  EXPECT_EQ(message.find("Roberts"), std::string::npos) << message;
  EXPECT_EQ(get("/api/v1/notifications", adults_).body["total"], 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND entity_type = 'intake' AND user_id = " +
                  std::to_string(pedagogue_user_.id)),
            1);

  // She sees her report and its status; not the intake, not the case opened from it.
  const std::string mine = "/api/v1/partner/concerns/" + filed.body["id"].dump();
  EXPECT_EQ(get(mine, pedagogue_).status, 200);
  EXPECT_EQ(get("/api/v1/partner/concerns", pedagogue_).body["total"], 1);
  const Answer outcome = post("/api/v1/intakes/" + intake["id"].dump() + "/outcome",
                              {{"version", intake["version"]}, {"outcome", "open_case"}, {"person_id", anna_}}, worker_);
  ASSERT_EQ(outcome.status, 200) << outcome.body.dump();
  EXPECT_EQ(get(mine, pedagogue_).body["status"], "case_opened");
  EXPECT_EQ(get("/api/v1/intakes/" + intake["id"].dump(), pedagogue_).status, 404);
  EXPECT_EQ(get("/api/v1/cases/" + outcome.body["case_id"].dump(), pedagogue_).status, 404);

  // A colleague of the same school and the orphan's court do not see her report: 404, audited as denied.
  EXPECT_EQ(get("/api/v1/partner/concerns", other_teacher_).body["total"], 0);
  EXPECT_EQ(get(mine, other_teacher_).status, 404);
  EXPECT_EQ(get(mine, court_).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND entity_type = 'partner_concern'"
                  " AND entity_id = '" + filed.body["id"].dump() + "'"),
            2);
}

TEST_P(PartnersApi, BadConcernReportsRefusedNamingTheField) {
  const auto field = [&](const json& extra) {
    const Answer a = post("/api/v1/partner/concerns", concern_body(extra), pedagogue_);
    EXPECT_EQ(a.status, 422) << extra.dump() << a.body.dump();
    return field_of(a);
  };
  EXPECT_EQ(field({{"child_name", ""}}), "child_name");
  EXPECT_EQ(field({{"child_birth_date", in_days(3)}}), "child_birth_date");
  EXPECT_EQ(field({{"child_birth_date", "1980-01-01"}}), "child_birth_date");
  EXPECT_EQ(field({{"child_birth_date", "2015-02-30"}}), "child_birth_date");
  EXPECT_EQ(field({{"child_personal_code", "123"}}), "child_personal_code");
  EXPECT_EQ(field({{"child_personal_code", "020315-23454"}}), "child_personal_code");  // wrong check digit
  EXPECT_EQ(field({{"concern", " \n "}}), "concern");
  EXPECT_EQ(field({{"concern", std::string(4001, 'a')}}), "concern");
  EXPECT_EQ(field({{"categories", json::array()}}), "categories");
  EXPECT_EQ(field({{"categories", {"neglect", "gossip"}}}), "categories.1");
  EXPECT_EQ(post("/api/v1/partner/concerns", concern_body({{"website", "x"}}), pedagogue_).status, 422);
  // Nothing half-written.
  EXPECT_EQ(count("SELECT COUNT(*) FROM partner_concern"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM intake WHERE channel = 'school' AND created_by = " +
                  std::to_string(pedagogue_user_.id)),
            0);
  // Staff file intakes their own way, not through the portal.
  EXPECT_EQ(post("/api/v1/partner/concerns", concern_body(), worker_).status, 403);
}

INSTANTIATE_TEST_SUITE_P(Engines, PartnersApi, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
