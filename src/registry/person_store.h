// SQL for persons: insert, load with history, update with name and code history, search keys,
// registrations and the record's scope for the access policy. No access decisions here.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "access/record_scope.h"
#include "core/result.h"
#include "registry/model.h"
#include "storage/connection.h"

namespace atb::registry {

/// A first-time registration to write.
struct NewRegistration {
  std::int64_t department_id = 0;
  std::int64_t team_id = 0;
  std::string first_registered_on;
  std::string channel = "visit";
  std::int64_t registered_by = 0;
};

/// Writes an address row (nullopt for no address).
Result<std::optional<std::int64_t>> insert_address(storage::Connection& c, const std::optional<Address>& a);
/// Reads an address row.
Result<std::optional<Address>> load_address(storage::Connection& c, std::optional<std::int64_t> id);

/// Inserts a checked person with her code, phones, addresses and search keys; returns her id.
Result<std::int64_t> insert_person(storage::Connection& c, std::int64_t municipality_id,
                                   const PersonDraft& d, std::int64_t user_id, const std::string& now);
/// Adds a registration of a person or household (`tables` says which).
Result<void> add_registration(storage::Connection& c, const access::RegistryTables& tables,
                              std::int64_t owner_id, const NewRegistration& r, const std::string& now);

/// A checked person with what insert_person derives from her (her Latvian sort key and search
/// keys), derived ahead by prepare_person, e.g. on another thread.
struct PreparedPerson {
  PersonDraft draft;
  std::string sort_key;
  std::vector<std::string> keys;
};
PreparedPerson prepare_person(PersonDraft d);

/// For imports of many persons in one transaction: the same rows as insert_person and
/// add_registration, collected and written with multi-row INSERTs (ids from IdReserver).
class PersonRows {
 public:
  explicit PersonRows(storage::Connection& c);
  ~PersonRows();
  PersonRows(const PersonRows&) = delete;
  PersonRows& operator=(const PersonRows&) = delete;

  /// insert_person, with every row collected here; returns her id.
  Result<std::int64_t> insert_person(std::int64_t municipality_id, const PreparedPerson& p, std::int64_t user_id,
                                     const std::string& now);
  /// add_registration of a person, collected here.
  Result<void> add_registration(std::int64_t person_id, const NewRegistration& r, const std::string& now);
  /// Writes what was collected (also done every few thousand persons).
  Result<void> flush();

 private:
  struct Batches;
  std::unique_ptr<Batches> batches_;
};

/// A person with everything the person page shows (nullopt: no such person).
Result<std::optional<Person>> load_person(storage::Connection& c, std::int64_t id);
/// The registrations of a person or household.
Result<std::vector<Registration>> load_registrations(storage::Connection& c, const access::RegistryTables& tables,
                                                     std::int64_t owner_id);
/// Where a person or household belongs, for the access policy (nullopt: no such record, or a
/// person merged into another).
Result<std::optional<access::RegistryScope>> load_scope(storage::Connection& c, const access::RegistryTables& tables,
                                                        std::int64_t id);

/// Reasons for a change of name or code, kept in the history.
struct ChangeReasons {
  std::string name = "other";
  std::string code = "other";
};
/// Writes `after` over `before` (checked, same version): earlier name and code go to the
/// history, addresses and phones are replaced, search keys rebuilt, version + 1.
/// Returns false when the stored version is no longer `before.version` (someone else changed it).
Result<bool> update_person(storage::Connection& c, const Person& before, const PersonDraft& after,
                           const ChangeReasons& reasons, const std::string& now);
/// Recomputes a person's search keys from her names, earlier names and merged duplicates.
Result<void> rebuild_keys(storage::Connection& c, std::int64_t person_id);

}  // namespace atb::registry
