#include "services/overdue_store.h"

namespace atb::services {

using storage::params;

Result<std::vector<AwaitingDecision>> unalerted_overdue(storage::Connection& c,
                                                        const std::string& today) {
  ATB_TRY_ASSIGN(rows,
                 c.query("SELECT r.id, r.case_id, r.service_id, s.name_lv, s.name_en, r.state,"
                         " r.decision_due_on, k.team_id, k.lead_worker_id, u.disabled"
                         " FROM referral r JOIN service s ON s.id = r.service_id"
                         " JOIN case_file k ON k.id = r.case_id"
                         " JOIN app_user u ON u.id = k.lead_worker_id"
                         " WHERE r.state = 'requested' AND r.decision_due_on < ?"
                         " AND k.closed_on IS NULL AND k.stage <> 'closed'"
                         " AND NOT EXISTS (SELECT 1 FROM notification n"
                         " WHERE n.kind = 'decision_overdue' AND n.entity_type = 'referral'"
                         " AND n.entity_id = r.id)"
                         " ORDER BY r.decision_due_on, r.id",
                         params(today)));
  std::vector<AwaitingDecision> out;
  for (const storage::Row& row : rows) {
    AwaitingDecision a;
    a.referral.id = row.integer(0);
    a.referral.case_id = row.integer(1);
    a.referral.service_id = row.integer(2);
    a.referral.service_name_lv = row.text(3);
    a.referral.service_name_en = row.text(4);
    a.referral.state = row.text(5);
    a.referral.decision_due_on = row.text(6);
    a.team_id = row.integer(7);
    a.lead_worker_id = row.integer(8);
    a.lead_active = row.integer(9) == 0;
    out.push_back(std::move(a));
  }
  return out;
}

Result<bool> insert_overdue_notification(storage::Connection& c, std::int64_t user_id,
                                         std::int64_t referral_id, const Text& message,
                                         const std::string& now) {
  // The unique index notification_decision_overdue (0029) keeps a concurrent sweep from adding
  // it twice; ON CONFLICT DO NOTHING lets the later one pass quietly.
  ATB_TRY_ASSIGN(n, c.execute("INSERT INTO notification (user_id, kind, entity_type, entity_id,"
                              " message_lv, message_en, created_at)"
                              " VALUES (?, 'decision_overdue', 'referral', ?, ?, ?, ?)"
                              " ON CONFLICT DO NOTHING",
                              params(user_id, referral_id, message.lv, message.en, now)));
  return n == 1;
}

}  // namespace atb::services
