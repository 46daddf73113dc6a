#include "cases/routes_records.h"

#include <cctype>

#include <fmt/format.h>

#include "access/http_auth.h"
#include "audit/store.h"
#include "cases/document_store.h"
#include "core/time.h"

namespace atb::cases {

using nlohmann::json;

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
