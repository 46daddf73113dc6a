#include "assistance/thresholds.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace atb::assistance {
namespace {

/// The error for a start date that another row already has.
Error overlap_error(const Date& from) {
  Error e = Error::invalid_field(
      "from", {fmt::format("No {} jau ir spēkā cita sliekšņu rinda; rindas nedrīkst pārklāties.",
                           from.iso()),
               fmt::format("Another threshold row already starts on {}; rows must not overlap.",
                           from.iso())});
  e.code = Errc::conflict;
  e.message = {"Sliekšņu rindas pārklājas.", "Threshold rows overlap."};
  return e;
}

/// Refuses a start date that is not a real 1st of a month or that another row of `rows` has.
template <class Row>
Result<void> check_start(const std::vector<Row>& rows, const Date& from) {
  if (!valid_date(from.year, from.month, from.day) || from.day != 1)
    return Error::invalid_field("from", {"Sākuma datumam jābūt mēneša pirmajai dienai.",
                                         "The start date must be the first day of a month."});
  for (const Row& r : rows)
    if (r.from == from) return overlap_error(from);
  return ok();
}

/// Inserts `row` into `rows`, keeping them sorted by start date.
template <class Row>
void insert_sorted(std::vector<Row>& rows, Row row) {
  auto pos = std::upper_bound(rows.begin(), rows.end(), row.from,
                              [](const Date& d, const Row& r) { return d < r.from; });
  rows.insert(pos, std::move(row));
}

/// The row of sorted `rows` in force on `date`, or nullptr.
template <class Row>
const Row* row_at(const std::vector<Row>& rows, const Date& date) {
  auto pos = std::upper_bound(rows.begin(), rows.end(), date,
                              [](const Date& d, const Row& r) { return d < r.from; });
  return pos == rows.begin() ? nullptr : &*std::prev(pos);
}

/// Prefixes the field errors of `e` with "rows.<index>.".
Error in_row(Error e, std::size_t index) {
  for (FieldError& f : e.fields) f.field = fmt::format("rows.{}.{}", index, f.field);
  return e;
}

/// A named money column of ThresholdRow.
struct Column {
  const char* name;
  Cents ThresholdRow::*member;
};

/// Every money column, for the "above zero" check.
constexpr std::array<Column, 6> kColumns{
    {{"gmi_first", &ThresholdRow::gmi_first},
     {"gmi_other", &ThresholdRow::gmi_other},
     {"needy_first", &ThresholdRow::needy_first},
     {"needy_other", &ThresholdRow::needy_other},
     {"low_income_max_first", &ThresholdRow::low_income_max_first},
     {"low_income_max_other", &ThresholdRow::low_income_max_other}}};

/// A required order `low` ≤ `high`; a breach is reported on the field `blamed` with `message`.
struct Order {
  Column low;
  Column high;
  const char* blamed;
  Text message;
};

/// The message for a value for other persons above the one for the first person.
const Text kOtherAboveFirst{
    "Vērtība katrai nākamajai personai nedrīkst pārsniegt vērtību pirmajai personai.",
    "The value for each other person cannot exceed the value for the first person."};

/// The orders every row must keep.
const std::vector<Order>& orders() {
  const Text below_gmi{
      "Trūcīgas mājsaimniecības slieksnis nedrīkst būt mazāks par garantētā minimālā ienākuma "
      "līmeni.",
      "The needy threshold cannot be below the guaranteed minimum income."};
  const Text below_needy{
      "Maznodrošinātas mājsaimniecības sliekšņa augstākā robeža nedrīkst būt mazāka par trūcīgas "
      "mājsaimniecības slieksni.",
      "The low-income maximum cannot be below the needy threshold."};
  // The needy and maximum columns are blamed when too low; the "other" ones when too high.
  static const std::vector<Order> all{
      {kColumns[0], kColumns[2], kColumns[2].name, below_gmi},
      {kColumns[1], kColumns[3], kColumns[3].name, below_gmi},
      {kColumns[2], kColumns[4], kColumns[4].name, below_needy},
      {kColumns[3], kColumns[5], kColumns[5].name, below_needy},
      {kColumns[1], kColumns[0], kColumns[1].name, kOtherAboveFirst},
      {kColumns[3], kColumns[2], kColumns[3].name, kOtherAboveFirst},
      {kColumns[5], kColumns[4], kColumns[5].name, kOtherAboveFirst}};
  return all;
}

/// Checks `value` of a low-income row against [low, high] of the national row from `national_from`.
Result<void> check_between(Cents value, Cents low, Cents high, const char* field, bool first,
                           const Date& national_from) {
  if (value >= low && value <= high) return ok();
  const Text whom = first ? Text{"pirmajai personai", "the first person"}
                          : Text{"katrai nākamajai personai", "each other person"};
  return Error::invalid_field(
      field, say("Maznodrošinātas mājsaimniecības ienākumu slieksnim {} jābūt no {} līdz {} "
                 "(valsts sliekšņi no {}).",
                 "The low-income threshold for {} must be between {} and {} (national thresholds "
                 "from {}).",
                 whom, Eur{low}, Eur{high}, national_from.iso()));
}

/// Builds a table with `add(row, extra...)` for each of `rows`, naming the first bad row.
template <class Table, class Row, class... Extra>
Result<Table> make_table(std::vector<Row> rows, const Extra&... extra) {
  Table table;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto added = table.add(std::move(rows[i]), extra...);
    if (!added) return in_row(std::move(added).error(), i);
  }
  return table;
}

}  // namespace

Result<Thresholds> Thresholds::make(std::vector<ThresholdRow> rows) {
  return make_table<Thresholds>(std::move(rows));
}

Result<void> Thresholds::add(ThresholdRow row) {
  ATB_TRY(check_start(rows_, row.from));
  for (const Column& c : kColumns)
    if (row.*c.member <= 0)
      return Error::invalid_field(
          c.name, {"Vērtībai jābūt lielākai par nulli.", "The value must be above zero."});
  for (const Order& o : orders())
    if (row.*o.low.member > row.*o.high.member) return Error::invalid_field(o.blamed, o.message);
  insert_sorted(rows_, std::move(row));
  return ok();
}

const ThresholdRow* Thresholds::at(const Date& date) const {
  return row_at(rows_, date);
}

Result<const ThresholdRow*> Thresholds::require(const Date& date, std::string field) const {
  if (const ThresholdRow* row = at(date)) return row;
  return Error::invalid_field(std::move(field),
                              say("{} nav spēkā valsts sliekšņu.",
                                  "No national thresholds are in force on {}.", date.iso()));
}

Result<LowIncomeThresholds> LowIncomeThresholds::make(std::vector<LowIncomeRow> rows,
                                                      const Thresholds& national) {
  return make_table<LowIncomeThresholds>(std::move(rows), national);
}

Result<void> LowIncomeThresholds::add(LowIncomeRow row, const Thresholds& national) {
  ATB_TRY(check_start(rows_, row.from));
  ATB_TRY_ASSIGN(bounds, national.require(row.from, "from"));
  ATB_TRY(check_between(row.first, bounds->needy_first, bounds->low_income_max_first, "first", true,
                        bounds->from));
  ATB_TRY(check_between(row.other, bounds->needy_other, bounds->low_income_max_other, "other",
                        false, bounds->from));
  if (row.other > row.first) return Error::invalid_field("other", kOtherAboveFirst);
  insert_sorted(rows_, std::move(row));
  return ok();
}

const LowIncomeRow* LowIncomeThresholds::at(const Date& date) const {
  return row_at(rows_, date);
}

const std::vector<ThresholdRow>& latvian_thresholds() {
  // Columns: from; GMI first, other; needy first, other; low-income maximum first, other.
  static const std::vector<ThresholdRow> rows{
      {{2021, 1, 1}, 109'00, 76'00, 272'00, 190'00, 436'00, 305'00},
      {{2023, 7, 1}, 125'00, 87'50, 313'00, 219'00, 501'00, 351'00},
      {{2024, 1, 1}, 137'00, 96'00, 343'00, 240'00, 549'00, 384'00},
      {{2025, 1, 1}, 166'00, 116'00, 377'00, 264'00, 604'00, 423'00},
      {{2026, 1, 1}, 187'00, 131'00, 425'00, 298'00, 680'00, 476'00},
  };
  return rows;
}

}  // namespace atb::assistance
