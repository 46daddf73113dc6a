// Case notes whose sealed text cannot be opened, and opinions numbered under concurrency, through
// the API on both engines (docs/api-cases-records.md):
// - a note sealed under a key no longer in the key file, or altered, is listed with its metadata,
//   "text": null and "unreadable": true, beside the readable notes (not a 500 for the whole list);
//   an opinion that quotes it answers a clear 409 naming the note; a document whose content
//   cannot be opened answers a clear 409 naming "content" when downloaded;
// - an opinion is gathered and rendered before its write: a refused opinion takes no write, and
//   opinions made at once get distinct numbers, each PDF carrying its own number.
#include <set>
#include <thread>

#include "case_test_support.h"
#include "support/pdf_text.h"

namespace atb::test {
namespace {

using nlohmann::json;

class CaseSealedTest : public CaseTest {
 protected:
  static std::string base(const json& k, const std::string& tail) {
    return "/api/v1/cases/" + std::to_string(k["id"].get<std::int64_t>()) + tail;
  }
  json note(const json& k, const std::string& text) {
    const Answer a = post(base(k, "/notes"), {{"kind", "visit"}, {"occurred_on", in_days(0)}, {"text", text}}, worker_);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body;
  }
  void execute(const std::string& sql) {
    auto done = f_.db().write([&](storage::Connection& c) { return c.execute(sql); });
    ASSERT_TRUE(done) << done.error().detail;
  }
};

TEST_P(CaseSealedTest, UnreadableNoteListedWithMarker) {
  const json k = open_case();
  const json kept = note(k, "Apmeklējums: viss kārtībā.");
  const json lost = note(k, "Zvans: māte nebija mājās.");
  const json damaged = note(k, "Tikšanās skolā.");
  // One sealed under a key this key file never had, one altered after sealing.
  execute("UPDATE case_note SET text_sealed = 'k99:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' WHERE id = " +
          lost["id"].dump());
  execute("UPDATE case_note SET text_sealed = text_sealed || 'AA' WHERE id = " + damaged["id"].dump());

  const Answer list = get(base(k, "/notes"), worker_);
  ASSERT_EQ(list.status, 200) << list.body.dump();
  ASSERT_EQ(list.body["items"].size(), 3u);
  EXPECT_EQ(list.body["total"], 3);
  for (const json& item : list.body["items"]) {
    if (item["id"] == kept["id"]) {
      EXPECT_EQ(item["text"], "Apmeklējums: viss kārtībā.");
      EXPECT_FALSE(item.contains("unreadable"));
    } else {
      EXPECT_TRUE(item["text"].is_null()) << item.dump();
      EXPECT_EQ(item["unreadable"], true) << item.dump();
      EXPECT_EQ(item["kind"], "visit");
      EXPECT_EQ(item["occurred_on"], in_days(0));
      EXPECT_EQ(item["author"]["id"], worker_user_.id);
    }
  }
  // The list is audited as usual, naming every note shown.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'case_note' AND action = 'list'"), 1);

  // An opinion quoting the unreadable note: a clear 409 naming it, nothing stored.
  const json body = {{"addressee", "Bāriņtiesai"},
                     {"person_ids", {anna_}},
                     {"sections", {{{"kind", "notes"}, {"note_ids", {kept["id"], lost["id"]}}}}}};
  const Answer refused = post(base(k, "/opinions"), body, worker_);
  EXPECT_EQ(refused.status, 409) << refused.body.dump();
  EXPECT_EQ(refused.content_type, "application/problem+json");
  ASSERT_TRUE(refused.body.contains("errors")) << refused.body.dump();
  EXPECT_EQ(refused.body["errors"][0]["field"], "sections.0.note_ids.1") << refused.body.dump();
  EXPECT_NE(refused.body.dump().find("cannot be opened"), std::string::npos) << refused.body.dump();
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_opinion"), 0);
}

// A document whose stored content cannot be opened answers a clear 409 naming "content" (not
// a 500), the readable one still downloads, and no download is audited for the refused ones.
TEST_P(CaseSealedTest, UnreadableDocumentAnswersConflict) {
  const json k = open_case();
  const std::string pdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n";
  const auto upload = [&](const std::string& name) {
    const Answer a = f_.call(http::Method::post, base(k, "/documents?kind=court&name=" + name), worker_, pdf);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body;
  };
  const json kept = upload("a.pdf"), lost = upload("b.pdf"), damaged = upload("c.pdf");
  execute("UPDATE case_document SET content_sealed = 'k99:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' WHERE id = " +
          lost["id"].dump());
  execute("UPDATE case_document SET content_sealed = content_sealed || 'AA' WHERE id = " + damaged["id"].dump());
  const auto content = [&](const json& d) { return base(k, "/documents/" + d["id"].dump() + "/content"); };

  const Answer ok = get(content(kept), worker_);
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.raw, pdf);
  for (const json& d : {lost, damaged}) {
    const Answer refused = get(content(d), worker_);
    EXPECT_EQ(refused.status, 409) << refused.raw;
    EXPECT_EQ(refused.content_type, "application/problem+json");
    ASSERT_TRUE(refused.body.contains("errors")) << refused.raw;
    EXPECT_EQ(refused.body["errors"][0]["field"], "content") << refused.raw;
    EXPECT_NE(refused.body.dump().find("cannot be opened"), std::string::npos) << refused.raw;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'case_document' AND action = 'download'"), 1);
}

TEST_P(CaseSealedTest, RefusedOpinionTakesNoWrite) {
  const json k = open_case();
  const json other = open_case();
  const json foreign = [&] {
    const Answer a = post(base(other, "/notes"), {{"kind", "call"}, {"occurred_on", in_days(0)}, {"text", "Cits."}},
                          worker_);
    return a.body;
  }();
  const auto groups = f_.db().write_groups();
  const json body = {{"addressee", "Bāriņtiesai"},
                     {"person_ids", {anna_}},
                     {"sections", {{{"kind", "notes"}, {"note_ids", {foreign["id"]}}}}}};
  const Answer refused = post(base(k, "/opinions"), body, worker_);
  EXPECT_EQ(refused.status, 422) << refused.body.dump();
  // The sections are read before any write transaction: a refusal never queues behind writers
  // (SQLite counts its write groups; PostgreSQL has none and stays at 0).
  EXPECT_EQ(f_.db().write_groups(), groups);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_opinion_counter"), 0) << "no number drawn";
}

TEST_P(CaseSealedTest, ConcurrentOpinionsNumberedUniquely) {
  const json k = open_case();
  const json body = {{"addressee", "Ādažu novada bāriņtiesai"}, {"person_ids", {anna_}}, {"sections", {{{"kind", "case"}}}}};
  constexpr int kOpinions = 6;
  std::vector<Answer> answers(kOpinions);
  std::vector<std::thread> threads;
  for (int i = 0; i < kOpinions; ++i) {
    threads.emplace_back([&, i] { answers[i] = post(base(k, "/opinions"), body, i % 2 ? supervisor_ : worker_); });
  }
  for (auto& t : threads) t.join();
  const std::string year = std::to_string(today_riga().year);
  std::set<std::string> references;
  for (const Answer& a : answers) {
    ASSERT_EQ(a.status, 201) << a.body.dump();
    const std::string reference = a.body["reference"];
    references.insert(reference);
    // The stored PDF says the number the opinion got, even when another took the one it expected.
    const Answer pdf = get(base(k, "/documents/" + a.body["document_id"].dump() + "/content"), worker_);
    ASSERT_EQ(pdf.status, 200);
    const std::string text = flat(pdf_text(pdf.raw));
    ASSERT_FALSE(text.empty()) << "pdftotext (poppler-utils) is needed";
    EXPECT_NE(text.find(reference + " "), std::string::npos) << reference << "\n" << text;
  }
  EXPECT_EQ(references.size(), static_cast<std::size_t>(kOpinions));
  for (int n = 1; n <= kOpinions; ++n) {
    EXPECT_EQ(references.count("SD/ATZ/" + year + "/" + std::to_string(n)), 1u) << n;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseSealedTest, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
