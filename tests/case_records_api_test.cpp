// A case's process record through the API on both engines (docs/api-cases-records.md): notes
// round-trip and are stored only sealed, refused when too long, dated in the future or before the
// case, on a closed case, by a reader or outside the scope; documents upload and download with
// attachment headers, are type checked by content (415), size-limited (413) and stored sealed, and
// link an agreement's signed copy; opinions build a numbered PDF from the chosen sections that
// reads back with pdftotext in Latvian.
#include "case_test_support.h"
#include "cases/note_text.h"
#include "core/date.h"
#include "core/file_type.h"
#include "core/sealed_text.h"
#include "support/pdf_text.h"

namespace atb::test {
namespace {

using http::Method;
using nlohmann::json;

const std::string kPdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n";

class CaseRecordsTest : public CaseTest {
 protected:
  static std::string base(const json& k, const std::string& tail) {
    return "/api/v1/cases/" + std::to_string(k["id"].get<std::int64_t>()) + tail;
  }
  static std::string day(int offset) { return add_days(today_riga(), offset).iso(); }
  Answer note(const json& k, const std::string& text, const As& who, const std::string& on = "", const std::string& kind = "visit") {
    return post(base(k, "/notes"), {{"kind", kind}, {"occurred_on", on.empty() ? day(0) : on}, {"text", text}}, who);
  }
  Answer upload(const json& k, const std::string& query, const std::string& bytes, const As& who) {
    return f_.call(Method::post, base(k, "/documents") + query, who, bytes);
  }
  std::string text_of(const std::string& sql) {
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(rows && !rows->empty()) << sql;
    return rows && !rows->empty() ? (*rows)[0].text(0) : "";
  }
  /// A completed "adult in crisis" assessment of Anna: violence at home often (safety high), a
  /// safe place to go and people who support her as strengths; returns its id.
  json completed_assessment(const json& k) {
    const Answer a = post(base(k, "/assessments"), {{"instrument", "adult-in-crisis"}}, worker_);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    const json answers = {{"crisis_kind", {"job_loss"}}, {"crisis_duration", "weeks"}, {"crisis_impact", 1},
                          {"suicidal_thoughts", "none"}, {"violence_at_home", 2}, {"threat_to_others", false},
                          {"safe_place", 1}, {"distress", 2}, {"sleep_appetite", 1}, {"psychiatric_history", false},
                          {"coping", 1}, {"accepts_help", 0}, {"physical_limits", 0}, {"treatment_access", 0},
                          {"substance_use", 0}, {"housing_situation", "stable"}, {"housing_conditions", 0},
                          {"basic_needs", 0}, {"debts", "none"}, {"documents", false}, {"budget_skills", 0},
                          {"employment_status", "unemployed_unregistered"}, {"work_skills", 1}, {"self_care", 0},
                          {"affairs", 0}, {"isolation", 2}, {"support_people", 2}};
    const json set = {{"household", json::object()},
                      {"members", {{{"member", std::to_string(anna_)}, {"role", "person"}, {"answers", answers}}}}};
    const std::string path = base(k, "/assessments/" + a.body["id"].dump());
    const Answer saved = f_.call(Method::put, path, worker_, json{{"version", a.body["version"]}, {"answers", set}}.dump());
    EXPECT_EQ(saved.status, 200) << saved.body.dump();
    const Answer done = post(path + "/complete", {{"version", saved.body["version"]}}, worker_);
    EXPECT_EQ(done.status, 200) << done.body.dump();
    return a.body["id"];
  }
  /// An approved cooperation plan with one goal and one task of Anna's.
  void approved_plan(const json& k) {
    const json body = {{"review_on", day(60)},
                       {"goals", {{{"text", "Ģimene droši dzīvo savā mājoklī"},
                                   {"tasks", {{{"text", "Apmeklēt atbalsta grupu vardarbībā cietušajām"},
                                               {"due_on", day(30)},
                                               {"responsible", {{"kind", "member"}, {"person_id", anna_}}}}}}}}}};
    const Answer made = post(base(k, "/plans"), body, worker_);
    ASSERT_EQ(made.status, 201) << made.body.dump();
    const std::string plan = base(k, "/plans/" + made.body["id"].dump());
    const Answer agreed = post(plan + "/family-agreement",
                               {{"version", made.body["version"]}, {"agreed_on", day(0)}, {"person_ids", {anna_}}}, worker_);
    ASSERT_EQ(agreed.status, 200) << agreed.body.dump();
    const Answer submitted = post(plan + "/submit", {{"version", agreed.body["version"]}}, worker_);
    ASSERT_EQ(submitted.status, 200) << submitted.body.dump();
    if (submitted.body["status"] == "approved") return;
    const Answer decided = post(plan + "/decision", {{"version", submitted.body["version"]}, {"approved", true}}, supervisor_);
    ASSERT_EQ(decided.status, 200) << decided.body.dump();
  }
  /// Closes the case: the lead worker asks, the supervisor approves.
  void close(const json& k) {
    ASSERT_EQ(post(base(k, "/closure-request"), {{"reason", "goals_reached"}, {"outcome_rating", 4}}, worker_).status, 201);
    ASSERT_EQ(post(base(k, "/closure-decision"), {{"approved", true}}, supervisor_).status, 200);
  }
};

TEST_P(CaseRecordsTest, NotesRoundTripSealedNewestFirst) {
  const json k = open_case();
  const std::string text = "Apmeklējums mājās: bērni paēduši, māte strādā naktīs.\nŠķūnī – malka ziemai.";
  const Answer first = note(k, text, worker_);
  ASSERT_EQ(first.status, 201) << first.body.dump();
  EXPECT_EQ(first.body["text"], text);
  EXPECT_EQ(first.body["kind"], "visit");
  EXPECT_EQ(first.body["occurred_on"], day(0));
  EXPECT_EQ(first.body["author"]["id"], worker_user_.id);
  EXPECT_EQ(first.body["author"]["name"].get<std::string>().empty(), false);
  const Answer second = note(k, "Zvans skolai: Jānis apmeklē stundas.", colleague_, day(0), "call");
  EXPECT_EQ(second.status, 403) << "a colleague who is not on the case only reads";
  const Answer by_super = note(k, "Gadījuma konference ar bāriņtiesu.", supervisor_, day(0), "case_conference");
  ASSERT_EQ(by_super.status, 201) << by_super.body.dump();

  // Stored only sealed: the table holds neither the text nor any part of it.
  const std::string stored = text_of("SELECT text_sealed FROM case_note WHERE id = " + first.body["id"].dump());
  EXPECT_TRUE(Keyring::key_id(stored)) << stored;
  EXPECT_EQ(stored.find("Apmeklējums"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_note WHERE text_sealed LIKE '%bērni%' OR text_sealed LIKE '%malka%'"), 0);

  const Answer list = get(base(k, "/notes"), worker_);
  ASSERT_EQ(list.status, 200) << list.body.dump();
  EXPECT_EQ(list.body["total"], 2);
  ASSERT_EQ(list.body["items"].size(), 2u);
  EXPECT_EQ(list.body["items"][0]["id"], by_super.body["id"]);  // newest first
  EXPECT_EQ(list.body["items"][1]["text"], text);
  const Answer visits = get(base(k, "/notes?kind=visit&page_size=1"), director_);  // a reader may read
  ASSERT_EQ(visits.status, 200);
  EXPECT_EQ(visits.body["total"], 1);
  EXPECT_EQ(visits.body["items"][0]["id"], first.body["id"]);
  EXPECT_EQ(get(base(k, "/notes?kind=poem"), worker_).status, 422);
  // Every list and change is audited, naming each note shown.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'case_note' AND action = 'create'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'case_note' AND action = 'list'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_listed_day WHERE entity_type = 'case_note' AND entity_id = '" +
                  first.body["id"].dump() + "'"), 1);  // the list of two
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'case_note' AND action = 'list' AND entity_id = '" +
                  first.body["id"].dump() + "'"), 1);  // the list of one
  // Who looked at the note: whoever may see who looked at its case; 404 outside the case's scope.
  const std::string who = "/api/v1/audit/entities/case_note/" + first.body["id"].dump();
  const Answer looked = get(who, supervisor_);
  ASSERT_EQ(looked.status, 200) << looked.body.dump();
  EXPECT_EQ(looked.body["total"], 3);  // created, listed with the other, listed alone
  EXPECT_EQ(get(who, adults_super_).status, 404);
  EXPECT_EQ(get(who, worker_).status, 403);
  EXPECT_EQ(get("/api/v1/audit/entities/case_note/999999", supervisor_).status, 404);
}

TEST_P(CaseRecordsTest, NotesRefused) {
  const json k = open_case();
  std::string long_text(cases::kMaxNoteChars, 'a');
  long_text.replace(0, 1, "ā");  // 100,000 characters though 100,001 bytes: allowed
  EXPECT_EQ(note(k, long_text, worker_).status, 201);
  const Answer too_long = note(k, long_text + "ž", worker_);
  EXPECT_EQ(too_long.status, 422);
  EXPECT_EQ(too_long.body["errors"][0]["field"], "text") << too_long.body.dump();
  const Answer future = note(k, "Rītdienas vizīte.", worker_, day(1));
  EXPECT_EQ(future.status, 422);
  EXPECT_EQ(future.body["errors"][0]["field"], "occurred_on");
  EXPECT_EQ(note(k, "Pirms gadījuma.", worker_, day(-1)).status, 422);
  EXPECT_EQ(note(k, "Nav datuma.", worker_, "2026-02-30").status, 422);
  EXPECT_EQ(note(k, "   \n ", worker_).status, 422);
  EXPECT_EQ(note(k, "Veids?", worker_, day(0), "letter").status, 422);
  EXPECT_EQ(note(k, "Lasītājs nevar rakstīt.", director_).status, 403);
  EXPECT_EQ(note(k, "Cita komanda.", adults_).status, 404);
  EXPECT_EQ(get(base(k, "/notes"), adults_).status, 404);
  EXPECT_EQ(get(base(k, "/notes"), benefits_).status, 404);
  close(k);
  const Answer closed = note(k, "Pēc slēgšanas.", worker_);
  EXPECT_EQ(closed.status, 409) << closed.body.dump();
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_note"), 1);
}

TEST_P(CaseRecordsTest, DocumentsUploadDownloadSealed) {
  const json k = open_case();
  const Answer up = upload(k, "?kind=court&name=C%3A%5Cscan%5CTiesas%20pieprasījums.pdf", kPdf, worker_);
  ASSERT_EQ(up.status, 201) << up.body.dump();
  EXPECT_EQ(up.body["kind"], "court");
  EXPECT_EQ(up.body["name"], "Tiesas pieprasījums.pdf");  // folders stripped
  EXPECT_EQ(up.body["media_type"], "application/pdf");
  EXPECT_EQ(up.body["size"], kPdf.size());
  EXPECT_TRUE(up.body["agreement_id"].is_null());
  EXPECT_EQ(up.body["uploaded_by"]["id"], worker_user_.id);

  const std::string sealed = text_of("SELECT content_sealed FROM case_document WHERE id = " + up.body["id"].dump());
  EXPECT_TRUE(Keyring::key_id(sealed));
  EXPECT_EQ(sealed.find("PDF"), std::string::npos);

  const std::string content = base(k, "/documents/" + up.body["id"].dump() + "/content");
  const Answer down = get(content, director_);
  ASSERT_EQ(down.status, 200);
  EXPECT_EQ(down.raw, kPdf);
  EXPECT_EQ(down.content_type, "application/pdf");
  EXPECT_EQ(down.header("Content-Disposition").rfind("attachment; filename=\"Tiesas piepras_", 0), 0u)
      << down.header("Content-Disposition");
  EXPECT_NE(down.header("Content-Disposition").find("filename*=UTF-8''Tiesas%20piepras%C4%ABjums.pdf"), std::string::npos);
  EXPECT_EQ(down.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(down.header("Cache-Control"), "no-store");

  const Answer list = get(base(k, "/documents"), worker_);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body["total"], 1);
  EXPECT_EQ(list.body["items"][0]["id"], up.body["id"]);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'case_document' AND action = 'download'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'case_document' AND action = 'create'"), 1);

  EXPECT_EQ(get(content, adults_).status, 404);
  EXPECT_EQ(get(base(k, "/documents/999999/content"), worker_).status, 404);
}

TEST_P(CaseRecordsTest, DocumentsRefused) {
  const json k = open_case();
  const Answer html = upload(k, "?name=vestule.pdf", "<html><script>alert(1)</script></html>", worker_);
  EXPECT_EQ(html.status, 415) << html.body.dump();
  EXPECT_EQ(upload(k, "?name=programma.pdf", std::string("MZ\x90\0\x03", 5) + std::string(100, '\0'), worker_).status, 415);
  EXPECT_EQ(upload(k, "?name=atzinums.png", kPdf, worker_).status, 415);  // the name's type disagrees
  std::string big = kPdf + std::string(kMaxUploadBytes - kPdf.size(), ' ');
  EXPECT_EQ(upload(k, "?name=liels.pdf", big, worker_).status, 201);  // exactly 20 MiB
  big += ' ';
  EXPECT_EQ(upload(k, "?name=liels.pdf", big, worker_).status, 413);
  EXPECT_EQ(upload(k, "?name=a.pdf&kind=poem", kPdf, worker_).status, 422);
  EXPECT_EQ(upload(k, "", kPdf, worker_).status, 422);  // no name
  EXPECT_EQ(upload(k, "?name=a.pdf", kPdf, director_).status, 403);
  EXPECT_EQ(upload(k, "?name=a.pdf", kPdf, adults_).status, 404);
  EXPECT_EQ(get(base(k, "/documents"), adults_).status, 404);
  close(k);
  EXPECT_EQ(upload(k, "?name=a.pdf", kPdf, worker_).status, 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_document"), 1);
}

TEST_P(CaseRecordsTest, SignedAgreementLinksItsDocument) {
  const json k = open_case();
  const Answer agreed = post(base(k, "/agreement"), {{"agreed_on", day(0)}, {"person_ids", {anna_}}}, worker_);
  ASSERT_EQ(agreed.status, 201) << agreed.body.dump();
  const json agreement_id = agreed.body["agreement"]["id"];
  EXPECT_TRUE(agreed.body["agreement"]["document_id"].is_null());
  EXPECT_EQ(upload(k, "?name=v.pdf&agreement_id=999999", kPdf, worker_).status, 422);
  EXPECT_EQ(upload(k, "?name=v.pdf&kind=letter&agreement_id=" + agreement_id.dump(), kPdf, worker_).status, 422);
  const Answer signed_copy = upload(k, "?name=vienosanas.pdf&agreement_id=" + agreement_id.dump(), kPdf, worker_);
  ASSERT_EQ(signed_copy.status, 201) << signed_copy.body.dump();
  EXPECT_EQ(signed_copy.body["kind"], "agreement");
  EXPECT_EQ(signed_copy.body["agreement_id"], agreement_id);
  const Answer again = get(base(k, ""), worker_);
  EXPECT_EQ(again.body["agreement"]["document_id"], signed_copy.body["id"]);
}

TEST_P(CaseRecordsTest, OpinionPdfFromChosenSections) {
  const json k = open_case();
  const Answer visit = note(k, "Ģimene dzīvo divistabu dzīvoklī; ledusskapis pilns, bērni tīri.", worker_);
  const Answer other = note(k, "Šo piezīmi atzinumā neliek.", worker_, day(0), "call");
  ASSERT_EQ(visit.status, 201);
  const json assessment = completed_assessment(k);
  approved_plan(k);
  const json body = {
      {"addressee", "Ādažu novada bāriņtiesai"},
      {"request", "Uz pieprasījumu Nr. 1-5/12"},
      {"person_ids", {anna_, janis_}},
      {"sections",
       {{{"kind", "case"}},
        {{"kind", "assessment"}, {"assessment_id", assessment}},
        {{"kind", "plan"}},
        {{"kind", "notes"}, {"title", "Apmeklējumos konstatētais"}, {"note_ids", {visit.body["id"]}}},
        {{"kind", "text"}, {"text", "Sociālais dienests iesaka atstāt bērnus ģimenē.\n\nTurpināt sadarbību."}}}}};
  const Answer made = post(base(k, "/opinions"), body, worker_);
  ASSERT_EQ(made.status, 201) << made.body.dump();
  const std::string year = std::to_string(today_riga().year);
  EXPECT_EQ(made.body["reference"], "SD/ATZ/" + year + "/1");
  EXPECT_EQ(made.body["addressee"], "Ādažu novada bāriņtiesai");
  EXPECT_EQ(made.body["created_by"]["id"], worker_user_.id);

  const Answer pdf = get(base(k, "/documents/" + made.body["document_id"].dump() + "/content"), worker_);
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.content_type, "application/pdf");
  const std::string text = flat(pdf_text(pdf.raw));
  ASSERT_FALSE(text.empty()) << "pdftotext (poppler-utils) is needed";
  EXPECT_NE(text.find("SD/ATZ/" + year + "/1"), std::string::npos) << text;
  EXPECT_NE(text.find("Ādažu novada bāriņtiesai"), std::string::npos) << text;
  EXPECT_NE(text.find("Anna Bērziņa"), std::string::npos) << text;
  EXPECT_NE(text.find("Jānis Bērziņš"), std::string::npos) << text;
  EXPECT_NE(text.find("Gadījuma apraksts"), std::string::npos) << text;
  EXPECT_NE(text.find("bērna aprūpes nenodrošināšana"), std::string::npos) << text;  // the intake's "neglect"
  EXPECT_NE(text.find("Apmeklējumos konstatētais"), std::string::npos) << text;
  EXPECT_NE(text.find("ledusskapis pilns, bērni tīri"), std::string::npos) << text;
  EXPECT_EQ(text.find("Šo piezīmi atzinumā neliek"), std::string::npos) << "only the chosen notes";
  EXPECT_NE(text.find("Sociālais dienests iesaka atstāt bērnus ģimenē."), std::string::npos) << text;
  // The assessment: Anna's safety difficulty beside her strengths.
  EXPECT_NE(text.find("Situācijas izvērtējums"), std::string::npos) << text;
  EXPECT_NE(text.find("Anna Bērziņa"), text.rfind("Anna Bērziņa")) << "named in the persons and the assessment";
  EXPECT_NE(text.find("Resursi:"), std::string::npos) << text;
  EXPECT_NE(text.find("Grūtības:"), std::string::npos) << text;
  EXPECT_NE(text.find("augsts"), std::string::npos) << text;
  // The plan in force with its goal and task.
  EXPECT_NE(text.find("Sadarbības plāns Nr. 1"), std::string::npos) << text;
  EXPECT_NE(text.find("Ģimene droši dzīvo savā mājoklī"), std::string::npos) << text;
  EXPECT_NE(text.find("Apmeklēt atbalsta grupu vardarbībā cietušajām"), std::string::npos) << text;

  const Answer second = post(base(k, "/opinions"), body, supervisor_);
  ASSERT_EQ(second.status, 201);
  EXPECT_EQ(second.body["reference"], "SD/ATZ/" + year + "/2");
  const Answer list = get(base(k, "/opinions"), director_);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body["total"], 2);
  EXPECT_EQ(list.body["items"][0]["reference"], "SD/ATZ/" + year + "/2");
  EXPECT_EQ(get(base(k, "/documents"), worker_).body["items"][0]["kind"], "opinion");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'case_opinion' AND action = 'create'"), 2);
  (void)other;
}

TEST_P(CaseRecordsTest, OpinionRefused) {
  const json k = open_case();
  const json ok_body = {{"addressee", "Bāriņtiesai"}, {"person_ids", {anna_}}, {"sections", {{{"kind", "case"}}}}};
  auto with = [&](const std::string& key, const json& value) {
    json b = ok_body;
    b[key] = value;
    return post(base(k, "/opinions"), b, worker_);
  };
  auto field = [](const Answer& a) { return a.body["errors"][0].value("field", ""); };
  const Answer stranger = with("person_ids", {anna_, 999999});
  EXPECT_EQ(stranger.status, 422);
  EXPECT_EQ(field(stranger), "person_ids.1");
  const Answer no_notes = with("sections", {{{"kind", "notes"}, {"note_ids", {999999}}}});
  EXPECT_EQ(no_notes.status, 422);
  EXPECT_EQ(field(no_notes), "sections.0.note_ids.0");
  const Answer draft = with("sections", {{{"kind", "case"}}, {{"kind", "assessment"}, {"assessment_id", 999999}}});
  EXPECT_EQ(field(draft), "sections.1.assessment_id");
  EXPECT_EQ(field(with("sections", {{{"kind", "poem"}}})), "sections.0.kind");
  EXPECT_EQ(field(with("sections", {{{"kind", "text"}, {"text", "Secinājumi."}}, {{"kind", "plan"}}})),
            "sections.1.kind") << "no plan in force";
  EXPECT_EQ(field(with("sections", json::array())), "sections");
  EXPECT_EQ(field(with("addressee", "")), "addressee");
  EXPECT_EQ(post(base(k, "/opinions"), ok_body, director_).status, 403);
  EXPECT_EQ(post(base(k, "/opinions"), ok_body, adults_).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_opinion"), 0);
  close(k);
  EXPECT_EQ(post(base(k, "/opinions"), ok_body, worker_).status, 409);
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseRecordsTest, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
