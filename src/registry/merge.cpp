#include "registry/merge.h"

#include <nlohmann/json.hpp>

#include "registry/family_kind.h"
#include "registry/person_store.h"

namespace atb::registry {

using storage::params;

namespace {

Error conflict(Text message) { return Error{Errc::conflict, std::move(message), {}, {}}; }

Result<std::optional<std::int64_t>> live_person(storage::Connection& c, std::int64_t municipality_id, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT merged_into_id FROM person WHERE id = ? AND municipality_id = ?",
                               params(id, municipality_id)));
  if (rows.empty()) return Error{Errc::not_found, {"Persona nav atrasta.", "No such person."}, {}, {}};
  return rows[0].opt_integer(0);
}

}  // namespace

Result<std::int64_t> merge_persons(storage::Connection& c, std::int64_t municipality_id, std::int64_t survivor_id,
                                   std::int64_t duplicate_id, const std::string& reason, std::int64_t user_id,
                                   const std::string& now) {
  if (survivor_id == duplicate_id) {
    return Error::invalid_field("duplicate_id", {"Personu nevar apvienot ar sevi.", "A person cannot be merged with herself."});
  }
  ATB_TRY_ASSIGN(survivor_merged, live_person(c, municipality_id, survivor_id));
  ATB_TRY_ASSIGN(duplicate_merged, live_person(c, municipality_id, duplicate_id));
  if (survivor_merged || duplicate_merged) {
    return conflict({"Viena no personām jau ir apvienota ar citu.", "One of the persons is already merged into another."});
  }
  ATB_TRY_ASSIGN(own, c.query("SELECT COUNT(*) FROM person WHERE merged_into_id = ?", params(duplicate_id)));
  if (own[0].integer(0) > 0) {
    return conflict({"Šai personai ir pievienoti dublikāti; vispirms tos atdaliet.",
                     "Duplicates were merged into this person; split them first."});
  }
  nlohmann::json moved = nlohmann::json::object();
  for (std::string_view table : kPersonLinkTables) {
    std::string select = "SELECT id FROM " + std::string(table) + " WHERE person_id = ?";
    // A household both already share keeps the survivor's membership only.
    if (table == "household_member") {
      select += " AND household_id NOT IN (SELECT household_id FROM household_member WHERE person_id = ? AND until IS NULL)";
    }
    ATB_TRY_ASSIGN(rows, c.query(select, table == "household_member" ? params(duplicate_id, survivor_id) : params(duplicate_id)));
    nlohmann::json ids = nlohmann::json::array();
    for (const storage::Row& r : rows) {
      ids.push_back(r.integer(0));
      ATB_TRY(c.execute("UPDATE " + std::string(table) + " SET person_id = ? WHERE id = ?", params(survivor_id, r.integer(0))));
    }
    moved[std::string(table)] = ids;
  }
  ATB_TRY(c.execute("UPDATE person SET merged_into_id = ?, version = version + 1, updated_at = ? WHERE id = ?",
                    params(survivor_id, now, duplicate_id)));
  ATB_TRY(c.execute("UPDATE person SET version = version + 1, updated_at = ? WHERE id = ?", params(now, survivor_id)));
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO person_merge (survivor_id, duplicate_id, reason, moved, merged_by, merged_at)"
                               " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                               params(survivor_id, duplicate_id, reason, moved.dump(), user_id, now)));
  ATB_TRY(rebuild_keys(c, survivor_id));
  ATB_TRY(refresh_family_kinds_of_person(c, survivor_id));  // her memberships now carry her birth date
  return rows[0].integer(0);
}

Result<std::int64_t> split_merge(storage::Connection& c, std::int64_t survivor_id, std::int64_t merge_id,
                                 const std::string& reason, std::int64_t user_id, const std::string& now) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT duplicate_id, moved FROM person_merge WHERE id = ? AND survivor_id = ? AND split_at IS NULL",
                               params(merge_id, survivor_id)));
  if (rows.empty()) {
    return Error{Errc::not_found, {"Tādas apvienošanas nav.", "No such merge."}, {{"merge_id", {"Nav atrasta.", "Not found."}}}, {}};
  }
  const std::int64_t duplicate_id = rows[0].integer(0);
  const nlohmann::json moved = nlohmann::json::parse(rows[0].text(1), nullptr, false);
  if (!moved.is_object()) return Error::internal("person_merge.moved is not a JSON object");
  for (std::string_view table : kPersonLinkTables) {
    const auto it = moved.find(std::string(table));
    if (it == moved.end()) continue;
    for (const auto& id : *it) {
      ATB_TRY(c.execute("UPDATE " + std::string(table) + " SET person_id = ? WHERE id = ? AND person_id = ?",
                        params(duplicate_id, id.get<std::int64_t>(), survivor_id)));
    }
  }
  ATB_TRY(c.execute("UPDATE person SET merged_into_id = NULL, version = version + 1, updated_at = ? WHERE id = ?",
                    params(now, duplicate_id)));
  ATB_TRY(c.execute("UPDATE person SET version = version + 1, updated_at = ? WHERE id = ?", params(now, survivor_id)));
  ATB_TRY(c.execute("UPDATE person_merge SET split_by = ?, split_at = ?, split_reason = ? WHERE id = ?",
                    params(user_id, now, reason, merge_id)));
  ATB_TRY(rebuild_keys(c, survivor_id));
  ATB_TRY(rebuild_keys(c, duplicate_id));
  ATB_TRY(refresh_family_kinds_of_person(c, survivor_id));
  ATB_TRY(refresh_family_kinds_of_person(c, duplicate_id));
  return duplicate_id;
}

}  // namespace atb::registry
