#include "assistance/routes_common.h"

#include "assistance/store.h"

namespace atb::assistance {

Result<void> may_list(const access::Principal& p) {
  using access::Role;
  if (p.has(Role::benefits_officer) || p.has(Role::department_head) || p.has(Role::director) || p.has(Role::supervisor)) {
    return ok();
  }
  return Error{Errc::forbidden, {"Sociālās palīdzības lietas jūsu lomai nav pieejamas.",
                                 "Social assistance records are not available to your role."}, {}, {}};
}

Result<Application> open_application(storage::Connection& c, const access::Principal& p, std::int64_t id,
                                      access::Access need) {
  const Error missing{Errc::not_found, {"Iesniegums nav atrasts.", "No such application."}, {}, {}};
  ATB_TRY_ASSIGN(a, load_application(c, id));
  if (!a) return missing;
  const access::RecordScope scope{a->municipality_id, a->department_id, a->team_id, {}, {}, true};
  const access::Access granted = access::record_access(p, scope);
  if (granted == access::Access::none) return missing;
  if (need == access::Access::change && granted != access::Access::change) {
    return Error{Errc::forbidden, {"Šo iesniegumu jūs drīkstat tikai skatīt.", "You may only read this application."}, {}, {}};
  }
  return std::move(*a);
}

Result<Application> open_decision(storage::Connection& c, const access::Principal& p, std::int64_t decision_id,
                                  access::Access need) {
  ATB_TRY_ASSIGN(d, load_decision(c, decision_id));
  if (!d) return Error{Errc::not_found, {"Lēmums nav atrasts.", "No such decision."}, {}, {}};
  return open_application(c, p, d->application_id, need);
}

}  // namespace atb::assistance
