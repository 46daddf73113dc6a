// The rules of a case's process record without I/O (cases/record_rules.h,
// cases/opinion_sections.h): a note's fields, a document's kind and name, the opinion reference,
// the opinion request read from a body, and the sections' paragraphs in Latvian.
#include <gtest/gtest.h>

#include "cases/opinion_sections.h"
#include "cases/record_rules.h"

namespace atb::cases {
namespace {

using nlohmann::json;

std::string field_of(const Error& e) { return e.fields.empty() ? "" : e.fields[0].field; }

TEST(CaseRecordRules, NoteFields) {
  const Date opened{2026, 3, 10}, today{2026, 11, 25};
  const auto fine = check_note_fields("case_conference", "2026-03-10", "Konference.", opened, today);
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->iso(), "2026-03-10");
  EXPECT_TRUE(check_note_fields("visit", "2026-11-25", "Šodien.", opened, today));
  EXPECT_EQ(field_of(check_note_fields("letter", "2026-11-25", "x", opened, today).error()), "kind");
  EXPECT_EQ(field_of(check_note_fields("visit", "2026-11-26", "x", opened, today).error()), "occurred_on");
  EXPECT_EQ(field_of(check_note_fields("visit", "2026-03-09", "x", opened, today).error()), "occurred_on");
  EXPECT_EQ(field_of(check_note_fields("visit", "2026-11-5", "x", opened, today).error()), "occurred_on");
  EXPECT_EQ(field_of(check_note_fields("visit", "2026-11-25", " \n", opened, today).error()), "text");
  EXPECT_EQ(check_note_fields("visit", "2026-11-25", "", opened, today).error().code, Errc::invalid);
}

TEST(CaseRecordRules, RecordClosesWithTheCase) {
  CaseFile k;
  k.stage = "implementation";
  EXPECT_TRUE(check_record_open(k));
  k.stage = "closed";
  EXPECT_EQ(check_record_open(k).error().code, Errc::conflict);
}

TEST(CaseRecordRules, DocumentKindAndName) {
  EXPECT_EQ(*document_kind(std::nullopt, false), "other");
  EXPECT_EQ(*document_kind(std::nullopt, true), "agreement");
  EXPECT_EQ(*document_kind(std::string("court"), false), "court");
  EXPECT_EQ(field_of(document_kind(std::string("court"), true).error()), "kind");
  EXPECT_EQ(field_of(document_kind(std::string("opinion"), false).error()), "kind");  // only the opinion endpoint
  EXPECT_EQ(field_of(document_kind(std::string("poem"), false).error()), "kind");
  EXPECT_EQ(*document_name(std::string("C:\\Dokumenti\\Vienošanās.pdf")), "Vienošanās.pdf");
  EXPECT_EQ(*document_name(std::string("a/b/c.pdf")), "c.pdf");
  EXPECT_EQ(field_of(document_name(std::nullopt).error()), "name");
  EXPECT_EQ(field_of(document_name(std::string("mape/")).error()), "name");
  std::string long_name;
  for (int i = 0; i < 196; ++i) long_name += "ā";  // 200 characters, 396 bytes
  EXPECT_TRUE(document_name(long_name + ".pdf"));
  EXPECT_FALSE(document_name(std::string(197, 'a') + ".pdf"));
}

TEST(CaseRecordRules, OpinionReference) { EXPECT_EQ(opinion_reference(2026, 17), "SD/ATZ/2026/17"); }

TEST(OpinionSections, RequestFromBody) {
  const json body = {{"addressee", "Ādažu novada bāriņtiesai"},
                     {"person_ids", {4, 5}},
                     {"sections",
                      {{{"kind", "case"}},
                       {{"kind", "notes"}, {"title", "Vizītes"}, {"note_ids", {9, 7}}},
                       {{"kind", "text"}, {"text", "Secinājums."}}}}};
  const auto r = opinion_request_from(body);
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->addressee, "Ādažu novada bāriņtiesai");
  EXPECT_EQ(r->person_ids, (std::vector<std::int64_t>{4, 5}));
  ASSERT_EQ(r->sections.size(), 3u);
  EXPECT_EQ(r->sections[1].title, "Vizītes");
  EXPECT_EQ(r->sections[1].note_ids, (std::vector<std::int64_t>{9, 7}));

  auto refused = [&](const std::string& path, const json& value) {
    json b = body;
    b[json::json_pointer(path)] = value;
    const auto bad = opinion_request_from(b);
    return bad ? std::string("accepted") : field_of(bad.error());
  };
  EXPECT_EQ(refused("/addressee", ""), "addressee");
  EXPECT_EQ(refused("/person_ids", json::array()), "person_ids");
  EXPECT_EQ(refused("/sections", json::array()), "sections");
  EXPECT_EQ(refused("/sections/0/kind", "poem"), "sections.0.kind");
  EXPECT_EQ(refused("/sections/0/colour", "red"), "sections.0.colour");
  EXPECT_EQ(refused("/sections/1/note_ids", json::array()), "sections.1.note_ids");
  EXPECT_EQ(refused("/sections/2/text", "  "), "sections.2.text");
  EXPECT_EQ(refused("/sections/0", {{"kind", "assessment"}}), "sections.0.assessment_id");
  EXPECT_EQ(refused("/sections/0/title", std::string(201, 'x')), "sections.0.title");
}

TEST(OpinionSections, ParagraphsInLatvian) {
  CaseFile k;
  k.subject_name = "Bērziņu ģimene";
  k.opened_on = "2026-03-10";
  k.stage = "plan";
  const OpinionSection c = case_section("Gadījuma apraksts", k, {"violence", "neglect"});
  ASSERT_EQ(c.paragraphs.size(), 2u);
  EXPECT_EQ(c.paragraphs[0], "Sociālais dienests strādā ar gadījumu “Bērziņu ģimene” kopš 10.03.2026. Pašreizējais "
                             "posms: sadarbības plāns.");
  EXPECT_EQ(c.paragraphs[1], "Konstatētās grūtības: vardarbība, bērna aprūpes nenodrošināšana.");

  const OpinionSection n = notes_section("Vizītes", {{"visit", "2026-11-02", "Bērni skolā."}});
  EXPECT_EQ(n.paragraphs, (std::vector<std::string>{"02.11.2026. Apmeklējums.\nBērni skolā."}));

  const OpinionSection t = text_section("Secinājumi", "Pirmā rindkopa.\nTurpinājums.\n\n \nOtrā.");
  EXPECT_EQ(t.paragraphs, (std::vector<std::string>{"Pirmā rindkopa.\nTurpinājums.", "Otrā."}));
  EXPECT_EQ(default_section_title("plan"), "Sadarbības plāns");

  Plan plan;
  plan.number = 2;
  plan.decided_at = "2026-11-20T10:00:00Z";
  plan.review_on = "2027-02-15";
  PlanGoal goal;
  goal.text = "Bērni apmeklē skolu";
  PlanTask task;
  task.text = "Pavadīt bērnus uz skolu";
  task.due_on = "2026-12-15";
  task.responsible.kind = "member";
  task.responsible.name = "Anna Bērziņa";
  goal.tasks.push_back(task);
  plan.goals.push_back(goal);
  const OpinionSection p = plan_section("Plāns", plan);
  ASSERT_EQ(p.paragraphs.size(), 2u);
  EXPECT_EQ(p.paragraphs[0], "Sadarbības plāns Nr. 2, apstiprināts 20.11.2026.; pārskatīšana līdz 15.02.2027.");
  EXPECT_EQ(p.paragraphs[1],
            "1. mērķis: Bērni apmeklē skolu\n– Pavadīt bērnus uz skolu (atbildīgais: Anna Bērziņa; termiņš "
            "15.12.2026.; jāizpilda)");
}

TEST(OpinionSections, AssessmentStrengthsBesideDifficulties) {
  const json result = {
      {"overall", "high"},
      {"summary",
       {{{"member", "41"}, {"role", "person"}, {"household", false}, {"role_title", {{"lv", "Persona"}, {"en", "Person"}}},
         {"level", "high"},
         {"domains",
          {{{"domain", "safety"}, {"title", {{"lv", "Drošība"}, {"en", "Safety"}}}, {"level", "high"},
            {"strengths", {{{"question_text", {{"lv", "Drošs patvērums"}}}, {"answer", {{"lv", "ir"}}}}}},
            {"difficulties", {{{"question_text", {{"lv", "Vardarbība mājās"}}}, {"answer", {{"lv", "bieži"}}}}}}},
           {{"domain", "housing"}, {"title", {{"lv", "Mājoklis"}}}, {"level", "low"},
            {"strengths", json::array()}, {"difficulties", json::array()}}}}}}}};
  const auto s = assessment_section("Izvērtējums", result, {{"41", "Anna Bērziņa"}}, "Pieaugušais krīzē",
                                    "2026-11-20T09:00:00Z");
  ASSERT_TRUE(s) << s.error().detail;
  ASSERT_EQ(s->paragraphs.size(), 2u);
  EXPECT_EQ(s->paragraphs[0], "Izvērtējums “Pieaugušais krīzē”, pabeigts 20.11.2026. Kopējais riska līmenis: augsts.");
  EXPECT_EQ(s->paragraphs[1],
            "Anna Bērziņa (Persona) — riska līmenis: augsts.\nDrošība (augsts). Resursi: Drošs patvērums: ir. "
            "Grūtības: Vardarbība mājās: bieži.");
  EXPECT_FALSE(assessment_section("x", json{{"overall", "high"}}, {}, "i", "2026-01-01"));
}

}  // namespace
}  // namespace atb::cases
