#include "registry/routes_common.h"

#include <algorithm>

#include "access/record_scope.h"
#include "core/time.h"
#include "http/json_body.h"
#include "org/store.h"
#include "registry/model.h"

namespace atb::registry {

Result<NewRegistration> registration_from(storage::Connection& c, const access::Principal& p,
                                          const nlohmann::json& body, const Date& today) {
  ATB_TRY(access::may_register(p));
  NewRegistration r;
  r.registered_by = p.user_id;
  if (body.contains("team_id")) {
    if (!body["team_id"].is_number_integer()) {
      return Error::invalid_field("team_id", {"Norādiet komandu.", "Give the team."});
    }
    r.team_id = body["team_id"].get<std::int64_t>();
  } else if (p.team_ids.size() == 1) {
    r.team_id = p.team_ids.front();
  } else {
    return Error::invalid_field("team_id", {"Norādiet, kurā komandā reģistrēt.", "Say which team registers the client."});
  }
  ATB_TRY(access::may_register_in_team(p, r.team_id));
  ATB_TRY_ASSIGN(owner, org::team_owner(c, r.team_id));
  if (!owner || owner->first != p.municipality_id) {
    return Error::invalid_field("team_id", {"Tādas komandas nav.", "No such team."});
  }
  r.department_id = owner->second;
  ATB_TRY_ASSIGN(channel, http::optional_string(body, "channel", 20));
  r.channel = channel.value_or("visit");
  if (std::find_if(std::begin(kChannels), std::end(kChannels), [&](const char* k) { return r.channel == k; }) ==
      std::end(kChannels)) {
    return Error::invalid_field("channel", {"Nezināms saziņas veids.", "Unknown channel."});
  }
  ATB_TRY_ASSIGN(on, http::optional_string(body, "first_registered_on", 10));
  r.first_registered_on = today.iso();
  if (on) {
    const auto d = parse_date(*on);
    if (!d || *d > today || d->year < 1990) {
      return Error::invalid_field("first_registered_on", {"Datumam jābūt reālam un ne nākotnē.", "The date must be real and not in the future."});
    }
    r.first_registered_on = d->iso();
  }
  return r;
}

std::string today_iso() { return today_riga().iso(); }

}  // namespace atb::registry
