#include "assistance/store.h"

#include <nlohmann/json.hpp>

#include "assistance/explanation_json.h"
#include "storage/id_list.h"

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

nlohmann::json steps_json(const std::vector<Step>& steps) { return steps_json(render(steps)); }

std::string steps_text(const std::vector<Text>& steps) {
  std::size_t size = 2;
  for (const Text& t : steps) size += t.lv.size() + t.en.size() + 20;
  std::string out;
  out.reserve(size + size / 8);
  out += '[';
  for (const Text& t : steps) {
    out += out.size() == 1 ? "{\"en\":" : ",{\"en\":";  // keys in nlohmann's (sorted) order
    append_json_string(out, t.en);
    out += ",\"lv\":";
    append_json_string(out, t.lv);
    out += '}';
  }
  out += ']';
  return out;
}

const std::vector<std::string>& decision_insert_columns() {
  static const std::vector<std::string> columns = {"application_id", "outcome", "amount", "period_from", "period_to",
                                                   "note", "agreement_on", "decided_by", "decided_at",
                                                   "supersedes_id", "recalculation_reason"};
  return columns;
}

void append_decision_row(storage::Params& row, const DecisionRecord& d, std::int64_t user_id, const std::string& now) {
  using storage::value;
  row.push_back(value(d.application_id));
  row.push_back(value(d.outcome));
  row.push_back(value(d.amount));
  row.push_back(value(d.period_from));
  row.push_back(value(d.period_to));
  row.push_back(value(d.note));
  row.push_back(value(d.agreement_on));
  row.push_back(value(user_id));
  row.push_back(value(now));
  row.push_back(value(d.supersedes_id));
  row.push_back(value(d.recalculation_reason));
}

namespace {

DecisionRecord decision_from(const storage::Row& r) {
  return DecisionRecord{r.integer(0),      r.integer(1),   r.text(2),         r.integer(3),
                        r.opt_text(4),     r.opt_text(5),  explanation_from_stored(r.text(6)), r.text(7),
                        r.opt_text(11),    r.text(8),      r.opt_text(9),     r.opt_text(10),
                        r.opt_integer(12), r.opt_text(13), r.opt_integer(14), r.opt_text(15)};
}

// The explanation is in its own table (migration 0014); `FROM assistance_decision` unaliased.
constexpr const char* kDecisionColumns =
    "id, application_id, outcome, amount, period_from, period_to,"
    " COALESCE((SELECT s.steps FROM assistance_decision_steps s WHERE s.decision_id = assistance_decision.id), '') AS steps,"
    " note, decided_at, stopped_from, stop_reason,"
    " agreement_on, supersedes_id, recalculation_reason, superseded_by_id, superseded_from";

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
                std::nullopt, {}, r.text(13)};
  ATB_TRY_ASSIGN(members, c.query("SELECT m.person_id, p.given_names, p.surname, p.birth_date, m.able_to_work,"
                                  " m.pensioner, m.disability, m.owns_property, m.has_savings"
                                  " FROM assistance_member m JOIN person p ON p.id = m.person_id"
                                  " WHERE m.application_id = ? ORDER BY CASE WHEN m.person_id = ? THEN 0 ELSE 1 END,"
                                  " p.birth_date, p.id",
                                  params(id, a.applicant_id)));
  for (const storage::Row& m : members) {
    a.members.push_back({m.integer(0), m.text(1), m.text(2), m.text(3), m.integer(4) != 0, m.integer(5) != 0,
                         m.integer(6) != 0, m.integer(7) != 0, m.integer(8) != 0});
  }
  ATB_TRY_ASSIGN(incomes, c.query("SELECT person_id, month, kind, amount FROM assistance_income WHERE application_id = ?"
                                  " ORDER BY person_id, month, kind, id",
                                  params(id)));
  for (const storage::Row& i : incomes) a.incomes.push_back({i.integer(0), i.text(1), i.text(2), i.integer(3)});
  ATB_TRY_ASSIGN(housing, c.query("SELECT kind, amount FROM assistance_housing WHERE application_id = ?", params(id)));
  for (const storage::Row& h : housing) a.housing[h.text(0)] = h.integer(1);
  ATB_TRY_ASSIGN(decisions, c.query(std::string("SELECT ") + kDecisionColumns +
                                        " FROM assistance_decision WHERE application_id = ? ORDER BY id",
                                    params(id)));
  for (const storage::Row& d : decisions) {
    a.history.push_back(decision_from(d));
    if (!a.history.back().superseded_by_id) a.decision = a.history.back();
  }
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
      ATB_TRY(c.execute("UPDATE assistance_member SET able_to_work = ?, pensioner = ?, disability = ?,"
                        " owns_property = ?, has_savings = ? WHERE application_id = ? AND person_id = ?",
                        params(m.able_to_work, m.pensioner, m.disability, m.owns_property, m.has_savings, id,
                               m.person_id)));
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
             " AND d.stopped_from IS NULL AND d.superseded_by_id IS NULL AND d.period_to <= ?)";
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
  static const std::string sql = [] {
    std::string columns, marks;
    for (const std::string& column : decision_insert_columns()) {
      columns += (columns.empty() ? "" : ", ") + column;
      marks += marks.empty() ? "?" : ", ?";
    }
    return "INSERT INTO assistance_decision (" + columns + ") VALUES (" + marks + ") RETURNING id";
  }();
  storage::Params row;
  row.reserve(decision_insert_columns().size());
  append_decision_row(row, d, user_id, now);
  ATB_TRY_ASSIGN(rows, c.query(sql, row));
  const std::int64_t id = rows[0].integer(0);
  ATB_TRY(c.execute("INSERT INTO assistance_decision_steps (decision_id, steps) VALUES (?, ?)", params(id, stored_explanation(d.steps))));
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

Result<bool> supersede_decision(storage::Connection& c, std::int64_t decision_id, std::int64_t by_id,
                                const std::string& from_month, const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE assistance_decision SET superseded_by_id = ?, superseded_from = ?"
                              " WHERE id = ? AND superseded_by_id IS NULL AND stopped_from IS NULL",
                              params(by_id, from_month, decision_id)));
  if (n != 1) return false;
  ATB_TRY(c.execute("UPDATE assistance_payment SET status = 'superseded', changed_at = ?"
                    " WHERE decision_id = ? AND month >= ? AND status = 'planned'",
                    params(now, decision_id, from_month)));
  return true;
}

namespace {

// "?, ?, …" with `n` placeholders.
std::string placeholders(std::size_t n) {
  std::string out;
  out.reserve(3 * n);
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

// supersede_decisions for the `n` pairs from `at`.
Result<void> supersede_chunk(storage::Connection& c, const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs,
                             std::size_t at, std::size_t n, const std::string& from_month, const std::string& now) {
  std::string cases;
  cases.reserve(32 * n);
  for (std::size_t i = 0; i < n; ++i) cases += " WHEN ? THEN CAST(? AS BIGINT)";
  const std::string list = placeholders(n);
  storage::Params ps;
  ps.reserve(3 * n + 1);
  for (std::size_t i = at; i < at + n; ++i) {
    ps.push_back(pairs[i].first);
    ps.push_back(pairs[i].second);
  }
  ps.push_back(from_month);
  for (std::size_t i = at; i < at + n; ++i) ps.push_back(pairs[i].first);
  ATB_TRY_ASSIGN(marked, c.execute("UPDATE assistance_decision SET superseded_by_id = CASE id" + cases +
                                       " END, superseded_from = ? WHERE id IN (" + list +
                                       ") AND superseded_by_id IS NULL AND stopped_from IS NULL",
                                   ps));
  if (marked != static_cast<std::int64_t>(n)) {
    return Error::internal("one of decisions " + std::to_string(pairs[at].first) + "… (" + std::to_string(n) +
                           ") was superseded or stopped during the run");
  }
  storage::Params payments{now};
  payments.reserve(n + 2);
  for (std::size_t i = at; i < at + n; ++i) payments.push_back(pairs[i].first);
  payments.push_back(from_month);
  ATB_TRY(c.execute("UPDATE assistance_payment SET status = 'superseded', changed_at = ? WHERE decision_id IN (" + list +
                        ") AND month >= ? AND status = 'planned'",
                    payments));
  return ok();
}

}  // namespace

Result<void> supersede_decisions(storage::Connection& c, const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs,
                                 const std::string& from_month, const std::string& now) {
  for (std::size_t at = 0; at < pairs.size();) {
    // A few fixed sizes, so that only a handful of statements are prepared.
    std::size_t n = 1;
    for (std::size_t size : {std::size_t{500}, std::size_t{100}, std::size_t{10}}) {
      if (size <= pairs.size() - at) {
        n = size;
        break;
      }
    }
    ATB_TRY(supersede_chunk(c, pairs, at, n, from_month, now));
    at += n;
  }
  return ok();
}

Result<std::vector<std::int64_t>> decisions_in_force(storage::Connection& c, const std::string& day) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT id FROM assistance_decision WHERE outcome = 'granted' AND stopped_from IS NULL"
                               " AND superseded_by_id IS NULL AND period_from <= ? AND period_to >= ? ORDER BY id",
                               params(day, day)));
  std::vector<std::int64_t> out;
  out.reserve(rows.size());
  for (const storage::Row& r : rows) out.push_back(r.integer(0));
  return out;
}

Result<std::vector<DecidedApplication>> load_decided(storage::Connection& c, const std::vector<std::int64_t>& ids) {
  ATB_TRY_ASSIGN(rows, fetch_decided(c, ids));
  return assemble_decided(std::move(rows));
}

Result<DecidedRows> fetch_decided(storage::Connection& c, std::vector<std::int64_t> ids) {
  DecidedRows out;
  out.ids = std::move(ids);
  if (out.ids.empty()) return out;
  std::string list;  // integers only: safe to write into the statement
  for (std::int64_t id : out.ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  const std::string apps = "(SELECT application_id FROM assistance_decision WHERE id IN (" + list + "))";
  // The same columns as kDecisionColumns but the explanation, which a recalculation does not use.
  ATB_TRY_ASSIGN(decisions, c.query("SELECT id, application_id, outcome, amount, period_from, period_to, '' AS steps, note,"
                                    " decided_at, stopped_from, stop_reason, agreement_on, supersedes_id, recalculation_reason,"
                                    " superseded_by_id, superseded_from FROM assistance_decision WHERE id IN (" + list + ")"));
  out.decisions = std::move(decisions);
  ATB_TRY_ASSIGN(applications, c.query("SELECT id, municipality_id, kind, applicant_id, application_month"
                                       " FROM assistance_application WHERE id IN " + apps));
  out.applications = std::move(applications);
  ATB_TRY_ASSIGN(members, c.query("SELECT m.application_id, m.person_id, p.birth_date, m.able_to_work, m.pensioner, m.disability,"
                                  " m.owns_property, m.has_savings FROM assistance_member m JOIN person p ON p.id = m.person_id"
                                  " WHERE m.application_id IN " + apps + " ORDER BY m.application_id, p.birth_date, p.id"));
  out.members = std::move(members);
  ATB_TRY_ASSIGN(incomes, c.query("SELECT application_id, person_id, month, kind, amount FROM assistance_income"
                                  " WHERE application_id IN " + apps + " ORDER BY application_id, person_id, month, kind, id"));
  out.incomes = std::move(incomes);
  ATB_TRY_ASSIGN(housing, c.query("SELECT application_id, kind, amount FROM assistance_housing WHERE application_id IN " + apps));
  out.housing = std::move(housing);
  return out;
}

std::vector<DecidedApplication> assemble_decided(DecidedRows rows) {
  std::vector<DecidedApplication> out;
  std::map<std::int64_t, Application> by_id;
  for (const storage::Row& r : rows.applications) {
    Application& a = by_id[r.integer(0)];
    a.id = r.integer(0);
    a.municipality_id = r.integer(1);
    a.kind = r.text(2);
    a.applicant_id = r.integer(3);
    a.application_month = r.text(4);
  }
  // The rows of an application come together (ordered by it): its entry is looked up once.
  Application* at = nullptr;
  auto application = [&](std::int64_t id) -> Application& {
    if (!at || at->id != id) at = &by_id[id];
    return *at;
  };
  for (const storage::Row& m : rows.members) {
    application(m.integer(0)).members.push_back({m.integer(1), "", "", m.text(2), m.integer(3) != 0, m.integer(4) != 0,
                                                 m.integer(5) != 0, m.integer(6) != 0, m.integer(7) != 0});
  }
  for (const storage::Row& i : rows.incomes) {
    application(i.integer(0)).incomes.push_back({i.integer(1), i.text(2), i.text(3), i.integer(4)});
  }
  for (const storage::Row& h : rows.housing) application(h.integer(0)).housing[h.text(1)] = h.integer(2);
  std::map<std::int64_t, DecisionRecord> decided;
  for (const storage::Row& r : rows.decisions) {
    DecisionRecord d = decision_from(r);
    decided.emplace(d.id, std::move(d));
  }
  std::map<std::int64_t, int> uses;  // decisions an application has here (one when all are in force)
  for (const auto& [id, d] : decided) ++uses[d.application_id];
  out.reserve(rows.ids.size());
  for (std::int64_t id : rows.ids) {
    const auto d = decided.find(id);
    if (d == decided.end()) continue;
    Application& a = by_id[d->second.application_id];
    out.push_back({--uses[d->second.application_id] == 0 ? std::move(a) : a, std::move(d->second)});
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> overlapping_grants(
    storage::Connection& c, std::int64_t municipality_id, const std::string& kind,
    const std::vector<std::int64_t>& person_ids, const std::string& from, const std::string& to) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  if (person_ids.empty()) return out;
  storage::Params ps = params(kind, municipality_id, to, from);
  const std::string in = storage::id_placeholders(person_ids, ps);
  // The same persons by any of their personal codes, in another municipality's records.
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT DISTINCT m.name, d.id FROM assistance_decision d"
      " JOIN assistance_application a ON a.id = d.application_id"
      " JOIN assistance_member am ON am.application_id = a.id"
      " JOIN person_code pc ON pc.person_id = am.person_id"
      " JOIN municipality m ON m.id = a.municipality_id"
      " WHERE d.outcome = 'granted' AND a.kind = ? AND a.municipality_id <> ?"
      " AND d.period_from <= ? AND d.period_to >= ?"
      " AND pc.code IN (SELECT code FROM person_code WHERE person_id IN (" + in + "))"
      " ORDER BY d.id",
      ps));
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
