// The means declaration: the input of every assistance calculation. Plain data, no rules; the
// rules that check it are in assistance/calculation.h.
#pragma once

#include <compare>
#include <cstdint>
#include <set>
#include <vector>

#include "assistance/money.h"
#include "core/date.h"

namespace atb::assistance {

/// The kinds of income a member declares.
enum class IncomeKind { wages, pension, state_benefit, alimony, other };

/// A calendar month.
struct Month {
  int year = 1970;
  int month = 1;  ///< 1..12

  auto operator<=>(const Month&) const = default;
};

/// One declared income: what a member received in one month, of one kind.
struct Income {
  Month month;                          ///< one of the three months of the declaration period
  IncomeKind kind = IncomeKind::other;  ///< its kind
  Cents amount = 0;                     ///< the amount received in that month; never negative
};

/// A household member as the calculation sees her.
struct Member {
  std::int64_t person_id = 0;  ///< the registry's person id; unique in a declaration
  Date birth_date;             ///< decides whether she is an adult (18+) who must declare income
  bool able_to_work = false;   ///< able to work (darbspējīga); makes the status period 3 months
  bool pensioner = false;      ///< receives an old-age pension / has reached pension age
  bool disability = false;     ///< has a recognised disability
  /// Her incomes. An adult declares at least one record (0 when nothing) for each month of the
  /// period; a child may declare none.
  std::vector<Income> incomes;
  bool owns_property = false;  ///< owns property beyond her home: the household is not needy
  bool has_savings = false;    ///< has savings above the amount set: the household is not needy
};

/// A household's means declaration for one application.
struct Declaration {
  /// The 1st of the first of the three full months before the application month: for an
  /// application made in May 2025 it is 2025-02-01 (February, March, April).
  Date period_start;
  /// The members; the first is the "first person" of the thresholds (the applicant).
  std::vector<Member> members;
  /// Which kinds of income count (configuration). Every kind counts unless removed here.
  std::set<IncomeKind> counted_kinds{IncomeKind::wages, IncomeKind::pension,
                                     IncomeKind::state_benefit, IncomeKind::alimony,
                                     IncomeKind::other};
};

/// Monthly housing costs by kind, euro cents. Also the shape of the municipality's norms, where
/// every kind has its own cap (a norm of 0 means that nothing of that kind is covered).
struct HousingCosts {
  Cents rent = 0;         ///< rent and management (īre un apsaimniekošana)
  Cents heating = 0;      ///< heating and hot water (apkure un karstais ūdens)
  Cents electricity = 0;  ///< electricity (elektroenerģija)
  Cents water = 0;        ///< cold water (ūdens)
  Cents gas = 0;          ///< gas (gāze)
  Cents sewage = 0;       ///< sewage (kanalizācija)
  Cents waste = 0;        ///< waste collection (atkritumu izvešana)
  Cents telecom = 0;      ///< telephone and internet (telekomunikācijas un internets)
};

}  // namespace atb::assistance
