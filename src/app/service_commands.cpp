#include "app/service_commands.h"

#include <fmt/format.h>

#include "services/overdue_alerts.h"

namespace atb::app {

int notify_overdue_command(storage::Database& db, std::ostream& out, std::ostream& err) {
  auto swept = services::notify_overdue_decisions(db, today_riga());
  if (!swept) {
    err << "error: " << swept.error().message.en
        << (swept.error().detail.empty() ? "" : " (" + swept.error().detail + ")") << "\n";
    return 1;
  }
  out << fmt::format("Overdue referral decisions: {} referrals alerted, {} notifications added.\n",
                     swept->referrals, swept->notifications);
  return 0;
}

}  // namespace atb::app
