#include "app/demo_mentors.h"

#include "core/time.h"
#include "services/mentor_rules.h"
#include "services/mentor_store.h"

namespace atb::app {

using storage::params;

namespace {

// A mentor of the register, checked by the rules like one added through the API.
Result<std::int64_t> mentor(storage::Connection& c, services::Mentor m, const std::string& now) {
  ATB_TRY(services::check_mentor(m, today_riga()));
  return services::insert_mentor(c, m, now);
}

services::Mentor volunteer(std::int64_t municipality, const char* name, const char* phone,
                           const char* email, int trained_days_ago, int max_mentees) {
  services::Mentor m;
  m.municipality_id = municipality;
  m.name = name;
  if (*phone) m.phone = phone;
  if (*email) m.email = email;
  m.trained_on = add_days(today_riga(), -trained_days_ago).iso();
  m.max_mentees = max_mentees;
  return m;
}

// Pairs `referral` (of `case_id`, by `by`) with `mentor_id` from `from`, ends it on `until`
// when given, links the goals of the case's plan in force and shows the referral's delivery log
// as the pairing's meetings; returns how many records it made.
Result<int> pairing(storage::Connection& c, std::int64_t referral, std::int64_t case_id,
                    std::int64_t by, std::int64_t mentor_id, const std::string& from,
                    const std::optional<std::string>& until) {
  services::Pairing p;
  p.referral_id = referral;
  p.mentor_id = mentor_id;
  p.case_id = case_id;
  p.from_on = from;
  p.created_by.id = by;
  p.created_at = from + "T10:00:00.000Z";
  ATB_TRY_ASSIGN(id, services::insert_pairing(c, p));
  int made = 1;
  ATB_TRY_ASSIGN(goals, services::plan_goals_in_force(c, case_id));
  for (const services::PairingGoal& g : goals) {
    ATB_TRY(services::link_goal(c, id, g.goal_id, by, p.created_at));
    ++made;
  }
  ATB_TRY_ASSIGN(log,
                 c.query("SELECT id, delivered_on, quantity, attended, recorded_by, recorded_at"
                         " FROM referral_delivery WHERE referral_id = ? AND delivered_on >= ?"
                         " ORDER BY delivered_on, id",
                         params(referral, from)));
  const char* formats[] = {"in_person", "outing", "in_person", "online"};
  const char* places[] = {"Jauniešu centrs “Kurzeme”", "Liepājas pludmale", "Kafejnīca pie skolas",
                          nullptr};
  int n = 0;
  for (const storage::Row& r : log) {
    services::Meeting m;
    m.pairing_id = id;
    m.delivery_id = r.integer(0);
    m.met_on = r.text(1);
    m.attended = r.integer(3) != 0;
    m.minutes = m.attended ? static_cast<int>(r.integer(2)) * 60 : 0;
    m.format = formats[n % 4];
    if (places[n % 4]) m.place = places[n % 4];
    m.recorded_by.id = r.integer(4);
    m.recorded_at = r.text(5);
    ATB_TRY(services::insert_meeting(c, m));
    ++made;
    ++n;
  }
  if (until) {
    ATB_TRY(services::end_pairing(c, id, 1, *until, "Pakalpojums beidzās: mērķi sasniegti", by,
                                  *until + "T10:00:00.000Z"));
  }
  return made;
}

}  // namespace

Result<int> load_demo_mentors(storage::Connection& c, std::int64_t service_id) {
  ATB_TRY_ASSIGN(svc,
                 c.query("SELECT municipality_id FROM service WHERE id = ?", params(service_id)));
  if (svc.empty()) return 0;
  const std::int64_t m = svc[0].integer(0);
  const std::string now = now_utc_iso();
  int made = 0;
  ATB_TRY_ASSIGN(laura, mentor(c, volunteer(m, "Laura Kalniņa", "+371 26123456", "", 400, 2), now));
  ATB_TRY_ASSIGN(eriks,
                 mentor(c, volunteer(m, "Ēriks Ozols", "", "eriks.ozols@example.lv", 700, 3), now));
  services::Mentor dace = volunteer(m, "Dace Liepiņa", "+371 29876543", "", 900, 1);
  dace.active = false;
  ATB_TRY(mentor(c, dace, now));
  made += 3;
  // A social worker of the municipality also mentors.
  ATB_TRY_ASSIGN(staff, c.query("SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id"
                                " WHERE u.municipality_id = ? AND r.role = 'social_worker'"
                                " AND u.disabled = 0 ORDER BY u.username LIMIT 1",
                                params(m)));
  if (!staff.empty()) {
    services::Mentor s;
    s.municipality_id = m;
    s.kind = "staff";
    s.user_id = staff[0].integer(0);
    s.trained_on = add_days(today_riga(), -200).iso();
    s.max_mentees = 4;
    ATB_TRY(mentor(c, s, now));
    ++made;
  }
  ATB_TRY_ASSIGN(referrals,
                 c.query("SELECT id, case_id, placed_by, start_on, state, end_on FROM referral"
                         " WHERE service_id = ? AND state IN ('placed', 'ended')"
                         " AND start_on IS NOT NULL ORDER BY start_on, id",
                         params(service_id)));
  for (const storage::Row& r : referrals) {
    const bool ended = r.text(4) == "ended";
    ATB_TRY_ASSIGN(done, pairing(c, r.integer(0), r.integer(1), r.integer(2), ended ? eriks : laura,
                                 r.text(3), ended ? r.opt_text(5) : std::nullopt));
    made += done;
  }
  return made;
}

}  // namespace atb::app
