#include "app/report_commands.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>

#include <fmt/format.h>

#include "app/progress_meter.h"
#include "audit/store.h"
#include "core/date.h"
#include "core/table_writer.h"
#include "registry/person_export.h"
#include "reports/period.h"
#include "reports/statistics.h"
#include "reports/statistics_output.h"
#include "reports/statutory.h"
#include "storage/migrations.h"

namespace atb::app {
namespace {

using tabular::Format;

/// A report request once its options are checked.
struct ReportRequest {
  storage::Database& db;
  reports::Period period;
  bool period_given = false;                    ///< --from or --to was given
  std::optional<std::int64_t> municipality_id;  ///< none: national
  std::vector<std::int64_t> department_ids;     ///< empty: every department
  Lang lang = Lang::lv;
  int min_cell_count = 5;
  const reports::statutory::Definitions* statutory = nullptr;  ///< the forms of the statutory reports
};

/// Rows written so far of the total (0: not known).
using Progress = std::function<void(std::int64_t done, std::int64_t total)>;

/// Writes a report's table (header, rows, not finish) and returns how many rows it wrote.
using Producer = Result<std::int64_t> (*)(const ReportRequest&, tabular::TableWriter&, const Progress&);

Error refused(std::string field, std::string lv, std::string en) {
  return Error::invalid_field(std::move(field), {std::move(lv), std::move(en)});
}

/// One report of the command: its name, the audit entity it reads, its producer.
struct ReportEntry {
  const char* name;
  const char* entity;
  const char* title_lv;
  const char* title_en;
  Producer produce;
  bool forms = false;  ///< a statutory report: needs the forms' definitions
};

/// Writes a computed table (header and rows) and returns how many rows it wrote.
Result<std::int64_t> write_table(const reports::Table& table, tabular::TableWriter& out, const Progress& progress) {
  ATB_TRY(out.header(table.header));
  const auto total = static_cast<std::int64_t>(table.rows.size());
  std::int64_t done = 0;
  for (const auto& row : table.rows) {
    ATB_TRY(out.row(row));
    progress(++done, total);
  }
  return done;
}

Result<std::int64_t> statistics_report(const ReportRequest& r, tabular::TableWriter& out,
                                       const Progress& progress) {
  const reports::StatisticsScope scope{!r.municipality_id, r.municipality_id, r.department_ids};
  ATB_TRY_ASSIGN(stats, r.db.read([&](storage::Connection& c) {
    return reports::compute_statistics(c, r.period, scope, reports::SuppressionRules{r.min_cell_count});
  }));
  return write_table(reports::statistics_table(stats, r.lang), out, progress);
}

Result<std::int64_t> persons_report(const ReportRequest& r, tabular::TableWriter& out,
                                    const Progress& progress) {
  registry::PersonExportFilter filter;
  filter.visible_sql = "(1=1)";  // the operator of the database: every person, audited below
  filter.municipality_id = r.municipality_id;
  filter.department_ids = r.department_ids;
  if (r.period_given) {
    filter.registered_from = r.period.from.iso();
    filter.registered_to = r.period.to.iso();
  }
  ATB_TRY_ASSIGN(total, registry::count_export_persons(r.db, filter));
  ATB_TRY(out.header(registry::person_export_header(r.lang)));
  std::int64_t done = 0;
  return registry::for_each_export_person(r.db, filter, [&](const std::vector<std::string>& cells) -> Result<void> {
    ATB_TRY(out.row(cells));
    progress(++done, total);
    return ok();
  });
}

/// The statutory report `name` (reports/statutory.h) of one municipality: its period is the
/// month or year --from … --to covers exactly (default: the latest that has ended).
Result<std::int64_t> statutory_report(std::string_view name, const ReportRequest& r, tabular::TableWriter& out,
                                      const Progress& progress) {
  const reports::statutory::ReportDefinition* def = r.statutory ? r.statutory->find(name) : nullptr;
  if (!def) return reports::statutory::unknown_report(name);
  if (!r.municipality_id || !r.department_ids.empty()) {
    return refused("municipality", "Valsts atskaiti sagatavo par vienu pašvaldību: norādiet --municipality ID (bez --department).",
                   "A statutory report is of one municipality: give --municipality ID (without --department).");
  }
  reports::statutory::ReportPeriod period = reports::statutory::latest_ended_period(def->frequency, today_riga());
  if (r.period_given) {
    const bool monthly = def->frequency == reports::statutory::Frequency::monthly;
    const std::string text = monthly ? r.period.from.iso().substr(0, 7) : r.period.from.iso().substr(0, 4);
    ATB_TRY_ASSIGN_TO(period, reports::statutory::parse_report_period(text, def->frequency, today_riga()));
    if (period.first() != r.period.from || period.last() != r.period.to) {
      return refused("to", monthly ? "Mēneša atskaite aptver vienu veselu mēnesi: --from 2026-10-01 --to 2026-10-31."
                                   : "Gada atskaite aptver vienu veselu gadu: --from 2025-01-01 --to 2025-12-31.",
                     monthly ? "A monthly report covers one whole month: --from 2026-10-01 --to 2026-10-31."
                             : "An annual report covers one whole year: --from 2025-01-01 --to 2025-12-31.");
    }
  }
  const reports::StatisticsScope scope{false, r.municipality_id, {}};
  ATB_TRY_ASSIGN(report, r.db.read([&](storage::Connection& c) {
    return reports::statutory::compute_named(c, *r.statutory, name, period.text(), scope, today_riga());
  }));
  return write_table(reports::statutory::report_table(report, r.lang), out, progress);
}

Result<std::int64_t> monthly_report(const ReportRequest& r, tabular::TableWriter& out, const Progress& progress) {
  return statutory_report("monthly-social-assistance", r, out, progress);
}

Result<std::int64_t> annual_report(const ReportRequest& r, tabular::TableWriter& out, const Progress& progress) {
  return statutory_report("annual-social-services", r, out, progress);
}

// The reports of `atbalsts report`. A new report (e.g. a statutory one) is one more line.
const ReportEntry kReports[] = {
    {"statistics", "statistics", "Statistika", "Statistics", statistics_report},
    {"persons", "person", "Personas", "Persons", persons_report},
    {"monthly-social-assistance", "statutory_report", "Ikmēneša pārskats par sociālo palīdzību",
     "Monthly report on social assistance", monthly_report, true},
    {"annual-social-services", "statutory_report", "Gada pārskats par sociālajiem pakalpojumiem un sociālo palīdzību",
     "Annual report on social services and social assistance", annual_report, true},
};

const ReportEntry* find_report(const std::string& name) {
  for (const ReportEntry& e : kReports) {
    if (name == e.name) return &e;
  }
  return nullptr;
}

void print_error(std::ostream& err, const Error& e) {
  err << "error: " << e.message.en;
  if (!e.message.lv.empty() && e.message.lv != e.message.en) err << " (" << e.message.lv << ")";
  for (const FieldError& f : e.fields) err << "\n  " << f.field << ": " << f.message.en;
  err << "\n";
}

/// The municipality and departments the options name, checked against the database.
Result<void> resolve_scope(storage::Database& db, const ReportCommandOptions& o, ReportRequest& r) {
  ATB_TRY_ASSIGN(org, db.read([](storage::Connection& c) { return reports::load_org_facts(c); }));
  const std::string m = o.municipality.value_or("national");
  if (m != "national") {
    const auto id = std::strtoll(m.c_str(), nullptr, 10);
    if (std::to_string(id) != m || !org.municipalities.count(id))
      return refused("municipality", "Tādas pašvaldības nav; norādiet tās ID vai national.",
                     "No such municipality; give its id or national.");
    r.municipality_id = id;
  }
  if (o.department) {
    const auto id = std::strtoll(o.department->c_str(), nullptr, 10);
    const auto owner = org.department_owner.find(id);
    if (!r.municipality_id)
      return refused("department", "Daļu var norādīt tikai kopā ar pašvaldību.",
                     "A department is given together with its municipality.");
    if (std::to_string(id) != *o.department || owner == org.department_owner.end() ||
        owner->second != *r.municipality_id)
      return refused("department", "Šajā pašvaldībā tādas daļas nav.",
                     "The municipality has no such department.");
    r.department_ids = {id};
  }
  return ok();
}

/// The audit entry of the command-line export.
Result<void> audit_export(storage::Database& db, const ReportEntry& report, const ReportCommandOptions& o,
                          const ReportRequest& r, std::int64_t rows, bool completed) {
  audit::Entry e;
  e.username = "system";
  e.role = "operator";
  e.action = "export";
  e.entity_type = report.entity;
  e.entity_id = r.municipality_id ? std::to_string(*r.municipality_id) : "national";
  e.reason = fmt::format("command line: report={} format={} from={} to={} municipality={} department={} "
                         "delimiter={} output={}; rows={}",
                         o.name, o.format, o.from.value_or(""), o.to.value_or(""),
                         o.municipality.value_or("national"), o.department.value_or(""), o.delimiter,
                         o.output.value_or("-"), rows);
  e.outcome = completed ? "ok" : "failed";
  e.remote = "local";
  return db.write([&](storage::Connection& c) -> Result<void> {
    std::vector<audit::Entry> entries{e};
    return audit::append(c, entries);
  });
}

}  // namespace

std::vector<std::string> report_names() {
  std::vector<std::string> names;
  for (const ReportEntry& e : kReports) names.emplace_back(e.name);
  return names;
}

Result<void> require_current_schema(storage::Database& db) {
  ATB_TRY_ASSIGN(applied, storage::applied_migrations(db));
  std::string missing;
  for (const storage::Migration& m : storage::embedded_migrations()) {
    if (std::find(applied.begin(), applied.end(), m.number) == applied.end())
      missing += (missing.empty() ? "" : ", ") + std::string(m.name);
  }
  if (missing.empty()) return ok();
  return Error{Errc::unavailable,
               Text{"Datubāzes shēma ir novecojusi (trūkst: " + missing + "); vispirms palaidiet atbalsts migrate.",
                    "The database schema is out of date (missing: " + missing + "); run atbalsts migrate first."},
               {}, {}};
}

int report_command(storage::Database& db, const ReportCommandOptions& o, std::ostream& out,
                   std::ostream& err) {
  auto refuse = [&](const Error& e) {
    print_error(err, e);
    return 2;
  };
  const ReportEntry* report = find_report(o.name);
  if (!report) {
    std::string names;
    for (const auto& n : report_names()) names += (names.empty() ? "" : ", ") + n;
    return refuse(refused("name", "Tādas atskaites nav; ir: " + names + ".",
                          "No such report; there are: " + names + "."));
  }
  auto format = tabular::parse_format(o.format, {Format::csv, Format::xlsx, Format::pdf, Format::json});
  if (!format) return refuse(format.error());
  auto delimiter = tabular::parse_delimiter(o.delimiter);
  if (!delimiter) return refuse(delimiter.error());
  if (o.lang != "lv" && o.lang != "en") return refuse(refused("lang", "Valoda ir lv vai en.", "The language is lv or en."));
  if (auto current = require_current_schema(db); !current) return refuse(current.error());
  auto period = reports::parse_period(o.from, o.to, today_riga(), reports::PeriodRules{o.max_period_years});
  if (!period) return refuse(period.error());
  ReportRequest request{db, *period, o.from.has_value() || o.to.has_value(), {}, {},
                        o.lang == "lv" ? Lang::lv : Lang::en, o.min_cell_count};
  if (auto scope = resolve_scope(db, o, request); !scope) return refuse(scope.error());
  std::optional<reports::statutory::Definitions> forms;
  if (report->forms) {
    auto loaded = reports::statutory::Definitions::load(o.statutory_dir);
    if (!loaded) return refuse(loaded.error());
    forms = std::move(*loaded);
    request.statutory = &*forms;
  }

  // The output: standard output, or FILE.part renamed to FILE once complete.
  const bool to_file = o.output && *o.output != "-";
  const std::string part = to_file ? *o.output + ".part" : "";
  std::ofstream file;
  if (to_file) {
    file.open(part, std::ios::binary | std::ios::trunc);
    if (!file) return refuse(refused("output", "Nevar rakstīt failu " + *o.output + ".", "Cannot write the file " + *o.output + "."));
  }
  std::ostream& sink_stream = to_file ? static_cast<std::ostream&>(file) : out;
  tabular::PieceSink sink = [&sink_stream](std::string piece) {
    sink_stream.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    return static_cast<bool>(sink_stream);
  };
  const tabular::TableOptions options{request.lang == Lang::lv ? report->title_lv : report->title_en, *delimiter};
  auto writer = tabular::table_writer(*format, options, sink);
  ProgressMeter meter(err, o.name, o.progress_terminal.value_or(ProgressMeter::stderr_is_terminal()));
  std::int64_t done = 0, total = 0;
  auto rows = report->produce(request, *writer, [&](std::int64_t d, std::int64_t t) {
    done = d;
    total = t;
    meter.update(d, t);
  });
  Result<void> written = rows ? writer->finish() : Result<void>(rows.error());
  if (written) {
    sink_stream.flush();
    if (!sink_stream) written = Error::internal("cannot write the output");
  }
  if (to_file) file.close();
  if (written && to_file && std::rename(part.c_str(), o.output->c_str()) != 0)
    written = Error::internal("cannot rename " + part + " to " + *o.output);
  meter.finish(rows ? *rows : done, total);
  auto audited = audit_export(db, *report, o, request, rows ? *rows : done, written.ok());
  if (!written || !audited) {
    if (to_file) {
      std::remove(part.c_str());
      if (written) std::remove(o.output->c_str());  // not audited: not kept
    }
    const Error& e = !written ? written.error() : audited.error();
    print_error(err, e);
    if (!e.detail.empty()) err << "  " << e.detail << "\n";
    return e.code == Errc::invalid ? 2 : 1;
  }
  return 0;
}

}  // namespace atb::app
