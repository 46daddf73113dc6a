#include "assistance/store.h"

#include <nlohmann/json.hpp>

namespace atb::assistance {

using storage::params;

namespace {

const std::vector<BenefitKind>& builtin_kinds() {
  static const std::vector<BenefitKind> kinds = {
      {"needy_status", {"Trūcīgas mājsaimniecības statuss", "Needy household status"}, "needy_status", 0},
      {"low_income_status", {"Maznodrošinātas mājsaimniecības statuss", "Low-income household status"}, "low_income_status", 0},
      {"gmi", {"Garantētā minimālā ienākuma pabalsts", "Guaranteed minimum income benefit"}, "gmi", 0},
      {"housing", {"Mājokļa pabalsts", "Housing benefit"}, "housing", 0},
  };
  return kinds;
}

}  // namespace

nlohmann::json steps_json(const std::vector<Text>& steps) {
  nlohmann::json out = nlohmann::json::array();
  for (const Text& t : steps) out.push_back({{"lv", t.lv}, {"en", t.en}});
  return out;
}

namespace {

std::vector<Text> steps_from(const std::string& text) {
  std::vector<Text> out;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& s : j) out.push_back({s.value("lv", ""), s.value("en", "")});
  return out;
}

DecisionRecord decision_from(const storage::Row& r) {
  return DecisionRecord{r.integer(0), r.integer(1), r.text(2), r.integer(3), r.opt_text(4), r.opt_text(5),
                        steps_from(r.text(6)), r.text(7), r.opt_text(11), r.text(8), r.opt_text(9), r.opt_text(10)};
}

constexpr const char* kDecisionColumns =
    "id, application_id, outcome, amount, period_from, period_to, steps, note, decided_at, stopped_from, stop_reason,"
    " agreement_on";

}  // namespace

Result<std::vector<BenefitKind>> load_kinds(storage::Connection& c, std::int64_t municipality_id) {
  std::vector<BenefitKind> kinds = builtin_kinds();
  ATB_TRY_ASSIGN(rows, c.query("SELECT code, name_lv, name_en, rule, amount FROM assistance_kind"
                               " WHERE municipality_id = ? ORDER BY id",
                               params(municipality_id)));
  for (const storage::Row& r : rows) kinds.push_back({r.text(0), {r.text(1), r.text(2)}, r.text(3), r.integer(4)});
  return kinds;
}

Result<std::int64_t> insert_application(storage::Connection& c, const NewApplication& a, const std::string& now) {
  ATB_TRY_ASSIGN(rows, c.query(
      "INSERT INTO assistance_application (municipality_id, version, kind, status, household_id, applicant_id,"
      " application_month, team_id, department_id, created_by, created_at, updated_at)"
      " VALUES (?, 1, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      params(a.municipality_id, a.kind, a.household_id, a.applicant_id, a.application_month, a.team_id,
             a.department_id, a.user_id, now, now)));
  const std::int64_t id = rows[0].integer(0);
  ATB_TRY(c.execute("INSERT INTO assistance_member (application_id, person_id, able_to_work, pensioner, disability)"
                    " SELECT ?, m.person_id, 0, 0, 0 FROM household_member m JOIN person p ON p.id = m.person_id"
                    " WHERE m.household_id = ? AND m.until IS NULL AND p.merged_into_id IS NULL",
                    params(id, a.household_id)));
  return id;
}

Result<std::optional<Application>> load_application(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT a.id, a.municipality_id, a.version, a.kind, a.status, a.household_id, h.name, a.applicant_id,"
      " a.application_month, a.submitted_on, a.decision_due, a.team_id, a.department_id, a.created_at"
      " FROM assistance_application a JOIN household h ON h.id = a.household_id WHERE a.id = ?",
      params(id)));
  if (rows.empty()) return std::optional<Application>{};
  const storage::Row& r = rows[0];
  Application a{r.integer(0), r.integer(1), r.integer(2), r.text(3), r.text(4), r.integer(5), r.text(6),
                r.integer(7), r.text(8), r.opt_text(9), r.opt_text(10), r.integer(11), r.integer(12), {}, {}, {},
                std::nullopt, r.text(13)};
  ATB_TRY_ASSIGN(members, c.query("SELECT m.person_id, p.given_names, p.surname, p.birth_date, m.able_to_work,"
                                  " m.pensioner, m.disability FROM assistance_member m JOIN person p ON p.id = m.person_id"
                                  " WHERE m.application_id = ? ORDER BY CASE WHEN m.person_id = ? THEN 0 ELSE 1 END,"
                                  " p.birth_date, p.id",
                                  params(id, a.applicant_id)));
  for (const storage::Row& m : members) {
    a.members.push_back({m.integer(0), m.text(1), m.text(2), m.text(3), m.integer(4) != 0, m.integer(5) != 0, m.integer(6) != 0});
  }
  ATB_TRY_ASSIGN(incomes, c.query("SELECT person_id, month, kind, amount FROM assistance_income WHERE application_id = ?"
                                  " ORDER BY person_id, month, kind, id",
                                  params(id)));
  for (const storage::Row& i : incomes) a.incomes.push_back({i.integer(0), i.text(1), i.text(2), i.integer(3)});
  ATB_TRY_ASSIGN(housing, c.query("SELECT kind, amount FROM assistance_housing WHERE application_id = ?", params(id)));
  for (const storage::Row& h : housing) a.housing[h.text(0)] = h.integer(1);
  ATB_TRY_ASSIGN(decision, c.query(std::string("SELECT ") + kDecisionColumns +
                                       " FROM assistance_decision WHERE application_id = ?",
                                   params(id)));
  if (!decision.empty()) a.decision = decision_from(decision[0]);
  return std::optional(std::move(a));
}

Result<Application> require_application(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(a, load_application(c, id));
  if (!a.has_value()) return Error::internal("assistance application " + std::to_string(id) + " vanished");
  return std::move(a.value());
}

Result<bool> update_declaration(storage::Connection& c, std::int64_t id, std::int64_t version,
                                const std::optional<std::vector<DeclaredMember>>& members,
                                const std::optional<std::vector<DeclaredIncome>>& incomes,
                                const std::optional<std::map<std::string, std::int64_t>>& housing,
                                const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE assistance_application SET version = version + 1, updated_at = ?"
                              " WHERE id = ? AND version = ? AND status = 'draft'",
                              params(now, id, version)));
  if (n != 1) return false;
  if (members) {
    for (const DeclaredMember& m : *members) {
      ATB_TRY(c.execute("UPDATE assistance_member SET able_to_work = ?, pensioner = ?, disability = ?"
                        " WHERE application_id = ? AND person_id = ?",
                        params(m.able_to_work, m.pensioner, m.disability, id, m.person_id)));
    }
  }
  if (incomes) {
    ATB_TRY(c.execute("DELETE FROM assistance_income WHERE application_id = ?", params(id)));
    for (const DeclaredIncome& i : *incomes) {
      ATB_TRY(c.execute("INSERT INTO assistance_income (application_id, person_id, month, kind, amount) VALUES (?, ?, ?, ?, ?)",
                        params(id, i.person_id, i.month, i.kind, i.amount)));
    }
  }
  if (housing) {
    ATB_TRY(c.execute("DELETE FROM assistance_housing WHERE application_id = ?", params(id)));
    for (const auto& [kind, amount] : *housing) {
      ATB_TRY(c.execute("INSERT INTO assistance_housing (application_id, kind, amount) VALUES (?, ?, ?)",
                        params(id, kind, amount)));
    }
  }
  return true;
}

Result<bool> set_status(storage::Connection& c, std::int64_t id, std::int64_t version, const std::string& status,
                        const std::optional<std::string>& submitted_on, const std::optional<std::string>& decision_due,
                        const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE assistance_application SET version = version + 1, status = ?,"
                              " submitted_on = COALESCE(?, submitted_on), decision_due = COALESCE(?, decision_due),"
                              " updated_at = ? WHERE id = ? AND version = ?",
                              params(status, submitted_on, decision_due, now, id, version)));
  return n == 1;
}

Result<std::pair<std::vector<ApplicationRow>, std::int64_t>> list_applications(
    storage::Connection& c, const std::string& visible, const std::string& status, const std::string& overdue_on,
    const std::string& review_before, int page, int page_size) {
  std::string where = " WHERE " + visible;
  storage::Params ps;
  if (!status.empty()) {
    where += " AND a.status = ?";
    ps.push_back(status);
  }
  if (!overdue_on.empty()) {
    where += " AND a.status = 'submitted' AND a.decision_due < ?";
    ps.push_back(overdue_on);
  }
  if (!review_before.empty()) {
    where += " AND EXISTS (SELECT 1 FROM assistance_decision d WHERE d.application_id = a.id AND d.outcome = 'granted'"
             " AND d.stopped_from IS NULL AND d.period_to <= ?)";
    ps.push_back(review_before);
  }
  ATB_TRY_ASSIGN(count, c.query("SELECT COUNT(*) FROM assistance_application a" + where, ps));
  storage::Params page_params = ps;
  page_params.push_back(static_cast<std::int64_t>(page_size));
  page_params.push_back(static_cast<std::int64_t>((page - 1) * page_size));
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT a.id, a.kind, a.status, h.name, p.given_names, p.surname, a.household_id, a.applicant_id,"
      " a.submitted_on, a.decision_due FROM assistance_application a JOIN household h ON h.id = a.household_id"
      " JOIN person p ON p.id = a.applicant_id" + where + " ORDER BY a.id DESC LIMIT ? OFFSET ?",
      page_params));
  std::vector<ApplicationRow> out;
  for (const storage::Row& r : rows) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4) + " " + r.text(5), r.integer(6),
                   r.integer(7), r.opt_text(8), r.opt_text(9)});
  }
  return std::pair{std::move(out), count[0].integer(0)};
}

Result<std::int64_t> insert_decision(storage::Connection& c, const DecisionRecord& d, std::int64_t user_id,
                                     const std::vector<Payment>& payments, const std::string& now) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO assistance_decision (application_id, outcome, amount, period_from, period_to,"
                               " steps, note, agreement_on, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                               params(d.application_id, d.outcome, d.amount, d.period_from, d.period_to,
                                      steps_json(d.steps).dump(), d.note, d.agreement_on, user_id, now)));
  const std::int64_t id = rows[0].integer(0);
  for (const Payment& p : payments) {
    ATB_TRY(c.execute("INSERT INTO assistance_payment (decision_id, month, amount, status, changed_at) VALUES (?, ?, ?, 'planned', ?)",
                      params(id, p.month, p.amount, now)));
  }
  return id;
}

Result<std::optional<DecisionRecord>> load_decision(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string("SELECT ") + kDecisionColumns + " FROM assistance_decision WHERE id = ?", params(id)));
  if (rows.empty()) return std::optional<DecisionRecord>{};
  return std::optional(decision_from(rows[0]));
}

Result<std::vector<Payment>> load_payments(storage::Connection& c, std::int64_t decision_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT id, decision_id, month, amount, status FROM assistance_payment"
                               " WHERE decision_id = ? ORDER BY month",
                               params(decision_id)));
  std::vector<Payment> out;
  for (const storage::Row& r : rows) out.push_back({r.integer(0), r.integer(1), r.text(2), r.integer(3), r.text(4)});
  return out;
}

Result<void> stop_decision(storage::Connection& c, std::int64_t decision_id, const std::string& from_month,
                           const std::string& reason, const std::string& now) {
  ATB_TRY(c.execute("UPDATE assistance_decision SET stopped_from = ?, stop_reason = ? WHERE id = ?",
                    params(from_month, reason, decision_id)));
  ATB_TRY(c.execute("UPDATE assistance_payment SET status = 'stopped', changed_at = ?"
                    " WHERE decision_id = ? AND month >= ? AND status = 'planned'",
                    params(now, decision_id, from_month)));
  return ok();
}

Result<std::vector<std::pair<std::string, std::int64_t>>> overlapping_grants(
    storage::Connection& c, std::int64_t municipality_id, const std::string& kind,
    const std::vector<std::int64_t>& person_ids, const std::string& from, const std::string& to) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  if (person_ids.empty()) return out;
  std::string ids;
  for (std::int64_t person : person_ids) ids += (ids.empty() ? "" : ",") + std::to_string(person);
  // The same persons by any of their personal codes, in another municipality's records.
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT DISTINCT m.name, d.id FROM assistance_decision d"
      " JOIN assistance_application a ON a.id = d.application_id"
      " JOIN assistance_member am ON am.application_id = a.id"
      " JOIN person_code pc ON pc.person_id = am.person_id"
      " JOIN municipality m ON m.id = a.municipality_id"
      " WHERE d.outcome = 'granted' AND a.kind = ? AND a.municipality_id <> ?"
      " AND d.period_from <= ? AND d.period_to >= ?"
      " AND pc.code IN (SELECT code FROM person_code WHERE person_id IN (" + ids + "))"
      " ORDER BY d.id",
      params(kind, municipality_id, to, from)));
  for (const storage::Row& r : rows) out.emplace_back(r.text(0), r.integer(1));
  return out;
}

Result<std::vector<PaymentLine>> payment_list(storage::Connection& c, const std::string& visible, const std::string& month) {
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT pay.id, d.id, p.id, p.given_names, p.surname, COALESCE(p.personal_code, ''), a.kind, pay.status, pay.amount"
      " FROM assistance_payment pay JOIN assistance_decision d ON d.id = pay.decision_id"
      " JOIN assistance_application a ON a.id = d.application_id JOIN person p ON p.id = a.applicant_id"
      " WHERE " + visible + " AND pay.month = ? ORDER BY p.sort_key, pay.id",
      params(month)));
  std::vector<PaymentLine> out;
  for (const storage::Row& r : rows) {
    out.push_back({r.integer(0), r.integer(1), r.integer(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.integer(8)});
  }
  return out;
}

}  // namespace atb::assistance
