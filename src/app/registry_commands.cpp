#include "app/registry_commands.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "access/password.h"
#include "access/user_store.h"
#include "app/demo.h"
#include "assistance/bulk_recalc.h"
#include "assistance/generator.h"
#include "assistance/periods.h"
#include "audit/store.h"
#include "cases/generator.h"
#include "core/sealed_text.h"
#include "core/time.h"
#include "org/store.h"
#include "registry/generator.h"
#include "registry/importer.h"
#include "services/generator.h"

namespace atb::app {
namespace {

using Clock = std::chrono::steady_clock;

/// Progress on standard error: a redrawn bar on a terminal, otherwise a line every 10 %.
class ProgressBar {
 public:
  ProgressBar(std::ostream& err, std::string label, std::string unit)
      : err_(err), label_(std::move(label)), unit_(std::move(unit)), tty_(&err == &std::cerr && ::isatty(2) == 1) {}
  ~ProgressBar() { done(); }

  void update(std::size_t done, std::size_t total) {
    const int percent = total ? static_cast<int>(std::min<std::size_t>(100, done * 100 / total)) : 100;
    if (tty_) {
      if (percent == percent_ && done != total) return;
      const int filled = percent / 5;
      err_ << fmt::format("\r{} [{}{}] {:3}%  {}/{} {}", label_, std::string(static_cast<std::size_t>(filled), '#'),
                          std::string(static_cast<std::size_t>(20 - filled), '-'), percent, done, total, unit_)
           << std::flush;
      open_ = true;
    } else if (percent / 10 != percent_ / 10 || (percent == 100 && percent_ != 100)) {
      err_ << fmt::format("{}: {}% ({}/{} {})\n", label_, percent, done, total, unit_) << std::flush;
    }
    percent_ = percent;
  }
  void done() {
    if (open_) err_ << "\n" << std::flush;
    open_ = false;
  }

 private:
  std::ostream& err_;
  std::string label_, unit_;
  bool tty_;
  bool open_ = false;
  int percent_ = -1;
};

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// Which language(s) the command speaks: --lang, else LANG (lv_* → Latvian, en_* → English), else both.
enum class Say { lv, en, both };

Say say_from(const std::optional<std::string>& lang) {
  std::string l = lang.value_or("");
  if (l.empty()) {
    const char* env = std::getenv("LANG");
    l = env ? env : "";
    if (l.rfind("lv", 0) != 0 && l.rfind("en", 0) != 0) l = "both";
  }
  return l.rfind("lv", 0) == 0 ? Say::lv : l.rfind("en", 0) == 0 ? Say::en : Say::both;
}

std::string say(Say s, const Text& t) { return s == Say::lv ? t.lv : s == Say::en ? t.en : t.lv + " / " + t.en; }

std::string gib(std::uint64_t bytes) { return fmt::format("{:.1f} GiB", static_cast<double>(bytes) / (1ull << 30)); }

int refuse(std::ostream& err, Say s, const Text& t) {
  err << say(s, {"kļūda: " + t.lv, "error: " + t.en}) << "\n";
  return 2;
}

int refuse(std::ostream& err, Say s, const Error& e) {
  std::string lines = say(s, {"kļūda: " + e.message.lv, "error: " + e.message.en});
  for (const FieldError& f : e.fields) lines += "\n  " + f.field + ": " + say(s, f.message);
  err << lines << "\n";
  return 2;
}

/// The team an import registers persons into: its id, department and municipality.
struct ImportTeam {
  std::int64_t id = 0, department_id = 0, municipality_id = 0;
};

Result<std::optional<ImportTeam>> find_team(storage::Database& db, const std::string& code) {
  return db.read([&](storage::Connection& c) -> Result<std::optional<ImportTeam>> {
    ATB_TRY_ASSIGN(rows, c.query("SELECT t.id, t.department_id, d.municipality_id FROM team t"
                                 " JOIN department d ON d.id = t.department_id WHERE t.code = ? ORDER BY t.id",
                                 storage::params(code)));
    if (rows.empty()) return std::optional<ImportTeam>{};
    return std::optional(ImportTeam{rows[0].integer(0), rows[0].integer(1), rows[0].integer(2)});
  });
}

/// The audit entry of an import by `user` (or by the system when none is given).
Result<std::optional<audit::Entry>> import_entry(storage::Database& db, const ImportCommandOptions& o) {
  audit::Entry e;
  e.username = "system";
  e.role = "operator";
  e.action = o.dry_run ? "import_check" : "import";
  e.entity_type = "person";
  e.entity_id = "*";
  e.remote = "local";
  if (!o.user) return std::optional(e);
  ATB_TRY_ASSIGN(principal, db.read([&](storage::Connection& c) -> Result<std::optional<access::Principal>> {
    ATB_TRY_ASSIGN(id, access::find_user_id(c, *o.user));
    if (!id) return std::optional<access::Principal>{};
    return access::load_principal(c, *id);
  }));
  if (!principal) return std::optional<audit::Entry>{};
  e.user_id = principal->user_id;
  e.username = principal->username;
  e.role = principal->roles_text();
  return std::optional(e);
}

void print_report(std::ostream& out, Say s, const registry::ImportReport& r, const ImportCommandOptions& o) {
  out << say(s, {fmt::format("Rindas: {}; derīgas: {}; kļūdainas rindas: {}.", r.total_rows, r.valid_rows, r.total_rows - r.valid_rows),
                 fmt::format("Rows: {}; valid: {}; bad rows: {}.", r.total_rows, r.valid_rows, r.total_rows - r.valid_rows)})
      << "\n";
  for (const registry::RowError& e : r.errors) {
    const std::string column = e.column.empty() ? "-" : e.column;
    out << say(s, {fmt::format("rinda {}, kolonna {}: {}", e.row, column, e.message.lv),
                   fmt::format("row {}, column {}: {}", e.row, column, e.message.en)})
        << "\n";
  }
  if (r.error_count > r.errors.size()) {
    out << say(s, {fmt::format("… un vēl {} kļūdas.", r.error_count - r.errors.size()),
                   fmt::format("… and {} more errors.", r.error_count - r.errors.size())})
        << "\n";
  }
  if (r.error_count > 0) {
    out << say(s, {"Nekas nav ierakstīts.", "Nothing was written."}) << "\n";
  } else if (o.dry_run) {
    out << say(s, {"Pārbaude: visas rindas derīgas; nekas nav ierakstīts (--dry-run).",
                   "Check: every row is valid; nothing was written (--dry-run)."})
        << "\n";
  } else {
    out << say(s, {fmt::format("Importētas {} personas komandā {}.", r.imported_rows, o.team),
                   fmt::format("Imported {} persons into team {}.", r.imported_rows, o.team)})
        << "\n";
  }
}

std::size_t persons_asked(const DemoRegistryOptions& o) {
  return o.persons ? *o.persons : o.scale ? registry::kNationalPersons : 0;
}

/// Social-assistance applications, decisions and payments for the households just generated,
/// decided by the real rules (assistance::generate_assistance). 0, or 1 on failure.
int demo_assistance_records(storage::Database& db, std::int64_t municipality_id, std::uint64_t seed,
                            std::ostream& out, std::ostream& err) {
  const auto start = Clock::now();
  ProgressBar bar(err, "Assistance        ", "applications");
  assistance::GeneratorOptions a;
  a.seed = seed;
  a.today = today_riga();
  a.progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); };
  auto report = assistance::generate_assistance(db, municipality_id, a);
  bar.done();
  if (!report) {
    err << "error: " << report.error().message.en << (report.error().detail.empty() ? "" : " (" + report.error().detail + ")") << "\n";
    return 1;
  }
  out << fmt::format("Assistance: {} applications, {} decided ({} granted), {} payments generated in {:.1f} s.\n",
                     report->applications, report->decided, report->granted, report->payments, seconds_since(start));
  return 0;
}

std::size_t cases_asked(const DemoRegistryOptions& o) { return o.cases ? *o.cases : o.scale ? cases::kNationalCases : 0; }

/// Cases with their intakes, transitions, plans and sealed notes (cases::generate_cases), led by
/// generated workers whose password is the demo password. 0, or 1 on failure.
int demo_case_records(storage::Database& db, std::int64_t municipality_id, const DemoRegistryOptions& o,
                      std::ostream& out, std::ostream& err) {
  auto keyring = Keyring::load(o.key_file);
  if (!keyring) {
    err << "error: " << keyring.error().message.en << " (" << keyring.error().detail << ")\n";
    return 1;
  }
  const auto start = Clock::now();
  ProgressBar workers(err, "Caseworkers       ", "users");
  ProgressBar bar(err, "Cases             ", "cases");
  cases::CaseGeneratorOptions g;
  g.cases = cases_asked(o);
  g.seed = o.seed;
  g.keyring = &*keyring;
  g.password_hash = access::hash_password(kDemoPassword);
  g.progress = [&](std::string_view stage, std::size_t done, std::size_t total) {
    if (stage == "workers") return workers.update(done, total);
    workers.done();
    bar.update(done, total);
  };
  auto report = cases::generate_cases(db, municipality_id, g);
  workers.done();
  bar.done();
  if (!report) {
    err << "error: " << report.error().message.en << (report.error().detail.empty() ? "" : " (" + report.error().detail + ")") << "\n";
    return 1;
  }
  const cases::CaseGeneratorReport& r = *report;
  if (r.cases == 0) {
    out << fmt::format("Cases: {} already present; nothing generated.\n", r.existing_cases);
    return 0;
  }
  out << fmt::format("Cases: {} cases ({} open) generated in {:.1f} s; {} caseworkers and supervisors added (password {}).\n"
                     "  {} intakes, {} transitions, {} agreements, {} closures, {} plans with {} tasks, {} sealed notes.\n",
                     r.cases, r.open_cases, seconds_since(start), r.workers, kDemoPassword, r.intakes, r.transitions,
                     r.agreements, r.closures, r.plans, r.tasks, r.notes);
  return 0;
}

/// Services and referrals of the generated cases (services::generate_services). 0, or 1 on failure.
int demo_service_records(storage::Database& db, std::int64_t municipality_id, const DemoRegistryOptions& o,
                         std::ostream& out, std::ostream& err) {
  const auto start = Clock::now();
  ProgressBar bar(err, "Services          ", "cases");
  services::ServiceGeneratorOptions g;
  g.seed = o.seed;
  g.progress = [&](std::string_view, std::size_t done, std::size_t total) { bar.update(done, total); };
  auto report = services::generate_services(db, municipality_id, g);
  bar.done();
  if (!report) {
    err << "error: " << report.error().message.en << (report.error().detail.empty() ? "" : " (" + report.error().detail + ")") << "\n";
    return 1;
  }
  const services::ServiceGeneratorReport& r = *report;
  if (r.already_generated) {
    out << "Services: the generated catalogue is already present; nothing generated.\n";
    return 0;
  }
  out << fmt::format("Services: {} services ({} provider institutions added) and {} referrals generated in {:.1f} s.\n"
                     "  {} awaiting a decision ({} overdue), {} refused, {} waiting (longest list {}), {} placed, {} ended; {} deliveries.\n",
                     r.services, r.partners, r.referrals, seconds_since(start), r.requested, r.overdue, r.refused,
                     r.waiting, r.longest_waiting_list, r.placed, r.ended, r.deliveries);
  return 0;
}

/// The cases, then (national scale) their services and referrals.
int demo_cases_and_services(storage::Database& db, std::int64_t municipality_id, const DemoRegistryOptions& o,
                            std::ostream& out, std::ostream& err) {
  const int rc = demo_case_records(db, municipality_id, o, out, err);
  if (rc != 0 || !o.scale) return rc;
  return demo_service_records(db, municipality_id, o, out, err);
}

}  // namespace

bool wants_generated_registry(const DemoRegistryOptions& o) {
  return o.scale || o.persons || o.csv || o.cases || o.cases_only || o.services_only;
}

int demo_registry(storage::Database& db, const DemoRegistryOptions& o, std::ostream& out, std::ostream& err) {
  auto municipality = db.read([](storage::Connection& c) { return org::load_municipality(c); });
  if (!municipality || !*municipality) {
    err << "error: no municipality (atbalsts demo makes one)\n";
    return 1;
  }
  if (o.cases_only) {
    if (cases_asked(o) == 0) {
      err << "error: --cases-only needs --cases N (or --scale national)\n";
      return 1;
    }
    return demo_case_records(db, (*municipality)->id, o, out, err);
  }
  if (o.services_only) return demo_service_records(db, (*municipality)->id, o, out, err);
  const auto start = Clock::now();
  ProgressBar persons(err, "Generating persons", "persons");
  ProgressBar indexes(err, "Building indexes  ", "indexes");
  registry::GeneratorOptions g{.persons = persons_asked(o), .seed = o.seed, .today = {}, .progress = {}};
  g.progress = [&](std::string_view stage, std::size_t done, std::size_t total) {
    if (stage == "indexes") {
      persons.done();
      indexes.update(done, total);
    } else {
      persons.update(done, total);
    }
  };
  auto report = registry::generate_registry(db, (*municipality)->id, g);
  persons.done();
  indexes.done();
  if (!report) {
    err << "error: " << report.error().message.en << (report.error().detail.empty() ? "" : " (" + report.error().detail + ")") << "\n";
    return 1;
  }
  const registry::GeneratorReport& r = *report;
  if (r.persons == 0) {
    out << fmt::format("Registry: {} persons already present; nothing generated.\n", r.existing_persons);
    return cases_asked(o) ? demo_cases_and_services(db, (*municipality)->id, o, out, err) : 0;
  }
  out << fmt::format("Registry: {} persons in {} households generated in {:.1f} s (seed {}); {} persons in all.\n"
                     "  {} addresses, {} earlier names, {} earlier codes, {} phones, {} search keys, {} registrations{}.\n",
                     r.persons, r.households, seconds_since(start), o.seed, r.existing_persons + r.persons, r.addresses,
                     r.earlier_names, r.earlier_codes, r.phones, r.search_keys, r.registrations,
                     r.rebuilt_indexes ? "; indexes rebuilt" : "");
  const int assistance = demo_assistance_records(db, (*municipality)->id, o.seed, out, err);
  if (assistance != 0 || cases_asked(o) == 0) return assistance;
  return demo_cases_and_services(db, (*municipality)->id, o, out, err);
}

int assistance_recalculate_command(storage::Database& db, const std::string& month, const std::string& reason,
                                   std::ostream& out, std::ostream& err) {
  const auto first = assistance::parse_month(month);
  if (!first) {
    err << "error: --month must be YYYY-MM\n";
    return 2;
  }
  const auto start = Clock::now();
  ProgressBar bar(err, "Recalculating", "decisions");
  assistance::BulkRecalcOptions o;
  o.month = *first;
  o.reason = reason;
  o.progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); };
  auto report = assistance::recalculate_month(db, o);
  bar.done();
  if (!report) {
    err << "error: " << report.error().message.en << (report.error().detail.empty() ? "" : " (" + report.error().detail + ")") << "\n";
    return 1;
  }
  out << fmt::format("Recalculated from {}: {} decisions in force, {} superseded by new decisions, {} unchanged, {} refused by "
                     "the rules, in {:.1f} s.\n",
                     assistance::month_of(*first), report->decisions, report->changed, report->unchanged, report->failed,
                     seconds_since(start));
  return 0;
}

int demo_csv(storage::Database& db, const DemoRegistryOptions& o, std::ostream& out, std::ostream& err) {
  const std::size_t rows_wanted = persons_asked(o);
  if (rows_wanted == 0) {
    err << "error: --csv needs --persons N (or --scale national)\n";
    return 1;
  }
  std::ofstream file(*o.csv, std::ios::binary | std::ios::trunc);
  if (!file) {
    err << "error: cannot write " << *o.csv << "\n";
    return 1;
  }
  const auto start = Clock::now();
  ProgressBar bar(err, "Writing " + *o.csv, "rows");
  registry::GeneratorOptions g{.persons = rows_wanted, .seed = o.seed, .today = {}, .progress = {}};
  g.progress = [&](std::string_view, std::size_t done, std::size_t total) { bar.update(done, total); };
  auto rows = registry::write_persons_csv(db, file, g);
  file.close();
  bar.done();
  if (!rows || !file) {
    err << "error: " << (rows ? "writing " + *o.csv + " failed" : rows.error().message.en + " " + rows.error().detail) << "\n";
    return 1;
  }
  out << fmt::format("Wrote {} persons to {} in {:.1f} s (seed {}).\n", *rows, *o.csv, seconds_since(start), o.seed);
  return 0;
}

int import_persons_command(storage::Database& db, const ImportCommandOptions& o, std::ostream& out, std::ostream& err) {
  const Say s = say_from(o.lang);
  std::error_code ec;
  const auto status = std::filesystem::status(o.file, ec);
  if (ec || !std::filesystem::is_regular_file(status)) {
    return refuse(err, s, {"nevar nolasīt failu " + o.file + ".", "cannot read the file " + o.file + "."});
  }
  const std::uint64_t size = std::filesystem::file_size(o.file, ec);
  if (ec) return refuse(err, s, {"nevar nolasīt failu " + o.file + ".", "cannot read the file " + o.file + "."});
  if (size > o.max_size) {
    return refuse(err, s, {fmt::format("fails {} ir {} baiti ({}), vairāk nekā atļautie {} baiti ({}, --max-size); tas netika lasīts.",
                                       o.file, size, gib(size), o.max_size, gib(o.max_size)),
                           fmt::format("the file {} is {} bytes ({}), more than the limit of {} bytes ({}, --max-size); it was not read.",
                                       o.file, size, gib(size), o.max_size, gib(o.max_size))});
  }
  if (o.encoding != "utf-8" && o.encoding != "windows-1257") {
    return refuse(err, s, {"--encoding ir utf-8 vai windows-1257.", "--encoding is utf-8 or windows-1257."});
  }
  auto team = find_team(db, o.team);
  if (!team) return refuse(err, s, team.error());
  if (!*team) return refuse(err, s, {"nav komandas ar kodu " + o.team + ".", "there is no team with the code " + o.team + "."});
  auto entry = import_entry(db, o);
  if (!entry) return refuse(err, s, entry.error());
  if (!*entry) return refuse(err, s, {"nav lietotāja " + *o.user + ".", "there is no user " + *o.user + "."});

  std::string bytes;
  {
    std::ifstream in(o.file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) return refuse(err, s, {"nevar nolasīt failu " + o.file + ".", "cannot read the file " + o.file + "."});
  }
  registry::ImportOptions options;
  options.dry_run = o.dry_run;
  options.windows1257 = o.encoding == "windows-1257";
  options.municipality_id = (*team)->municipality_id;
  options.user_id = (*entry)->user_id.value_or(0);
  options.registration = registry::NewRegistration{(*team)->department_id, (*team)->id, today_riga().iso(), "other", options.user_id};
  const std::string file_name = std::filesystem::path(o.file).filename().string();
  options.before_commit = [&](storage::Connection& c, std::size_t rows) -> Result<void> {
    std::vector<audit::Entry> entries{**entry};
    entries[0].reason = fmt::format("{} persons imported from {} into team {}", rows, file_name, o.team);
    return audit::append(c, entries);
  };
  const auto start = Clock::now();
  ProgressBar bar(err, o.dry_run ? "Checking" : "Importing", "rows");
  auto report = registry::import_persons(db, bytes, options, [&](std::size_t done, std::size_t total) { bar.update(done, total); });
  bar.done();
  if (!report) return refuse(err, s, report.error());
  if (o.dry_run || report->error_count > 0) {  // a check or a refused import is audited too
    auto logged = db.write([&](storage::Connection& c) -> Result<void> {
      std::vector<audit::Entry> entries{**entry};
      entries[0].reason = fmt::format("{} of {}: {} rows, {} bad, nothing written", o.dry_run ? "check" : "import",
                                      file_name, report->total_rows, report->error_count);
      if (!o.dry_run) entries[0].outcome = "failed";
      return audit::append(c, entries);
    });
    if (!logged) return refuse(err, s, logged.error());
  }
  print_report(out, s, *report, o);
  err << fmt::format("{:.1f} s\n", seconds_since(start));
  return report->error_count > 0 ? 1 : 0;
}

}  // namespace atb::app
