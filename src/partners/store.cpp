#include "partners/store.h"

#include "storage/id_list.h"

namespace atb::partners {

using storage::params;
using storage::Row;

namespace {

constexpr const char* kPartnerColumns =
    "id, municipality_id, kind, name, registration_number, address, phone, email, active, created_at, updated_at, version";

Partner partner_row(const Row& r) {
  Partner p;
  p.id = r.integer(0);
  p.municipality_id = r.integer(1);
  p.kind = r.text(2);
  p.name = r.text(3);
  p.registration_number = r.opt_text(4);
  p.address = r.opt_text(5);
  p.phone = r.opt_text(6);
  p.email = r.opt_text(7);
  p.active = r.integer(8) != 0;
  p.created_at = r.text(9);
  p.updated_at = r.text(10);
  p.version = r.integer(11);
  return p;
}

// conflict naming "name" when another institution of the municipality has this name.
Result<void> check_name_free(storage::Connection& c, const Partner& p) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT id FROM partner WHERE municipality_id = ? AND name = ? AND id <> ?",
                               params(p.municipality_id, p.name, p.id)));
  if (rows.empty()) return ok();
  const Text taken{"Iestāde ar tādu nosaukumu jau ir reģistrā.", "An institution of this name is already registered."};
  return Error{Errc::conflict, taken, {{"name", taken}}, {}};
}

Result<void> write_contacts(storage::Connection& c, const Partner& p) {
  ATB_TRY(c.execute("DELETE FROM partner_contact WHERE partner_id = ?", params(p.id)));
  for (const Contact& k : p.contacts) {
    ATB_TRY(c.execute("INSERT INTO partner_contact (partner_id, full_name, position, phone, email) VALUES (?, ?, ?, ?, ?)",
                      params(p.id, k.full_name, k.position, k.phone, k.email)));
  }
  return ok();
}

// Concern columns with the intake's (alias i): 13 columns.
constexpr const char* kConcernSelect =
    "SELECT k.id, k.partner_id, k.intake_id, k.reported_by, k.child_name, k.child_birth_date, k.school, k.created_at,"
    " i.reference, i.concern, i.received_at, i.status, i.outcome FROM partner_concern k JOIN intake i ON i.id = k.intake_id";

Concern concern_row(const Row& r) {
  Concern k;
  k.id = r.integer(0);
  k.partner_id = r.integer(1);
  k.intake_id = r.integer(2);
  k.reported_by = r.integer(3);
  k.child_name = r.text(4);
  k.child_birth_date = r.opt_text(5);
  k.school = r.text(6);
  k.created_at = r.text(7);
  k.reference = r.text(8);
  k.concern = r.text(9);
  k.received_at = r.text(10);
  k.intake_status = r.text(11);
  k.outcome = r.opt_text(12);
  return k;
}

Result<void> attach_categories(storage::Connection& c, std::vector<Concern>& items) {
  for (Concern& k : items) {
    ATB_TRY_ASSIGN(rows, c.query("SELECT problem FROM intake_problem WHERE intake_id = ? ORDER BY problem",
                                 params(k.intake_id)));
    for (const Row& r : rows) k.categories.push_back(r.text(0));
  }
  return ok();
}

constexpr const char* kRequestSelect =
    "SELECT r.id, r.municipality_id, r.partner_id, r.requested_by, p.name, u.full_name, r.subject_name,"
    " r.subject_birth_date, r.subject_personal_code, r.case_reference, r.question, r.due_on, r.status, r.version,"
    " r.case_id, r.opinion_id, o.reference, r.answer_note, a.full_name, r.answered_at, r.created_at"
    " FROM partner_request r JOIN partner p ON p.id = r.partner_id JOIN app_user u ON u.id = r.requested_by"
    " LEFT JOIN case_opinion o ON o.id = r.opinion_id LEFT JOIN app_user a ON a.id = r.answered_by";

InfoRequest request_row(const Row& r) {
  InfoRequest q;
  q.id = r.integer(0);
  q.municipality_id = r.integer(1);
  q.partner_id = r.integer(2);
  q.requested_by = r.integer(3);
  q.partner_name = r.text(4);
  q.requested_by_name = r.text(5);
  q.subject_name = r.text(6);
  q.subject_birth_date = r.opt_text(7);
  q.subject_personal_code = r.opt_text(8);
  q.case_reference = r.opt_text(9);
  q.question = r.text(10);
  q.due_on = r.text(11);
  q.status = r.text(12);
  q.version = r.integer(13);
  q.case_id = r.opt_integer(14);
  q.opinion_id = r.opt_integer(15);
  q.opinion_reference = r.opt_text(16);
  q.answer_note = r.opt_text(17);
  q.answered_by_name = r.opt_text(18);
  q.answered_at = r.opt_text(19);
  q.created_at = r.text(20);
  return q;
}

constexpr const char* kTaskSelect =
    "SELECT t.id, t.case_id, t.responsible_partner_id, t.version, t.text, t.due_on, t.status, t.note, g.text,"
    " t.updated_at, pl.status FROM case_task t JOIN case_goal g ON g.id = t.goal_id"
    " JOIN case_plan pl ON pl.id = t.plan_id";

PartnerTask task_row(const Row& r) {
  PartnerTask t;
  t.id = r.integer(0);
  t.case_id = r.integer(1);
  t.partner_id = r.opt_integer(2).value_or(0);
  t.version = r.integer(3);
  t.text = r.text(4);
  t.due_on = r.text(5);
  t.status = r.text(6);
  t.note = r.opt_text(7);
  t.goal = r.text(8);
  t.updated_at = r.text(9);
  t.plan_status = r.text(10);
  return t;
}

}  // namespace

Result<std::int64_t> insert_partner(storage::Connection& c, const Partner& p, const std::string& now) {
  ATB_TRY(check_name_free(c, p));
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO partner (municipality_id, kind, name, registration_number, address, phone,"
                               " email, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                               params(p.municipality_id, p.kind, p.name, p.registration_number, p.address, p.phone,
                                      p.email, p.active, now, now)));
  Partner stored = p;
  stored.id = rows[0].integer(0);
  ATB_TRY(write_contacts(c, stored));
  return stored.id;
}

Result<bool> update_partner(storage::Connection& c, const Partner& p, const std::string& now) {
  ATB_TRY(check_name_free(c, p));
  ATB_TRY_ASSIGN(n, c.execute("UPDATE partner SET kind = ?, name = ?, registration_number = ?, address = ?, phone = ?,"
                              " email = ?, active = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                              params(p.kind, p.name, p.registration_number, p.address, p.phone, p.email, p.active, now,
                                     p.id, p.version)));
  if (n != 1) return false;
  ATB_TRY(write_contacts(c, p));
  return true;
}

Result<std::optional<Partner>> load_partner(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string("SELECT ") + kPartnerColumns + " FROM partner WHERE id = ?", params(id)));
  if (rows.empty()) return std::optional<Partner>{};
  Partner p = partner_row(rows[0]);
  ATB_TRY_ASSIGN(contacts, c.query("SELECT id, full_name, position, phone, email FROM partner_contact"
                                   " WHERE partner_id = ? ORDER BY id",
                                   params(id)));
  for (const Row& r : contacts) {
    p.contacts.push_back(Contact{r.integer(0), r.text(1), r.opt_text(2), r.opt_text(3), r.opt_text(4)});
  }
  return std::optional(std::move(p));
}

Result<std::pair<std::vector<Partner>, std::int64_t>> list_partners(storage::Connection& c, std::int64_t municipality_id,
                                                                    const PartnerFilter& f, int page, int page_size) {
  std::string where = " WHERE municipality_id = ?";
  storage::Params ps = params(municipality_id);
  if (!f.include_inactive) where += " AND active = 1";
  if (!f.kind.empty()) {
    where += " AND kind = ?";
    ps.push_back(storage::Value(f.kind));
  }
  if (!f.q.empty()) {
    std::string pattern = "%";
    for (char ch : f.q) {
      if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
      pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    pattern += '%';
    where += " AND LOWER(name) LIKE ? ESCAPE '\\'";
    ps.push_back(storage::Value(pattern));
  }
  ATB_TRY_ASSIGN(count, c.query("SELECT COUNT(*) FROM partner" + where, ps));
  storage::Params page_ps = ps;
  page_ps.push_back(storage::Value(static_cast<std::int64_t>(page_size)));
  page_ps.push_back(storage::Value(static_cast<std::int64_t>(page - 1) * page_size));
  ATB_TRY_ASSIGN(rows, c.query(std::string("SELECT ") + kPartnerColumns + " FROM partner" + where +
                                   " ORDER BY name, id LIMIT ? OFFSET ?",
                               page_ps));
  std::vector<Partner> items;
  for (const Row& r : rows) items.push_back(partner_row(r));
  return std::pair{std::move(items), count[0].integer(0)};
}

Result<std::vector<std::int64_t>> active_partner_ids(storage::Connection& c, std::int64_t municipality_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT id FROM partner WHERE municipality_id = ? AND active = 1 ORDER BY id",
                               params(municipality_id)));
  std::vector<std::int64_t> out;
  for (const Row& r : rows) out.push_back(r.integer(0));
  return out;
}

Result<std::int64_t> insert_concern(storage::Connection& c, const Concern& k) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO partner_concern (partner_id, intake_id, reported_by, child_name,"
                               " child_birth_date, school, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                               params(k.partner_id, k.intake_id, k.reported_by, k.child_name, k.child_birth_date,
                                      k.school, k.created_at)));
  return rows[0].integer(0);
}

Result<std::optional<Concern>> load_concern(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kConcernSelect) + " WHERE k.id = ?", params(id)));
  if (rows.empty()) return std::optional<Concern>{};
  std::vector<Concern> items{concern_row(rows[0])};
  ATB_TRY(attach_categories(c, items));
  return std::optional(std::move(items[0]));
}

Result<std::pair<std::vector<Concern>, std::int64_t>> list_concerns(storage::Connection& c, std::int64_t reported_by,
                                                                    std::int64_t partner_id, int page, int page_size) {
  ATB_TRY_ASSIGN(count, c.query("SELECT COUNT(*) FROM partner_concern WHERE reported_by = ? AND partner_id = ?",
                                params(reported_by, partner_id)));
  ATB_TRY_ASSIGN(rows, c.query(std::string(kConcernSelect) +
                                   " WHERE k.reported_by = ? AND k.partner_id = ? ORDER BY k.id DESC LIMIT ? OFFSET ?",
                               params(reported_by, partner_id, page_size, static_cast<std::int64_t>(page - 1) * page_size)));
  std::vector<Concern> items;
  for (const Row& r : rows) items.push_back(concern_row(r));
  ATB_TRY(attach_categories(c, items));
  return std::pair{std::move(items), count[0].integer(0)};
}

Result<std::int64_t> insert_request(storage::Connection& c, const InfoRequest& r) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO partner_request (municipality_id, partner_id, requested_by, subject_name,"
                               " subject_birth_date, subject_personal_code, case_reference, question, due_on, status,"
                               " version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 1, ?) RETURNING id",
                               params(r.municipality_id, r.partner_id, r.requested_by, r.subject_name,
                                      r.subject_birth_date, r.subject_personal_code, r.case_reference, r.question,
                                      r.due_on, r.created_at)));
  return rows[0].integer(0);
}

Result<std::optional<InfoRequest>> load_request(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kRequestSelect) + " WHERE r.id = ?", params(id)));
  if (rows.empty()) return std::optional<InfoRequest>{};
  return std::optional(request_row(rows[0]));
}

Result<std::pair<std::vector<InfoRequest>, std::int64_t>> list_requests(storage::Connection& c, const RequestFilter& f,
                                                                        int page, int page_size) {
  std::string where;
  storage::Params ps;
  if (f.partner_id) {
    where = " WHERE r.partner_id = ?";
    ps.push_back(storage::Value(*f.partner_id));
  } else {
    where = " WHERE r.municipality_id = ?";
    ps.push_back(storage::Value(f.municipality_id));
  }
  if (!f.status.empty()) {
    where += " AND r.status = ?";
    ps.push_back(storage::Value(f.status));
  }
  ATB_TRY_ASSIGN(count, c.query("SELECT COUNT(*) FROM partner_request r" + where, ps));
  storage::Params page_ps = ps;
  page_ps.push_back(storage::Value(static_cast<std::int64_t>(page_size)));
  page_ps.push_back(storage::Value(static_cast<std::int64_t>(page - 1) * page_size));
  ATB_TRY_ASSIGN(rows, c.query(std::string(kRequestSelect) + where +
                                   " ORDER BY CASE WHEN r.status = 'open' THEN 0 ELSE 1 END,"
                                   " CASE WHEN r.status = 'open' THEN r.due_on ELSE '' END, r.id DESC LIMIT ? OFFSET ?",
                               page_ps));
  std::vector<InfoRequest> items;
  for (const Row& r : rows) items.push_back(request_row(r));
  return std::pair{std::move(items), count[0].integer(0)};
}

Result<bool> answer_request(storage::Connection& c, std::int64_t id, std::int64_t version, std::int64_t case_id,
                            std::int64_t opinion_id, const std::optional<std::string>& note, std::int64_t by_user,
                            const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE partner_request SET status = 'answered', version = version + 1, case_id = ?,"
                              " opinion_id = ?, answer_note = ?, answered_by = ?, answered_at = ?"
                              " WHERE id = ? AND version = ? AND status = 'open'",
                              params(case_id, opinion_id, note, by_user, now, id, version)));
  return n == 1;
}

Result<std::vector<std::int64_t>> case_partner_ids(storage::Connection& c, std::int64_t case_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT t.responsible_partner_id FROM case_task t JOIN case_plan pl ON pl.id = t.plan_id"
                               " WHERE t.case_id = ? AND pl.status = 'approved' AND t.responsible_partner_id IS NOT NULL"
                               " UNION SELECT partner_id FROM partner_request WHERE case_id = ? AND status = 'answered'",
                               params(case_id, case_id)));
  std::vector<std::int64_t> out;
  for (const Row& r : rows) out.push_back(r.integer(0));
  return out;
}

Result<std::vector<PartnerTask>> list_partner_tasks(storage::Connection& c, std::int64_t partner_id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kTaskSelect) +
                                   " JOIN case_file cf ON cf.id = t.case_id WHERE t.responsible_partner_id = ?"
                                   " AND pl.status = 'approved' AND cf.stage <> 'closed' ORDER BY t.due_on, t.id",
                               params(partner_id)));
  std::vector<PartnerTask> out;
  for (const Row& r : rows) out.push_back(task_row(r));
  return out;
}

Result<std::optional<PartnerTask>> load_partner_task(storage::Connection& c, std::int64_t task_id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kTaskSelect) + " WHERE t.id = ?", params(task_id)));
  if (rows.empty()) return std::optional<PartnerTask>{};
  return std::optional(task_row(rows[0]));
}

}  // namespace atb::partners
