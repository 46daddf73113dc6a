// atbalsts: the one binary. Subcommands only; the work lives in app/ and the domains.
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/admin_commands.h"
#include "app/key_commands.h"
#include "app/application.h"
#include "audit/seal.h"
#include "core/secret_box.h"
#include "app/demo.h"
#include "app/demo_cases.h"
#include "app/demo_partners.h"
#include "app/demo_services.h"
#include "app/registry_commands.h"
#include "app/report_commands.h"
#include "app/service_commands.h"
#include "core/config.h"
#include "core/log.h"
#include "registry/search_key_upgrade.h"
#include "storage/migrations.h"

namespace {

int fail(const atb::Error& e) {
  std::string fields;
  for (const auto& f : e.fields) fields += fmt::format("\n  {}: {}", f.field, f.message.en);
  std::cerr << "error: " << e.message.en << fields << (e.detail.empty() ? "" : "\n  " + e.detail)
            << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Atbalsts — case management and service delivery of a municipal social service"};
  cli.require_subcommand(1);
  std::string config_file;
  std::optional<std::string> database;
  cli.add_option("--config", config_file, "TOML configuration file (or ATBALSTS_CONFIG)");

  auto add_database = [&](CLI::App* sub) {
    sub->add_option("--database", database,
                    "sqlite:PATH (default sqlite:var/atbalsts.db) or postgresql://user@host:port/db");
  };

  CLI::App* serve = cli.add_subcommand("serve", "Run the HTTP server (migrates first)");
  add_database(serve);
  std::optional<int> port, threads;
  std::optional<std::string> web, address;
  serve->add_option("--port", port, "TCP port (default 8080)");
  serve->add_option("--address", address, "Address to listen on (default 127.0.0.1)");
  serve->add_option("--web", web, "Folder of the built web UI (default web/dist)");
  serve->add_option("--threads", threads, "Worker threads for requests (default 64)");

  CLI::App* migrate = cli.add_subcommand("migrate", "Apply pending database migrations");
  add_database(migrate);
  CLI::App* demo = cli.add_subcommand("demo", "Load demonstration data (idempotent)");
  add_database(demo);
  atb::app::DemoRegistryOptions demo_opts;
  demo->add_option("--scale", demo_opts.scale, "national: a registry of 2,000,000 persons in about 700,000 households")
      ->check(CLI::IsMember({"national"}));
  demo->add_option("--persons", demo_opts.persons, "Generate persons up to N in all (households in proportion)");
  demo->add_option("--seed", demo_opts.seed, "Seed of the generated registry (default 1)");
  demo->add_option("--csv", demo_opts.csv, "Write N generated persons to this import CSV file instead");
  demo->add_option("--cases", demo_opts.cases, "Generate cases up to N in all (default 300,000 with --scale national)");
  bool without_demo_cases = false;
  demo->add_flag("--without-demo-cases", without_demo_cases,
                 "Leave out the ~40 demonstration cases (the browser tests start from the base demo)");
  demo->add_flag("--cases-only", demo_opts.cases_only,
                 "Generate only the cases (with --scale national or --cases N), on an already generated registry");
  demo->add_flag("--services-only", demo_opts.services_only,
                 "Generate only the services and referrals (about one per two cases), on already generated cases");

  CLI::App* import = cli.add_subcommand("import", "Import data");
  import->require_subcommand(1);
  atb::app::ImportCommandOptions import_opts;
  CLI::App* import_persons = import->add_subcommand("persons", "Check or import a CSV file of persons");
  add_database(import_persons);
  import_persons->add_option("file", import_opts.file, "CSV file (UTF-8, ; or , separated)")->required();
  import_persons->add_flag("--dry-run", import_opts.dry_run, "Only check the rows; write nothing");
  import_persons->add_option("--encoding", import_opts.encoding, "utf-8 (default) or windows-1257");
  import_persons->add_option("--team", import_opts.team, "Code of the team that registers the persons")->required();
  import_persons->add_option("--user", import_opts.user, "User name the import is done as (audit)");
  import_persons->add_option("--max-size", import_opts.max_size, "Refuse larger files, in bytes (default 1 GiB)");
  import_persons->add_option("--lang", import_opts.lang, "lv, en or both (default: from LANG)");
  CLI::App* assistance = cli.add_subcommand("assistance", "Social assistance tools");
  assistance->require_subcommand(1);
  CLI::App* assistance_recalc =
      assistance->add_subcommand("recalculate", "Recalculate the granted decisions in force in a month (after a threshold change)");
  add_database(assistance_recalc);
  std::string recalc_month, recalc_reason = "Sliekšņu maiņa / threshold change";
  assistance_recalc->add_option("--month", recalc_month, "The month the new decisions take effect, YYYY-MM")->required();
  assistance_recalc->add_option("--reason", recalc_reason, "The reason written on every new decision");
  CLI::App* services_cmd = cli.add_subcommand("services", "Social services tools");
  services_cmd->require_subcommand(1);
  CLI::App* notify_overdue = services_cmd->add_subcommand(
      "notify-overdue", "Notify the workers of referrals awaiting their decision past the deadline (once each)");
  add_database(notify_overdue);
  cli.add_subcommand("version", "Print the version");

  CLI::App* user = cli.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  atb::app::UserAddOptions add_opts;
  bool password_stdin = false;
  CLI::App* user_add = user->add_subcommand("add", "Create a user (password read from standard input)");
  add_database(user_add);
  user_add->add_option("username", add_opts.username, "User name")->required();
  user_add->add_option("--name", add_opts.full_name, "Full name");
  user_add->add_option("--email", add_opts.email, "E-mail");
  user_add->add_option("--role", add_opts.roles, "Role (repeatable)")->required();
  user_add->add_option("--team", add_opts.teams, "Team code (repeatable)");
  user_add->add_flag("--password-stdin", password_stdin, "Read the password from standard input")->required();
  CLI::App* user_list = user->add_subcommand("list", "List users");
  add_database(user_list);
  std::string target_user;
  CLI::App* user_disable = user->add_subcommand("disable", "Disable a user and end her sessions");
  add_database(user_disable);
  user_disable->add_option("username", target_user, "User name")->required();
  CLI::App* user_reset = user->add_subcommand("reset-2fa", "Remove a user's authenticator");
  add_database(user_reset);
  user_reset->add_option("username", target_user, "User name")->required();

  CLI::App* token = cli.add_subcommand("token", "Manage API tokens");
  token->require_subcommand(1);
  CLI::App* token_create = token->add_subcommand("create", "Create a personal API token (printed once)");
  add_database(token_create);
  int token_days = 30;
  std::string token_name = "cli";
  token_create->add_option("--user", target_user, "User name")->required();
  token_create->add_option("--expires", token_days, "Days of validity (default 30)");
  token_create->add_option("--name", token_name, "A label for the token");

  CLI::App* audit = cli.add_subcommand("audit", "Audit log tools");
  audit->require_subcommand(1);
  CLI::App* audit_verify = audit->add_subcommand("verify", "Check the hash chain of the audit log");
  add_database(audit_verify);

  CLI::App* key = cli.add_subcommand("key", "Text keys of case notes and documents");
  key->require_subcommand(1);
  CLI::App* key_rotate = key->add_subcommand(
      "rotate", "Add a key, re-seal every note and document with it, retire the old keys (run again to finish)");
  add_database(key_rotate);

  CLI::App* report = cli.add_subcommand(
      "report", "Write a report or list as CSV, XLSX, PDF or JSON (reads only; never migrates)");
  add_database(report);
  atb::app::ReportCommandOptions report_opts;
  report->add_option("name", report_opts.name, "The report: statistics, persons, monthly-social-assistance or annual-social-services")->required();
  report->add_option("--from", report_opts.from, "First day of the period, YYYY-MM-DD");
  report->add_option("--to", report_opts.to, "Last day of the period, YYYY-MM-DD");
  report->add_option("--format", report_opts.format, "csv (default), xlsx, pdf or json");
  report->add_option("--output", report_opts.output, "File to write (default: standard output)");
  report->add_option("--municipality", report_opts.municipality, "Municipality id or national (default)");
  report->add_option("--department", report_opts.department, "Department id (with --municipality)");
  report->add_option("--delimiter", report_opts.delimiter, "CSV delimiter: semicolon (default) or comma");
  report->add_option("--lang", report_opts.lang, "Column titles: lv (default) or en");

  CLI11_PARSE(cli, argc, argv);

  if (cli.got_subcommand("version")) {
    std::cout << "atbalsts " << ATBALSTS_VERSION << "\n";
    return 0;
  }

  auto config = atb::load_config(config_file);
  if (!config) return fail(config.error());
  if (database) config->database = *database;
  if (port) config->port = *port;
  if (address) config->address = *address;
  if (web) config->web_dir = *web;
  if (threads) config->threads = *threads;

  if (cli.got_subcommand("serve")) {
    atb::log::init(true);
    auto app = atb::app::Application::open(*config);
    if (!app) return fail(app.error());
    auto done = (*app)->serve([&](int p) {
      atb::log::info("listening", {{"url", fmt::format("http://{}:{}", config->address, p)},
                                   {"database", atb::storage::engine_name((*app)->database().engine())}});
    });
    if (!done) return fail(done.error());
    return 0;
  }

  atb::log::init(false);
  // Commands that write or verify the audit log seal its end with the key file's key.
  auto box = atb::SecretBox::open_or_create(config->key_file);
  if (!box) return fail(box.error());
  atb::audit::set_seal_key_from(*box);
  auto db = atb::storage::Database::open(config->database, 1);
  if (!db) return fail(db.error());
  if (report->parsed()) {  // before migrate: the command reads, it never changes the schema
    report_opts.max_period_years = config->report_max_period_years;
    report_opts.min_cell_count = config->report_min_cell_count;
    report_opts.statutory_dir = config->report_statutory_dir;
    return atb::app::report_command(**db, report_opts, std::cout, std::cerr);
  }
  auto applied = atb::storage::migrate(**db);
  if (!applied) return fail(applied.error());
  auto rekeyed = atb::registry::upgrade_search_keys(**db);
  if (!rekeyed) return fail(rekeyed.error());
  if (cli.got_subcommand("migrate")) {
    std::cout << "Migrations applied: " << *applied << "\n";
    if (*rekeyed > 0) std::cout << "Search keys rebuilt for " << *rekeyed << " persons\n";
    return 0;
  }
  atb::storage::Database& d = **db;
  if (user_add->parsed()) {
    std::getline(std::cin, add_opts.password);
    auto policy = atb::access::PasswordPolicy::load(config->common_passwords_file);
    if (!policy) return fail(policy.error());
    auto id = atb::app::user_add(d, *policy, add_opts);
    if (!id) return fail(id.error());
    std::cout << "User " << add_opts.username << " created (id " << *id
              << "); she enrols an authenticator at first login.\n";
    return 0;
  }
  if (user_list->parsed()) {
    auto r = atb::app::user_list(d, std::cout);
    return r ? 0 : fail(r.error());
  }
  if (user_disable->parsed() || user_reset->parsed()) {
    auto r = user_disable->parsed() ? atb::app::user_disable(d, target_user)
                                    : atb::app::user_reset_2fa(d, target_user);
    if (!r) return fail(r.error());
    std::cout << "Done: " << target_user << "\n";
    return 0;
  }
  if (token_create->parsed()) {
    auto t = atb::app::token_create(d, target_user, token_days, token_name);
    if (!t) return fail(t.error());
    std::cout << *t << "\n";
    return 0;
  }
  if (audit_verify->parsed()) {
    auto v = atb::app::audit_verify(d, config->database, std::cout);
    if (!v) return fail(v.error());
    return *v ? 0 : 2;
  }
  if (key_rotate->parsed()) return atb::app::key_rotate_command(d, config->key_file, std::cout, std::cerr);
  if (assistance_recalc->parsed()) {
    return atb::app::assistance_recalculate_command(d, recalc_month, recalc_reason, std::cout, std::cerr);
  }
  if (notify_overdue->parsed()) return atb::app::notify_overdue_command(d, std::cout, std::cerr);
  if (import_persons->parsed()) return atb::app::import_persons_command(d, import_opts, std::cout, std::cerr);
  if (demo_opts.csv) return atb::app::demo_csv(d, demo_opts, std::cout, std::cerr);
  auto summary = atb::app::load_demo(d);
  if (!summary) return fail(summary.error());
  if (!without_demo_cases) {
    auto demo_cases = atb::app::load_demo_cases(d, config->key_file, config->instruments_dir);
    if (!demo_cases) return fail(demo_cases.error());
    summary->created += demo_cases->created;
    summary->existing += demo_cases->existing;
    auto demo_services = atb::app::load_demo_services(d);
    if (!demo_services) return fail(demo_services.error());
    summary->created += demo_services->created;
    summary->existing += demo_services->existing;
  }
  auto demo_partners = atb::app::load_demo_partners(d);  // after the cases: links their partner tasks
  if (!demo_partners) return fail(demo_partners.error());
  summary->created += demo_partners->created;
  summary->existing += demo_partners->existing;
  std::cout << "Demonstration data: " << summary->created << " records created, "
            << summary->existing << " already present.\n";
  demo_opts.key_file = config->key_file;
  if (atb::app::wants_generated_registry(demo_opts)) return atb::app::demo_registry(d, demo_opts, std::cout, std::cerr);
  return 0;
}
