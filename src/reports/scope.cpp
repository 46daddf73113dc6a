#include "reports/scope.h"

#include <algorithm>
#include <charconv>

namespace atb::reports {
namespace {

using access::Role;

Error forbidden(Text why) {
  return Error{Errc::forbidden, std::move(why), {}, {}};
}
Error not_found(Text why) {
  return Error{Errc::not_found, std::move(why), {}, {}};
}

std::optional<std::int64_t> parse_id(const std::string& text) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

bool given(const std::optional<std::string>& text) {
  return text && !text->empty();
}

}  // namespace

Result<void> may_see_statistics(const access::Principal& p) {
  for (Role r : {Role::social_worker, Role::supervisor, Role::department_head, Role::director,
                 Role::benefits_officer}) {
    if (p.has(r)) return ok();
  }
  return forbidden({"Statistiku redz sociālā dienesta darbinieki un vadītāji.",
                    "Statistics are for the social service's workers and managers."});
}

bool may_see_national(const access::Principal& p) {
  return p.has(Role::director);
}

Result<StatisticsScope> resolve_scope(const access::Principal& p, const ScopeRequest& request,
                                      const OrgFacts& org) {
  ATB_TRY(may_see_statistics(p));
  StatisticsScope scope;
  scope.municipality_id = p.municipality_id;
  if (given(request.municipality)) {
    if (*request.municipality == "national") {
      if (!may_see_national(p)) {
        return forbidden(
            {"Valsts kopskatu redz tikai direktors.", "Only the director sees the national view."});
      }
      scope.national = true;
      scope.municipality_id.reset();
    } else {
      const auto id = parse_id(*request.municipality);
      if (!id) {
        return Error::invalid_field("municipality",
                                    {"Norādiet pašvaldības numuru vai \"national\".",
                                     "Give a municipality id or \"national\"."});
      }
      if (!org.municipalities.count(*id)) {
        return not_found({"Tādas pašvaldības nav.", "No such municipality."});
      }
      if (*id != p.municipality_id) {
        return forbidden({"Jums nav tiesību redzēt citas pašvaldības statistiku.",
                          "You may not see another municipality's statistics."});
      }
    }
  }
  const bool director = p.has(Role::director);
  if (given(request.department)) {
    const auto id = parse_id(*request.department);
    if (!id)
      return Error::invalid_field("department",
                                  {"Norādiet daļas numuru.", "Give a department id."});
    if (scope.national) {
      return Error::invalid_field(
          "department", {"Valsts kopskatu nevar ierobežot ar vienas pašvaldības daļu.",
                         "The national view cannot be limited to one municipality's department."});
    }
    const auto owner = org.department_owner.find(*id);
    if (owner == org.department_owner.end() || owner->second != *scope.municipality_id) {
      return not_found({"Tādas daļas nav.", "No such department."});
    }
    const bool hers =
        std::find(p.department_ids.begin(), p.department_ids.end(), *id) != p.department_ids.end();
    if (!director && !hers) {
      return forbidden({"Jums nav tiesību redzēt šīs daļas statistiku.",
                        "You may not see this department's statistics."});
    }
    scope.department_ids = {*id};
  } else if (!director) {
    if (p.department_ids.empty()) {
      return forbidden({"Jūs neesat nevienā daļā, tāpēc statistikas jums nav.",
                        "You belong to no department, so there are no statistics for you."});
    }
    scope.department_ids = p.department_ids;
  }
  return scope;
}

}  // namespace atb::reports
