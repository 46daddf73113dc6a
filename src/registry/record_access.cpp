#include "registry/record_access.h"

#include "registry/person_store.h"

namespace atb::registry {

using storage::params;

Result<bool> break_glass_open(storage::Connection& c, const access::Principal& p, std::string_view entity_type,
                              std::int64_t id) {
  if (p.session_id == 0) return false;
  ATB_TRY_ASSIGN(rows, c.query("SELECT 1 FROM break_glass WHERE session_id = ? AND entity_type = ? AND entity_id = ?",
                               params(p.session_id, entity_type, std::to_string(id))));
  return !rows.empty();
}

Result<Opened> open_record(storage::Connection& c, const access::Principal& p, const access::RegistryTables& tables,
                           std::int64_t id, access::Access need) {
  const Error missing{Errc::not_found,
                      tables.entity_type == std::string_view("person")
                          ? Text{"Persona nav atrasta.", "No such person."}
                          : Text{"Mājsaimniecība nav atrasta.", "No such household."},
                      {}, {}};
  ATB_TRY_ASSIGN(scope, load_scope(c, tables, id));
  if (!scope) return missing;
  Opened o;
  o.scope = std::move(*scope);
  o.access = access::registry_access(p, o.scope);
  if (o.access == access::Access::none) {
    ATB_TRY_ASSIGN(glass, break_glass_open(c, p, tables.entity_type, id));
    if (o.scope.municipality_id == p.municipality_id) o.access = access::with_break_glass(p, o.access, glass);
    o.break_glass = o.access != access::Access::none;
  }
  if (o.access == access::Access::none) return missing;
  if (need == access::Access::change && o.access != access::Access::change) {
    return Error{Errc::forbidden, {"Šo ierakstu jūs drīkstat tikai skatīt.", "You may only read this record."}, {}, {}};
  }
  o.sensitive = !o.break_glass && access::may_see_registry_sensitive(p, o.scope);
  return o;
}

Result<void> may_see_entity_audit(storage::Connection& c, const access::Principal& p, std::string_view type,
                                  std::string_view id) {
  const Error missing{Errc::not_found, {"Ieraksts nav atrasts.", "No such record."}, {}, {}};
  std::int64_t n = 0;
  for (char ch : id) {
    if (ch < '0' || ch > '9' || n > 100000000000000LL) return missing;
    n = n * 10 + (ch - '0');
  }
  if (n <= 0 || (type != "person" && type != "household")) return missing;
  ATB_TRY(access::may_see_record_audit(p));
  ATB_TRY_ASSIGN(o, open_record(c, p, type == "person" ? access::kPersonTables : access::kHouseholdTables, n,
                                access::Access::read));
  if (o.break_glass) return missing;
  return ok();
}

}  // namespace atb::registry
