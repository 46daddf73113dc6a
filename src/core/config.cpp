#include "core/config.h"

#include <charconv>
#include <cstdlib>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace atb {
namespace {

Error bad(const std::string& key, const std::string& why) {
  return Error::invalid_field(key, {fmt::format("Nederīga konfigurācijas vērtība: {}.", why),
                                    fmt::format("Invalid configuration value: {}.", why)});
}

template <class T>
Result<void> read_int(const toml::table& t, const char* key, const std::string& path, T& out) {
  const toml::node* n = t.get(key);
  if (!n) return ok();
  auto v = n->value<std::int64_t>();
  if (!v || *v < 0) return bad(path, "expected a non-negative integer");
  out = static_cast<T>(*v);
  return ok();
}

Result<void> read_str(const toml::table& t, const char* key, const std::string& path, std::string& out) {
  const toml::node* n = t.get(key);
  if (!n) return ok();
  auto v = n->value<std::string>();
  if (!v) return bad(path, "expected a string");
  out = *v;
  return ok();
}

Result<void> check_keys(const toml::table& t, const std::string& section,
                        std::initializer_list<std::string_view> known) {
  for (const auto& [k, v] : t) {
    if (std::find(known.begin(), known.end(), k.str()) == known.end()) {
      return bad(section.empty() ? std::string(k.str()) : section + "." + std::string(k.str()),
                 "unknown key");
    }
  }
  return ok();
}

Result<int> parse_int(const std::string& text, const char* name) {
  int v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size()) return bad(name, "expected an integer");
  return v;
}

}  // namespace

Result<void> apply_toml_file(Config& c, const std::string& path) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return bad(path, std::string(e.description()));
  }
  ATB_TRY(check_keys(root, "", {"database", "server", "limits", "auth", "audit", "cases", "reports"}));
  if (auto* db = root["database"].as_table()) {
    ATB_TRY(check_keys(*db, "database", {"url", "pool_size"}));
    ATB_TRY(read_str(*db, "url", "database.url", c.database));
    ATB_TRY(read_int(*db, "pool_size", "database.pool_size", c.pool_size));
  }
  if (auto* s = root["server"].as_table()) {
    ATB_TRY(check_keys(*s, "server",
                       {"address", "port", "web", "threads", "io_threads", "hash_threads", "access_log"}));
    ATB_TRY(read_int(*s, "io_threads", "server.io_threads", c.io_threads));
    ATB_TRY(read_int(*s, "hash_threads", "server.hash_threads", c.hash_threads));
    ATB_TRY(read_str(*s, "address", "server.address", c.address));
    ATB_TRY(read_int(*s, "port", "server.port", c.port));
    ATB_TRY(read_str(*s, "web", "server.web", c.web_dir));
    ATB_TRY(read_int(*s, "threads", "server.threads", c.threads));
    if (const toml::node* n = s->get("access_log")) {
      auto v = n->value<bool>();
      if (!v) return bad("server.access_log", "expected true or false");
      c.access_log = *v;
    }
  }
  if (auto* a = root["auth"].as_table()) {
    ATB_TRY(check_keys(*a, "auth", {"idle_timeout_seconds", "absolute_timeout_seconds",
                                    "common_passwords", "key_file"}));
    ATB_TRY(read_int(*a, "idle_timeout_seconds", "auth.idle_timeout_seconds", c.session_idle_seconds));
    ATB_TRY(read_int(*a, "absolute_timeout_seconds", "auth.absolute_timeout_seconds",
                     c.session_absolute_seconds));
    ATB_TRY(read_str(*a, "common_passwords", "auth.common_passwords", c.common_passwords_file));
    ATB_TRY(read_str(*a, "key_file", "auth.key_file", c.key_file));
  }
  if (auto* a = root["audit"].as_table()) {
    ATB_TRY(check_keys(*a, "audit", {"reads", "journal"}));
    for (auto [key, target] : {std::pair{"reads", &c.audit_reads}, std::pair{"journal", &c.audit_journal}}) {
      if (const toml::node* n = a->get(key)) {
        auto v = n->value_exact<bool>();  // not 1 or "yes"
        if (!v) return bad(std::string("audit.") + key, "expected true or false");
        *target = *v;
      }
    }
  }
  if (auto* k = root["cases"].as_table()) {
    ATB_TRY(check_keys(*k, "cases", {"routine_working_days", "priority_working_days", "web_municipality",
                                     "web_department", "web_team", "public_requests_per_hour", "public_request_body",
                                     "instruments_dir", "caseload_warning"}));
    ATB_TRY(read_int(*k, "routine_working_days", "cases.routine_working_days", c.intake_routine_working_days));
    ATB_TRY(read_int(*k, "priority_working_days", "cases.priority_working_days", c.intake_priority_working_days));
    ATB_TRY(read_str(*k, "web_municipality", "cases.web_municipality", c.web_intake_municipality));
    ATB_TRY(read_str(*k, "web_department", "cases.web_department", c.web_intake_department));
    ATB_TRY(read_str(*k, "web_team", "cases.web_team", c.web_intake_team));
    ATB_TRY(read_int(*k, "public_requests_per_hour", "cases.public_requests_per_hour", c.public_requests_per_hour));
    ATB_TRY(read_int(*k, "public_request_body", "cases.public_request_body", c.public_request_body));
    ATB_TRY(read_str(*k, "instruments_dir", "cases.instruments_dir", c.instruments_dir));
    ATB_TRY(read_int(*k, "caseload_warning", "cases.caseload_warning", c.caseload_warning));
  }
  if (auto* r = root["reports"].as_table()) {
    ATB_TRY(check_keys(*r, "reports", {"max_period_years", "min_cell_count", "statutory_dir"}));
    ATB_TRY(read_str(*r, "statutory_dir", "reports.statutory_dir", c.report_statutory_dir));
    ATB_TRY(read_int(*r, "max_period_years", "reports.max_period_years", c.report_max_period_years));
    ATB_TRY(read_int(*r, "min_cell_count", "reports.min_cell_count", c.report_min_cell_count));
  }
  if (auto* l = root["limits"].as_table()) {
    ATB_TRY(check_keys(*l, "limits", {"json_body", "hard_body", "headers", "url",
                                      "read_timeout_seconds", "shutdown_grace_seconds"}));
    ATB_TRY(read_int(*l, "json_body", "limits.json_body", c.json_body_limit));
    ATB_TRY(read_int(*l, "hard_body", "limits.hard_body", c.hard_body_limit));
    ATB_TRY(read_int(*l, "headers", "limits.headers", c.header_limit));
    ATB_TRY(read_int(*l, "url", "limits.url", c.url_limit));
    ATB_TRY(read_int(*l, "read_timeout_seconds", "limits.read_timeout_seconds", c.read_timeout_seconds));
    ATB_TRY(read_int(*l, "shutdown_grace_seconds", "limits.shutdown_grace_seconds",
                     c.shutdown_grace_seconds));
  }
  return ok();
}

std::optional<std::string> process_env(const char* name) {
  const char* v = std::getenv(name);
  if (!v) return std::nullopt;
  return std::string(v);
}

Result<void> apply_env(Config& c, const EnvLookup& env) {
  if (auto v = env("ATBALSTS_DATABASE")) c.database = *v;
  if (auto v = env("ATBALSTS_ADDRESS")) c.address = *v;
  if (auto v = env("ATBALSTS_WEB")) c.web_dir = *v;
  struct IntVar {
    const char* name;
    int* target;
  };
  for (IntVar var : {IntVar{"ATBALSTS_PORT", &c.port}, IntVar{"ATBALSTS_THREADS", &c.threads},
                     IntVar{"ATBALSTS_POOL_SIZE", &c.pool_size}}) {
    if (auto v = env(var.name)) {
      ATB_TRY_ASSIGN(n, parse_int(*v, var.name));
      *var.target = n;
    }
  }
  if (auto v = env("ATBALSTS_KEY_FILE")) c.key_file = *v;
  if (auto v = env("ATBALSTS_INSTRUMENTS_DIR")) c.instruments_dir = *v;
  if (auto v = env("ATBALSTS_STATUTORY_DIR")) c.report_statutory_dir = *v;
  for (auto [name, target] : {std::pair{"ATBALSTS_ACCESS_LOG", &c.access_log},
                              std::pair{"ATBALSTS_AUDIT_READS", &c.audit_reads},
                              std::pair{"ATBALSTS_AUDIT_JOURNAL", &c.audit_journal}}) {
    if (auto v = env(name)) {
      if (*v != "on" && *v != "off") return bad(name, "expected on or off");
      *target = *v == "on";
    }
  }
  return ok();
}

Result<Config> load_config(const std::string& file, const EnvLookup& env) {
  Config c;
  std::string path = file;
  if (path.empty()) path = env("ATBALSTS_CONFIG").value_or("");
  if (!path.empty()) ATB_TRY(apply_toml_file(c, path));
  ATB_TRY(apply_env(c, env));
  return c;
}

Result<void> validate(const Config& c) {
  if (c.port < 1 || c.port > 65535) return bad("port", "the port must be 1–65535");
  if (c.threads < 1 || c.threads > 256 || c.io_threads < 1 || c.io_threads > 64 ||
      c.hash_threads < 1 || c.hash_threads > 64) {
    return bad("threads", "threads must be 1–256, io_threads and hash_threads 1–64");
  }
  if (c.session_idle_seconds < 60 || c.session_absolute_seconds < c.session_idle_seconds) {
    return bad("auth", "the idle timeout must be at least 60 s and not above the absolute one");
  }
  if (c.pool_size < 0 || c.pool_size > 256) return bad("pool_size", "the pool must be 0 (chosen for the engine) or 1–256");
  if (c.intake_routine_working_days < 1 || c.intake_routine_working_days > 60 || c.intake_priority_working_days < 1 ||
      c.intake_priority_working_days > c.intake_routine_working_days) {
    return bad("cases", "intake deadlines must be 1–60 working days, priority not above routine");
  }
  if (c.public_requests_per_hour < 1 || c.public_request_body < 1024 || c.public_request_body > c.json_body_limit) {
    return bad("cases", "public requests: at least one per hour, a body limit from 1 KiB up to limits.json_body");
  }
  if (c.caseload_warning < 1 || c.caseload_warning > 1000) return bad("cases.caseload_warning", "expected 1–1000");
  if (c.report_max_period_years < 1 || c.report_max_period_years > 100) return bad("reports.max_period_years", "expected 1–100");
  if (c.report_min_cell_count < 1 || c.report_min_cell_count > 100) return bad("reports.min_cell_count", "expected 1–100");
  if (c.json_body_limit == 0 || c.header_limit == 0 || c.url_limit == 0 ||
      c.hard_body_limit < c.json_body_limit) {
    return bad("limits", "limits must be positive and hard_body at least json_body");
  }
  return ok();
}

}  // namespace atb
