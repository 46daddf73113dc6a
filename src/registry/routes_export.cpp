// Export of search results as CSV or XLSX (in-scope rows only, formula cells neutralised).
#include "access/http_auth.h"
#include "access/record_scope.h"
#include "core/csv_stream.h"
#include "core/tabular_export.h"
#include "core/tabular_pdf.h"
#include "registry/routes.h"
#include "registry/routes_common.h"
#include "registry/personal_code.h"
#include "registry/search.h"

namespace atb::registry {
namespace {

using http::Method;
using http::Request;
using http::Response;

constexpr std::size_t kMaxExportRows = 5000;

Result<Response> export_search(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_search_registry(p));
  const std::string q = req.query("q").value_or("");
  if (q.size() < 2 || q.size() > 200) return Error::invalid_field("q", {"Ievadiet 2–200 rakstzīmes.", "Type 2–200 characters."});
  const std::string format = req.query("format").value_or("csv");
  if (format != "csv" && format != "xlsx" && format != "pdf")
    return Error::invalid_field("format", {"Formāts ir csv, xlsx vai pdf.", "The format is csv, xlsx or pdf."});
  ATB_TRY_ASSIGN(delimiter, tabular::parse_delimiter(req.query("delimiter")));
  ATB_TRY_ASSIGN(page, ctx.db->read([&](storage::Connection& c) {
    return search_persons(c, p, q, 1, static_cast<int>(kMaxExportRows), kMaxExportRows);
  }));
  const bool lv = req.lang == Lang::lv;
  const std::vector<std::string> header =
      lv ? std::vector<std::string>{"Vārdi", "Uzvārds", "Personas kods", "Dzimšanas datums", "Adrese"}
         : std::vector<std::string>{"Given names", "Surname", "Personal code", "Birth date", "Address"};
  std::vector<std::vector<std::string>> rows;
  std::vector<std::int64_t> ids;
  for (const PersonHit& h : page.items) {
    if (!h.in_scope) continue;  // out-of-scope matches are never exported
    ids.push_back(h.id);
    rows.push_back({h.given_names, h.surname, h.personal_code ? format_personal_code(*h.personal_code) : "", h.birth_date,
                    h.address});
  }
  ATB_TRY(access::audit_list(ctx, p, req, "person", ids));
  ATB_TRY(access::audit_action(ctx, p, req, "export", "person", "*", format + " " + std::to_string(ids.size()) + " rows: " + q));
  Response r;
  if (format == "csv") {
    r = Response::text(tabular::csv_document(header, rows, delimiter), "text/csv; charset=utf-8");
  } else if (format == "pdf") {
    ATB_TRY_ASSIGN(pdf, tabular::pdf_document((lv ? "Personu meklēšana: " : "Person search: ") + q, header, rows));
    r = Response::text(std::move(pdf), "application/pdf");
  } else {
    ATB_TRY_ASSIGN(xlsx, tabular::xlsx_document(lv ? "Personas" : "Persons", header, rows));
    r = Response::text(std::move(xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"personas." + format + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace

void add_export_routes(http::Router& router, const access::Context& ctx) {
  router.add(Method::get, "/api/v1/persons/export", handler(ctx, export_search),
             {.summary = "Export the in-scope search results as CSV (BOM, ; or delimiter=comma), XLSX or PDF (format=pdf).", .tag = "registry",
              .authenticated = true, .response_type = "text/csv"});
}

void add_routes(http::Router& router, const access::Context& ctx, ImportJobs& jobs) {
  add_export_routes(router, ctx);  // before /persons/{id}
  add_person_routes(router, ctx);
  add_person_link_routes(router, ctx);
  add_household_routes(router, ctx);
  add_import_routes(router, ctx, jobs);
}

}  // namespace atb::registry
