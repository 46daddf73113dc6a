// Information requests (informācijas pieprasījumi): an institution — typically the orphan's
// court — asks about a person or a case (question, deadline); the case workers of the
// municipality see the requests and answer one with an opinion (atzinums) of a case they may
// change; the institution then sees the answer and downloads that opinion's PDF, nothing else
// of the case. Every list, read, answer and download is audited (partner_request,
// case_document); a request or opinion not the institution's answers 404 with a "denied" entry.
#include "audit/store.h"
#include "cases/case_store.h"
#include "cases/document_store.h"
#include "cases/routes_records.h"
#include "core/time.h"
#include "http/json_body.h"
#include "partners/routes.h"
#include "partners/routes_common.h"
#include "partners/rules.h"
#include "partners/store.h"

namespace atb::partners {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoRequest{"Pieprasījums nav atrasts.", "No such request."};

constexpr const char* kRequestSchema = R"({"type":"object","required":["subject_name","question","due_on"],
  "properties":{"subject_name":{"type":"string","maxLength":200},"subject_birth_date":{"type":"string","format":"date"},
   "subject_personal_code":{"type":"string","maxLength":20},"case_reference":{"type":"string","maxLength":100},
   "question":{"type":"string","maxLength":4000},"due_on":{"type":"string","format":"date"}}})";
constexpr const char* kAnswerSchema = R"({"type":"object","required":["version","case_id","opinion_id"],
  "properties":{"version":{"type":"integer"},"case_id":{"type":"integer"},"opinion_id":{"type":"integer"},
   "note":{"type":"string","maxLength":2000}}})";

access::PartnerRecordScope scope_of(const InfoRequest& r) { return {r.municipality_id, r.partner_id, r.requested_by}; }

// The request `id` when `p` has at least `need` access to it; not_found / forbidden otherwise.
Result<InfoRequest> open_request(storage::Connection& c, const access::Principal& p, std::int64_t id, access::Access need) {
  ATB_TRY_ASSIGN(r, load_request(c, id));
  const access::Access granted = r ? access::request_access(p, scope_of(*r)) : access::Access::none;
  if (granted == access::Access::none) return Error{Errc::not_found, kNoRequest, {}, {}};
  if (need == access::Access::change && granted != access::Access::change) {
    return Error{Errc::forbidden, {"Pieprasījumu jūs drīkstat tikai skatīt.", "You may only read this request."}, {}, {}};
  }
  return std::move(*r);
}

// Staff see which case answered a request; the institution does not.
json staff_json(const InfoRequest& r) {
  json out = to_json(r);
  out["case_id"] = r.case_id ? json(*r.case_id) : json(nullptr);
  return out;
}

Result<Response> list_of(const cases::CaseContext& cc, Request& req, const access::Principal& p, RequestFilter f,
                         json (*as_json)(const InfoRequest&)) {
  ATB_TRY_ASSIGN(paging, http::paging(req));
  f.status = req.query("status").value_or("");
  if (!f.status.empty() && f.status != "open" && f.status != "answered") {
    return Error::invalid_field("status", {"Statuss ir open vai answered.", "The status is open or answered."});
  }
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) {
    return list_requests(c, f, paging.page, paging.page_size);
  }));
  json items = json::array();
  std::vector<std::int64_t> ids;
  for (const InfoRequest& r : found.first) {
    ids.push_back(r.id);
    items.push_back(as_json(r));
  }
  ATB_TRY(access::audit_list(cc.access, p, req, "partner_request", ids));
  return Response::json({{"items", items}, {"total", found.second}, {"page", paging.page}, {"page_size", paging.page_size}});
}

json partner_json(const InfoRequest& r) { return to_json(r); }

// ---- the institution's side ----

Result<Response> send(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"subject_name", "subject_birth_date", "subject_personal_code",
                                                    "case_reference", "question", "due_on"}));
  ATB_TRY_ASSIGN(r, request_from(body, today_riga()));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(from, load_partner(c, *p.partner_id));
    if (!from || !from->active) {
      return Error{Errc::forbidden, {"Jūsu iestāde reģistrā nav aktīva.", "Your institution is not active in the register."},
                   {}, {}};
    }
    r.municipality_id = from->municipality_id;
    r.partner_id = from->id;
    r.requested_by = p.user_id;
    r.created_at = now_utc_iso();
    ATB_TRY_ASSIGN(id, insert_request(c, r));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "create", "partner_request", std::to_string(id), from->name)};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(stored, load_request(c, id));
    if (!stored) return Error::internal("request vanished");
    return to_json(*stored);
  }));
  return Response::json(answer, 201);
}

Result<Response> sent(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  RequestFilter f;
  f.partner_id = *p.partner_id;
  return list_of(cc, req, p, f, partner_json);
}

Result<Response> read_sent(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoRequest));
  ATB_TRY_ASSIGN(r, cc.access.db->read([&](storage::Connection& c) { return open_request(c, p, id, access::Access::read); }));
  ATB_TRY(access::audit_read(cc.access, p, req, "partner_request", std::to_string(id)));
  return Response::json(to_json(r));
}

// The PDF of the opinion that answered the institution's request: the only part of the case it sees.
Result<Response> download_answer(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoRequest));
  struct Found {
    cases::CaseDocument d;
    std::string sealed;
  };
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) -> Result<Found> {
    const Error missing{Errc::not_found, {"Atbilde nav atrasta.", "No such answer."}, {}, {}};
    ATB_TRY_ASSIGN(r, open_request(c, p, id, access::Access::read));
    if (r.status != "answered" || !r.case_id || !r.opinion_id) return missing;
    ATB_TRY_ASSIGN(k, cases::load_case(c, *r.case_id));
    if (!k) return missing;
    ATB_TRY_ASSIGN(scope, case_scope(c, *k));
    if (access::partner_access(p, scope) == access::Access::none) return missing;
    ATB_TRY_ASSIGN(o, cases::load_opinion(c, k->id, *r.opinion_id));
    if (!o) return missing;
    ATB_TRY_ASSIGN(d, cases::load_document(c, k->id, o->document_id));
    ATB_TRY_ASSIGN(sealed, cases::load_document_content(c, k->id, o->document_id));
    if (!d || !sealed) return missing;
    return Found{std::move(*d), std::move(*sealed)};
  }));
  ATB_TRY_ASSIGN(bytes, cases::open_document_content(cc, found.d, found.sealed));
  ATB_TRY(access::audit_action(cc.access, p, req, "download", "case_document", std::to_string(found.d.id),
                               "partner_request " + std::to_string(id)));
  return cases::attachment(std::move(bytes), found.d);
}

// ---- the staff's side ----

Result<Response> inbox(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_see_requests(p));
  RequestFilter f;
  f.municipality_id = p.municipality_id;
  return list_of(cc, req, p, f, staff_json);
}

Result<Response> read_received(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_see_requests(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoRequest));
  ATB_TRY_ASSIGN(r, cc.access.db->read([&](storage::Connection& c) { return open_request(c, p, id, access::Access::read); }));
  ATB_TRY(access::audit_read(cc.access, p, req, "partner_request", std::to_string(id)));
  return Response::json(staff_json(r));
}

Result<Response> answer(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_see_requests(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoRequest));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "case_id", "opinion_id", "note"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(case_id, cases::optional_id(body, "case_id"));
  ATB_TRY_ASSIGN(opinion_id, cases::optional_id(body, "opinion_id"));
  if (!case_id) return Error::invalid_field("case_id", {"Norādiet gadījumu.", "Give the case."});
  if (!opinion_id) return Error::invalid_field("opinion_id", {"Norādiet atzinumu.", "Give the opinion."});
  ATB_TRY_ASSIGN(note, http::optional_text(body, "note", 2000));
  ATB_TRY_ASSIGN(out, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(r, open_request(c, p, id, access::Access::change));
    const Error stale{Errc::conflict, {"Pieprasījumu pa to laiku mainīja kāds cits, vai tas jau ir atbildēts.",
                                       "The request was changed meanwhile or is already answered."}, {}, {}};
    if (r.version != version || r.status != "open") return stale;
    auto k = cases::open_case(c, p, *case_id, access::Access::change);
    if (!k && k.error().code == Errc::not_found) {
      return Error::invalid_field("case_id", {"Gadījums nav atrasts.", "No such case."});
    }
    if (!k) return std::move(k).error();
    ATB_TRY_ASSIGN(o, cases::load_opinion(c, k->id, *opinion_id));
    if (!o) {
      return Error::invalid_field("opinion_id", {"Šim gadījumam tāda atzinuma nav.", "This case has no such opinion."});
    }
    ATB_TRY_ASSIGN(written, answer_request(c, id, version, k->id, o->id, note, p.user_id, now_utc_iso()));
    if (!written) return stale;
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "answer", "partner_request", std::to_string(id),
                                                          "case " + std::to_string(k->id) + ", " + o->reference)};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(stored, load_request(c, id));
    if (!stored) return Error::internal("request vanished");
    return staff_json(*stored);
  }));
  return Response::json(out);
}

}  // namespace

void add_request_routes(http::Router& router, const cases::CaseContext& cc) {
  router.add(Method::get, "/api/v1/partner/requests", portal_handler(cc, "partner_request", sent),
             {.summary = "Partner portal: the institution's information requests with their answers (status=).",
              .tag = "partner portal", .authenticated = true});
  router.add(Method::post, "/api/v1/partner/requests", portal_handler(cc, "partner_request", send),
             {.summary = "Partner portal: send an information request about a person or a case (question, deadline).",
              .tag = "partner portal", .authenticated = true, .request_schema = kRequestSchema, .success_status = 201});
  router.add(Method::get, "/api/v1/partner/requests/{id}", portal_handler(cc, "partner_request", read_sent),
             {.summary = "Partner portal: one of the institution's information requests and its answer.",
              .tag = "partner portal", .authenticated = true});
  router.add(Method::get, "/api/v1/partner/requests/{id}/opinion", portal_handler(cc, "partner_request", download_answer),
             {.summary = "Partner portal: the PDF of the opinion that answered the request (as a download).",
              .tag = "partner portal", .authenticated = true, .response_type = "application/pdf"});
  router.add(Method::get, "/api/v1/partners/requests", cases::handler(cc, inbox),
             {.summary = "Information requests of partner institutions to the municipality: open ones by deadline "
                         "(status=).",
              .tag = "partners", .authenticated = true});
  router.add(Method::get, "/api/v1/partners/requests/{id}", cases::handler(cc, read_received),
             {.summary = "One information request of a partner institution.", .tag = "partners", .authenticated = true});
  router.add(Method::post, "/api/v1/partners/requests/{id}/answer", cases::handler(cc, answer),
             {.summary = "Answer an information request with an opinion of a case the caller may change.",
              .tag = "partners", .authenticated = true, .request_schema = kAnswerSchema});
}

void add_routes(http::Router& router, const cases::CaseContext& cc) {
  add_register_routes(router, cc);
  add_request_routes(router, cc);
  add_register_item_routes(router, cc);
  add_portal_routes(router, cc);
}

}  // namespace atb::partners
