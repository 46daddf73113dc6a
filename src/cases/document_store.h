// SQL of case documents (table case_document), the link of a signed agreement to its document,
// and opinions (table case_opinion) with their numbering. No access decisions and no sealing
// here: the routes open the case first and seal / open the bytes with the keyring.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/records_model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::cases {

/// Stores a document (every field but id, agreement_id and uploaded_by_name set) with its
/// sealed bytes; returns its id.
Result<std::int64_t> insert_document(storage::Connection& c, const CaseDocument& d, const std::string& content_sealed);

/// A case's documents, newest first, without their bytes.
Result<std::vector<CaseDocument>> list_documents(storage::Connection& c, std::int64_t case_id);

/// The document `id` of case `case_id` without its bytes (nullopt when there is none, or it is
/// another case's).
Result<std::optional<CaseDocument>> load_document(storage::Connection& c, std::int64_t case_id, std::int64_t id);

/// The sealed bytes of document `id` of case `case_id` (nullopt as above).
Result<std::optional<std::string>> load_document_content(storage::Connection& c, std::int64_t case_id,
                                                         std::int64_t id);

/// Whether `agreement_id` is an agreement of case `case_id`.
Result<bool> is_case_agreement(storage::Connection& c, std::int64_t case_id, std::int64_t agreement_id);

/// Links agreement `agreement_id` to its signed document (a later upload replaces the link).
Result<void> link_agreement_document(storage::Connection& c, std::int64_t agreement_id, std::int64_t document_id);

/// The next opinion number of a municipality in a year (1, 2, …), drawn under the counter row's
/// lock so that concurrent opinions never share a number.
Result<int> next_opinion_number(storage::Connection& c, std::int64_t municipality_id, int year);

/// The number next_opinion_number() would draw now (last drawn + 1), without drawing it: what an
/// opinion rendered before its write transaction expects to get. Another opinion may take it first.
Result<int> expected_opinion_number(storage::Connection& c, std::int64_t municipality_id, int year);

/// Stores an opinion (every field but id and created_by_name set); returns its id.
Result<std::int64_t> insert_opinion(storage::Connection& c, const CaseOpinion& o);

/// A case's opinions, newest first.
Result<std::vector<CaseOpinion>> list_opinions(storage::Connection& c, std::int64_t case_id);

/// The opinion `id` of case `case_id` (nullopt when there is none, or it is another case's).
Result<std::optional<CaseOpinion>> load_opinion(storage::Connection& c, std::int64_t case_id, std::int64_t id);

}  // namespace atb::cases
