// atbalsts: the one binary. Subcommands only; the work lives in app/ and the domains.
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/application.h"
#include "app/demo.h"
#include "core/config.h"
#include "core/log.h"
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
  serve->add_option("--threads", threads, "Request threads (default 8)");

  CLI::App* migrate = cli.add_subcommand("migrate", "Apply pending database migrations");
  add_database(migrate);
  CLI::App* demo = cli.add_subcommand("demo", "Load demonstration data (idempotent)");
  add_database(demo);
  cli.add_subcommand("version", "Print the version");

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
  auto db = atb::storage::Database::open(config->database, 1);
  if (!db) return fail(db.error());
  auto applied = atb::storage::migrate(**db);
  if (!applied) return fail(applied.error());
  if (cli.got_subcommand("migrate")) {
    std::cout << "Migrations applied: " << *applied << "\n";
    return 0;
  }
  auto summary = atb::app::load_demo(**db);
  if (!summary) return fail(summary.error());
  std::cout << "Demonstration data: " << summary->created << " records created, "
            << summary->existing << " already present.\n";
  return 0;
}
