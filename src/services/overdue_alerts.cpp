#include "services/overdue_alerts.h"

#include <algorithm>
#include <map>

#include "cases/intake_store.h"
#include "core/log.h"
#include "core/time.h"
#include "services/overdue_store.h"
#include "services/rules.h"

namespace atb::services {
namespace {

// The alert's text: the case, the service and the deadline (no personal data: the
// notification list is not audited as a read of the case).
Text overdue_message(const Referral& r) {
  const std::string ref = "#" + std::to_string(r.case_id);
  return {"Gadījuma " + ref + " nosūtījumam uz pakalpojumu “" + r.service_name_lv +
              "” nav pieņemts lēmums; termiņš bija " + r.decision_due_on + ".",
          "The decision on the referral of case " + ref + " to “" + r.service_name_en +
              "” is overdue; it was due on " + r.decision_due_on + "."};
}

}  // namespace

Result<OverdueSweep> notify_overdue_decisions(storage::Database& db, const Date& today) {
  return db.write([&](storage::Connection& c) -> Result<OverdueSweep> {
    OverdueSweep sweep;
    ATB_TRY_ASSIGN(awaiting, unalerted_overdue(c, today.iso()));
    const std::string now = now_utc_iso();
    // Many overdue referrals share a few teams: each team's supervisors are read once.
    std::map<std::int64_t, std::vector<std::int64_t>> supervisors;
    for (const AwaitingDecision& a : awaiting) {
      if (!decision_overdue(a.referral, today)) continue;
      auto known = supervisors.find(a.team_id);
      if (known == supervisors.end()) {
        ATB_TRY_ASSIGN(team, cases::team_supervisors(c, a.team_id));
        known = supervisors.emplace(a.team_id, std::move(team)).first;
      }
      std::vector<std::int64_t> told = known->second;
      if (a.lead_active) told.insert(told.begin(), a.lead_worker_id);
      std::sort(told.begin(), told.end());
      told.erase(std::unique(told.begin(), told.end()), told.end());
      const Text message = overdue_message(a.referral);
      int added = 0;
      for (std::int64_t user : told) {
        ATB_TRY_ASSIGN(inserted, insert_overdue_notification(c, user, a.referral.id, message, now));
        if (inserted) ++added;
      }
      if (added > 0) ++sweep.referrals;
      sweep.notifications += added;
    }
    return sweep;
  });
}

OverdueAlertTimer::OverdueAlertTimer(std::shared_ptr<storage::Database> db,
                                     std::chrono::milliseconds every)
    : db_(std::move(db)), every_(every), thread_([this] { run(); }) {}

OverdueAlertTimer::~OverdueAlertTimer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

int OverdueAlertTimer::sweeps() const {
  std::lock_guard lock(mutex_);
  return sweeps_;
}

void OverdueAlertTimer::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    auto swept = notify_overdue_decisions(*db_, today_riga());
    if (!swept) {
      log::warn("overdue decision alerts failed",
                {{"error", swept.error().message.en}, {"detail", swept.error().detail}});
    } else if (swept->notifications > 0) {
      log::info("overdue decision alerts",
                {{"referrals", swept->referrals}, {"notifications", swept->notifications}});
    }
    lock.lock();
    ++sweeps_;
    wake_.wait_for(lock, every_, [this] { return stopping_; });
  }
}

}  // namespace atb::services
