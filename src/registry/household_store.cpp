#include "registry/household_store.h"

#include <map>

#include "access/record_scope.h"
#include "registry/family_kind.h"
#include "registry/person_store.h"
#include "registry/rules.h"
#include "storage/id_list.h"

namespace atb::registry {

using storage::params;

Result<std::int64_t> insert_household(storage::Connection& c, std::int64_t municipality_id, const std::string& name,
                                      const std::optional<Address>& address, std::int64_t user_id, const std::string& now) {
  ATB_TRY_ASSIGN(address_id, insert_address(c, address));
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO household (municipality_id, version, name, address_id, created_at, created_by, updated_at)"
                               " VALUES (?, 1, ?, ?, ?, ?, ?) RETURNING id",
                               params(municipality_id, name, address_id, now, user_id, now)));
  return rows[0].integer(0);
}

Result<void> add_member(storage::Connection& c, std::int64_t household_id, std::int64_t person_id,
                        const std::string& relationship, const std::string& since) {
  ATB_TRY(c.execute("INSERT INTO household_member (household_id, person_id, relationship, since, until) VALUES (?, ?, ?, ?, NULL)",
                    params(household_id, person_id, relationship, since)));
  return refresh_family_kind(c, household_id);
}

Result<bool> end_member(storage::Connection& c, std::int64_t household_id, std::int64_t person_id, const std::string& until) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE household_member SET until = ? WHERE household_id = ? AND person_id = ? AND until IS NULL",
                              params(until, household_id, person_id)));
  if (n == 0) return false;
  ATB_TRY(refresh_family_kind(c, household_id));
  return true;
}

Result<bool> update_household(storage::Connection& c, std::int64_t id, std::int64_t version, const std::string& name,
                              const std::optional<Address>& address, bool address_changed, const std::string& now) {
  if (address_changed) {
    ATB_TRY_ASSIGN(address_id, insert_address(c, address));
    ATB_TRY_ASSIGN(n, c.execute("UPDATE household SET version = version + 1, name = ?, address_id = ?, updated_at = ?"
                                " WHERE id = ? AND version = ?",
                                params(name, address_id, now, id, version)));
    return n == 1;
  }
  ATB_TRY_ASSIGN(n, c.execute("UPDATE household SET version = version + 1, name = ?, updated_at = ? WHERE id = ? AND version = ?",
                              params(name, now, id, version)));
  return n == 1;
}

Result<std::optional<Household>> load_household(storage::Connection& c, const access::Principal& p, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT id, municipality_id, version, name, address_id FROM household WHERE id = ?", params(id)));
  if (rows.empty()) return std::optional<Household>{};
  Household h;
  h.id = rows[0].integer(0);
  h.municipality_id = rows[0].integer(1);
  h.version = rows[0].integer(2);
  h.name = rows[0].text(3);
  ATB_TRY_ASSIGN_TO(h.address, load_address(c, rows[0].opt_integer(4)));
  const std::string visible =
      access::registry_visible_or_break_glass_sql(p, access::kPersonTables, "p.id", "p.municipality_id");
  ATB_TRY_ASSIGN(members, c.query(
      "SELECT p.id, p.given_names, p.surname, p.birth_date, m.relationship, m.since, m.until,"
      " CASE WHEN " + visible + " THEN 1 ELSE 0 END"
      " FROM household_member m JOIN person p ON p.id = m.person_id"
      " WHERE m.household_id = ? AND p.merged_into_id IS NULL ORDER BY m.until IS NOT NULL, m.since, m.id",
      params(id)));
  for (const storage::Row& r : members) {
    Member m{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.opt_text(6), r.integer(7) == 1};
    (m.until ? h.past_members : h.members).push_back(std::move(m));
  }
  ATB_TRY_ASSIGN_TO(h.registrations, load_registrations(c, access::kHouseholdTables, id));
  return std::optional(std::move(h));
}

Result<std::pair<std::vector<HouseholdRow>, std::int64_t>> list_households(storage::Connection& c,
                                                                          const access::Principal& p, int page,
                                                                          int page_size) {
  const std::string visible =
      access::registry_visible_or_break_glass_sql(p, access::kHouseholdTables, "h.id", "h.municipality_id");
  ATB_TRY_ASSIGN(count, c.query("SELECT COUNT(*) FROM household h WHERE " + visible));
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT h.id, h.name, a.street, a.house, a.flat, a.locality, a.postal_code FROM household h"
      " LEFT JOIN address a ON a.id = h.address_id WHERE " + visible +
      " ORDER BY h.id DESC LIMIT ? OFFSET ?",
      params(page_size, (page - 1) * page_size)));
  std::vector<HouseholdRow> out;
  std::map<std::int64_t, std::size_t> index;
  std::vector<std::int64_t> ids;
  for (const storage::Row& r : rows) {
    HouseholdRow row{r.integer(0), r.text(1), 0, "", {}};
    if (!r.is_null(2)) row.address = address_line(Address{"", r.text(5), r.text(2), r.text(3), r.text(4), r.text(6)});
    index[row.id] = out.size();
    ids.push_back(row.id);
    out.push_back(std::move(row));
  }
  if (ids.empty()) return std::pair{std::move(out), count[0].integer(0)};
  // The current members of the whole page in one query.
  storage::Params ps;
  const std::string in = storage::id_placeholders(ids, ps);
  ATB_TRY_ASSIGN(members, c.query("SELECT m.household_id, p.birth_date FROM household_member m"
                                  " JOIN person p ON p.id = m.person_id WHERE m.household_id IN (" + in + ")"
                                  " AND m.until IS NULL AND p.merged_into_id IS NULL", ps));
  for (const storage::Row& m : members) {
    HouseholdRow& row = out[index.at(m.integer(0))];
    ++row.members;
    row.birth_dates.push_back(m.text(1));
  }
  return std::pair{std::move(out), count[0].integer(0)};
}

}  // namespace atb::registry
