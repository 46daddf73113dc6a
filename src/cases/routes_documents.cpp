// A case's documents (attachments): list, upload (the raw bytes of one file, up to 20 MiB, its
// type found in its content, sealed before it is stored; optionally the signed copy of one of
// the case's agreements) and download (always as an attachment). Through the case access
// policy; every list, download and upload audited (entity type "case_document").
#include <nlohmann/json.hpp>

#include "audit/store.h"
#include "cases/document_store.h"
#include "cases/record_rules.h"
#include "cases/routes.h"
#include "cases/routes_records.h"
#include "core/file_type.h"
#include "core/time.h"
#include "http/json_body.h"

namespace atb::cases {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoCase{"Gadījums nav atrasts.", "No such case."};
const Text kNoDocument{"Dokuments nav atrasts.", "No such document."};

Result<Response> list(const CaseContext& cc, Request& req, const access::Principal& p) {
  return list_case_records(cc, req, p, kNoCase, "case_document", list_documents, document_json);
}

Result<Response> upload(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  std::optional<std::int64_t> agreement_id;
  if (const auto a = req.query("agreement_id")) {
    agreement_id = http::path_id(*a);
    if (!agreement_id) return Error::invalid_field("agreement_id", {"Norādiet vienošanos.", "Give the agreement."});
  }
  // Who may add to the case is checked before the bytes are examined and sealed.
  ATB_TRY(cc.access.db->read([&](storage::Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::change));
    return check_record_open(k);
  }));
  ATB_TRY_ASSIGN(kind, document_kind(req.query("kind"), agreement_id.has_value()));
  ATB_TRY_ASSIGN(name, document_name(req.query("name")));
  ATB_TRY_ASSIGN(type, check_upload(name, req.body, req.body.size()));
  StoredFile file{kind, safe_file_name(name, type), type.mime, cc.keyring->seal(req.body),
                  static_cast<std::int64_t>(req.body.size())};
  req.body.clear();
  req.body.shrink_to_fit();
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::change));
    ATB_TRY(check_record_open(k));
    if (agreement_id) {
      ATB_TRY_ASSIGN(ours, is_case_agreement(c, id, *agreement_id));
      if (!ours) {
        return Error::invalid_field("agreement_id", {"Šim gadījumam tādas vienošanās nav.",
                                                     "This case has no such agreement."});
      }
    }
    ATB_TRY_ASSIGN(doc_id, store_file(c, req, p, id, file));
    if (agreement_id) ATB_TRY(link_agreement_document(c, *agreement_id, doc_id));
    ATB_TRY_ASSIGN(stored, load_document(c, id, doc_id));
    if (!stored) return Error::internal("document vanished");
    return document_json(*stored);
  }));
  return Response::json(answer, 201);
}

Result<Response> download(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  const auto did = http::path_id(req.param("did"));
  if (!did) return Error{Errc::not_found, kNoDocument, {}, {}};
  struct Found {
    CaseDocument d;
    std::string sealed;
  };
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) -> Result<Found> {
    ATB_TRY(open_case(c, p, id, access::Access::read, CaseDetail::access));
    ATB_TRY_ASSIGN(d, load_document(c, id, *did));
    ATB_TRY_ASSIGN(sealed, load_document_content(c, id, *did));
    if (!d || !sealed) return Error{Errc::not_found, kNoDocument, {}, {}};
    return Found{std::move(*d), std::move(*sealed)};
  }));
  ATB_TRY_ASSIGN(bytes, open_document_content(cc, found.d, found.sealed));
  ATB_TRY(access::audit_action(cc.access, p, req, "download", "case_document", std::to_string(*did),
                               "case " + std::to_string(id)));
  return attachment(std::move(bytes), found.d);
}

}  // namespace

void add_document_routes(http::Router& router, const CaseContext& cc) {
  router.add(Method::get, "/api/v1/cases/{id}/documents", handler(cc, list),
             {.summary = "A case's documents, newest first (without their content).", .tag = "cases",
              .authenticated = true});
  router.add(Method::post, "/api/v1/cases/{id}/documents", handler(cc, upload),
             {.summary = "Upload a document (body: the file's bytes; kind=, name=, agreement_id=): up to 20 MiB (413), "
                         "type checked by content (415), stored encrypted.",
              .tag = "cases", .authenticated = true, .success_status = 201},
             {.max_body = static_cast<std::size_t>(kMaxUploadBytes)});
  router.add(Method::get, "/api/v1/cases/{id}/documents/{did}/content", handler(cc, download),
             {.summary = "A document's bytes, always as a download (Content-Disposition: attachment).", .tag = "cases",
              .authenticated = true, .response_type = "application/octet-stream"});
}

}  // namespace atb::cases
