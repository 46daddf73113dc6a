#include "cases/document_store.h"

namespace atb::cases {

using storage::params;

namespace {

constexpr const char* kDocumentColumns =
    "SELECT d.id, d.case_id, d.kind, d.name, d.media_type, d.size,"
    " (SELECT MAX(a.id) FROM case_agreement a WHERE a.case_id = d.case_id AND a.document_id = d.id), d.uploaded_by, u.full_name, d.uploaded_at"
    " FROM case_document d JOIN app_user u ON u.id = d.uploaded_by";

CaseDocument document_from(const storage::Row& r) {
  return CaseDocument{r.integer(0), r.integer(1), r.text(2),    r.text(3),    r.text(4),
                      r.integer(5), r.opt_integer(6), r.integer(7), r.text(8), r.text(9)};
}

constexpr const char* kOpinionColumns =
    "SELECT o.id, o.case_id, o.municipality_id, o.year, o.number, o.reference, o.document_id, o.addressee,"
    " o.created_by, u.full_name, o.created_at FROM case_opinion o JOIN app_user u ON u.id = o.created_by";

CaseOpinion opinion_from(const storage::Row& r) {
  return CaseOpinion{r.integer(0), r.integer(1), r.integer(2), static_cast<int>(r.integer(3)),
                     static_cast<int>(r.integer(4)), r.text(5), r.integer(6), r.text(7), r.integer(8), r.text(9),
                     r.text(10)};
}

}  // namespace

Result<std::int64_t> insert_document(storage::Connection& c, const CaseDocument& d, const std::string& content_sealed) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO case_document (case_id, kind, name, media_type, size, uploaded_by,"
                               " uploaded_at, content_sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                               params(d.case_id, d.kind, d.name, d.media_type, d.size, d.uploaded_by, d.uploaded_at,
                                      content_sealed)));
  return rows[0].integer(0);
}

Result<std::vector<CaseDocument>> list_documents(storage::Connection& c, std::int64_t case_id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kDocumentColumns) + " WHERE d.case_id = ? ORDER BY d.id DESC",
                               params(case_id)));
  std::vector<CaseDocument> out;
  for (const storage::Row& r : rows) out.push_back(document_from(r));
  return out;
}

Result<std::optional<CaseDocument>> load_document(storage::Connection& c, std::int64_t case_id, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kDocumentColumns) + " WHERE d.id = ? AND d.case_id = ?",
                               params(id, case_id)));
  if (rows.empty()) return std::optional<CaseDocument>{};
  return std::optional(document_from(rows[0]));
}

Result<std::optional<std::string>> load_document_content(storage::Connection& c, std::int64_t case_id,
                                                         std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT content_sealed FROM case_document WHERE id = ? AND case_id = ?",
                               params(id, case_id)));
  if (rows.empty()) return std::optional<std::string>{};
  return std::optional(rows[0].text(0));
}

Result<bool> is_case_agreement(storage::Connection& c, std::int64_t case_id, std::int64_t agreement_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT 1 FROM case_agreement WHERE id = ? AND case_id = ?",
                               params(agreement_id, case_id)));
  return !rows.empty();
}

Result<void> link_agreement_document(storage::Connection& c, std::int64_t agreement_id, std::int64_t document_id) {
  ATB_TRY(c.execute("UPDATE case_agreement SET document_id = ? WHERE id = ?", params(document_id, agreement_id)));
  return ok();
}

Result<int> next_opinion_number(storage::Connection& c, std::int64_t municipality_id, int year) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO case_opinion_counter (municipality_id, year, last_number) VALUES (?, ?, 1)"
                               " ON CONFLICT (municipality_id, year) DO UPDATE"
                               " SET last_number = case_opinion_counter.last_number + 1 RETURNING last_number",
                               params(municipality_id, year)));
  return static_cast<int>(rows[0].integer(0));
}

Result<int> expected_opinion_number(storage::Connection& c, std::int64_t municipality_id, int year) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT last_number FROM case_opinion_counter WHERE municipality_id = ? AND year = ?",
                               params(municipality_id, year)));
  return rows.empty() ? 1 : static_cast<int>(rows[0].integer(0)) + 1;
}

Result<std::int64_t> insert_opinion(storage::Connection& c, const CaseOpinion& o) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO case_opinion (case_id, municipality_id, year, number, reference,"
                               " document_id, addressee, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                               " RETURNING id",
                               params(o.case_id, o.municipality_id, o.year, o.number, o.reference, o.document_id,
                                      o.addressee, o.created_by, o.created_at)));
  return rows[0].integer(0);
}

Result<std::vector<CaseOpinion>> list_opinions(storage::Connection& c, std::int64_t case_id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kOpinionColumns) + " WHERE o.case_id = ? ORDER BY o.id DESC",
                               params(case_id)));
  std::vector<CaseOpinion> out;
  for (const storage::Row& r : rows) out.push_back(opinion_from(r));
  return out;
}

Result<std::optional<CaseOpinion>> load_opinion(storage::Connection& c, std::int64_t case_id, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kOpinionColumns) + " WHERE o.id = ? AND o.case_id = ?",
                               params(id, case_id)));
  if (rows.empty()) return std::optional<CaseOpinion>{};
  return std::optional(opinion_from(rows[0]));
}

}  // namespace atb::cases
