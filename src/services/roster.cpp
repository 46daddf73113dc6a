#include "services/roster.h"

#include <algorithm>

namespace atb::services {

namespace {

WaitingEntry as_seen_by(const RosterRow& row, const access::Principal& p) {
  WaitingEntry e = row.entry;
  e.visible = access::case_access(p, row.case_scope) != access::Access::none;
  if (!e.visible) e.person_name.clear();
  return e;
}

}  // namespace

ServiceRoster roster_page(const Roster& roster, const access::Principal& p, int offset, int limit) {
  ServiceRoster page;
  page.occupied = roster.occupied;
  page.waiting.total = static_cast<int>(roster.waiting.size());
  const std::size_t from = std::min<std::size_t>(static_cast<std::size_t>(std::max(offset, 0)), roster.waiting.size());
  const std::size_t to = std::min<std::size_t>(from + static_cast<std::size_t>(std::max(limit, 0)), roster.waiting.size());
  for (std::size_t i = from; i < to; ++i) {
    page.waiting.items.push_back(as_seen_by(roster.waiting[i], p));
    page.waiting.items.back().position = static_cast<int>(i) + 1;
  }
  page.placed.reserve(roster.placed.size());
  for (const RosterRow& row : roster.placed) page.placed.push_back(as_seen_by(row, p));
  return page;
}

}  // namespace atb::services
