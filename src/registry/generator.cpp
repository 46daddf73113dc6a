#include "registry/generator.h"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/time.h"
#include "registry/bulk_insert.h"
#include "registry/family_kind.h"
#include "registry/names.h"
#include "registry/personal_code.h"
#include "registry/population.h"
#include "registry/rules.h"

namespace atb::registry {
namespace {

using storage::params;

/// The tables the generator fills; their secondary indexes may be rebuilt after the load.
constexpr const char* kTables[] = {"address", "person", "person_code", "person_name", "person_contact",
                                   "person_key", "person_registration", "household", "household_member",
                                   "household_registration"};

struct Team {
  std::int64_t id = 0;
  std::int64_t department_id = 0;
  std::string code;
};

Result<std::vector<Team>> load_teams(storage::Connection& c, std::int64_t municipality_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT t.id, t.department_id, t.code FROM team t JOIN department d ON d.id = t.department_id"
                               " WHERE d.municipality_id = ? ORDER BY t.id",
                               params(municipality_id)));
  std::vector<Team> teams;
  for (const storage::Row& r : rows) teams.push_back(Team{r.integer(0), r.integer(1), r.text(2)});
  if (teams.empty()) {
    return Error{Errc::conflict, {"Pašvaldībai nav komandu: vispirms atbalsts demo.", "The municipality has no teams: run atbalsts demo first."}, {}, {}};
  }
  return teams;
}

Result<void> reserve_existing_codes(storage::Connection& c, gen::Population& population) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT code FROM person_code"));
  for (const storage::Row& r : rows) population.reserve_code(r.text(0));
  return ok();
}

// ---------------------------------------------------------------- indexes

struct IndexDefinition {
  std::string name;
  std::string sql;  ///< as stored by the engine: recreating it gives the identical index
};

std::string table_list() {
  std::string list;
  for (const char* t : kTables) list += fmt::format("{}'{}'", list.empty() ? "" : ", ", t);
  return list;
}

/// The secondary (non-constraint) indexes of the generator's tables.
Result<std::vector<IndexDefinition>> secondary_indexes(storage::Connection& c) {
  const std::string sql =
      c.engine() == storage::Engine::sqlite
          ? "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (" + table_list() + ") ORDER BY name"
          : "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename IN (" +
                table_list() + ") AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname) ORDER BY 1";
  ATB_TRY_ASSIGN(rows, c.query(sql));
  std::vector<IndexDefinition> out;
  for (const storage::Row& r : rows) out.push_back({r.text(0), r.text(1)});
  return out;
}

// ---------------------------------------------------------------- choices for registrations

const char* const kChannelMix[] = {"visit", "phone", "referral", "email", "letter", "other"};
constexpr int kChannelWeights[] = {55, 15, 12, 8, 7, 3};

/// Picks registering teams and dates; deterministic from its own random stream.
class Registrar {
 public:
  Registrar(std::vector<Team> teams, std::uint64_t seed, int today) : teams_(std::move(teams)), rng_(seed), today_(today) {}

  /// The team of a household: families with children mostly go to "families", others to "adults".
  const Team& team_for(bool children) {
    const int r = static_cast<int>(rng_.below(100));
    const char* code = children ? (r < 70 ? "families" : r < 90 ? "benefits" : "services")
                                : (r < 55 ? "adults" : r < 85 ? "benefits" : "services");
    return by_code(code);
  }
  /// Some persons also came to the benefits department on their own.
  const Team* second_team(const Team& first) {
    const Team& b = by_code("benefits");
    return b.id != first.id && rng_.percent(12) ? &b : nullptr;
  }
  /// A registration day between 2004 and today, not before `not_before`.
  int day(int not_before) {
    const int from = std::max(not_before, gen::day_number(Date{2004, 1, 1}));
    return from >= today_ ? today_ : from + static_cast<int>(rng_.below(static_cast<std::uint64_t>(today_ - from + 1)));
  }
  const char* channel() {
    int r = static_cast<int>(rng_.below(100));
    for (std::size_t i = 0; i < std::size(kChannelMix); ++i) {
      if ((r -= kChannelWeights[i]) < 0) return kChannelMix[i];
    }
    return "visit";
  }

 private:
  const Team& by_code(const char* code) {
    for (const Team& t : teams_) {
      if (t.code == code) return t;
    }
    return teams_[rng_.below(teams_.size())];  // not the demo's teams: any team
  }

  std::vector<Team> teams_;
  gen::Rng rng_;
  int today_;
};

// ---------------------------------------------------------------- writing

/// Writes households and their members with multi-row INSERTs, ids from IdReserver.
class Writer {
 public:
  Writer(storage::Connection& c, std::int64_t municipality_id, Registrar& registrar, std::string now)
      : c_(c), municipality_id_(municipality_id), registrar_(registrar), now_(std::move(now)) {}

  Result<void> write(const gen::Household& h, GeneratorReport& report) {
    ATB_TRY_ASSIGN(address_id, add_address(h.address));
    ATB_TRY_ASSIGN(household_id, household_ids_.next());
    ATB_TRY(households_.add(household_id, municipality_id_, 1, h.name, address_id, now_, 0, now_));
    const bool children = std::any_of(h.members.begin(), h.members.end(), [](const gen::Person& p) { return p.relationship == "child" || p.relationship == "grandchild"; });
    const Team& team = registrar_.team_for(children);
    const int registered = registrar_.day(gen::day_number(h.members.front().birth) + 18 * 365);
    ATB_TRY(household_regs_.add(household_id, team.department_id, team.id, gen::date_of(registered).iso(), registrar_.channel(), 0, now_));
    for (const gen::Person& p : h.members) {
      ATB_TRY_ASSIGN(person_id, person_ids_.next());
      ATB_TRY(add_person(person_id, p, address_id, report));
      ATB_TRY(members_.add(household_id, person_id, p.relationship, p.member_since));
      const int on = std::max(registered, gen::day_number(p.birth));
      ATB_TRY(person_regs_.add(person_id, team.department_id, team.id, gen::date_of(on).iso(), registrar_.channel(), 0, now_));
      if (const Team* second = registrar_.second_team(team)) {
        ATB_TRY(person_regs_.add(person_id, second->department_id, second->id, gen::date_of(registrar_.day(on)).iso(), registrar_.channel(), 0, now_));
      }
    }
    ++report.households;
    return persons_.pending() >= 5'000 ? flush() : ok();
  }

  /// Writes what waits, parents before the rows that refer to them.
  Result<void> flush() {
    for (BulkInsert* b : {&addresses_, &persons_, &households_, &codes_, &names_, &contacts_, &keys_, &person_regs_,
                          &members_, &household_regs_}) {
      ATB_TRY(b->flush());
    }
    return ok();
  }

  Result<void> finish(GeneratorReport& report) {
    ATB_TRY(flush());
    report.addresses = addresses_.rows();
    report.earlier_names = names_.rows();
    report.phones = contacts_.rows();
    report.search_keys = keys_.rows();
    report.registrations = person_regs_.rows() + household_regs_.rows();
    return ok();
  }

 private:
  Result<std::int64_t> add_address(const Address& a) {
    ATB_TRY_ASSIGN(id, address_ids_.next());
    ATB_TRY(addresses_.add(id, a.municipality, a.locality, a.street, a.house, a.flat, a.postal_code, address_match_key(a)));
    return id;
  }

  Result<void> add_person(std::int64_t id, const gen::Person& p, std::int64_t address_id, GeneratorReport& report) {
    std::optional<std::int64_t> actual;
    if (p.actual_address) ATB_TRY_ASSIGN_TO(actual, add_address(*p.actual_address));
    ATB_TRY(persons_.add(id, municipality_id_, 1, p.given_names, p.surname, p.code, p.birth.iso(), std::string(1, p.sex),
                         p.language, p.email, address_id, actual, p.disability,
                         collation_key(p.surname + " " + p.given_names), now_, 0, now_));
    if (p.old_code) {
      ATB_TRY(codes_.add(id, *p.old_code, p.code_changed_on, "new_code"));
      ++report.earlier_codes;
    }
    ATB_TRY(codes_.add(id, p.code, nullptr, ""));
    std::vector<std::pair<std::string, std::string>> names{{p.given_names, p.surname}};
    if (p.maiden_surname) {
      ATB_TRY(names_.add(id, p.given_names, *p.maiden_surname, p.name_changed_on, "marriage"));
      names.emplace_back(p.given_names, *p.maiden_surname);
    }
    if (p.phone) ATB_TRY(contacts_.add(id, "phone", *p.phone, phone_match_key(*p.phone)));
    // The keys insert_person writes, plus the earlier name, as rebuild_keys does after a change.
    for (const std::string& key : search_keys(names)) ATB_TRY(keys_.add(key, id));
    ++report.persons;
    return ok();
  }

  storage::Connection& c_;
  std::int64_t municipality_id_;
  Registrar& registrar_;
  std::string now_;
  IdReserver address_ids_{c_, "address"}, person_ids_{c_, "person"}, household_ids_{c_, "household"};
  BulkInsert addresses_{c_, "address", {"id", "municipality", "locality", "street", "house", "flat", "postal_code", "match_key"}};
  BulkInsert persons_{c_, "person", {"id", "municipality_id", "version", "given_names", "surname", "personal_code", "birth_date",
                                     "sex", "language", "email", "declared_address_id", "actual_address_id", "disability",
                                     "sort_key", "created_at", "created_by", "updated_at"}};
  BulkInsert codes_{c_, "person_code", {"person_id", "code", "valid_until", "reason"}};
  BulkInsert names_{c_, "person_name", {"person_id", "given_names", "surname", "valid_until", "reason"}};
  BulkInsert contacts_{c_, "person_contact", {"person_id", "kind", "value", "match_key"}};
  BulkInsert keys_{c_, "person_key", {"search_key", "person_id"}};
  BulkInsert person_regs_{c_, "person_registration", {"person_id", "department_id", "team_id", "first_registered_on", "channel",
                                                      "registered_by", "created_at"}};
  BulkInsert households_{c_, "household", {"id", "municipality_id", "version", "name", "address_id", "created_at", "created_by",
                                           "updated_at"}};
  BulkInsert members_{c_, "household_member", {"household_id", "person_id", "relationship", "since"}};
  BulkInsert household_regs_{c_, "household_registration", {"household_id", "department_id", "team_id", "first_registered_on",
                                                            "channel", "registered_by", "created_at"}};
};

Result<void> generate_in(storage::Connection& c, std::int64_t municipality_id, const GeneratorOptions& o,
                         GeneratorReport& report) {
  const Date today = o.today.value_or(today_riga());
  ATB_TRY_ASSIGN(count, c.query("SELECT COUNT(*) FROM person WHERE municipality_id = ?", params(municipality_id)));
  report.existing_persons = static_cast<std::size_t>(count[0].integer(0));
  if (report.existing_persons >= o.persons) return ok();
  const std::size_t wanted = o.persons - report.existing_persons;
  ATB_TRY_ASSIGN(teams, load_teams(c, municipality_id));
  gen::Population population(o.seed, today);
  ATB_TRY(reserve_existing_codes(c, population));
  Registrar registrar(std::move(teams), o.seed ^ 0x5EED5EEDull, gen::day_number(today));
  BulkLoadSettings settings(c);
  ATB_TRY(settings.apply());
  std::vector<IndexDefinition> indexes;
  if (wanted >= o.rebuild_indexes_from && wanted >= report.existing_persons) {
    ATB_TRY_ASSIGN_TO(indexes, secondary_indexes(c));
    for (const IndexDefinition& i : indexes) ATB_TRY(c.execute_script("DROP INDEX " + i.name));
    report.rebuilt_indexes = !indexes.empty();
  }
  Writer writer(c, municipality_id, registrar, now_utc_iso());
  std::size_t next_report = 0;
  while (report.persons < wanted) {
    gen::Household h = population.next();
    if (h.members.size() > wanted - report.persons) h.members.resize(wanted - report.persons);
    ATB_TRY(writer.write(h, report));
    if (o.progress && report.persons >= next_report) {
      o.progress("persons", report.persons, wanted);
      next_report = report.persons + 10'000;
    }
  }
  ATB_TRY(writer.finish(report));
  if (o.progress) o.progress("persons", report.persons, wanted);
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    if (o.progress) o.progress("indexes", i, indexes.size());
    ATB_TRY(c.execute_script(indexes[i].sql));
  }
  if (o.progress && !indexes.empty()) o.progress("indexes", indexes.size(), indexes.size());
  ATB_TRY(refresh_all_family_kinds(c));  // after the indexes: it looks up each household's members
  if (c.engine() == storage::Engine::postgresql) ATB_TRY(c.execute_script("ANALYZE"));
  return settings.restore();
}

/// A CSV field: quoted when it holds the separator, a quote or a line break.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(";\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) (out += ch) += ch == '"' ? "\"" : "";
  return out + "\"";
}

}  // namespace

Result<GeneratorReport> generate_registry(storage::Database& db, std::int64_t municipality_id, const GeneratorOptions& o) {
  return bulk_write(db, [&](storage::Connection& c) -> Result<GeneratorReport> {
    GeneratorReport report;
    ATB_TRY(generate_in(c, municipality_id, o, report));
    return report;
  });
}

Result<std::size_t> write_persons_csv(storage::Database& db, std::ostream& out, const GeneratorOptions& o) {
  gen::Population population(o.seed, o.today.value_or(today_riga()));
  ATB_TRY(db.read([&](storage::Connection& c) { return reserve_existing_codes(c, population); }));
  out << "given_names;surname;personal_code;birth_date;sex;phone;email;street;house;flat;locality;postal_code\r\n";
  std::size_t rows = 0;
  while (rows < o.persons) {
    const gen::Household h = population.next();
    for (const gen::Person& p : h.members) {
      if (rows == o.persons) break;
      const Date& b = p.birth;
      const std::string fields[] = {p.given_names, p.surname, format_personal_code(p.code),
                                    fmt::format("{:02}.{:02}.{:04}", b.day, b.month, b.year), std::string(1, p.sex),
                                    p.phone.value_or(""), p.email.value_or(""), h.address.street, h.address.house,
                                    h.address.flat, h.address.locality, h.address.postal_code};
      for (std::size_t i = 0; i < std::size(fields); ++i) out << (i ? ";" : "") << csv_field(fields[i]);
      out << "\r\n";
      if (++rows % 50'000 == 0 && o.progress) o.progress("rows", rows, o.persons);
    }
  }
  if (o.progress) o.progress("rows", rows, o.persons);
  if (!out) return Error::internal("writing the CSV file failed");
  return rows;
}

}  // namespace atb::registry
