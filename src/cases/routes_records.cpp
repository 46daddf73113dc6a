#include "cases/routes_records.h"

#include <cctype>

#include <fmt/format.h>

#include "access/http_auth.h"
#include "audit/store.h"
#include "cases/document_store.h"
#include "core/log.h"
#include "core/time.h"

namespace atb::cases {

using nlohmann::json;

namespace {

// The text sealed in `sealed`, or nullopt (logged as an error naming `what`, its id and case).
std::optional<std::string> open_sealed(const CaseContext& cc, const std::string& sealed, const char* what,
                                       std::int64_t id, std::int64_t case_id) {
  auto text = cc.keyring->open(sealed);
  if (text) return std::move(*text);
  log::error(fmt::format("{} cannot be opened", what),
             {{"id", id}, {"case_id", case_id}, {"error", text.error().detail}});
  return std::nullopt;
}

// The 409 for a record whose sealed text cannot be opened, naming `field`.
Error unreadable(Text message, std::string field, std::string detail) {
  Error e{Errc::conflict, std::move(message), {}, std::move(detail)};
  e.fields.push_back({std::move(field), e.message});
  return e;
}

}  // namespace

std::optional<std::string> open_note_text(const CaseContext& cc, const CaseNote& n) {
  return open_sealed(cc, n.text_sealed, "note text", n.id, n.case_id);
}

Error unreadable_note(std::string field) {
  return unreadable(
      {"Piezīmes tekstu nevar atvērt: tā atslēgas nav atslēgu failā vai teksts ir bojāts. Ziņojiet administratoram.",
       "The note's text cannot be opened: its key is not in the key file or the text is damaged. Tell the "
       "administrator."},
      std::move(field), "note text cannot be opened");
}

Result<std::string> open_document_content(const CaseContext& cc, const CaseDocument& d, const std::string& sealed) {
  auto bytes = open_sealed(cc, sealed, "document content", d.id, d.case_id);
  if (bytes) return std::move(*bytes);
  return unreadable({"Dokumenta saturu nevar atvērt: tā atslēgas nav atslēgu failā vai saturs ir bojāts. Ziņojiet "
                     "administratoram.",
                     "The document's content cannot be opened: its key is not in the key file or the content is "
                     "damaged. Tell the administrator."},
                    "content", "document content cannot be opened");
}

json document_json(const CaseDocument& d) {
  return {{"id", d.id},
          {"case_id", d.case_id},
          {"kind", d.kind},
          {"name", d.name},
          {"media_type", d.media_type},
          {"size", d.size},
          {"agreement_id", d.agreement_id ? json(*d.agreement_id) : json(nullptr)},
          {"uploaded_by", {{"id", d.uploaded_by}, {"name", d.uploaded_by_name}}},
          {"uploaded_at", d.uploaded_at}};
}

Result<std::int64_t> store_file(storage::Connection& c, const http::Request& req, const access::Principal& p,
                                std::int64_t case_id, const StoredFile& file) {
  CaseDocument d;
  d.case_id = case_id;
  d.kind = file.kind;
  d.name = file.name;
  d.media_type = file.media_type;
  d.size = file.size;
  d.uploaded_by = p.user_id;
  d.uploaded_at = now_utc_iso();
  ATB_TRY_ASSIGN(id, insert_document(c, d, file.sealed));
  std::vector<audit::Entry> entries{access::audit_entry(
      p, req, "create", "case_document", std::to_string(id),
      fmt::format("case {}, {}, {} bytes", case_id, file.kind, file.size))};
  ATB_TRY(audit::append(c, entries));
  return id;
}

http::Response attachment(std::string bytes, const CaseDocument& d) {
  std::string ascii, encoded;
  for (unsigned char ch : d.name) {
    ascii += ch < 0x80 && ch >= 0x20 && ch != '"' && ch != '\\' ? static_cast<char>(ch) : '_';
    if (std::isalnum(ch) || ch == '.' || ch == '-' || ch == '_') {
      encoded += static_cast<char>(ch);
    } else {
      encoded += fmt::format("%{:02X}", ch);
    }
  }
  http::Response r = http::Response::text(std::move(bytes), d.media_type);
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace atb::cases
