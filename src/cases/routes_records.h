// What the document and opinion routes share: a document as JSON, storing a file (sealed) with
// its audit entry, and answering a document's bytes as a download.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "access/model.h"
#include "cases/records_model.h"
#include "core/result.h"
#include "http/request.h"
#include "http/response.h"
#include "storage/connection.h"

namespace atb::cases {

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

/// `bytes` as a download of `d`: its media type, Content-Disposition attachment with the file
/// name (an ASCII fallback and the UTF-8 name), Cache-Control no-store (the dispatcher adds
/// X-Content-Type-Options nosniff to every answer).
http::Response attachment(std::string bytes, const CaseDocument& d);

}  // namespace atb::cases
