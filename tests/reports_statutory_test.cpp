// Statutory reports (docs/api-reports.md, "Statutory reports") against a known world: every cell
// of both reports for many periods recomputed by counting the raw records in C++ (not the
// product's SQL); the XLSX read back (unzip + XML) cell by cell; the HTTP endpoints' refusals,
// audit and submissions. On both engines. The rules without I/O: reports_statutory_rules_test.cpp.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "core/time.h"
#include "reports/statutory.h"
#include "reports/statutory_catalogue.h"
#include "reports_test_support.h"
#include "support/app_fixture.h"
#include "support/pdf_text.h"

namespace atb {
namespace {

using http::Method;
using namespace reports::statutory;

const std::string kShipped = std::string(ATBALSTS_SOURCE_DIR) + "/config/reports";

// --- against a known world ------------------------------------------------------------------

/// The world's raw records, read without aggregating, to count each measure in C++.
struct Raw {
  struct App {
    std::string kind;
    std::int64_t household = 0;
    std::set<std::int64_t> members;
  };
  struct Decision {
    std::int64_t id = 0, application = 0;
    std::string outcome, from, to;
    Date decided;
  };
  struct Payment {
    std::int64_t decision = 0;
    std::string month, status;
    std::int64_t amount = 0;
  };
  struct Case {
    std::string opened;
    std::optional<std::string> closed;
  };
  struct Intake {
    Date received;
    std::string urgency;
  };
  struct Referral {
    std::string kind;
    std::int64_t person = 0;
    std::string requested;
    std::optional<std::string> decision, start, end;
    std::optional<Date> decided;
  };
  std::map<std::int64_t, App> apps;
  std::vector<Decision> decisions;
  std::vector<Payment> payments;
  std::vector<Case> cases;
  std::vector<Intake> intakes;
  std::vector<Referral> referrals;
  std::map<std::string, std::set<std::int64_t>> staff;  ///< role → active users
};

Date riga_day(const std::string& instant) {
  return riga_date_at(*parse_iso_utc(instant));
}

Raw read_raw(storage::Database& db, std::int64_t m) {
  Raw raw;
  auto done = db.read([&](storage::Connection& c) -> Result<void> {
    using storage::params;
    ATB_TRY_ASSIGN(
        apps,
        c.query(
            "SELECT id, kind, household_id FROM assistance_application WHERE municipality_id = ?",
            params(m)));
    for (const auto& r : apps) raw.apps[r.integer(0)] = {r.text(1), r.integer(2), {}};
    ATB_TRY_ASSIGN(members, c.query("SELECT application_id, person_id FROM assistance_member"));
    for (const auto& r : members)
      if (raw.apps.count(r.integer(0))) raw.apps[r.integer(0)].members.insert(r.integer(1));
    ATB_TRY_ASSIGN(decisions, c.query("SELECT id, application_id, outcome, period_from, period_to, "
                                      "decided_at FROM assistance_decision"));
    for (const auto& r : decisions) {
      if (!raw.apps.count(r.integer(1))) continue;
      raw.decisions.push_back({r.integer(0), r.integer(1), r.text(2), r.opt_text(3).value_or(""),
                               r.opt_text(4).value_or(""), riga_day(r.text(5))});
    }
    ATB_TRY_ASSIGN(payments,
                   c.query("SELECT decision_id, month, status, amount FROM assistance_payment"));
    for (const auto& r : payments)
      raw.payments.push_back({r.integer(0), r.text(1), r.text(2), r.integer(3)});
    ATB_TRY_ASSIGN(
        cases,
        c.query("SELECT opened_on, closed_on FROM case_file WHERE municipality_id = ?", params(m)));
    for (const auto& r : cases) raw.cases.push_back({r.text(0), r.opt_text(1)});
    ATB_TRY_ASSIGN(
        intakes,
        c.query("SELECT received_at, urgency FROM intake WHERE municipality_id = ?", params(m)));
    for (const auto& r : intakes) raw.intakes.push_back({riga_day(r.text(0)), r.text(1)});
    ATB_TRY_ASSIGN(referrals, c.query("SELECT r.service_id, r.person_id, r.requested_on, "
                                      "r.decision, r.decided_at, r.start_on,"
                                      " r.end_on, r.case_id FROM referral r"));
    ATB_TRY_ASSIGN(services, c.query("SELECT id, kind FROM service"));
    ATB_TRY_ASSIGN(case_owner,
                   c.query("SELECT id FROM case_file WHERE municipality_id = ?", params(m)));
    std::map<std::int64_t, std::string> kind;
    for (const auto& r : services) kind[r.integer(0)] = r.text(1);
    std::set<std::int64_t> ours;
    for (const auto& r : case_owner) ours.insert(r.integer(0));
    for (const auto& r : referrals) {
      if (!ours.count(r.integer(7))) continue;
      Raw::Referral x{kind[r.integer(0)], r.integer(1),  r.text(2),   r.opt_text(3),
                      r.opt_text(5),      r.opt_text(6), std::nullopt};
      if (auto at = r.opt_text(4)) x.decided = riga_day(*at);
      raw.referrals.push_back(x);
    }
    ATB_TRY_ASSIGN(
        staff, c.query("SELECT u.id, u.disabled, ur.role FROM app_user u JOIN user_role ur ON "
                       "ur.user_id = u.id"
                       " JOIN user_team ut ON ut.user_id = u.id JOIN team t ON t.id = ut.team_id"
                       " JOIN department d ON d.id = t.department_id WHERE d.municipality_id = ?",
                       params(m)));
    for (const auto& r : staff)
      if (r.integer(1) == 0) raw.staff[r.text(2)].insert(r.integer(0));
    return ok();
  });
  EXPECT_TRUE(done) << done.error().detail;
  return raw;
}

std::string benefit_of(const std::string& kind) {
  return kind == "gmi" || kind == "housing" ? kind : "municipal";
}

/// The measure counted over the raw records for the days first … last.
double expected(const Raw& raw, const MeasureCall& call, const Date& first, const Date& last) {
  const std::string from = first.iso(), to = last.iso(), from_month = from.substr(0, 7),
                    to_month = to.substr(0, 7);
  const auto in = [&](const std::string& day) { return from <= day && day <= to; };
  const auto in_days = [&](const Date& d) { return first <= d && d <= last; };
  const std::string& m = call.measure;
  const auto arg = [&](std::size_t i) { return call.args.at(i); };
  std::set<std::int64_t> ids;
  double sum = 0;
  if (m == "households_with_status" || m == "persons_with_status") {
    const std::string kind = arg(0) == "needy" ? "needy_status" : "low_income_status";
    for (const auto& d : raw.decisions) {
      const Raw::App& a = raw.apps.at(d.application);
      if (a.kind != kind || d.outcome != "granted" || d.from > to || d.to < from) continue;
      if (m == "households_with_status")
        ids.insert(a.household);
      else
        ids.insert(a.members.begin(), a.members.end());
    }
    return static_cast<double>(ids.size());
  }
  if (m == "benefit_recipients" || m == "benefit_persons" || m == "benefit_paid_eur") {
    std::map<std::int64_t, const Raw::Decision*> decisions;
    for (const auto& d : raw.decisions) decisions[d.id] = &d;
    for (const auto& p : raw.payments) {
      if (!decisions.count(p.decision) || (p.status != "planned" && p.status != "paid")) continue;
      if (p.month < from_month || p.month > to_month) continue;
      const Raw::App& a = raw.apps.at(decisions[p.decision]->application);
      if (a.kind == "needy_status" || a.kind == "low_income_status" || benefit_of(a.kind) != arg(0))
        continue;
      if (m == "benefit_recipients") ids.insert(a.household);
      if (m == "benefit_persons") ids.insert(a.members.begin(), a.members.end());
      sum += static_cast<double>(p.amount) / 100.0;
    }
    return m == "benefit_paid_eur" ? sum : static_cast<double>(ids.size());
  }
  if (m == "benefit_decisions") {
    for (const auto& d : raw.decisions) {
      const std::string& kind = raw.apps.at(d.application).kind;
      const std::string key =
          kind == "needy_status" || kind == "low_income_status" ? kind : benefit_of(kind);
      if (key == arg(0) && d.outcome == arg(1) && in_days(d.decided)) sum += 1;
    }
    return sum;
  }
  if (m == "cases_opened" || m == "cases_closed" || m == "cases_open_at_end") {
    for (const auto& k : raw.cases) {
      if (m == "cases_opened" && in(k.opened)) sum += 1;
      if (m == "cases_closed" && k.closed && in(*k.closed)) sum += 1;
      if (m == "cases_open_at_end" && k.opened <= to && (!k.closed || *k.closed > to)) sum += 1;
    }
    return sum;
  }
  if (m == "intakes_received") {
    for (const auto& i : raw.intakes)
      if (i.urgency == arg(0) && in_days(i.received)) sum += 1;
    return sum;
  }
  if (m == "service_clients") {
    for (const auto& r : raw.referrals)
      if (r.kind == arg(0) && r.start && *r.start <= to && (!r.end || *r.end > from))
        ids.insert(r.person);
    return static_cast<double>(ids.size());
  }
  if (m == "service_referrals") {
    for (const auto& r : raw.referrals) {
      if (r.kind != arg(0)) continue;
      if (arg(1) == "requested" && in(r.requested)) sum += 1;
      if (arg(1) != "requested" && r.decision == arg(1) && in_days(*r.decided)) sum += 1;
    }
    return sum;
  }
  if (m == "staff")
    return static_cast<double>(raw.staff.count(arg(0)) ? raw.staff.at(arg(0)).size() : 0);
  ADD_FAILURE() << "no independent count for " << m;
  return -1;
}

class ReportsStatutory : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    world_ = test::reports::make_world(f_.db(), "stat", 11);
    for (const auto& s : world_.staff) {
      if (s.role == "director") director_ = test::reports::session_for(f_.db(), s.id);
      if (s.role == "social_worker" && !s.disabled && worker_.session_token.empty())
        worker_ = test::reports::session_for(f_.db(), s.id);
    }
    // The world declares no members and only the built-in benefits: every household member is
    // declared, and a quarter of the GMI applications become a municipal benefit.
    auto done = f_.db().write([&](storage::Connection& c) -> Result<void> {
      const storage::Params m{world_.municipality};
      ATB_TRY(
          c.execute("INSERT INTO assistance_member (application_id, person_id, able_to_work, "
                    "pensioner, disability)"
                    " SELECT DISTINCT a.id, hm.person_id, 1, 0, 0 FROM assistance_application a"
                    " JOIN household_member hm ON hm.household_id = a.household_id WHERE "
                    "a.municipality_id = ?",
                    m));
      ATB_TRY(
          c.execute("UPDATE assistance_application SET kind = 'firewood'"
                    " WHERE municipality_id = ? AND kind = 'gmi' AND id % 4 = 0",
                    m));
      return ok();
    });
    ASSERT_TRUE(done) << done.error().detail;
    auto defs = Definitions::load(kShipped);
    ASSERT_TRUE(defs);
    defs_ = std::make_unique<Definitions>(std::move(*defs));
  }

  StatutoryReport compute(const std::string& name, const std::string& period) {
    const reports::StatisticsScope scope{false, world_.municipality, {}};
    auto r = f_.db().read([&](storage::Connection& c) {
      return compute_named(c, *defs_, name, period, scope, today_riga());
    });
    EXPECT_TRUE(r) << name << " " << period << ": " << (r ? "" : r.error().detail);
    return r ? *r : StatutoryReport{};
  }

  /// Every cell of the report against the raw count; counts the non-zero cells per measure.
  void expect_cells(const Raw& raw, const std::string& name, const std::string& period,
                    std::map<std::string, int>& nonzero) {
    const ReportDefinition& def = *defs_->find(name);
    const StatutoryReport r = compute(name, period);
    ASSERT_EQ(r.sections.size(), def.sections.size());
    for (std::size_t s = 0; s < def.sections.size(); ++s) {
      for (std::size_t i = 0; i < def.sections[s].rows.size(); ++i) {
        const ReportRow& row = def.sections[s].rows[i];
        const RowValues& got = r.sections[s].rows.at(i);
        EXPECT_EQ(got.code, row.code);
        for (std::size_t k = 0; k < row.cells.size(); ++k) {
          if (!row.cells[k]) {
            EXPECT_FALSE(got.cells[k].value) << name << " " << row.code;
            continue;
          }
          ASSERT_TRUE(got.cells[k].value) << name << " " << row.code;
          const double want = expected(raw, *row.cells[k], r.period.first(), r.period.last());
          EXPECT_NEAR(*got.cells[k].value, want, 0.001)
              << name << " " << period << " row " << row.code << " column " << k + 1;
          if (want != 0) ++nonzero[row.cells[k]->measure];
        }
      }
    }
  }

  test::Answer get(const std::string& target, const test::As& who,
                   const std::string& language = "lv") {
    test::As w = who;
    w.language = language;
    return f_.call(Method::get, target, w);
  }

  std::int64_t audit_count(const std::string& where) {
    auto rows = f_.db().read([&](storage::Connection& c) {
      return c.query("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'statutory_report' AND " +
                     where);
    });
    return rows ? (*rows)[0].integer(0) : -1;
  }

  test::AppFixture f_{GetParam()};
  test::reports::World world_;
  test::As director_, worker_;
  std::unique_ptr<Definitions> defs_;
};

TEST_P(ReportsStatutory, EveryCellMatchesAnIndependentCount) {
  const Raw raw = read_raw(f_.db(), world_.municipality);
  std::map<std::string, int> nonzero;
  for (int year = 2013; year <= 2025; ++year) {
    expect_cells(raw, "annual-social-services", std::to_string(year), nonzero);
    for (int month = 1; month <= 12; ++month) {
      const std::string period =
          std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month);
      expect_cells(raw, "monthly-social-assistance", period, nonzero);
    }
  }
  // The world is not empty where it matters: every measure was compared with a non-zero count.
  for (const MeasureSpec& m : measure_catalogue())
    EXPECT_GT(nonzero[m.name], 0) << m.name << " was never non-zero";
}

/// The cells of the first sheet of an XLSX file: reference ("B2") → its text or number as written.
std::map<std::string, std::string> sheet_cells(const std::string& bytes,
                                               std::set<std::string>* numeric = nullptr) {
  const std::string strings = test::tool_output(bytes, "unzip -p", "xl/sharedStrings.xml");
  const std::string sheet = test::tool_output(bytes, "unzip -p", "xl/worksheets/sheet1.xml");
  std::vector<std::string> shared;
  const std::regex si("<si><t[^>]*>([^<]*)</t></si>");
  for (auto it = std::sregex_iterator(strings.begin(), strings.end(), si);
       it != std::sregex_iterator(); ++it)
    shared.push_back((*it)[1].str());
  std::map<std::string, std::string> cells;
  const std::regex cell("<c r=\"([A-Z]+[0-9]+)\"([^>]*)><v>([^<]*)</v></c>");
  for (auto it = std::sregex_iterator(sheet.begin(), sheet.end(), cell);
       it != std::sregex_iterator(); ++it) {
    const bool text = (*it)[2].str().find("t=\"s\"") != std::string::npos;
    cells[(*it)[1].str()] = text ? shared.at(std::stoul((*it)[3].str())) : (*it)[3].str();
    if (!text && numeric) numeric->insert((*it)[1].str());
  }
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << "no formulas";
  return cells;
}

TEST_P(ReportsStatutory, TheXlsxIsTheFormCellByCell) {
  for (const auto& [name, period] : {std::pair{"monthly-social-assistance", "2020-03"},
                                     std::pair{"annual-social-services", "2021"}}) {
    const std::string base = std::string("/api/v1/reports/statutory/") + name + "?period=" + period;
    const test::Answer json = get(base, director_);
    ASSERT_EQ(json.status, 200) << json.body.dump();
    EXPECT_EQ(json.body["period"], period);
    EXPECT_EQ(json.body["municipality"], "Testa novads stat");
    const test::Answer x = get(base + "&format=xlsx", director_);
    ASSERT_EQ(x.status, 200) << x.raw;
    EXPECT_NE(x.header("Content-Disposition").find(std::string(name) + "-" + period + ".xlsx"),
              std::string::npos);
    std::set<std::string> numeric;
    const auto cells = sheet_cells(x.raw, &numeric);
    ASSERT_FALSE(cells.empty()) << "unzip could not read the workbook";
    EXPECT_EQ(cells.at("A1"), json.body["title"]["lv"].get<std::string>());
    std::map<std::string, std::string> facts;  // "Periods" → "2020-03", …
    for (int row = 3; row <= 9; ++row)
      if (cells.count("A" + std::to_string(row)))
        facts[cells.at("A" + std::to_string(row))] =
            cells.count("B" + std::to_string(row)) ? cells.at("B" + std::to_string(row)) : "";
    EXPECT_EQ(facts["Periods"], period);
    EXPECT_EQ(facts["Pašvaldība"], "Testa novads stat");
    EXPECT_EQ(facts["Iesniegšanas termiņš"], json.body["due_on"].get<std::string>());
    // Each row of the answer is a row of the sheet: code in A, label in B, numbers from C on.
    std::map<std::string, int> row_of;
    for (const auto& [ref, value] : cells) {
      if (ref[0] == 'A') row_of[value] = std::stoi(ref.substr(1));
    }
    int compared = 0;
    for (const auto& section : json.body["sections"]) {
      for (const auto& row : section["rows"]) {
        const std::string code = row["code"];
        ASSERT_TRUE(row_of.count(code)) << code;
        const std::string r = std::to_string(row_of[code]);
        EXPECT_EQ(cells.at("B" + r), row["label"]["lv"].get<std::string>());
        for (std::size_t k = 0; k < row["cells"].size(); ++k) {
          const std::string ref = std::string(1, static_cast<char>('C' + k)) + r;
          if (row["cells"][k].is_null()) {
            EXPECT_FALSE(cells.count(ref)) << ref;
            continue;
          }
          ASSERT_TRUE(numeric.count(ref)) << ref << " is not a number";
          EXPECT_NEAR(std::stod(cells.at(ref)), row["cells"][k].get<double>(), 0.001)
              << code << " " << ref;
          ++compared;
        }
      }
    }
    EXPECT_GT(compared, 10);
    // The CSV holds the same numbers, one row per cell (decimal comma in Latvian).
    const test::Answer csv = get(base + "&format=csv", director_);
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.raw.rfind("\xEF\xBB\xBFSadaļa;Rindas kods;Rādītājs;Aile;Vērtība\r\n", 0), 0u)
        << csv.raw.substr(0, 80);
    EXPECT_EQ(static_cast<int>(std::count(csv.raw.begin(), csv.raw.end(), '\n')), compared + 1);
  }
  const test::Answer en =
      get("/api/v1/reports/statutory/monthly-social-assistance?period=2020-03&format=csv",
          director_, "en");
  EXPECT_EQ(en.raw.rfind("\xEF\xBB\xBFSection;Row code;Indicator;Column;Value\r\n", 0), 0u);
  // A link cannot set Accept-Language: lang= chooses the download's language.
  const test::Answer asked =
      get("/api/v1/reports/statutory/monthly-social-assistance?period=2020-03&format=xlsx&lang=en",
          director_, "lv");
  ASSERT_EQ(asked.status, 200);
  EXPECT_EQ(sheet_cells(asked.raw).at("A1"), "Report on social assistance (monthly)");
  EXPECT_EQ(
      get("/api/v1/reports/statutory/monthly-social-assistance?period=2020-03&format=csv&lang=de",
          director_)
          .status,
      422);
}

TEST_P(ReportsStatutory, TheListShowsDueDatesAndSubmissions) {
  const test::Answer list = get("/api/v1/reports/statutory", director_);
  ASSERT_EQ(list.status, 200) << list.body.dump();
  const Date today = *parse_date(list.body["today"].get<std::string>());
  EXPECT_EQ(today, today_riga());
  ASSERT_EQ(list.body["reports"].size(), 2u);
  using namespace std::chrono;
  const auto days = [](const Date& d) {
    return sys_days{year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)},
                                   day{static_cast<unsigned>(d.day)}}};
  };
  const Date last_month =
      riga_date_at(days(Date{today.year, today.month, 1}) - std::chrono::days(1));
  const Date monthly_due =
      today.month == 1 ? Date{today.year, 1, 15} : Date{today.year, today.month, 15};
  const Date annual_due{today.year, 2, 15};
  for (const auto& r : list.body["reports"]) {
    const bool monthly = r["name"] == "monthly-social-assistance";
    const Date due = monthly ? monthly_due : annual_due;
    EXPECT_EQ(r["frequency"], monthly ? "monthly" : "annual");
    EXPECT_EQ(r["period"],
              monthly ? last_month.iso().substr(0, 7) : std::to_string(today.year - 1));
    EXPECT_EQ(r["due_on"], due.iso());
    EXPECT_EQ(r["days_left"].get<int>(), static_cast<int>((days(due) - days(today)).count()));
    EXPECT_EQ(r["overdue"].get<bool>(), today > due);
    EXPECT_FALSE(r["submitted"].get<bool>());
    EXPECT_FALSE(r["title"]["lv"].get<std::string>().empty());
  }
  // Marking the monthly report of last month submitted: once, then 409; the list says so.
  const std::string period = last_month.iso().substr(0, 7);
  const std::string body = R"({"period":")" + period + R"("})";
  const auto post = [&](const std::string& target, const test::As& who, const std::string& b) {
    return f_.call(Method::post, target, who, b);
  };
  const std::string submissions = "/api/v1/reports/statutory/monthly-social-assistance/submissions";
  const test::Answer first = post(submissions, director_, body);
  ASSERT_EQ(first.status, 201) << first.body.dump();
  EXPECT_EQ(first.body["period"], period);
  EXPECT_EQ(post(submissions, director_, body).status, 409);
  const test::Answer after = get("/api/v1/reports/statutory", director_);
  for (const auto& r : after.body["reports"]) {
    const bool monthly = r["name"] == "monthly-social-assistance";
    EXPECT_EQ(r["submitted"].get<bool>(), monthly);
    EXPECT_FALSE(r["overdue"].get<bool>() && monthly);
    if (monthly) {
      EXPECT_FALSE(r["submitted_by"].get<std::string>().empty());
    }
  }
  EXPECT_EQ(audit_count("action = 'submit' AND outcome <> 'denied' AND reason = "
                        "'report=monthly-social-assistance&period=" +
                        period + "'"),
            1);
  // This month has not ended; next month is the future; a year is not a month; others may not.
  const std::string this_month = today.iso().substr(0, 7);
  const test::Answer current =
      post(submissions, director_, R"({"period":")" + this_month + R"("})");
  EXPECT_EQ(current.status, 422);
  EXPECT_EQ(current.body["errors"][0]["field"], "period");
  EXPECT_EQ(post(submissions, director_, R"({"period":"2026"})").status, 422);
  EXPECT_EQ(post(submissions, director_, R"({"period":"2020-03","note":"x"})").status, 422);
  EXPECT_EQ(post(submissions, worker_, body).status, 403);
  EXPECT_EQ(post("/api/v1/reports/statutory/weekly/submissions", director_, body).status, 404);
}

TEST_P(ReportsStatutory, BadRequestsAreRefusedClearlyAndAudited) {
  const std::string monthly = "/api/v1/reports/statutory/monthly-social-assistance";
  // Another role: 403, and the refusal is audited.
  EXPECT_EQ(get("/api/v1/reports/statutory", worker_).status, 403);
  const test::Answer refused = get(monthly + "?period=2020-03&format=xlsx", worker_, "en");
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.dump().find("director"), std::string::npos) << refused.body.dump();
  EXPECT_EQ(audit_count("outcome = 'denied' AND action = 'export'"), 1);
  const test::TestUser admin = f_.user("stat.admin", {access::Role::admin});
  EXPECT_EQ(get(monthly, test::As{admin.session_token, admin.csrf, ""}).status, 403);
  // An unknown report: 404 naming it.
  const test::Answer unknown =
      get("/api/v1/reports/statutory/weekly-report?period=2020-03", director_, "en");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.dump().find("weekly-report"), std::string::npos) << unknown.body.dump();
  // Periods: malformed, two hundred years, the future, a year for a month.
  for (const char* bad :
       {"2020-3", "2020-13", "abc", "1826-03", "2226-01", "2099-01", "2020", "2020-03-01"}) {
    const test::Answer a = get(monthly + "?period=" + bad, director_, "en");
    EXPECT_EQ(a.status, 422) << bad;
    ASSERT_EQ(a.body["errors"].size(), 1u) << bad;
    EXPECT_EQ(a.body["errors"][0]["field"], "period") << bad;
  }
  const test::Answer lv = get(monthly + "?period=2020-3", director_, "lv");
  EXPECT_NE(lv.body["errors"][0]["message"].get<std::string>().find("GGGG-MM"), std::string::npos);
  EXPECT_EQ(
      get("/api/v1/reports/statutory/annual-social-services?period=2020-03", director_).status,
      422);
  const test::Answer format = get(monthly + "?period=2020-03&format=pdf", director_);
  EXPECT_EQ(format.status, 422);
  EXPECT_EQ(format.body["errors"][0]["field"], "format");
  // Without a period: the latest ended one.
  const test::Answer latest = get(monthly, director_);
  ASSERT_EQ(latest.status, 200);
  EXPECT_EQ(latest.body["period"], latest_ended_period(Frequency::monthly, today_riga()).text());
  // Reads and exports are audited with their parameters.
  ASSERT_EQ(get(monthly + "?period=2020-03&format=csv", director_).status, 200);
  EXPECT_EQ(
      audit_count("action = 'export' AND outcome <> 'denied' AND entity_id = '" +
                  std::to_string(world_.municipality) +
                  "' AND reason = 'report=monthly-social-assistance&period=2020-03&format=csv'"),
      1);
  EXPECT_EQ(audit_count("action = 'read' AND outcome <> 'denied' AND reason LIKE "
                        "'report=monthly-social-assistance&period=%&format=json'"),
            1);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportsStatutory, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

}  // namespace
}  // namespace atb
