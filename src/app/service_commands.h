// `atbalsts services …`: tools of the social services.
#pragma once

#include <ostream>

#include "storage/database.h"

namespace atb::app {

/// `atbalsts services notify-overdue`: alerts every referral awaiting its decision past its
/// deadline (services::notify_overdue_decisions, today in Riga), printing what it did. Exit
/// code 0, or 1 with "error: …" on `err` when the database refuses.
int notify_overdue_command(storage::Database& db, std::ostream& out, std::ostream& err);

}  // namespace atb::app
