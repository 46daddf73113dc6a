#include "registry/person_store.h"

#include "registry/bulk_insert.h"
#include "registry/family_kind.h"
#include "registry/names.h"
#include "registry/rules.h"

namespace atb::registry {

using storage::params;

Result<std::optional<std::int64_t>> insert_address(storage::Connection& c, const std::optional<Address>& a) {
  if (!a) return std::optional<std::int64_t>{};
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO address (municipality, locality, street, house, flat, postal_code, match_key)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                               params(a->municipality, a->locality, a->street, a->house, a->flat, a->postal_code,
                                      address_match_key(*a))));
  return std::optional<std::int64_t>(rows[0].integer(0));
}

Result<std::optional<Address>> load_address(storage::Connection& c, std::optional<std::int64_t> id) {
  if (!id) return std::optional<Address>{};
  ATB_TRY_ASSIGN(rows, c.query("SELECT municipality, locality, street, house, flat, postal_code FROM address WHERE id = ?",
                               params(*id)));
  if (rows.empty()) return std::optional<Address>{};
  const storage::Row& r = rows[0];
  return std::optional(Address{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)});
}

namespace {

/// The columns of a person row as insert_person writes it (the id comes from the database).
constexpr const char* kPersonColumns[] = {"municipality_id", "version", "given_names", "surname", "personal_code",
                                          "other_id_kind", "other_id", "birth_date", "sex", "language", "email",
                                          "declared_address_id", "actual_address_id", "deceased_on", "disability",
                                          "health_note", "sort_key", "created_at", "created_by", "updated_at"};
constexpr const char* kAddressColumns[] = {"municipality", "locality", "street", "house", "flat", "postal_code", "match_key"};

/// "id" (when asked) and then the columns, for a BulkInsert.
template <std::size_t N>
std::vector<std::string> columns(const char* const (&names)[N], bool with_id) {
  std::vector<std::string> out;
  if (with_id) out.emplace_back("id");
  out.insert(out.end(), std::begin(names), std::end(names));
  return out;
}

storage::Params address_values(const Address& a) {
  return params(a.municipality, a.locality, a.street, a.house, a.flat, a.postal_code, address_match_key(a));
}

storage::Params person_values(std::int64_t municipality_id, const PreparedPerson& p, std::int64_t user_id,
                              const std::string& now, std::optional<std::int64_t> declared,
                              std::optional<std::int64_t> actual) {
  const PersonDraft& d = p.draft;
  return params(municipality_id, 1, d.given_names, d.surname, d.personal_code, d.other_id_kind, d.other_id,
                d.birth_date.value_or(""), d.sex, d.language, d.email, declared, actual, d.deceased_on, d.disability,
                d.health_note, p.sort_key, now, user_id, now);
}

/// Where the rows of a new person go: written at once (this sink) or collected (PersonRows).
struct DirectRows {
  storage::Connection& c;
  Result<std::optional<std::int64_t>> address(const std::optional<Address>& a) { return insert_address(c, a); }
  Result<std::int64_t> person(storage::Params values) {
    static const std::string sql = [] {
      std::string names, marks;
      for (const char* col : kPersonColumns) {
        names += (names.empty() ? "" : ", ") + std::string(col);
        marks += marks.empty() ? "?" : ", ?";
      }
      return "INSERT INTO person (" + names + ") VALUES (" + marks + ") RETURNING id";
    }();
    ATB_TRY_ASSIGN(rows, c.query(sql, values));
    return rows[0].integer(0);
  }
  Result<void> code(std::int64_t person_id, const std::string& code) {
    ATB_TRY(c.execute("INSERT INTO person_code (person_id, code, valid_until, reason) VALUES (?, ?, NULL, '')",
                      params(person_id, code)));
    return ok();
  }
  Result<void> phone(std::int64_t person_id, const std::string& phone) {
    ATB_TRY(c.execute("INSERT INTO person_contact (person_id, kind, value, match_key) VALUES (?, 'phone', ?, ?)",
                      params(person_id, phone, phone_match_key(phone))));
    return ok();
  }
  Result<void> key(std::int64_t person_id, const std::string& key) {
    ATB_TRY(c.execute("INSERT INTO person_key (search_key, person_id) VALUES (?, ?)", params(key, person_id)));
    return ok();
  }
};

Result<void> insert_phones(storage::Connection& c, std::int64_t person_id, const std::vector<std::string>& phones) {
  DirectRows rows{c};
  for (const std::string& phone : phones) ATB_TRY(rows.phone(person_id, phone));
  return ok();
}

Result<void> insert_keys(storage::Connection& c, std::int64_t person_id,
                         const std::vector<std::pair<std::string, std::string>>& names) {
  DirectRows rows{c};
  for (const std::string& key : search_keys(names)) ATB_TRY(rows.key(person_id, key));
  return ok();
}

/// The person, her addresses, code, phones and search keys, through `rows`.
template <class Rows>
Result<std::int64_t> insert_person_with(Rows& rows, std::int64_t municipality_id, const PreparedPerson& p,
                                        std::int64_t user_id, const std::string& now) {
  const PersonDraft& d = p.draft;
  ATB_TRY_ASSIGN(declared, rows.address(d.declared_address));
  ATB_TRY_ASSIGN(actual, rows.address(d.actual_address));
  ATB_TRY_ASSIGN(id, rows.person(person_values(municipality_id, p, user_id, now, declared, actual)));
  if (d.personal_code) ATB_TRY(rows.code(id, *d.personal_code));
  for (const std::string& phone : d.phones) ATB_TRY(rows.phone(id, phone));
  for (const std::string& key : p.keys) ATB_TRY(rows.key(id, key));
  return id;
}

std::string registration_sql(const access::RegistryTables& t) {
  return "INSERT INTO " + std::string(t.registration) + " (" + std::string(t.owner_column) +
         ", department_id, team_id, first_registered_on, channel, registered_by, created_at)";
}

}  // namespace

PreparedPerson prepare_person(PersonDraft d) {
  PreparedPerson p;
  p.sort_key = collation_key(d.surname + " " + d.given_names);
  p.keys = search_keys({{d.given_names, d.surname}});
  p.draft = std::move(d);
  return p;
}

Result<std::int64_t> insert_person(storage::Connection& c, std::int64_t municipality_id, const PersonDraft& d,
                                   std::int64_t user_id, const std::string& now) {
  DirectRows rows{c};
  return insert_person_with(rows, municipality_id, prepare_person(d), user_id, now);
}

/// Every row collected, with ids from IdReserver (on either engine), flushed parents first.
struct PersonRows::Batches {
  storage::Connection& c;
  std::size_t persons_pending = 0;
  IdReserver address_ids{c, "address"};
  IdReserver person_ids{c, "person"};
  BulkInsert addresses{c, "address", columns(kAddressColumns, true)};
  BulkInsert persons{c, "person", columns(kPersonColumns, true)};
  BulkInsert codes{c, "person_code", {"person_id", "code", "valid_until", "reason"}};
  BulkInsert phones{c, "person_contact", {"person_id", "kind", "value", "match_key"}};
  BulkInsert keys{c, "person_key", {"search_key", "person_id"}};
  BulkInsert registrations{c, "person_registration", {"person_id", "department_id", "team_id", "first_registered_on",
                                                      "channel", "registered_by", "created_at"}};

  Result<std::optional<std::int64_t>> address(const std::optional<Address>& a) {
    if (!a) return std::optional<std::int64_t>{};
    ATB_TRY_ASSIGN(id, address_ids.next());
    storage::Params row = address_values(*a);
    row.insert(row.begin(), storage::value(id));
    ATB_TRY(addresses.add_row(std::move(row)));
    return std::optional<std::int64_t>(id);
  }
  Result<std::int64_t> person(storage::Params values) {
    ATB_TRY_ASSIGN(id, person_ids.next());
    values.insert(values.begin(), storage::value(id));
    ATB_TRY(persons.add_row(std::move(values)));
    return id;
  }
  Result<void> code(std::int64_t person_id, const std::string& code) { return codes.add(person_id, code, nullptr, ""); }
  Result<void> phone(std::int64_t person_id, const std::string& phone) {
    return phones.add(person_id, "phone", phone, phone_match_key(phone));
  }
  Result<void> key(std::int64_t person_id, const std::string& key) { return keys.add(key, person_id); }
};

PersonRows::PersonRows(storage::Connection& c)
    : batches_(new Batches{c}) {}

PersonRows::~PersonRows() = default;

Result<std::int64_t> PersonRows::insert_person(std::int64_t municipality_id, const PreparedPerson& p,
                                               std::int64_t user_id, const std::string& now) {
  ATB_TRY_ASSIGN(id, insert_person_with(*batches_, municipality_id, p, user_id, now));
  if (++batches_->persons_pending == 5'000) ATB_TRY(flush());
  return id;
}

Result<void> PersonRows::add_registration(std::int64_t person_id, const NewRegistration& r, const std::string& now) {
  return batches_->registrations.add(person_id, r.department_id, r.team_id, r.first_registered_on, r.channel,
                                     r.registered_by, now);
}

Result<void> PersonRows::flush() {
  batches_->persons_pending = 0;
  // Rows before the rows that refer to them.
  for (BulkInsert* b : {&batches_->addresses, &batches_->persons, &batches_->codes, &batches_->phones, &batches_->keys,
                        &batches_->registrations}) {
    ATB_TRY(b->flush());
  }
  return ok();
}

Result<void> add_registration(storage::Connection& c, const access::RegistryTables& t, std::int64_t owner_id,
                              const NewRegistration& r, const std::string& now) {
  const std::string sql = registration_sql(t) + " VALUES (?, ?, ?, ?, ?, ?, ?)";
  ATB_TRY(c.execute(sql, params(owner_id, r.department_id, r.team_id, r.first_registered_on, r.channel,
                                r.registered_by, now)));
  if (t.registration == access::kHouseholdTables.registration) return refresh_family_kind(c, owner_id);
  return ok();
}

Result<std::vector<Registration>> load_registrations(storage::Connection& c, const access::RegistryTables& t,
                                                     std::int64_t owner_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT d.id, d.code, d.name_lv, d.name_en, r.team_id, r.first_registered_on, r.channel"
                               " FROM " + std::string(t.registration) + " r JOIN department d ON d.id = r.department_id"
                               " WHERE r." + std::string(t.owner_column) + " = ? ORDER BY r.first_registered_on, r.id",
                               params(owner_id)));
  std::vector<Registration> out;
  for (const storage::Row& r : rows) {
    out.push_back(Registration{r.integer(0), r.text(1), {r.text(2), r.text(3)}, r.integer(4), r.text(5), r.text(6)});
  }
  return out;
}

Result<std::optional<access::RegistryScope>> load_scope(storage::Connection& c, const access::RegistryTables& t,
                                                        std::int64_t id) {
  const bool person = t.entity_type == std::string_view("person");
  ATB_TRY_ASSIGN(rows, c.query(person ? "SELECT municipality_id FROM person WHERE id = ? AND merged_into_id IS NULL"
                                      : "SELECT municipality_id FROM household WHERE id = ?",
                               params(id)));
  if (rows.empty()) return std::optional<access::RegistryScope>{};
  access::RegistryScope scope;
  scope.municipality_id = rows[0].integer(0);
  ATB_TRY_ASSIGN(regs, c.query("SELECT team_id, department_id FROM " + std::string(t.registration) + " WHERE " +
                                   std::string(t.owner_column) + " = ?",
                               params(id)));
  for (const storage::Row& r : regs) {
    scope.team_ids.push_back(r.integer(0));
    scope.department_ids.push_back(r.integer(1));
  }
  return std::optional(std::move(scope));
}

Result<void> rebuild_keys(storage::Connection& c, std::int64_t person_id) {
  ATB_TRY(c.execute("DELETE FROM person_key WHERE person_id = ?", params(person_id)));
  // Current name first, then earlier names, then the names of duplicates merged into her.
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT given_names, surname, 0 AS o FROM person WHERE id = ?"
      " UNION ALL SELECT given_names, surname, 1 FROM person_name WHERE person_id = ?"
      " UNION ALL SELECT given_names, surname, 2 FROM person WHERE merged_into_id = ?"
      " ORDER BY 3",
      params(person_id, person_id, person_id)));
  std::vector<std::pair<std::string, std::string>> names;
  for (const storage::Row& r : rows) names.emplace_back(r.text(0), r.text(1));
  return insert_keys(c, person_id, names);
}

Result<bool> update_person(storage::Connection& c, const Person& before, const PersonDraft& d,
                           const ChangeReasons& reasons, const std::string& now) {
  const PersonDraft& old = before.data;
  const bool renamed = old.given_names != d.given_names || old.surname != d.surname;
  const bool recoded = old.personal_code != d.personal_code;
  std::optional<std::int64_t> declared;
  std::optional<std::int64_t> actual;
  ATB_TRY_ASSIGN(ids, c.query("SELECT declared_address_id, actual_address_id FROM person WHERE id = ?", params(before.id)));
  if (ids.empty()) return false;
  declared = ids[0].opt_integer(0);
  actual = ids[0].opt_integer(1);
  if (d.declared_address != old.declared_address) { ATB_TRY_ASSIGN_TO(declared, insert_address(c, d.declared_address)); }
  if (d.actual_address != old.actual_address) { ATB_TRY_ASSIGN_TO(actual, insert_address(c, d.actual_address)); }
  ATB_TRY_ASSIGN(changed, c.execute(
      "UPDATE person SET version = version + 1, given_names = ?, surname = ?, personal_code = ?, other_id_kind = ?,"
      " other_id = ?, birth_date = ?, sex = ?, language = ?, email = ?, declared_address_id = ?, actual_address_id = ?,"
      " deceased_on = ?, disability = ?, health_note = ?, sort_key = ?, updated_at = ?"
      " WHERE id = ? AND version = ? AND merged_into_id IS NULL",
      params(d.given_names, d.surname, d.personal_code, d.other_id_kind, d.other_id, d.birth_date.value_or(""), d.sex,
             d.language, d.email, declared, actual, d.deceased_on, d.disability, d.health_note,
             collation_key(d.surname + " " + d.given_names), now, before.id, before.version)));
  if (changed != 1) return false;
  if (old.birth_date != d.birth_date) ATB_TRY(refresh_family_kinds_of_person(c, before.id));
  if (renamed) {
    ATB_TRY(c.execute("INSERT INTO person_name (person_id, given_names, surname, valid_until, reason) VALUES (?, ?, ?, ?, ?)",
                      params(before.id, old.given_names, old.surname, now.substr(0, 10), reasons.name)));
  }
  if (recoded) {
    if (old.personal_code) {
      ATB_TRY(c.execute("UPDATE person_code SET valid_until = ?, reason = ? WHERE person_id = ? AND code = ? AND valid_until IS NULL",
                        params(now.substr(0, 10), reasons.code, before.id, *old.personal_code)));
    }
    if (d.personal_code) {
      ATB_TRY(c.execute("INSERT INTO person_code (person_id, code, valid_until, reason) VALUES (?, ?, NULL, '')",
                        params(before.id, *d.personal_code)));
    }
  }
  if (d.phones != old.phones) {
    ATB_TRY(c.execute("DELETE FROM person_contact WHERE person_id = ? AND kind = 'phone'", params(before.id)));
    ATB_TRY(insert_phones(c, before.id, d.phones));
  }
  if (renamed) ATB_TRY(rebuild_keys(c, before.id));
  return true;
}

}  // namespace atb::registry
