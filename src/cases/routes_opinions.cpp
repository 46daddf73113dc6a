// A case's opinions (atzinumi) for the orphan's court or a court: make one from the sections the
// worker chose (cases/opinion_sections.h), numbered "SD/ATZ/<year>/<n>" per municipality and
// year, as a PDF (cases/opinion_pdf.h) stored sealed as a document of kind "opinion"; list them.
// Through the case access policy; creation and lists audited (entity type "case_opinion").
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "audit/store.h"
#include "cases/assessment_store.h"
#include "cases/case_store.h"
#include "cases/document_store.h"
#include "cases/intake_store.h"
#include "cases/note_store.h"
#include "cases/opinion_sections.h"
#include "cases/plan_store.h"
#include "cases/record_rules.h"
#include "cases/routes.h"
#include "cases/routes_records.h"
#include "core/time.h"
#include "http/json_body.h"
#include "storage/id_list.h"

namespace atb::cases {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoCase{"Gadījums nav atrasts.", "No such case."};

constexpr const char* kOpinionSchema = R"({"type":"object","required":["addressee","person_ids","sections"],
  "properties":{"addressee":{"type":"string","maxLength":300},"addressee_address":{"type":"string","maxLength":300},
   "request":{"type":"string","maxLength":300},"subject":{"type":"string","maxLength":300},
   "person_ids":{"type":"array","items":{"type":"integer"},"minItems":1,"maxItems":30},
   "sections":{"type":"array","minItems":1,"maxItems":12,"items":{"type":"object","required":["kind"],
    "properties":{"kind":{"enum":["case","assessment","plan","notes","text"]},"title":{"type":"string","maxLength":200},
     "assessment_id":{"type":"integer"},"note_ids":{"type":"array","items":{"type":"integer"},"maxItems":50},
     "text":{"type":"string","maxLength":20000}}}}}})";

json opinion_json(const CaseOpinion& o) {
  return {{"id", o.id},
          {"case_id", o.case_id},
          {"reference", o.reference},
          {"document_id", o.document_id},
          {"addressee", o.addressee},
          {"created_by", {{"id", o.created_by}, {"name", o.created_by_name}}},
          {"created_at", o.created_at}};
}

Error invalid_section(std::size_t n, const std::string& member, Text why) {
  return Error::invalid_field("sections." + std::to_string(n) + "." + member, std::move(why));
}

// The case's persons {id → "Given Surname"} with their birth dates: the household's members or
// the case's person.
struct Persons {
  std::map<std::string, std::string> names;
  std::map<std::string, std::string> birth_dates;
};
Result<Persons> case_persons(storage::Connection& c, const CaseFile& k) {
  ATB_TRY_ASSIGN(ids, case_person_ids(c, k));
  Persons out;
  if (ids.empty()) return out;
  storage::Params ps;
  const std::string in = storage::id_placeholders(ids, ps);
  ATB_TRY_ASSIGN(rows, c.query("SELECT id, given_names, surname, birth_date FROM person WHERE id IN (" + in + ")", ps));
  for (const storage::Row& r : rows) {
    out.names[std::to_string(r.integer(0))] = r.text(1) + " " + r.text(2);
    out.birth_dates[std::to_string(r.integer(0))] = r.text(3);
  }
  return out;
}

// One chosen section, read from the case.
Result<OpinionSection> build_section(const CaseContext& cc, storage::Connection& c, const CaseFile& k,
                                     const Persons& persons, const SectionRequest& s, std::size_t n) {
  const std::string title = s.title.empty() ? default_section_title(s.kind) : s.title;
  if (s.kind == "case") {
    std::vector<std::string> problems;
    if (k.intake_id) {
      ATB_TRY_ASSIGN(intake, load_intake(c, *k.intake_id));
      if (intake) problems = intake->problems;
    }
    return case_section(title, k, problems);
  }
  if (s.kind == "assessment") {
    ATB_TRY_ASSIGN(a, load_assessment(c, k.id, *s.assessment_id));
    if (!a || a->status != "completed" || !a->result) {
      return invalid_section(n, "assessment_id", {"Norādiet šī gadījuma pabeigtu izvērtējumu.",
                                                  "Give a completed assessment of this case."});
    }
    const Instrument* ins = cc.instruments->find(a->instrument_id, a->instrument_version);
    const std::string instrument = ins ? ins->title.lv : a->instrument_id;
    return assessment_section(title, json::parse(*a->result, nullptr, false), persons.names, instrument,
                              a->completed_at.value_or(""));
  }
  if (s.kind == "plan") {
    ATB_TRY_ASSIGN(versions, list_plan_versions(c, k.id));
    const auto in_force = std::find_if(versions.begin(), versions.end(),
                                       [](const PlanVersion& v) { return v.status == "approved"; });
    std::optional<Plan> plan;
    if (in_force != versions.end()) ATB_TRY_ASSIGN_TO(plan, load_plan(c, k.id, in_force->id));
    if (!plan) {
      return invalid_section(n, "kind", {"Gadījumam nav spēkā esoša sadarbības plāna.",
                                         "The case has no cooperation plan in force."});
    }
    return plan_section(title, *plan);
  }
  if (s.kind == "notes") {
    ATB_TRY_ASSIGN(notes, load_notes(c, k.id, s.note_ids));
    if (notes.size() != s.note_ids.size()) {
      for (std::size_t m = 0; m < s.note_ids.size(); ++m) {
        const bool found = std::any_of(notes.begin(), notes.end(), [&](const CaseNote& x) { return x.id == s.note_ids[m]; });
        if (!found) {
          return invalid_section(n, "note_ids." + std::to_string(m), {"Šim gadījumam tādas piezīmes nav.",
                                                                      "This case has no such note."});
        }
      }
    }
    std::vector<NoteText> texts;
    for (std::size_t m = 0; m < notes.size(); ++m) {
      std::optional<std::string> text = open_note_text(cc, notes[m]);
      if (!text) return unreadable_note("sections." + std::to_string(n) + ".note_ids." + std::to_string(m));
      texts.push_back({notes[m].kind, notes[m].occurred_on, std::move(*text)});
    }
    return notes_section(title, texts);
  }
  return text_section(title, s.text);
}

// Everything the PDF says but its number.
Result<OpinionContent> content_of(const CaseContext& cc, storage::Connection& c, const CaseFile& k,
                                  const access::Principal& p, const OpinionRequest& r) {
  OpinionContent o;
  ATB_TRY_ASSIGN(org, c.query("SELECT m.name, d.name_lv FROM municipality m JOIN department d ON d.municipality_id = m.id"
                              " WHERE d.id = ?", storage::params(k.department_id)));
  if (org.empty()) return Error::internal("case department missing");
  o.municipality = org[0].text(0);
  o.service = org[0].text(1);
  o.addressee = r.addressee;
  o.addressee_address = r.addressee_address;
  o.request = r.request;
  o.subject = r.subject;
  ATB_TRY_ASSIGN(persons, case_persons(c, k));
  for (std::size_t n = 0; n < r.person_ids.size(); ++n) {
    const std::string id = std::to_string(r.person_ids[n]);
    if (persons.names.count(id) == 0) {
      return Error::invalid_field("person_ids." + std::to_string(n), {"Persona nav šī gadījuma persona.",
                                                                      "The person is not one of this case's."});
    }
    o.persons.push_back({persons.names[id], persons.birth_dates[id], ""});
  }
  for (std::size_t n = 0; n < r.sections.size(); ++n) {
    ATB_TRY_ASSIGN(section, build_section(cc, c, k, persons, r.sections[n], n));
    o.sections.push_back(std::move(section));
  }
  ATB_TRY_ASSIGN(author, c.query("SELECT full_name FROM app_user WHERE id = ?", storage::params(p.user_id)));
  o.author_name = author.empty() ? "" : author[0].text(0);
  o.author_position = position_lv(p);
  o.date = today_riga().iso();
  return o;
}

Result<Response> list(const CaseContext& cc, Request& req, const access::Principal& p) {
  return list_case_records(cc, req, p, kNoCase, "case_opinion", list_opinions, opinion_json);
}

// What the reads gather before the write: everything the PDF says, where and when it is
// numbered, the number it expects and the PDF rendered with it.
struct Draft {
  OpinionContent content;
  std::int64_t municipality_id = 0;
  int year = 0, number = 0;
  std::string pdf;
};

// `d`'s PDF rendered with number `number`.
Result<void> render(Draft& d, int number) {
  d.number = number;
  d.content.reference = opinion_reference(d.year, number);
  ATB_TRY_ASSIGN_TO(d.pdf, opinion_pdf(d.content));
  return ok();
}

// The reads and the rendering, outside any transaction: the case (may `p` change it, is it open),
// the sections, and the PDF under the number the opinion expects.
Result<Draft> draft_opinion(const CaseContext& cc, const access::Principal& p, std::int64_t id,
                            const OpinionRequest& asked) {
  ATB_TRY_ASSIGN(draft, cc.access.db->read([&](storage::Connection& c) -> Result<Draft> {
    ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::change));
    ATB_TRY(check_record_open(k));
    Draft d;
    ATB_TRY_ASSIGN_TO(d.content, content_of(cc, c, k, p, asked));
    d.municipality_id = k.municipality_id;
    d.year = today_riga().year;
    ATB_TRY_ASSIGN_TO(d.number, expected_opinion_number(c, d.municipality_id, d.year));
    return d;
  }));
  ATB_TRY(render(draft, draft.number));
  return draft;
}

Result<Response> create(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"addressee", "addressee_address", "request", "subject",
                                                    "person_ids", "sections"}));
  ATB_TRY_ASSIGN(asked, opinion_request_from(body));
  ATB_TRY_ASSIGN(draft, draft_opinion(cc, p, id, asked));
  // One short write: the case checked again, the number drawn under the counter's row lock, the
  // PDF stored. Only when another opinion took the expected number meanwhile is it rendered again.
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::change));
    ATB_TRY(check_record_open(k));
    ATB_TRY_ASSIGN(number, next_opinion_number(c, draft.municipality_id, draft.year));
    if (number != draft.number) ATB_TRY(render(draft, number));
    CaseOpinion o;
    o.case_id = id;
    o.municipality_id = draft.municipality_id;
    o.year = draft.year;
    o.number = number;
    o.reference = draft.content.reference;
    const StoredFile file{"opinion", fmt::format("atzinums-{}-{}.pdf", o.year, o.number), "application/pdf",
                          cc.keyring->seal(draft.pdf), static_cast<std::int64_t>(draft.pdf.size())};
    ATB_TRY_ASSIGN_TO(o.document_id, store_file(c, req, p, id, file));
    o.addressee = asked.addressee;
    o.created_by = p.user_id;
    o.created_at = now_utc_iso();
    ATB_TRY_ASSIGN_TO(o.id, insert_opinion(c, o));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "create", "case_opinion", std::to_string(o.id),
                                                          "case " + std::to_string(id) + ", " + o.reference)};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(stored, load_opinion(c, id, o.id));
    if (!stored) return Error::internal("opinion vanished");
    return opinion_json(*stored);
  }));
  return Response::json(answer, 201);
}

}  // namespace

void add_opinion_routes(http::Router& router, const CaseContext& cc) {
  router.add(Method::get, "/api/v1/cases/{id}/opinions", handler(cc, list),
             {.summary = "A case's opinions for the orphan's court or a court, newest first.", .tag = "cases",
              .authenticated = true});
  router.add(Method::post, "/api/v1/cases/{id}/opinions", handler(cc, create),
             {.summary = "Make an opinion (PDF) from chosen sections of the case; numbered SD/ATZ/<year>/<n>, stored "
                         "as a document of kind opinion.",
              .tag = "cases", .authenticated = true, .request_schema = kOpinionSchema, .success_status = 201});
}

}  // namespace atb::cases
