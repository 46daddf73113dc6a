// load_person: a person with her history, registrations, households and merges.
#include "registry/person_store.h"

namespace atb::registry {

using storage::params;

namespace {

Result<void> load_history(storage::Connection& c, Person& p) {
  ATB_TRY_ASSIGN(names, c.query("SELECT given_names, surname, valid_until, reason FROM person_name"
                                " WHERE person_id = ? ORDER BY valid_until DESC, id DESC",
                                params(p.id)));
  for (const storage::Row& r : names) p.name_history.push_back({r.text(0), r.text(1), r.text(2), r.text(3)});
  // Earlier codes, and the codes of merged duplicates (moved here, still without an end date).
  ATB_TRY_ASSIGN(codes, c.query("SELECT code, valid_until, reason FROM person_code WHERE person_id = ?"
                                " ORDER BY id DESC",
                                params(p.id)));
  for (const storage::Row& r : codes) {
    if (r.is_null(1) && p.data.personal_code == r.text(0)) continue;
    p.code_history.push_back({r.text(0), r.opt_text(1).value_or(""), r.is_null(1) ? "merged" : r.text(2)});
  }
  ATB_TRY_ASSIGN(merges, c.query("SELECT m.id, m.duplicate_id, d.given_names, d.surname, m.merged_at, m.split_at"
                                 " FROM person_merge m JOIN person d ON d.id = m.duplicate_id"
                                 " WHERE m.survivor_id = ? ORDER BY m.id DESC",
                                 params(p.id)));
  for (const storage::Row& r : merges) {
    p.merges.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.opt_text(5)});
  }
  return ok();
}

Result<void> load_links(storage::Connection& c, Person& p) {
  ATB_TRY_ASSIGN(phones, c.query("SELECT value FROM person_contact WHERE person_id = ? AND kind = 'phone' ORDER BY id",
                                 params(p.id)));
  for (const storage::Row& r : phones) p.data.phones.push_back(r.text(0));
  ATB_TRY_ASSIGN_TO(p.registrations, load_registrations(c, access::kPersonTables, p.id));
  ATB_TRY_ASSIGN(members, c.query("SELECT m.household_id, h.name, m.relationship, m.since, m.until"
                                  " FROM household_member m JOIN household h ON h.id = m.household_id"
                                  " WHERE m.person_id = ? ORDER BY m.until IS NOT NULL, m.since DESC, m.id",
                                  params(p.id)));
  for (const storage::Row& r : members) {
    p.households.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.opt_text(4)});
  }
  return ok();
}

}  // namespace

Result<std::optional<Person>> load_person(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT id, municipality_id, version, given_names, surname, personal_code, other_id_kind, other_id,"
      " birth_date, sex, language, email, declared_address_id, actual_address_id, deceased_on, disability,"
      " health_note, merged_into_id, created_at, updated_at FROM person WHERE id = ?",
      params(id)));
  if (rows.empty()) return std::optional<Person>{};
  const storage::Row& r = rows[0];
  Person p;
  p.id = r.integer(0);
  p.municipality_id = r.integer(1);
  p.version = r.integer(2);
  PersonDraft& d = p.data;
  d.given_names = r.text(3);
  d.surname = r.text(4);
  d.personal_code = r.opt_text(5);
  d.other_id_kind = r.opt_text(6);
  d.other_id = r.opt_text(7);
  d.birth_date = r.text(8);
  d.sex = r.opt_text(9);
  d.language = r.opt_text(10);
  d.email = r.opt_text(11);
  ATB_TRY_ASSIGN_TO(d.declared_address, load_address(c, r.opt_integer(12)));
  ATB_TRY_ASSIGN_TO(d.actual_address, load_address(c, r.opt_integer(13)));
  d.deceased_on = r.opt_text(14);
  d.disability = r.opt_text(15);
  d.health_note = r.opt_text(16);
  p.merged_into_id = r.opt_integer(17);
  p.created_at = r.text(18);
  p.updated_at = r.text(19);
  ATB_TRY(load_history(c, p));
  ATB_TRY(load_links(c, p));
  return std::optional(std::move(p));
}

}  // namespace atb::registry
