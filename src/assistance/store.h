// SQL of social assistance: applications and their declarations, decisions, payments, the
// catalogue, thresholds and norms. No access decisions and no calculation here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "assistance/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::assistance {

/// An explanation as sent: a JSON array of {"lv", "en"}.
nlohmann::json steps_json(const std::vector<Text>& steps);

/// The steps rendered (explanation.h) and sent as steps_json does.
nlohmann::json steps_json(const std::vector<Step>& steps);

/// The same as steps_json(steps).dump(), written without building the JSON: the form explanations
/// were stored in before the compact one (explanation_json.h), which is still read.
std::string steps_text(const std::vector<Text>& steps);

/// The columns of assistance_decision insert_decision writes (not the id), in order, and a
/// decision's values for them appended to `row`: for writing many decisions at once
/// (registry::BulkInsert). The explanation is not among them: it goes, as stored_explanation(d.steps),
/// to assistance_decision_steps (decision_id, steps).
const std::vector<std::string>& decision_insert_columns();
void append_decision_row(storage::Params& row, const DecisionRecord& d, std::int64_t user_id, const std::string& now);

/// Built-in kinds and the municipality's catalogue.
Result<std::vector<BenefitKind>> load_kinds(storage::Connection& c, std::int64_t municipality_id);

/// A new draft application; members are the household's current members. Returns its id.
struct NewApplication {
  std::int64_t municipality_id = 0;
  std::string kind;
  std::int64_t household_id = 0;
  std::int64_t applicant_id = 0;
  std::string application_month;
  std::int64_t team_id = 0, department_id = 0, user_id = 0;
};
Result<std::int64_t> insert_application(storage::Connection& c, const NewApplication& a,
                                        const std::string& now);

/// An application with members (and their names), incomes, housing costs, its decision in force
/// and every decision (history).
Result<std::optional<Application>> load_application(storage::Connection& c, std::int64_t id);

/// The same for an application that must exist (internal error otherwise).
Result<Application> require_application(storage::Connection& c, std::int64_t id);

/// Replaces the declaration parts given (nullopt = unchanged) and bumps the version; false
/// when the version no longer matches.
Result<bool> update_declaration(storage::Connection& c, std::int64_t id, std::int64_t version,
                                const std::optional<std::vector<DeclaredMember>>& members,
                                const std::optional<std::vector<DeclaredIncome>>& incomes,
                                const std::optional<std::map<std::string, std::int64_t>>& housing,
                                const std::string& now);
/// Sets the status (and, when submitting, the dates); false on a version mismatch.
Result<bool> set_status(storage::Connection& c, std::int64_t id, std::int64_t version,
                        const std::string& status, const std::optional<std::string>& submitted_on,
                        const std::optional<std::string>& decision_due, const std::string& now);

/// Applications of the municipality, newest first, optionally by status or only overdue ones.
struct ApplicationRow {
  std::int64_t id = 0;
  std::string kind, status, household_name, applicant_name;
  std::int64_t household_id = 0, applicant_id = 0;
  std::optional<std::string> submitted_on, decision_due;
};
/// `visible` is the access policy's SQL over alias `a` (access::assistance_visible_sql);
/// `overdue_on` keeps submitted applications whose deadline is before that date;
/// `review_before` keeps granted benefits whose period ends by that date (re-evaluation due).
Result<std::pair<std::vector<ApplicationRow>, std::int64_t>> list_applications(
    storage::Connection& c, const std::string& visible, const std::string& status, const std::string& overdue_on,
    const std::string& review_before, int page, int page_size);

/// Writes a decision (with what it supersedes, if a recalculation) and its planned payments;
/// returns the decision id.
Result<std::int64_t> insert_decision(storage::Connection& c, const DecisionRecord& d,
                                     std::int64_t user_id, const std::vector<Payment>& payments,
                                     const std::string& now);
Result<std::optional<DecisionRecord>> load_decision(storage::Connection& c, std::int64_t id);
Result<std::vector<Payment>> load_payments(storage::Connection& c, std::int64_t decision_id);
/// Stops the payments from `from_month` on (their rows stay, marked stopped).
Result<void> stop_decision(storage::Connection& c, std::int64_t decision_id,
                           const std::string& from_month, const std::string& reason,
                           const std::string& now);

/// Marks decision `decision_id` superseded by `by_id` from `from_month` (YYYY-MM) on and its
/// planned payments of those months `superseded` (the rows stay). False, changing nothing, when
/// it is already superseded or stopped.
Result<bool> supersede_decision(storage::Connection& c, std::int64_t decision_id, std::int64_t by_id,
                                const std::string& from_month, const std::string& now);

/// supersede_decision for many (decision, superseded by) pairs at once, a few statements for
/// hundreds of decisions. An internal error when one of them is already superseded or stopped
/// (the caller's transaction must then roll back: some may be marked).
Result<void> supersede_decisions(storage::Connection& c, const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs,
                                 const std::string& from_month, const std::string& now);

/// The granted decisions not stopped or superseded whose period contains `day`, by id.
Result<std::vector<std::int64_t>> decisions_in_force(storage::Connection& c, const std::string& day);

/// Decisions `ids` with their applications and declarations (members without names), read in
/// five queries: what a bulk recalculation needs. In the order of `ids`. The decisions come
/// without their explanation (steps empty), which is not parsed.
struct DecidedApplication {
  Application application;
  DecisionRecord decision;
};
Result<std::vector<DecidedApplication>> load_decided(storage::Connection& c, const std::vector<std::int64_t>& ids);

/// load_decided in two parts, so that the second (no I/O) can run on another thread: the rows
/// of the five queries, and the decisions with their applications built from them (in the
/// order of `ids`).
struct DecidedRows {
  std::vector<std::int64_t> ids;
  storage::Rows decisions, applications, members, incomes, housing;
};
Result<DecidedRows> fetch_decided(storage::Connection& c, std::vector<std::int64_t> ids);
std::vector<DecidedApplication> assemble_decided(DecidedRows rows);

/// Granted decisions of the same kind for any of `person_ids` in another municipality whose
/// period overlaps [from, to]: (municipality name, decision id).
Result<std::vector<std::pair<std::string, std::int64_t>>> overlapping_grants(
    storage::Connection& c, std::int64_t municipality_id, const std::string& kind,
    const std::vector<std::int64_t>& person_ids, const std::string& from, const std::string& to);

/// One line of a month's payment list.
struct PaymentLine {
  std::int64_t payment_id = 0, decision_id = 0, person_id = 0;
  std::string given_names, surname, personal_code, kind, status;
  std::int64_t amount = 0;
};
/// The payments of a month for applications `visible` (access SQL over alias `a`).
Result<std::vector<PaymentLine>> payment_list(storage::Connection& c, const std::string& visible,
                                              const std::string& month);

}  // namespace atb::assistance
