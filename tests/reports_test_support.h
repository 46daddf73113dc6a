// A small, known world for the statistics tests: its own municipality (departments with the
// demo's codes, teams, staff) with families, cases, intakes, assessments, services with
// referrals and assistance decisions made from a seeded random generator, written with plain
// SQL; and every figure recomputed from the C++ records by counting (not by the product's SQL).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/time.h"
#include "storage/database.h"
#include "support/app_fixture.h"

namespace atb::test::reports {

/// One expected row of a figure: its count and measures (empty optional: none).
struct Expected {
  std::int64_t count = 0;
  std::vector<std::optional<double>> measures;
};
/// Rows by their keys.
using ExpectedFigure = std::map<std::vector<std::string>, Expected>;

struct Member {
  Date birth, since;
  std::optional<Date> until;
};
struct Family {
  std::string department;
  Date registered;
  std::vector<Member> members;
  std::int64_t id = 0, first_person = 0;
};
struct Case {
  std::string department;
  std::size_t family = 0;
  Date opened;
  std::optional<Date> closed;
  std::size_t lead = 0;  ///< index into World::staff
  std::int64_t id = 0;
};
struct Intake {
  std::string department;
  TimePoint received;
  bool acute = false;
  std::optional<TimePoint> decided;
  std::vector<std::string> problems;
};
struct Assessment {
  std::size_t kase = 0;
  bool completed = false;
  TimePoint at;
  std::string level;
};
struct Service {
  std::string kind, unit, department;
  int capacity = 0;
  std::int64_t id = 0;
};
struct Referral {
  std::size_t service = 0, kase = 0;
  Date requested;
  std::optional<std::string> decision;
  std::optional<TimePoint> decided;
  std::optional<Date> start, end;
  int quantity = 1;
};
struct Payment {
  std::string month, status;
  std::int64_t amount = 0;
};
struct Application {
  std::string kind;
  std::size_t family = 0;
  std::optional<std::string> outcome;  ///< with a decision
  TimePoint decided;
  Date from, to;
  std::vector<Payment> payments;
};
struct Staff {
  std::string username, department;  ///< department "" = none (the director)
  std::string role;
  bool disabled = false;
  std::int64_t id = 0;
};

/// The world and where it is.
struct World {
  std::int64_t municipality = 0;
  std::int64_t inhabitants = 23456;
  std::map<std::string, std::int64_t> departments;  ///< code → id
  std::vector<Family> families;
  std::vector<Case> cases;
  std::vector<Intake> intakes;
  std::vector<Assessment> assessments;
  std::vector<Service> services;
  std::vector<Referral> referrals;
  std::vector<Application> applications;
  std::vector<Staff> staff;
};

/// Makes the world (seeded) and writes it to `db` (municipality code `code`), staff included
/// (user names prefixed by `code`).
World make_world(storage::Database& db, const std::string& code, unsigned seed);

/// The expected figures of `w` for the period and the departments (empty: all), by figure id.
std::map<std::string, ExpectedFigure> expected_figures(
    const World& w, const Date& from, const Date& to,
    const std::set<std::string>& departments = {});

/// A complete session (no login) for an existing user, e.g. a world's director.
As session_for(storage::Database& db, std::int64_t user_id);

}  // namespace atb::test::reports
