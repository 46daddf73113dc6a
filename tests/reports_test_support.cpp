#include "reports_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <random>

#include "access/auth.h"
#include "access/session_store.h"
#include "core/crypto.h"
#include "registry/family_kind.h"
#include "services/store.h"

namespace atb::test::reports {
namespace {

using storage::params;

const char* kProblems[] = {"alcohol",         "psychoactive_substances",
                           "mental_disorder", "basic_needs",
                           "poverty",         "crisis",
                           "violence",        "neglect",
                           "housing",         "unemployment",
                           "disability",      "other"};
const char* kDepartments[] = {"social_work", "services", "assistance"};
const char* kLevels[] = {"low", "medium", "high", "very_high"};

class Random {
 public:
  explicit Random(unsigned seed) : g_(seed) {}
  int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(g_); }
  bool chance(int percent) { return between(1, 100) <= percent; }
  Date date(int from_year, int to_year) {
    const int y = between(from_year, to_year), m = between(1, 12);
    return Date{y, m, between(1, days_in_month(y, m))};
  }
  TimePoint instant(int from_year, int to_year) {
    const Date d = date(from_year, to_year);
    return day_start(d) + std::chrono::minutes(between(0, 24 * 60 - 1));
  }
  static TimePoint day_start(const Date& d) {
    using namespace std::chrono;
    return sys_days{year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)},
                                   day{static_cast<unsigned>(d.day)}}};
  }

 private:
  std::mt19937 g_;
};

std::string iso(const Date& d) {
  return d.iso();
}

std::optional<std::string> opt_iso(const std::optional<Date>& d) {
  return d ? std::optional(d->iso()) : std::nullopt;
}
std::optional<std::string> opt_instant(const std::optional<TimePoint>& t) {
  return t ? std::optional(iso_utc(*t)) : std::nullopt;
}

/// `value` when `present`, else NULL.
template <class T>
std::optional<T> opt(bool present, T value) {
  return present ? std::optional<T>(std::move(value)) : std::nullopt;
}

/// The 18th birthday (29 February → 1 March in a year without it).
Date eighteenth(const Date& birth) {
  if (valid_date(birth.year + 18, birth.month, birth.day))
    return Date{birth.year + 18, birth.month, birth.day};
  return Date{birth.year + 18, 3, 1};
}

/// Days from a to b, counted by stepping (slow, simple, independent of julianday).
std::int64_t days(Date a, const Date& b) {
  std::int64_t n = 0;
  while (a < b) {
    a = add_days(a, 1);
    ++n;
  }
  return n;
}

double round1(double v) {
  return std::round(v * 10.0) / 10.0;
}

Expected distribution(std::vector<std::int64_t> values) {
  Expected e;
  e.count = static_cast<std::int64_t>(values.size());
  if (values.empty()) return {0, {std::nullopt, std::nullopt}};
  std::sort(values.begin(), values.end());
  double sum = 0;
  for (auto v : values) sum += static_cast<double>(v);
  const std::size_t n = values.size();
  const double median =
      n % 2 ? static_cast<double>(values[n / 2]) : (values[n / 2 - 1] + values[n / 2]) / 2.0;
  e.measures = {round1(sum / static_cast<double>(n)), round1(median)};
  return e;
}

Result<std::int64_t> insert_id(storage::Connection& c, const std::string& sql,
                               const storage::Params& p) {
  ATB_TRY_ASSIGN(rows, c.query(sql + " RETURNING id", p));
  return rows[0].integer(0);
}

const std::string kAt = "2026-01-01T00:00:00.000Z";

Result<void> write(storage::Connection& c, World& w, const std::string& code) {
  ATB_TRY_ASSIGN(
      m,
      insert_id(
          c, "INSERT INTO municipality (code, name, inhabitants, created_at) VALUES (?, ?, ?, ?)",
          params(code, "Testa novads " + code, w.inhabitants, kAt)));
  w.municipality = m;
  std::map<std::string, std::int64_t> teams;
  for (const char* d : kDepartments) {
    ATB_TRY_ASSIGN(
        dep,
        insert_id(
            c,
            "INSERT INTO department (municipality_id, code, name_lv, name_en) VALUES (?, ?, ?, ?)",
            params(m, d, d, d)));
    w.departments[d] = dep;
    ATB_TRY_ASSIGN(
        team,
        insert_id(c, "INSERT INTO team (department_id, code, name_lv, name_en) VALUES (?, ?, ?, ?)",
                  params(dep, code + "_" + d, d, d)));
    teams[d] = team;
  }
  for (Staff& s : w.staff) {
    ATB_TRY_ASSIGN(
        id,
        insert_id(
            c,
            "INSERT INTO app_user (username, full_name, municipality_id, password_hash, disabled,"
            " created_at, updated_at) VALUES (?, ?, ?, 'x', ?, ?, ?)",
            params(s.username, "Darbiniece " + s.username, m, s.disabled, kAt, kAt)));
    s.id = id;
    ATB_TRY(c.execute("INSERT INTO user_role (user_id, role) VALUES (?, ?)", params(id, s.role)));
    if (!s.department.empty()) {
      ATB_TRY(c.execute("INSERT INTO user_team (user_id, team_id) VALUES (?, ?)",
                        params(id, teams[s.department])));
    }
  }
  for (Family& f : w.families) {
    ATB_TRY_ASSIGN(
        h,
        insert_id(c,
                  "INSERT INTO household (municipality_id, version, name, created_at, updated_at)"
                  " VALUES (?, 1, 'Ģimene', ?, ?)",
                  params(m, kAt, kAt)));
    f.id = h;
    for (const Member& mb : f.members) {
      ATB_TRY_ASSIGN(
          p, insert_id(c,
                       "INSERT INTO person (municipality_id, version, given_names, surname, "
                       "birth_date, sort_key,"
                       " created_at, updated_at) VALUES (?, 1, 'Vārds', 'Uzvārds', ?, 'x', ?, ?)",
                       params(m, iso(mb.birth), kAt, kAt)));
      if (f.first_person == 0) f.first_person = p;
      ATB_TRY(
          c.execute("INSERT INTO household_member (household_id, person_id, relationship, since, "
                    "until) VALUES (?, ?, 'member', ?, ?)",
                    params(h, p, iso(mb.since), opt_iso(mb.until))));
    }
    ATB_TRY(c.execute(
        "INSERT INTO household_registration (household_id, department_id, team_id, "
        "first_registered_on, channel,"
        " created_at) VALUES (?, ?, ?, ?, 'visit', ?)",
        params(h, w.departments[f.department], teams[f.department], iso(f.registered), kAt)));
    ATB_TRY(registry::refresh_family_kind(c, h));  // as the registry's writes do
  }
  for (Case& k : w.cases) {
    const Family& f = w.families[k.family];
    ATB_TRY_ASSIGN(
        id, insert_id(c,
                      "INSERT INTO case_file (municipality_id, department_id, team_id, version, "
                      "household_id, stage,"
                      " lead_worker_id, opened_on, closed_on, created_by, created_at, updated_at)"
                      " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
                      params(m, w.departments[k.department], teams[k.department], f.id,
                             k.closed ? "closed" : "plan", w.staff[k.lead].id, iso(k.opened),
                             opt_iso(k.closed), w.staff[k.lead].id, kAt, kAt)));
    k.id = id;
  }
  int reference = 0;
  for (const Intake& i : w.intakes) {
    const std::string due_at = iso_utc(i.received + std::chrono::hours(24));
    ATB_TRY_ASSIGN(
        id,
        insert_id(c,
                  "INSERT INTO intake (reference, municipality_id, department_id, team_id, "
                  "version, channel, urgency,"
                  " status, reporter_kind, reporter_name, reporter_contact, concern, received_at,"
                  " first_contact_due_on, first_contact_due_at, decided_at, created_at, updated_at)"
                  " VALUES (?, ?, ?, ?, 1, 'phone', ?, ?, 'anonymous', '', '', 'Testa', ?, "
                  "'2000-01-01', ?, ?, ?, ?)",
                  params(code + "-" + std::to_string(++reference), m, w.departments[i.department],
                         teams[i.department], i.acute ? "acute" : "routine",
                         i.decided ? "closed" : "open", iso_utc(i.received), opt(i.acute, due_at),
                         opt_instant(i.decided), kAt, kAt)));
    for (const std::string& p : i.problems) {
      ATB_TRY(c.execute("INSERT INTO intake_problem (intake_id, problem) VALUES (?, ?)",
                        params(id, p)));
    }
  }
  for (const Assessment& a : w.assessments) {
    const std::int64_t by = w.staff[w.cases[a.kase].lead].id;
    ATB_TRY(
        c.execute("INSERT INTO case_assessment (case_id, instrument_id, instrument_version, "
                  "version, status, answers,"
                  " overall_level, result, created_by, created_at, updated_by, updated_at, "
                  "completed_by, completed_at)"
                  " VALUES (?, 'adult-in-crisis', 1, 1, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?)",
                  params(w.cases[a.kase].id, a.completed ? "completed" : "draft",
                         opt(a.completed, a.level), opt(a.completed, "{}"), by, kAt, by, kAt,
                         opt(a.completed, by), opt(a.completed, iso_utc(a.at)))));
  }
  int service_no = 0;
  for (Service& s : w.services) {
    ATB_TRY_ASSIGN(
        id,
        insert_id(
            c,
            "INSERT INTO service (municipality_id, name_lv, name_en, kind, provider_department_id, "
            "capacity,"
            " capacity_unit, unit, price_cents, funding, active, version, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'day', 0, 'municipal', 1, 1, ?, ?)",
            params(m, "Pakalpojums " + std::to_string(++service_no), "Service", s.kind,
                   w.departments[s.department], s.capacity, s.unit, kAt, kAt)));
    s.id = id;
  }
  for (const Referral& r : w.referrals) {
    const Case& k = w.cases[r.kase];
    const std::string state = !r.decision                ? "requested"
                              : *r.decision == "refused" ? "refused"
                              : r.end                    ? "ended"
                              : r.start                  ? "placed"
                                                         : "waiting";
    ATB_TRY(c.execute(
        "INSERT INTO referral (service_id, case_id, person_id, quantity, state, version, "
        "requested_on, requested_by,"
        " requested_at, decision_due_on, decision, decided_at, start_on, end_on)"
        " VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
        params(w.services[r.service].id, k.id, w.families[k.family].first_person, r.quantity, state,
               iso(r.requested), w.staff[k.lead].id, kAt, iso(r.requested), r.decision,
               opt_instant(r.decided), opt_iso(r.start), opt_iso(r.end))));
  }
  ATB_TRY(services::fill_referral_scopes(c));  // as the system's writes do
  for (const Application& a : w.applications) {
    const Family& f = w.families[a.family];
    ATB_TRY_ASSIGN(
        id, insert_id(c,
                      "INSERT INTO assistance_application (municipality_id, version, kind, status, "
                      "household_id,"
                      " applicant_id, application_month, team_id, department_id, created_by, "
                      "created_at, updated_at)"
                      " VALUES (?, 1, ?, ?, ?, ?, '2020-01', ?, ?, 0, ?, ?)",
                      params(m, a.kind, a.outcome ? "decided" : "submitted", f.id, f.first_person,
                             teams["assistance"], w.departments["assistance"], kAt, kAt)));
    if (!a.outcome) continue;
    ATB_TRY_ASSIGN(d,
                   insert_id(c,
                             "INSERT INTO assistance_decision (application_id, outcome, amount, "
                             "period_from, period_to, note,"
                             " decided_by, decided_at) VALUES (?, ?, 0, ?, ?, '', 0, ?)",
                             params(id, *a.outcome, iso(a.from), iso(a.to), iso_utc(a.decided))));
    for (const Payment& p : a.payments) {
      ATB_TRY(
          c.execute("INSERT INTO assistance_payment (decision_id, month, amount, status, "
                    "changed_at) VALUES (?, ?, ?, ?, ?)",
                    params(d, p.month, p.amount, p.status, kAt)));
    }
  }
  return ok();
}

void generate(World& w, const std::string& code, unsigned seed) {
  Random rnd(seed);
  // Staff: the director; social work: a head, two supervisors, six workers (one disabled);
  // services: two workers; assistance: three benefits officers.
  struct Plan {
    const char* department;
    const char* role;
    int n;
  };
  const Plan plan[] = {{"", "director", 1},
                       {"social_work", "department_head", 1},
                       {"social_work", "supervisor", 2},
                       {"social_work", "social_worker", 6},
                       {"services", "social_worker", 2},
                       {"assistance", "benefits_officer", 3}};
  for (const Plan& p : plan) {
    for (int i = 0; i < p.n; ++i) {
      w.staff.push_back({code + "." + p.department + "." + p.role + std::to_string(i), p.department,
                         p.role, false, 0});
    }
  }
  w.staff[5].disabled = true;  // a social worker who left
  std::vector<std::size_t> leads;
  for (std::size_t i = 0; i < w.staff.size(); ++i) {
    if (w.staff[i].role == "social_worker" || w.staff[i].role == "supervisor") leads.push_back(i);
  }
  for (int i = 0; i < 160; ++i) {
    Family f;
    f.department = kDepartments[rnd.between(0, 2)];
    f.registered = rnd.date(2012, 2025);
    const int members = rnd.between(1, 4);
    for (int k = 0; k < members; ++k) {
      Member mb;
      mb.birth = rnd.chance(50) ? rnd.date(1940, 2000) : rnd.date(2000, 2025);
      mb.since = rnd.chance(80) ? mb.birth : rnd.date(2010, 2025);
      if (mb.since < mb.birth) mb.since = mb.birth;
      if (rnd.chance(15)) mb.until = add_days(mb.since, rnd.between(1, 4000));
      f.members.push_back(mb);
    }
    w.families.push_back(f);
  }
  // Edge cases of "child on the registration day": 18 tomorrow (child), 18 today (adult), a
  // 29 February birth registered on 28 February and on 1 March of its 18th year.
  const Date reg{2019, 6, 15};
  w.families.push_back(
      {"social_work", reg, {{Date{2001, 6, 16}, Date{2001, 6, 16}, std::nullopt}}, 0, 0});
  w.families.push_back(
      {"social_work", reg, {{Date{2001, 6, 15}, Date{2001, 6, 15}, std::nullopt}}, 0, 0});
  w.families.push_back({"services",
                        Date{2022, 2, 28},
                        {{Date{2004, 2, 29}, Date{2004, 2, 29}, std::nullopt}},
                        0,
                        0});
  w.families.push_back(
      {"services", Date{2022, 3, 1}, {{Date{2004, 2, 29}, Date{2004, 2, 29}, std::nullopt}}, 0, 0});
  for (int i = 0; i < 180; ++i) {
    Case k;
    k.department = rnd.chance(75) ? "social_work" : "services";
    k.family = static_cast<std::size_t>(rnd.between(0, static_cast<int>(w.families.size()) - 1));
    k.opened = rnd.date(2013, 2025);
    if (rnd.chance(60)) k.closed = add_days(k.opened, rnd.between(0, 1500));
    k.lead = leads[static_cast<std::size_t>(rnd.between(0, static_cast<int>(leads.size()) - 1))];
    w.cases.push_back(k);
  }
  for (int i = 0; i < 220; ++i) {
    Intake in;
    in.department = rnd.chance(80) ? "social_work" : "services";
    in.received = rnd.instant(2014, 2025);
    in.acute = rnd.chance(35);
    const int outcome = rnd.between(0, 2);
    if (outcome == 1) in.decided = in.received + std::chrono::minutes(rnd.between(1, 23 * 60));
    if (outcome == 2)
      in.decided = in.received + std::chrono::minutes(rnd.between(24 * 60 + 1, 6000));
    std::set<std::string> problems;
    for (int n = rnd.between(0, 4); n > 0; --n)
      problems.insert(kProblems[rnd.between(0, 5)]);  // few kinds: pairs repeat
    in.problems.assign(problems.begin(), problems.end());
    w.intakes.push_back(in);
  }
  // Intakes on the bounds of the test period (2016-03-01 starts at 2016-02-29T22:00Z in Riga;
  // 2023-09-30 ends at 2023-09-30T21:00Z): one just inside and one just outside each bound.
  for (const char* at : {"2016-02-29T21:59:59.999Z", "2016-02-29T22:00:00.000Z",
                         "2023-09-30T20:59:59.999Z", "2023-09-30T21:00:00.000Z"}) {
    w.intakes.push_back(
        {"social_work", *parse_iso_utc(at), true, std::nullopt, {"violence", "crisis"}});
  }
  for (int i = 0; i < 120; ++i) {
    Assessment a;
    a.kase = static_cast<std::size_t>(rnd.between(0, static_cast<int>(w.cases.size()) - 1));
    a.completed = rnd.chance(80);
    a.at = rnd.instant(2014, 2025);
    a.level = kLevels[rnd.between(0, 3)];
    w.assessments.push_back(a);
  }
  w.services = {{"mentor", "places", "services", 6, 0},
                {"psychologist", "hours_per_month", "services", 40, 0},
                {"group_apartment", "places", "services", 8, 0},
                {"day_centre", "places", "social_work", 12, 0},
                {"mentor", "places", "social_work", 3, 0}};
  for (int i = 0; i < 200; ++i) {
    Referral r;
    r.service = static_cast<std::size_t>(rnd.between(0, static_cast<int>(w.services.size()) - 1));
    r.kase = static_cast<std::size_t>(rnd.between(0, static_cast<int>(w.cases.size()) - 1));
    r.requested = rnd.date(2014, 2025);
    r.quantity = rnd.between(1, 3);
    const int state = rnd.between(0, 9);
    if (state >= 2) {
      r.decision = state == 2 ? "refused" : "granted";
      r.decided = Random::day_start(add_days(r.requested, rnd.between(0, 40))) +
                  std::chrono::hours(rnd.between(0, 23));
    }
    if (state >= 4) r.start = add_days(r.requested, rnd.between(0, 400));
    if (state >= 7) r.end = add_days(*r.start, rnd.between(1, 900));
    w.referrals.push_back(r);
  }
  const char* kinds[] = {"needy_status", "low_income_status", "gmi", "housing"};
  for (int i = 0; i < 140; ++i) {
    Application a;
    a.kind = kinds[rnd.between(0, 3)];
    a.family = static_cast<std::size_t>(rnd.between(0, static_cast<int>(w.families.size()) - 1));
    if (rnd.chance(85)) {
      a.outcome = rnd.chance(75) ? "granted" : "refused";
      a.decided = rnd.instant(2014, 2025);
      a.from = rnd.date(2014, 2025);
      a.to = add_days(a.from, rnd.between(28, 200));
      if (*a.outcome == "granted" && (a.kind == "gmi" || a.kind == "housing")) {
        Date month{a.from.year, a.from.month, 1};
        for (int n = 0; n < 3; ++n) {
          const char* status = rnd.chance(70) ? "planned" : rnd.chance(50) ? "paid" : "stopped";
          a.payments.push_back({month.iso().substr(0, 7), status, rnd.between(1000, 30000)});
          month = add_days(Date{month.year, month.month, 28}, 5);
          month.day = 1;
        }
      }
    }
    w.applications.push_back(a);
  }
}

bool in(const Date& d, const Date& from, const Date& to) {
  return from <= d && d <= to;
}

}  // namespace

World make_world(storage::Database& db, const std::string& code, unsigned seed) {
  World w;
  generate(w, code, seed);
  auto done = db.write([&](storage::Connection& c) { return write(c, w, code); });
  EXPECT_TRUE(done) << (done ? "" : done.error().detail);
  return w;
}

std::map<std::string, ExpectedFigure> expected_figures(const World& w, const Date& from,
                                                       const Date& to,
                                                       const std::set<std::string>& departments) {
  auto shown = [&](const std::string& d) {
    return departments.empty() || departments.count(d) > 0;
  };
  auto riga_in = [&](const TimePoint& t) { return in(riga_date_at(t), from, to); };
  std::map<std::string, ExpectedFigure> out;

  for (const Family& f : w.families) {
    if (!shown(f.department) || !in(f.registered, from, to)) continue;
    bool child = false;
    for (const Member& m : f.members) {
      const bool member = m.since <= f.registered && (!m.until || f.registered < *m.until);
      if (member && m.birth <= f.registered && f.registered < eighteenth(m.birth)) child = true;
    }
    out["first_registrations"]
       [{std::to_string(f.registered.year), f.department, child ? "with_children" : "adults"}]
           .count++;
  }

  std::map<std::string, std::vector<std::int64_t>> durations;
  std::map<std::string, std::map<std::size_t, std::int64_t>> open_by_lead;
  for (const Case& k : w.cases) {
    if (!shown(k.department)) continue;
    const bool open_at_end = k.opened <= to && (!k.closed || to < *k.closed);
    auto& flow = out["case_flow"];
    if (k.opened <= to) {  // a department is listed once it has a case opened by the end
      flow[{k.department, "open_at_end"}].count += open_at_end;
      flow[{k.department, "opened"}].count += in(k.opened, from, to);
      flow[{k.department, "closed"}].count += k.closed && in(*k.closed, from, to);
    }
    if (k.closed && in(*k.closed, from, to)) {
      durations[k.department].push_back(days(k.opened, *k.closed));
      durations["all"].push_back(days(k.opened, *k.closed));
    }
    if (open_at_end) open_by_lead[k.department][k.lead]++;
  }
  for (const auto& [d, v] : durations) out["case_duration"][{d}] = distribution(v);
  if (!durations.count("all")) out["case_duration"][{"all"}] = distribution({});
  for (const auto& [d, leads] : open_by_lead) {
    std::vector<std::int64_t> loads;
    std::int64_t total = 0;
    for (const auto& [lead, n] : leads) {
      loads.push_back(n);
      total += n;
    }
    Expected e = distribution(loads);
    e.measures.insert(e.measures.begin(), static_cast<double>(total));
    out["caseload"][{d}] = e;
  }

  for (const char* level : kLevels) out["risk_levels"][{level}].count = 0;
  for (const Assessment& a : w.assessments) {
    if (a.completed && shown(w.cases[a.kase].department) && riga_in(a.at))
      out["risk_levels"][{a.level}].count++;
  }

  for (const char* r : {"met", "late", "undecided"}) out["rapid_response"][{r}].count = 0;
  for (const Intake& i : w.intakes) {
    if (!shown(i.department) || !riga_in(i.received)) continue;
    for (const std::string& p : i.problems) out["problem_categories"][{p}].count++;
    for (std::size_t a = 0; a < i.problems.size(); ++a) {
      for (std::size_t b = a + 1; b < i.problems.size(); ++b) {
        out["problem_pairs"]
           [{std::min(i.problems[a], i.problems[b]), std::max(i.problems[a], i.problems[b])}]
               .count++;
      }
    }
    if (i.acute) {
      const char* result = !i.decided                                          ? "undecided"
                           : *i.decided <= i.received + std::chrono::hours(24) ? "met"
                                                                               : "late";
      out["rapid_response"][{result}].count++;
    }
  }

  std::map<std::string, std::vector<std::int64_t>> waits;
  std::map<std::pair<std::string, std::string>, std::array<std::int64_t, 3>>
      occupied;  // placements, quantity, capacity
  for (const Service& s : w.services) {
    if (shown(s.department)) occupied[{s.kind, s.unit}][2] += s.capacity;
  }
  for (const Referral& r : w.referrals) {
    const Service& s = w.services[r.service];
    if (shown(s.department) && r.start && *r.start <= to && (!r.end || to < *r.end)) {
      occupied[{s.kind, s.unit}][0]++;
      occupied[{s.kind, s.unit}][1] += r.quantity;
    }
    if (!shown(w.cases[r.kase].department)) continue;
    if (in(r.requested, from, to)) out["referrals"][{s.kind, "requested"}].count++;
    if (r.decision && riga_in(*r.decided)) out["referrals"][{s.kind, *r.decision}].count++;
    if (r.start && in(*r.start, from, to)) waits[s.kind].push_back(days(r.requested, *r.start));
  }
  for (const auto& [kind, v] : waits) out["waiting_times"][{kind}] = distribution(v);
  for (const auto& [key, o] : occupied) {
    out["occupancy"][{key.first, key.second}] =
        Expected{o[0],
                 {static_cast<double>(o[1]), static_cast<double>(o[2]),
                  o[2] > 0 ? std::optional<double>(round1(100.0 * static_cast<double>(o[1]) /
                                                          static_cast<double>(o[2])))
                           : std::nullopt}};
  }

  if (shown("assistance")) {
    std::map<std::string, std::set<std::size_t>> status;
    std::map<std::pair<std::string, std::string>, std::set<std::size_t>> paid_households;
    std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>>
        paid;  // payments, cents
    for (const Application& a : w.applications) {
      if (!a.outcome) continue;
      if (*a.outcome == "granted" && a.from <= to && from <= a.to) {
        if (a.kind == "needy_status") status["needy"].insert(a.family);
        if (a.kind == "low_income_status") status["low_income"].insert(a.family);
      }
      if (riga_in(a.decided)) out["benefit_decisions"][{a.kind, *a.outcome}].count++;
      for (const Payment& p : a.payments) {
        const std::string first = from.iso().substr(0, 7), last = to.iso().substr(0, 7);
        if (p.status == "stopped" || p.month < first || last < p.month) continue;
        paid_households[{a.kind, p.status}].insert(a.family);
        paid[{a.kind, p.status}].first++;
        paid[{a.kind, p.status}].second += p.amount;
      }
    }
    for (const char* s : {"needy", "low_income"})
      out["household_status"][{s}].count = static_cast<std::int64_t>(status[s].size());
    for (const auto& [key, v] : paid) {
      out["benefit_payments"][{key.first, key.second}] =
          Expected{static_cast<std::int64_t>(paid_households[key].size()),
                   {static_cast<double>(v.first), static_cast<double>(v.second) / 100.0}};
    }
  } else {
    for (const char* s : {"needy", "low_income"}) out["household_status"][{s}].count = 0;
  }

  std::int64_t specialists = 0;
  for (const Staff& s : w.staff) {
    if (s.disabled) continue;
    if (!s.department.empty() && shown(s.department)) out["staff"][{s.department}].count++;
    if (s.role == "social_worker" || s.role == "supervisor") ++specialists;
  }
  if (departments.empty()) {
    const double inh = static_cast<double>(w.inhabitants);
    out["staffing_norm"][{}] =
        Expected{specialists, {inh, std::ceil(inh / 1000.0), round1(1000.0 * specialists / inh)}};
  }
  return out;
}

As session_for(storage::Database& db, std::int64_t user_id) {
  As as;
  as.session_token = crypto::random_token();
  as.csrf = crypto::random_token();
  auto made = db.write([&](storage::Connection& c) -> Result<std::int64_t> {
    const TimePoint now = std::chrono::system_clock::now();
    access::SessionRecord s;
    s.user_id = user_id;
    s.stage = "complete";
    s.csrf_token = as.csrf;
    s.created_at = s.last_seen_at = iso_utc(now);
    s.expires_at = iso_utc(now + std::chrono::hours(12));
    s.remote = "127.0.0.1";
    return access::insert_session(c, access::secret_hash(as.session_token), s);
  });
  EXPECT_TRUE(made);
  return as;
}

}  // namespace atb::test::reports
