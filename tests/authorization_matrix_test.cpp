// The authorization matrix: every endpoint that exists × every role (and anonymous, and an API
// token), for a record in scope and one outside it, asserting the answer. A route missing from
// the table fails the test, so each new endpoint must be added here.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "access/session_store.h"
#include "cases/case_store.h"
#include "cases/intake_store.h"
#include "core/time.h"
#include "partners/store.h"
#include "registry/person_store.h"
#include "services/store.h"
#include "services/housing_store.h"
#include "services/mobile_store.h"
#include "services/mentor_store.h"
#include "authorization_matrix_table.h"
#include "support/app_fixture.h"

namespace atb {
namespace {

using access::Role;
using http::Method;

using test::kMatrixCallers;
using Row = test::MatrixRow;

// Endpoints without personal data or access rules (operations).
const std::set<std::string> kSystem = {"GET /healthz", "GET /readyz", "GET /metrics",
                                       "GET /api/v1/version", "GET /api/v1/openapi.json"};

std::string key(Method m, const std::string& pattern) {
  return std::string(http::method_name(m)) + " " + pattern;
}

class AuthorizationMatrix : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    callers_["social_worker"] = as(f_.user("m.worker", {Role::social_worker}, {"families"}));
    callers_["supervisor"] = as(f_.user("m.super", {Role::supervisor}, {"families"}));
    callers_["department_head"] = as(f_.user("m.head", {Role::department_head}, {"families"}));
    callers_["director"] = as(f_.user("m.director", {Role::director}));
    callers_["benefits_officer"] = as(f_.user("m.benefits", {Role::benefits_officer}, {"benefits"}));
    callers_["partner"] = as(f_.user("m.partner", {Role::partner}));
    const test::TestUser admin = f_.user("m.admin", {Role::admin});
    callers_["admin"] = as(admin);
    callers_["auditor"] = as(f_.user("m.auditor", {Role::auditor}));
    callers_["admin_token"] = test::As{"", "", f_.token_for(admin)};
    callers_["anonymous"] = test::As{};
    in_scope_ = f_.user("m.target", {Role::social_worker}, {"adults"});
    out_of_scope_ = other_municipality_user();
    municipality_other_ = id_of("SELECT id FROM municipality WHERE code = 'cesis'");
    person_in_ = id_of("SELECT id FROM person WHERE given_names = 'Anna' AND surname = 'Bērziņa'");
    person_out_ = id_of("SELECT id FROM person WHERE given_names = 'Inga' AND surname = 'Žagare'");
    household_in_ = id_of("SELECT id FROM household WHERE name = 'Bērziņu ģimene'");
    person_other_ = other_municipality_person();
    application_in_ = id_of("SELECT MIN(id) FROM assistance_application");
    team_families_ = id_of("SELECT id FROM team WHERE code = 'families'");
    worker_id_ = id_of("SELECT id FROM app_user WHERE username = 'm.worker'");
    add_case_records();
    add_partner_records();
    add_service_records();
    add_housing_records();
    add_mobile_records();
    add_mentor_records();
  }

  // A service of the demo municipality and a requested referral of the case's Anna to it.
  /// A referral of the in-scope case's person to `service`, requested on 2026-01-03.
  Result<std::int64_t> requested_referral(storage::Connection& c, std::int64_t service) {
    services::Referral r;
    r.service_id = service;
    r.case_id = case_in_;
    r.person_id = person_in_;
    r.requested_on = "2026-01-03";
    r.requested_by.id = worker_id_;
    r.requested_at = "2026-01-03T00:00:00.000Z";
    r.decision_due_on = "2026-02-03";
    return services::insert_referral(c, r);
  }
  /// The same, granted on 2026-01-04 and placed from 2026-01-05.
  Result<std::int64_t> placed_referral(storage::Connection& c, std::int64_t service) {
    const std::string at = "2026-01-04T00:00:00.000Z";
    ATB_TRY_ASSIGN(referral, requested_referral(c, service));
    ATB_TRY(services::decide_referral(c, referral, 1, {"waiting", "granted", "", 3, "2026-01-04"}, worker_id_, at));
    ATB_TRY(services::place_referral(c, referral, 2, "2026-01-05", std::nullopt, worker_id_, at));
    return referral;
  }

  void add_service_records() {
    const std::int64_t municipality = id_of("SELECT municipality_id FROM department WHERE code = 'services'");
    const std::int64_t department = id_of("SELECT id FROM department WHERE code = 'services'");
    auto ids = f_.db().write([&](storage::Connection& c) -> Result<std::pair<std::int64_t, std::int64_t>> {
      services::Service s;
      s.municipality_id = municipality;
      s.name_lv = s.name_en = "Matricas pakalpojums";
      s.kind = "mentor";
      s.provider_department_id = department;
      s.capacity = 1;
      ATB_TRY_ASSIGN(service, services::insert_service(c, s, "2026-01-01T00:00:00.000Z"));
      ATB_TRY_ASSIGN(referral, requested_referral(c, service));
      return std::pair{service, referral};
    });
    ASSERT_TRUE(ids) << ids.error().detail;
    service_in_ = ids->first;
    referral_in_ = ids->second;
  }

  // A group apartment with a unit, a room and a place, where the case's Anna lives (placed referral).
  // A volunteer mentor paired with a placed referral of the case's Anna to the mentor service.
  void add_mentor_records() {
    const std::int64_t municipality = id_of("SELECT municipality_id FROM department WHERE code = 'services'");
    const std::string at = "2026-01-01T00:00:00.000Z";
    auto ids = f_.db().write([&](storage::Connection& c) -> Result<std::vector<std::int64_t>> {
      services::Mentor m;
      m.municipality_id = municipality;
      m.name = "Matricas mentore";
      m.phone = "+371 20000000";
      m.trained_on = "2026-01-01";
      ATB_TRY_ASSIGN(mentor, services::insert_mentor(c, m, at));
      ATB_TRY_ASSIGN(referral, placed_referral(c, service_in_));
      services::Pairing p;
      p.referral_id = referral;
      p.mentor_id = mentor;
      p.case_id = case_in_;
      p.from_on = "2026-01-05";
      p.created_by.id = worker_id_;
      p.created_at = at;
      ATB_TRY_ASSIGN(pairing, services::insert_pairing(c, p));
      return std::vector<std::int64_t>{mentor, referral, pairing};
    });
    ASSERT_TRUE(ids) << ids.error().detail;
    mentor_ = *ids;
  }

  void add_housing_records() {
    const std::int64_t department = id_of("SELECT id FROM department WHERE code = 'services'");
    const std::int64_t municipality = id_of("SELECT municipality_id FROM department WHERE code = 'services'");
    const std::string at = "2026-01-01T00:00:00.000Z";
    auto ids = f_.db().write([&](storage::Connection& c) -> Result<std::vector<std::int64_t>> {
      services::Service s;
      s.municipality_id = municipality;
      s.name_lv = s.name_en = "Matricas grupu dzīvoklis";
      s.kind = "group_apartment";
      s.provider_department_id = department;
      s.capacity = 1;
      ATB_TRY_ASSIGN(service, services::insert_service(c, s, at));
      ATB_TRY_ASSIGN(unit, services::insert_unit(c, {0, service, "Matrica", std::nullopt, at, {}}, at));
      ATB_TRY_ASSIGN(room, services::insert_room(c, unit, "Istaba", at));
      ATB_TRY_ASSIGN(place, services::insert_place(c, room, "A", at));
      ATB_TRY_ASSIGN(referral, placed_referral(c, service));
      services::Stay st;
      st.where.place_id = place;
      st.referral_id = referral;
      st.person_id = person_in_;
      st.move_in_on = "2026-01-05";
      st.moved_in_by = worker_id_;
      st.moved_in_at = at;
      ATB_TRY_ASSIGN(stay, services::insert_stay(c, st));
      return std::vector<std::int64_t>{service, unit, room, referral, stay};
    });
    ASSERT_TRUE(ids) << ids.error().detail;
    housing_ = *ids;
  }

  // A mobile service with a plan of 2026-01-10 and a stop of the case's Anna (placed referral).
  void add_mobile_records() {
    const std::int64_t department = id_of("SELECT id FROM department WHERE code = 'services'");
    const std::int64_t municipality = id_of("SELECT municipality_id FROM department WHERE code = 'services'");
    const std::string at = "2026-01-01T00:00:00.000Z";
    auto ids = f_.db().write([&](storage::Connection& c) -> Result<std::vector<std::int64_t>> {
      services::Service s;
      s.municipality_id = municipality;
      s.name_lv = s.name_en = "Matricas mobilā brigāde";
      s.kind = "mobile_service";
      s.provider_department_id = department;
      s.capacity = 10;
      ATB_TRY_ASSIGN(service, services::insert_service(c, s, at));
      ATB_TRY_ASSIGN(referral, placed_referral(c, service));
      services::DayPlan plan;
      plan.service_id = service;
      plan.day = "2026-01-10";
      plan.route = "Matrica";
      plan.created_by = worker_id_;
      plan.created_at = at;
      ATB_TRY_ASSIGN(plan_id, services::insert_plan(c, plan));
      services::MobileStop st;
      st.plan_id = plan_id;
      st.referral_id = referral;
      st.person_id = person_in_;
      st.position = 1;
      st.created_at = at;
      ATB_TRY_ASSIGN(stop, services::insert_stop(c, st, worker_id_));
      return std::vector<std::int64_t>{service, plan_id, stop};
    });
    ASSERT_TRUE(ids) << ids.error().detail;
    mobile_ = *ids;
  }

  std::int64_t id_of(const std::string& sql) {
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(rows && !rows->empty()) << sql;
    return rows && !rows->empty() ? (*rows)[0].integer(0) : 0;
  }

  std::int64_t other_municipality_person() {
    auto id = f_.db().write([](storage::Connection& c) -> Result<std::int64_t> {
      ATB_TRY_ASSIGN(m, c.query("SELECT id FROM municipality WHERE code = 'cesis'"));
      registry::PersonDraft d;
      d.given_names = "Kārlis";
      d.surname = "Cēsnieks";
      d.birth_date = "1980-02-02";
      return registry::insert_person(c, m[0].integer(0), d, 0, "2026-01-01T00:00:00.000Z");
    });
    EXPECT_TRUE(id);
    return id ? *id : 0;
  }

  static test::As as(const test::TestUser& u) { return test::As{u.session_token, u.csrf, ""}; }

  // An open intake and a case of team families (lead: the matrix's social worker).
  void add_case_records() {
    auto ids = f_.db().write([&](storage::Connection& c) -> Result<std::pair<std::int64_t, std::int64_t>> {
      ATB_TRY_ASSIGN(team, cases::team_scope(c, team_families_));
      cases::Intake i;
      i.reference = "P-MATR-IX22";
      i.municipality_id = team->municipality_id;
      i.department_id = team->department_id;
      i.team_id = team->team_id;
      i.channel = "phone";
      i.urgency = "routine";
      i.reporter = {"person", "Matricas Ziņotāja", "20000000"};
      i.concern = "Matrica";
      i.received_at = i.created_at = "2026-01-01T00:00:00.000Z";
      i.first_contact_due_on = "2026-01-15";
      ATB_TRY_ASSIGN(intake, cases::insert_intake(c, i));
      cases::CaseFile k;
      k.municipality_id = team->municipality_id;
      k.department_id = team->department_id;
      k.team_id = team->team_id;
      k.household_id = household_in_;
      k.lead_worker_id = worker_id_;
      k.opened_on = "2026-01-02";
      ATB_TRY_ASSIGN(kase, cases::insert_case(c, k, "Matrica", worker_id_, "2026-01-02T00:00:00.000Z"));
      return std::pair{intake, kase};
    });
    ASSERT_TRUE(ids) << ids.error().detail;
    intake_in_ = ids->first;
    case_in_ = ids->second;
  }

  // Two institutions of the register, each with an open information request; the matrix's
  // partner user belongs to the first.
  void add_partner_records() {
    auto ids = f_.db().write([&](storage::Connection& c) -> Result<std::vector<std::int64_t>> {
      ATB_TRY_ASSIGN(m, c.query("SELECT id FROM municipality WHERE code = 'liepaja'"));
      ATB_TRY_ASSIGN(u, c.query("SELECT id FROM app_user WHERE username = 'm.partner'"));
      std::vector<std::int64_t> out;
      for (const char* name : {"Matricas skola", "Matricas bāriņtiesa"}) {
        partners::Partner p;
        p.municipality_id = m[0].integer(0);
        p.kind = "school";
        p.name = name;
        ATB_TRY_ASSIGN(id, partners::insert_partner(c, p, "2026-01-01T00:00:00.000Z"));
        partners::InfoRequest r;
        r.municipality_id = p.municipality_id;
        r.partner_id = id;
        r.requested_by = u[0].integer(0);
        r.subject_name = "Matrica";
        r.question = "Matrica";
        r.due_on = "2099-01-01";
        r.created_at = "2026-01-01T00:00:00.000Z";
        ATB_TRY_ASSIGN(rq, partners::insert_request(c, r));
        out.push_back(id);
        out.push_back(rq);
      }
      ATB_TRY(c.execute("UPDATE app_user SET partner_id = ? WHERE id = ?", storage::params(out[0], u[0].integer(0))));
      return out;
    });
    ASSERT_TRUE(ids) << ids.error().detail;
    partner_ = (*ids)[0];
    request_in_ = (*ids)[1];
    request_out_ = (*ids)[3];
  }

  std::int64_t other_municipality_user() {
    auto id = f_.db().write([](storage::Connection& c) -> Result<std::int64_t> {
      ATB_TRY_ASSIGN(m, c.query("INSERT INTO municipality (code, name, created_at) VALUES ('cesis',"
                                " 'Cēsu novads', '2026-01-01T00:00:00.000Z') RETURNING id"));
      ATB_TRY_ASSIGN(u, c.query("INSERT INTO app_user (username, full_name, municipality_id, password_hash,"
                                " created_at, updated_at) VALUES ('cesis.worker', 'Cēsu Darbiniece', ?, 'x',"
                                " '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') RETURNING id",
                                storage::params(m[0].integer(0))));
      return u[0].integer(0);
    });
    EXPECT_TRUE(id);
    return id ? *id : 0;
  }

  std::string fill(std::string target) {
    auto replace = [&](const std::string& token, const std::string& value) {
      if (auto at = target.find(token); at != std::string::npos) target.replace(at, token.size(), value);
    };
    replace("{in}", std::to_string(in_scope_.id));
    replace("{pin}", std::to_string(person_in_));
    replace("{pout}", std::to_string(person_out_));
    replace("{pother}", std::to_string(person_other_));
    replace("{hin}", std::to_string(household_in_));
    replace("{ain}", std::to_string(application_in_));
    replace("{iin}", std::to_string(intake_in_));
    replace("{cin}", std::to_string(case_in_));
    replace("{svc}", std::to_string(service_in_));
    replace("{rin}", std::to_string(referral_in_));
    const char* housing_tokens[] = {"{hsv}", "{hu}", "{hr}", "{hrf}", "{hst}"};
    for (std::size_t n = 0; n < housing_.size(); ++n) replace(housing_tokens[n], std::to_string(housing_[n]));
    const char* mobile_tokens[] = {"{msv}", "{mpl}", "{mst}"};
    for (std::size_t n = 0; n < mobile_.size(); ++n) replace(mobile_tokens[n], std::to_string(mobile_[n]));
    const char* mentor_tokens[] = {"{mtr}", "{mrf}", "{mpr}"};
    for (std::size_t n = 0; n < mentor_.size(); ++n) replace(mentor_tokens[n], std::to_string(mentor_[n]));
    replace("{tfam}", std::to_string(team_families_));
    replace("{sw}", std::to_string(worker_id_));
    replace("{out}", std::to_string(out_of_scope_));
    replace("{mother}", std::to_string(municipality_other_));
    replace("{ptn}", std::to_string(partner_));
    replace("{rqout}", std::to_string(request_out_));
    replace("{rq}", std::to_string(request_in_));
    if (target.find("{session}") != std::string::npos) {
      // A fresh session of the target user for every caller, so each try has something to end.
      const test::TestUser victim = f_.user("m.victim" + std::to_string(++victims_), {Role::social_worker});
      auto sid = f_.db().read([&](storage::Connection& c) {
        return c.query("SELECT id FROM user_session WHERE user_id = ?", storage::params(victim.id));
      });
      replace("{session}", (*sid)[0].text(0));
    }
    return target;
  }

  test::AppFixture f_{GetParam()};
  std::map<std::string, test::As> callers_;
  test::TestUser in_scope_;
  std::int64_t out_of_scope_ = 0;
  std::int64_t municipality_other_ = 0;  ///< the other municipality (statistics out of scope)
  std::int64_t person_in_ = 0, person_out_ = 0, person_other_ = 0, household_in_ = 0, application_in_ = 0;
  std::int64_t team_families_ = 0, worker_id_ = 0, intake_in_ = 0, case_in_ = 0;
  std::int64_t partner_ = 0, request_in_ = 0, request_out_ = 0;
  std::int64_t service_in_ = 0, referral_in_ = 0;
  std::vector<std::int64_t> housing_;  ///< service, unit, room, placed referral, stay
  std::vector<std::int64_t> mobile_;   ///< mobile service, day plan, stop
  std::vector<std::int64_t> mentor_;   ///< mentor, placed referral, pairing
  int victims_ = 0;
};

TEST_P(AuthorizationMatrix, EveryEndpointEveryRole) {
  for (const Row& row : test::matrix_table()) {
    ASSERT_EQ(row.expected.size(), kMatrixCallers.size()) << row.target;
    for (size_t i = 0; i < kMatrixCallers.size(); ++i) {
      std::string body = fill(row.body);
      if (auto at = body.find("{n}"); at != std::string::npos) body.replace(at, 3, std::to_string(i));
      test::Answer a = f_.call(row.method, fill(row.target), callers_[kMatrixCallers[i]], body);
      // At most two imports run at once: an import refused because the previous callers' are
      // still running (429, only on a loaded machine) is tried again when they have finished.
      for (int tries = 0; a.status == 429 && row.pattern == "/api/v1/imports/persons" && tries < 200; ++tries) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        a = f_.call(row.method, fill(row.target), callers_[kMatrixCallers[i]], body);
      }
      EXPECT_EQ(a.status, row.expected[i]) << http::method_name(row.method) << " " << row.target
                                           << " as " << kMatrixCallers[i] << ": " << a.body.dump();
    }
  }
}

TEST_P(AuthorizationMatrix, CoversEveryRouteThatExists) {
  std::set<std::string> covered = kSystem;
  for (const Row& row : test::matrix_table()) covered.insert(key(row.method, row.pattern));
  const test::Answer doc = f_.call(Method::get, "/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  for (const auto& [path, ops] : doc.body["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      EXPECT_TRUE(covered.count(upper + " " + path)) << upper << " " << path << " is not in the matrix";
    }
  }
}

TEST_P(AuthorizationMatrix, ReadsOfUsersAreAudited) {
  const auto before = f_.db().read([](storage::Connection& c) {
    return c.query("SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity_type = 'user'");
  });
  ASSERT_EQ(f_.call(Method::get, "/api/v1/users/" + std::to_string(in_scope_.id), callers_["admin"]).status, 200);
  const auto after = f_.db().read([&](storage::Connection& c) {
    return c.query("SELECT COUNT(*), MAX(entity_id) FROM audit_log WHERE action = 'read' AND entity_type = 'user'");
  });
  EXPECT_EQ((*after)[0].integer(0), (*before)[0].integer(0) + 1);
  const test::Answer who = f_.call(Method::get, "/api/v1/audit/entities/user/" + std::to_string(in_scope_.id),
                                   callers_["auditor"]);
  ASSERT_EQ(who.status, 200);
  EXPECT_EQ(who.body["items"][0]["username"], "m.admin");
  EXPECT_EQ(who.body["items"][0]["action"], "read");
}

INSTANTIATE_TEST_SUITE_P(Engines, AuthorizationMatrix, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

}  // namespace
}  // namespace atb
