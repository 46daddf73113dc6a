#include "assistance/config_store.h"

#include "assistance/model.h"

namespace atb::assistance {

using storage::params;

Result<Thresholds> load_thresholds(storage::Connection& c) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT from_date, gmi_first, gmi_other, needy_first, needy_other, low_income_max_first,"
                               " low_income_max_other FROM assistance_threshold ORDER BY from_date"));
  std::vector<ThresholdRow> out;
  for (const storage::Row& r : rows) {
    const auto from = parse_date(r.text(0));
    if (!from) return Error::internal("assistance_threshold.from_date is not a date: " + r.text(0));
    out.push_back({*from, r.integer(1), r.integer(2), r.integer(3), r.integer(4), r.integer(5), r.integer(6)});
  }
  return Thresholds::make(std::move(out));
}

Result<void> insert_threshold(storage::Connection& c, const ThresholdRow& t, std::int64_t user_id, const std::string& now) {
  ATB_TRY(c.execute("INSERT INTO assistance_threshold (from_date, gmi_first, gmi_other, needy_first, needy_other,"
                    " low_income_max_first, low_income_max_other, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    params(t.from.iso(), t.gmi_first, t.gmi_other, t.needy_first, t.needy_other, t.low_income_max_first,
                           t.low_income_max_other, user_id, now)));
  return ok();
}

Result<LowIncomeThresholds> load_low_income(storage::Connection& c, std::int64_t municipality_id, const Thresholds& national) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT from_date, first_person, other_person FROM assistance_low_income"
                               " WHERE municipality_id = ? ORDER BY from_date",
                               params(municipality_id)));
  std::vector<LowIncomeRow> out;
  for (const storage::Row& r : rows) {
    const auto from = parse_date(r.text(0));
    if (!from) return Error::internal("assistance_low_income.from_date is not a date: " + r.text(0));
    out.push_back({*from, r.integer(1), r.integer(2)});
  }
  return LowIncomeThresholds::make(std::move(out), national);
}

Result<void> insert_low_income(storage::Connection& c, std::int64_t municipality_id, const LowIncomeRow& row) {
  ATB_TRY(c.execute("INSERT INTO assistance_low_income (municipality_id, from_date, first_person, other_person) VALUES (?, ?, ?, ?)",
                    params(municipality_id, row.from.iso(), row.first, row.other)));
  return ok();
}

Result<std::optional<Norms>> load_norms(storage::Connection& c, std::int64_t municipality_id, const std::string& on) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT from_date, rent, heating, electricity, water, gas, sewage, waste, telecom"
                               " FROM assistance_norm WHERE municipality_id = ? AND from_date <= ?"
                               " ORDER BY from_date DESC LIMIT 1",
                               params(municipality_id, on)));
  if (rows.empty()) return std::optional<Norms>{};
  Norms n{rows[0].text(0), {}};
  for (std::size_t i = 0; i < std::size(kHousingKinds); ++i) n.caps[kHousingKinds[i]] = rows[0].integer(i + 1);
  return std::optional(std::move(n));
}

Result<void> insert_norms(storage::Connection& c, std::int64_t municipality_id, const Norms& n) {
  storage::Params ps = params(municipality_id, n.from);
  for (const char* kind : kHousingKinds) ps.push_back(n.caps.count(kind) ? n.caps.at(kind) : 0);
  ATB_TRY(c.execute("INSERT INTO assistance_norm (municipality_id, from_date, rent, heating, electricity, water, gas,"
                    " sewage, waste, telecom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ps));
  return ok();
}

}  // namespace atb::assistance
