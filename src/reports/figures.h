// Every statistics figure, one function each: its definition is written here and its SQL in one
// place in the .cpp named beside it. Each query aggregates in SQL (GROUP BY), limited to the
// scope (figure_query.h) and the period (both days included; UTC instants compared with the
// Riga day's bounds). Keys are codes (department code, problem, service kind …), never a name or
// an id of a person. Department keys are department codes, so the national view adds up the
// same departments of every municipality.
#pragma once

#include "core/result.h"
#include "reports/figure.h"
#include "reports/figure_query.h"

namespace atb::reports {

// --- registration_figures.cpp ---------------------------------------------------------------

/// First-time registrations (pirmreizēja reģistrācija) of families: household registrations
/// (one per household and department: the first time the family came to that department) whose
/// first_registered_on is in the period, by year, department and family kind. Family kind:
/// `with_children` when on the registration day a member of the household (membership since ≤
/// that day < until) was born on or before it and was not yet 18 (the 18th birthday after it;
/// someone born on 29 February turns 18 on 1 March), otherwise `adults`. Count: households.
Result<Figure> first_registrations(const FigureQuery& q);

// --- case_figures.cpp -----------------------------------------------------------------------

/// Cases by department: `open_at_end` (opened on or before the period's last day and not closed
/// by then: closed_on empty or later), `opened` (opened_on in the period), `closed` (closed_on in
/// the period). Count: cases.
Result<Figure> case_flow(const FigureQuery& q);

/// Duration of the cases closed in the period, by department and `all`: days from opened_on to
/// closed_on; measures average_days, median_days. Count: closed cases.
Result<Figure> case_duration(const FigureQuery& q);

/// Completed assessments (completed_at in the period) of cases in scope by overall risk level
/// (low, medium, high, very_high; every level listed). Count: assessments.
Result<Figure> risk_levels(const FigureQuery& q);

// --- intake_figures.cpp ---------------------------------------------------------------------

/// Problem categories of the intakes received in the period (received_at in the period), one
/// count per category an intake names. Count: intakes. Sorted by count, most frequent first.
Result<Figure> problem_categories(const FigureQuery& q);

/// The most frequent combinations of problem categories: pairs of categories named by the same
/// intake received in the period (an intake with three categories makes three pairs), the ten
/// most frequent (ties in alphabetical order of the pair). Count: intakes.
Result<Figure> problem_pairs(const FigureQuery& q);

/// Rapid response (ātrā reaģēšana): acute intakes received in the period by `met` (an outcome
/// was recorded — decided_at — by first_contact_due_at, received + 24 h), `late` (recorded
/// after it) and `undecided` (no outcome yet). Count: intakes.
Result<Figure> rapid_response(const FigureQuery& q);

// --- service_figures.cpp --------------------------------------------------------------------

/// Referrals of cases in scope by service kind and event: `requested` (requested_on in the
/// period), `granted` / `refused` (decided_at in the period, by the decision). Count: referrals.
Result<Figure> referrals(const FigureQuery& q);

/// Waiting time of the placements that started in the period (start_on in the period), by
/// service kind: days from requested_on to start_on; measures average_days, median_days.
/// Count: placements.
Result<Figure> waiting_times(const FigureQuery& q);

/// Occupancy on the period's last day of the active services in scope (the service's
/// municipality; with departments, the providing department — services of partners count only
/// without a department limit), by service kind and capacity unit: count = placements occupying
/// it that day (start_on ≤ day, end_on empty or after the day); measures occupied (their
/// quantity), capacity, occupancy_percent.
Result<Figure> occupancy(const FigureQuery& q);

// --- assistance_figures.cpp -----------------------------------------------------------------

/// Needy and low-income households: distinct households with a granted needy_status (or
/// low_income_status) decision whose status period overlaps the report period. Keys: status
/// (`needy`, `low_income`, both listed). Count: households.
Result<Figure> assistance_status(const FigureQuery& q);

/// Decisions on benefits made in the period (decided_at in the period; recalculations count as
/// decisions), by benefit kind and outcome (granted, refused). Count: decisions.
Result<Figure> benefit_decisions(const FigureQuery& q);

/// Benefits granted for the period's months: monthly payments of the months from the period's
/// first month to its last that are `planned` or `paid` (not stopped, not superseded by a
/// recalculation), by benefit kind and payment status. Count: households; measures payments,
/// amount_eur. (Nothing marks a payment `paid` yet: until the payment export does, they are all
/// `planned`.)
Result<Figure> benefit_payments(const FigureQuery& q);

// --- staff_figures.cpp ----------------------------------------------------------------------

/// Staff per department today (the system keeps no history of team membership): active users
/// with a role social_worker, supervisor, department_head or benefits_officer in a team of the
/// department; a user in teams of two departments counts in each. Count: staff.
Result<Figure> staff(const FigureQuery& q);

/// Active caseload per worker, by department: the cases open on the period's last day grouped
/// by lead worker. Count: workers leading at least one such case; measures open_cases,
/// average_cases, median_cases (per such worker).
Result<Figure> caseload(const FigureQuery& q);

/// The staffing norm (one social work specialist per 1,000 inhabitants): the municipalities in
/// scope (without a department limit; none otherwise), count = social work specialists (active
/// users with role social_worker or supervisor), measures inhabitants (municipality.inhabitants;
/// empty when not configured), required (⌈inhabitants / 1,000⌉), per_1000_inhabitants.
Result<Figure> staffing_norm(const FigureQuery& q);

}  // namespace atb::reports
