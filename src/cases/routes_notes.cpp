// A case's notes (piezīmes): list newest first (paged in SQL, texts opened with the keyring; a
// note whose text cannot be opened is listed with "text": null, "unreadable": true) and add one (text sealed before it is stored). Notes are a record: never changed or deleted.
// Through the case access policy; every list and change audited (entity type "case_note").
#include <nlohmann/json.hpp>

#include "audit/store.h"
#include "cases/note_store.h"
#include "cases/record_rules.h"
#include "cases/routes.h"
#include "cases/routes_records.h"
#include "core/time.h"
#include "http/json_body.h"

namespace atb::cases {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoCase{"Gadījums nav atrasts.", "No such case."};

/// A JSON note body may hold 100,000 characters escaped as \uXXXX pairs.
constexpr std::size_t kMaxNoteBody = 2u << 20;

constexpr const char* kNoteSchema = R"({"type":"object","required":["kind","occurred_on","text"],
  "properties":{"kind":{"enum":["visit","call","meeting","case_conference","other"]},
   "occurred_on":{"type":"string","format":"date"},"text":{"type":"string","maxLength":100000}}})";

// A note as sent: its text opened, or, when it cannot be opened (logged), "text": null and
// "unreadable": true, so one damaged note does not hide the others.
json note_json(const CaseContext& cc, const CaseNote& n) {
  std::optional<std::string> text = open_note_text(cc, n);
  json out{{"id", n.id},
           {"case_id", n.case_id},
           {"kind", n.kind},
           {"occurred_on", n.occurred_on},
           {"text", text ? json(std::move(*text)) : json(nullptr)},
           {"author", {{"id", n.author_id}, {"name", n.author_name}}},
           {"created_at", n.created_at}};
  if (!text) out["unreadable"] = true;
  return out;
}

Result<Response> list(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(paging, http::paging(req));
  const std::string kind = req.query("kind").value_or("");
  if (!kind.empty() && !one_of(kNoteKinds, kind)) {
    return Error::invalid_field("kind", {"Nezināms piezīmes veids.", "Unknown kind of note."});
  }
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) -> Result<std::pair<std::vector<CaseNote>, std::int64_t>> {
    ATB_TRY(open_case(c, p, id, access::Access::read, CaseDetail::access));
    return list_notes(c, id, kind, paging.page, paging.page_size);
  }));
  json items = json::array();
  std::vector<std::int64_t> ids;
  for (const CaseNote& n : found.first) {
    ids.push_back(n.id);
    items.push_back(note_json(cc, n));
  }
  ATB_TRY(access::audit_list(cc.access, p, req, "case_note", ids));
  return Response::json({{"items", items}, {"total", found.second}, {"page", paging.page}, {"page_size", paging.page_size}});
}

Result<Response> create(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"kind", "occurred_on", "text"}));
  ATB_TRY_ASSIGN(kind, http::required_string(body, "kind", 40));
  ATB_TRY_ASSIGN(occurred_on, http::required_string(body, "occurred_on", 10));
  if (!body.contains("text") || !body["text"].is_string()) {
    return Error::invalid_field("text", {"Piezīmes teksts ir obligāts.", "The note needs a text."});
  }
  const std::string text = body["text"].get<std::string>();
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::change));
    ATB_TRY(check_record_open(k));
    ATB_TRY_ASSIGN(on, check_note_fields(kind, occurred_on, text, parse_date(k.opened_on).value_or(Date{}), today_riga()));
    CaseNote n{0, id, kind, on.iso(), p.user_id, "", now_utc_iso(), cc.keyring->seal(text)};
    ATB_TRY_ASSIGN_TO(n.id, insert_note(c, n));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "create", "case_note", std::to_string(n.id),
                                                          "case " + std::to_string(id) + ", " + kind)};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(stored, load_notes(c, id, {n.id}));
    if (stored.empty()) return Error::internal("note vanished");
    if (!open_note_text(cc, stored[0])) return unreadable_note("text");
    return note_json(cc, stored[0]);
  }));
  return Response::json(answer, 201);
}

}  // namespace

void add_note_routes(http::Router& router, const CaseContext& cc) {
  router.add(Method::get, "/api/v1/cases/{id}/notes", handler(cc, list),
             {.summary = "A case's notes, newest first (kind=…), paginated; texts decrypted.", .tag = "cases",
              .authenticated = true});
  router.add(Method::post, "/api/v1/cases/{id}/notes", handler(cc, create),
             {.summary = "Add a dated note (text up to 100,000 characters, stored encrypted; 409 for a closed case).",
              .tag = "cases", .authenticated = true, .request_schema = kNoteSchema, .success_status = 201},
             {.max_body = kMaxNoteBody});
}

}  // namespace atb::cases
