// The overdue-decision alert of referrals (docs/api-services.md, "Overdue decisions"): a
// referral still awaiting its decision past its deadline (one month from the request,
// rules.h decision_overdue) alerts, once, the case's lead worker and the supervisors of the
// case's team (who approve in that team) with an in-app notification (kind decision_overdue,
// entity referral). The sweep runs at the server's start, then every hour on the server's own
// timer (OverdueAlertTimer), and as the command `atbalsts services notify-overdue`.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "core/date.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::services {

/// What one sweep did.
struct OverdueSweep {
  int referrals = 0;      ///< overdue referrals that alerted someone now
  int notifications = 0;  ///< notifications added
};

/// Alerts, in one transaction, every referral still awaiting its decision past its deadline on
/// `today` (Riga date) of a case that is not closed and that has not alerted anyone yet:
/// the lead worker (when her account is enabled) and the team's supervisors each get one
/// notification. Running it again adds nothing for the same referral.
Result<OverdueSweep> notify_overdue_decisions(storage::Database& db, const Date& today);

/// Runs notify_overdue_decisions at once and then every `every` on its own thread (today's
/// Riga date each time; the outcome or an error goes to the log) until it is destroyed.
class OverdueAlertTimer {
 public:
  OverdueAlertTimer(std::shared_ptr<storage::Database> db, std::chrono::milliseconds every);
  /// Stops the timer (waking it) and waits for a sweep under way to finish.
  ~OverdueAlertTimer();
  OverdueAlertTimer(const OverdueAlertTimer&) = delete;
  OverdueAlertTimer& operator=(const OverdueAlertTimer&) = delete;

  /// How many sweeps have finished (successfully or not), for tests.
  int sweeps() const;

 private:
  void run();

  std::shared_ptr<storage::Database> db_;
  std::chrono::milliseconds every_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  int sweeps_ = 0;
  std::thread thread_;  ///< last: starts once everything above is ready
};

}  // namespace atb::services
