// What the document and opinion routes share: listing a case's records, a document as JSON,
// storing a file (sealed) with its audit entry, and answering a document's bytes as a download.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/model.h"
#include "cases/records_model.h"
#include "cases/routes_common.h"
#include "core/result.h"
#include "http/json_body.h"
#include "http/request.h"
#include "http/response.h"
#include "storage/connection.h"

namespace atb::cases {

/// The answer to `GET /cases/{id}/…` for a case the caller may read (404 otherwise): every
/// record `load(c, case_id)` returns, each as `to_json(record)`, in `{"items", "total"}`, with one
/// audit list entry of `entity_type` naming them.
template <typename Load, typename ToJson>
Result<http::Response> list_case_records(const CaseContext& cc, http::Request& req, const access::Principal& p,
                                         const Text& no_case, std::string_view entity_type, Load load, ToJson to_json) {
  ATB_TRY_ASSIGN(id, http::record_id(req, no_case));
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) -> decltype(load(c, id)) {
    ATB_TRY(open_case(c, p, id, access::Access::read, CaseDetail::access));
    return load(c, id);
  }));
  nlohmann::json items = nlohmann::json::array();
  std::vector<std::int64_t> ids;
  for (const auto& record : found) {
    ids.push_back(record.id);
    items.push_back(to_json(record));
  }
  ATB_TRY(access::audit_list(cc.access, p, req, std::string(entity_type), ids));
  return http::Response::json({{"items", items}, {"total", items.size()}});
}

/// A document as sent (docs/api-cases-records.md).
nlohmann::json document_json(const CaseDocument& d);

/// A file ready to store: its kind, safe name, detected media type, sealed bytes and size.
struct StoredFile {
  std::string kind, name, media_type, sealed;
  std::int64_t size = 0;
};

/// Stores `file` as a document of case `case_id` uploaded by `p` now, with its audit entry
/// ("create", "case_document"); returns its id. Inside the caller's write transaction.
Result<std::int64_t> store_file(storage::Connection& c, const http::Request& req, const access::Principal& p,
                                std::int64_t case_id, const StoredFile& file);

/// The text of note `n`, opened with the keyring; nullopt when it cannot be opened (sealed under a
/// key the key file no longer has, or altered). The failure is logged (error, with the note's id
/// and the reason), never sent to the client.
std::optional<std::string> open_note_text(const CaseContext& cc, const CaseNote& n);

/// The problem for a note whose text cannot be opened (409, naming `field`, in Latvian and
/// English): a clear answer instead of an internal error.
Error unreadable_note(std::string field);

/// The bytes of document `d` (its stored, sealed content `sealed`), opened with the keyring; when
/// they cannot be opened (sealed under a key the key file no longer has, or altered) the failure
/// is logged as for notes and the answer is a clear 409 naming "content" instead of a 500.
Result<std::string> open_document_content(const CaseContext& cc, const CaseDocument& d, const std::string& sealed);

/// `bytes` as a download of `d`: its media type, Content-Disposition attachment with the file
/// name (an ASCII fallback and the UTF-8 name), Cache-Control no-store (the dispatcher adds
/// X-Content-Type-Options nosniff to every answer).
http::Response attachment(std::string bytes, const CaseDocument& d);

}  // namespace atb::cases
