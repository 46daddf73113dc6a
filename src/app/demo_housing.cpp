#include "app/demo_housing.h"

#include "core/time.h"
#include "services/housing_rules.h"
#include "services/housing_store.h"

namespace atb::app {

using storage::params;

namespace {

// Moves the resident of `referral` into `place` on `from` (checked by the rules like a move-in
// through the API), and out on `until` with `reason` when given.
Result<void> stay(storage::Connection& c, std::int64_t place, std::int64_t referral,
                  std::int64_t person, std::int64_t by, const Date& from,
                  const std::optional<Date>& until, const char* reason) {
  const services::Period wanted{from, until};
  ATB_TRY_ASSIGN(in_place, services::place_spans(c, place, from));
  ATB_TRY(services::check_no_overlap("place_id", services::Collision::place, wanted, in_place));
  ATB_TRY_ASSIGN(of_person, services::person_spans(c, person, from));
  ATB_TRY(
      services::check_no_overlap("referral_id", services::Collision::resident, wanted, of_person));
  services::Stay s;
  s.where.place_id = place;
  s.referral_id = referral;
  s.person_id = person;
  s.move_in_on = from.iso();
  s.moved_in_by = by;
  s.moved_in_at = from.iso() + "T10:00:00.000Z";
  ATB_TRY_ASSIGN(id, services::insert_stay(c, s));
  if (until) {
    ATB_TRY(services::move_out_stay(c, id, 1, until->iso(), reason, by,
                                    until->iso() + "T10:00:00.000Z"));
  }
  return ok();
}

}  // namespace

Result<int> load_demo_housing(storage::Connection& c, std::int64_t service_id) {
  const std::string now = now_utc_iso();
  services::HousingUnit unit{0, service_id, "Dzīvoklis Nr. 1", "Liepāja, Ziedu iela 7-3", now, {}};
  ATB_TRY_ASSIGN_TO(unit.id, services::insert_unit(c, unit, now));
  ATB_TRY_ASSIGN(room1, services::insert_room(c, unit.id, "1. istaba", now));
  ATB_TRY_ASSIGN(room2, services::insert_room(c, unit.id, "2. istaba", now));
  ATB_TRY_ASSIGN(bed1a, services::insert_place(c, room1, "Gulta A", now));
  ATB_TRY_ASSIGN(bed1b, services::insert_place(c, room1, "Gulta B", now));
  ATB_TRY_ASSIGN(bed2, services::insert_place(c, room2, "Gulta A", now));
  int made = 6;
  ATB_TRY_ASSIGN(placed, c.query("SELECT id, person_id, start_on, placed_by FROM referral"
                                 " WHERE service_id = ? AND state = 'placed' ORDER BY start_on, id",
                                 params(service_id)));
  const Date today = today_riga();
  for (std::size_t n = 0; n < placed.size() && n < 2; ++n) {
    const storage::Row& r = placed[n];
    const Date start = parse_date(r.text(2)).value_or(today);
    if (n == 0 && add_days(start, 30) < today) {
      // The first resident lived in the single room for a month, then moved to share room 1.
      const Date moved = add_days(start, 30);
      ATB_TRY(stay(c, bed2, r.integer(0), r.integer(1), r.integer(3), start, moved,
                   "Pārcelta uz divvietīgu istabu pēc pašas lūguma"));
      ATB_TRY(
          stay(c, bed1a, r.integer(0), r.integer(1), r.integer(3), moved, std::nullopt, nullptr));
      made += 2;
    } else {
      ATB_TRY(stay(c, n == 0 ? bed1a : bed1b, r.integer(0), r.integer(1), r.integer(3), start,
                   std::nullopt, nullptr));
      made += 1;
    }
  }
  return made;
}

}  // namespace atb::app
