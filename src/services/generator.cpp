#include "services/generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

#include "cases/generator_records.h"
#include "core/time.h"
#include "registry/bulk_insert.h"
#include "registry/population.h"
#include "services/model.h"
#include "services/rules.h"
#include "services/store.h"

namespace atb::services {
namespace {

using cases::GeneratedMoment;
using registry::BulkInsert;
using registry::IdReserver;
using registry::gen::Rng;
using storage::params;

// ---------------------------------------------------------------- the catalogue

/// One kind of service of the generated catalogue: how many, their capacity and price ranges,
/// who may use them, who provides them and how popular each one is.
struct KindSpec {
  const char* kind;
  const char* lv;
  const char* en;
  int count;
  int capacity_lo, capacity_hi;
  const char* capacity_unit;
  const char* unit;
  int price_lo, price_hi;        ///< cents per unit
  int quantity_lo, quantity_hi;  ///< what one placement occupies of the capacity
  std::optional<int> age_min, age_max;
  std::vector<std::string> groups;
  int partner_percent;  ///< share provided by a partner institution
  const char* partner;  ///< which one (kProviders)
  const char* funding;
  int weight;  ///< requests per service, relative (more for the first ones)
};

// clang-format off
const std::vector<KindSpec>& kinds() {
  static const std::vector<KindSpec> v = {
      {"mentor", "Mentora pakalpojums jauniešiem", "Mentor for young people", 6, 20, 40, "places", "month",
       12000, 18000, 1, 1, 13, 25, {"youth_at_risk"}, 80, "Biedrība “Mentoru tīkls”", "project", 6},
      {"group_apartment", "Grupu dzīvoklis", "Group apartment", 10, 8, 16, "places", "day", 1800, 2600, 1, 1,
       18, std::nullopt, {"mental_disorder", "disability"}, 25, "Biedrība “Kopā”", "municipal", 8},
      {"social_house", "Sociālā māja", "Social house", 4, 20, 60, "places", "month", 3000, 6000, 1, 1, 18,
       std::nullopt, {}, 0, "", "municipal", 7},
      {"psychologist", "Psihologa konsultācijas", "Psychologist consultations", 8, 160, 240,
       "hours_per_month", "hour", 3000, 4500, 4, 8, std::nullopt, std::nullopt, {}, 60,
       "Psihologu prakse “Kurzeme”", "municipal", 9},
      {"youth_centre", "Jauniešu centra nodarbības", "Youth centre activities", 6, 30, 80, "places",
       "session", 500, 1500, 1, 1, 3, 25, {"children", "youth_at_risk", "families_with_children"}, 0, "",
       "project", 3},
      {"mobile_service", "Mobilais sociālais dienests", "Mobile social service", 4, 250, 400,
       "visits_per_month", "visit", 2500, 4000, 2, 8, 60, std::nullopt, {"seniors", "disability"}, 0, "",
       "state", 4},
      {"home_care", "Aprūpe mājās", "Home care", 6, 800, 1500, "hours_per_month", "hour", 700, 1000, 10, 40,
       18, std::nullopt, {"seniors", "disability"}, 50, "SIA “Aprūpes serviss”", "municipal", 6},
      {"crisis_centre", "Krīzes centrs", "Crisis centre", 4, 10, 20, "places", "day", 2500, 3500, 1, 1,
       std::nullopt, std::nullopt, {"violence", "families_with_children", "children"}, 75,
       "Nodibinājums “Drošā māja”", "state", 5},
      {"day_centre", "Dienas centrs", "Day centre", 6, 25, 50, "places", "day", 1000, 2000, 1, 1,
       std::nullopt, std::nullopt, {"disability", "seniors", "mental_disorder"}, 50, "Biedrība “Kopā”",
       "municipal", 3},
      {"addiction_rehabilitation", "Atkarību rehabilitācija", "Addiction rehabilitation", 4, 10, 20,
       "places", "day", 3000, 5000, 1, 1, 18, std::nullopt, {"addiction"}, 100,
       "Rehabilitācijas centrs “Ceļš”", "state", 5},
      {"other", "Sociālā darbnīca", "Social workshop", 2, 15, 30, "places", "day", 800, 1200, 1, 1, 18,
       std::nullopt, {}, 50, "Biedrība “Kopā”", "project", 2},
  };
  return v;
}
// clang-format on

/// The partner institutions that provide generated services, added to the register when missing.
struct Provider {
  const char* kind;
  const char* name;
  const char* email;
};
constexpr Provider kProviders[] = {
    {"ngo", "Biedrība “Mentoru tīkls”", "info@mentorutikls.example.lv"},
    {"ngo", "Biedrība “Kopā”", "kopa@example.lv"},
    {"health", "Psihologu prakse “Kurzeme”", "prakse@psihologi.example.lv"},
    {"other", "SIA “Aprūpes serviss”", "birojs@aprupe.example.lv"},
    {"ngo", "Nodibinājums “Drošā māja”", "palidziba@drosamaja.example.lv"},
    {"health", "Rehabilitācijas centrs “Ceļš”", "cels@example.lv"},
};

/// A generated service as the referrals need it.
struct GenService {
  std::int64_t id = 0;
  const KindSpec* spec = nullptr;
  Eligibility eligibility;
  int capacity = 0, occupied = 0, waiting = 0;
};

std::string service_name(const KindSpec& k, int n) {
  return fmt::format("{} Nr. {}", k.lv, n);
}

// ---------------------------------------------------------------- the cases

/// A member of a case who may be referred.
struct Member {
  std::int64_t person_id = 0;
  std::optional<Date> birth;
};

/// A case with the days it was open (day numbers) and its members.
struct GenCase {
  std::int64_t id = 0, team_id = 0, lead = 0;
  std::string stage;
  int opened = 0;
  std::optional<int> closed;
  std::vector<Member> members;
};

/// The cases of the municipality with their current members (household members, or the person).
Result<std::vector<GenCase>> load_cases(storage::Connection& c, std::int64_t m) {
  const char* columns =
      "SELECT c.id, c.team_id, c.lead_worker_id, c.stage, c.opened_on, c.closed_on, p.id, "
      "p.birth_date";
  ATB_TRY_ASSIGN(
      rows,
      c.query(std::string(columns) +
                  " FROM case_file c JOIN household_member hm ON hm.household_id = c.household_id"
                  " AND hm.until IS NULL JOIN person p ON p.id = hm.person_id"
                  " WHERE c.municipality_id = ? AND p.merged_into_id IS NULL UNION ALL " +
                  columns +
                  " FROM case_file c JOIN person p ON p.id = c.person_id"
                  " WHERE c.municipality_id = ? AND c.household_id IS NULL ORDER BY 1",
              params(m, m)));
  std::vector<GenCase> out;
  for (const storage::Row& r : rows) {
    if (out.empty() || out.back().id != r.integer(0)) {
      const auto opened = parse_date(r.text(4));
      if (!opened) continue;
      GenCase k;
      k.id = r.integer(0);
      k.team_id = r.integer(1);
      k.lead = r.integer(2);
      k.stage = r.text(3);
      k.opened = registry::gen::day_number(*opened);
      if (const auto closed = r.opt_text(5)) {
        if (const auto d = parse_date(*closed)) k.closed = registry::gen::day_number(*d);
      }
      out.push_back(std::move(k));
    }
    out.back().members.push_back({r.integer(6), parse_date(r.text(7))});
  }
  return out;
}

/// The supervisors of each team (they decide and place).
Result<std::map<std::int64_t, std::vector<std::int64_t>>> load_supervisors(storage::Connection& c) {
  ATB_TRY_ASSIGN(
      rows,
      c.query(
          "SELECT m.team_id, m.user_id FROM user_team m JOIN user_role r ON r.user_id = m.user_id"
          " AND r.role = 'supervisor' ORDER BY m.team_id, m.user_id"));
  std::map<std::int64_t, std::vector<std::int64_t>> out;
  for (const storage::Row& r : rows) out[r.integer(0)].push_back(r.integer(1));
  return out;
}

// ---------------------------------------------------------------- the writer

const char* kRefusals[] = {
    "Persona jau saņem līdzvērtīgu pakalpojumu.", "Neatbilst pakalpojuma saņemšanas kritērijiem.",
    "Ģimene atteicās no pakalpojuma pirms lēmuma.", "Vajadzību sedz cits pakalpojums."};
const char* kEndings[] = {"Mērķi sasniegti", "Pakalpojuma periods beidzās",
                          "Persona atteicās no pakalpojuma", "Pārcēlās uz citu pašvaldību"};
const char* kWithdrawals[] = {"Persona atteicās gaidīt", "Vajadzība vairs nepastāv",
                              "Gadījums slēgts"};

template <std::size_t N>
const char* pick(Rng& rng, const char* (&list)[N]) {
  return list[rng.below(N)];
}

/// Writes the catalogue and the referrals with multi-row INSERTs.
class ServiceWriter {
 public:
  ServiceWriter(storage::Connection& c, std::int64_t municipality_id, int today, std::uint64_t seed)
      : c_(c), municipality_id_(municipality_id), today_(today), rng_(seed ^ 0x5E41CEull) {}

  /// The providers (added when missing) and the catalogue.
  Result<void> catalogue(std::int64_t department_id, ServiceGeneratorReport& report) {
    const std::string now = GeneratedMoment{today_, 8 * 60}.at(0);
    std::map<std::string, std::int64_t> partners;
    for (const Provider& p : kProviders) {
      ATB_TRY_ASSIGN(found,
                     c_.query("SELECT id FROM partner WHERE municipality_id = ? AND name = ?",
                              params(municipality_id_, p.name)));
      if (!found.empty()) {
        partners[p.name] = found[0].integer(0);
        continue;
      }
      ATB_TRY_ASSIGN(id, partner_ids_.next());
      ATB_TRY(partners_.add(id, municipality_id_, p.kind, p.name, "Liepāja", p.email, now, now));
      partners[p.name] = id;
      ++report.partners;
    }
    ATB_TRY(partners_.flush());
    for (const KindSpec& k : kinds()) {
      for (int n = 1; n <= k.count; ++n) {
        GenService s;
        ATB_TRY_ASSIGN_TO(s.id, service_ids_.next());
        s.spec = &k;
        s.capacity = rng_.between(k.capacity_lo, k.capacity_hi);
        s.eligibility = {k.age_min, k.age_max, k.groups};
        const bool partner = rng_.percent(k.partner_percent);
        std::optional<std::string> from, to;
        if (partner) {
          const int start = today_ - rng_.between(60, 900);
          from = registry::gen::date_of(start).iso();
          to = registry::gen::date_of(start + 3 * 365).iso();
        }
        const bool project = std::string_view(k.funding) == "project";
        ATB_TRY(services_.add(
            s.id, municipality_id_, service_name(k, n), fmt::format("{} no. {}", k.en, n), k.kind,
            partner ? std::nullopt : std::optional(department_id),
            partner ? std::optional(partners.at(k.partner)) : std::nullopt, from, to, k.age_min,
            k.age_max, s.capacity, k.capacity_unit, k.unit,
            static_cast<std::int64_t>(rng_.between(k.price_lo, k.price_hi) / 10 * 10), k.funding,
            project ? std::optional(fmt::format("9.2.2.1/15/I/{:03}", rng_.between(1, 60)))
                    : std::nullopt,
            1, 1, now, now));
        for (const std::string& g : k.groups) ATB_TRY(groups_.add(s.id, g));
        // The first of a kind (the central one) is asked for four times, the second twice as often.
        const int weight = k.weight * (n == 1 ? 4 : n == 2 ? 2 : 1);
        for (int w = 0; w < weight; ++w) by_weight_.push_back(services_list_.size());
        services_list_.push_back(std::move(s));
        ++report.services;
      }
    }
    ATB_TRY(services_.flush());
    return groups_.flush();
  }

  /// Referrals of `k`'s members: `count` of them (fewer when nobody is eligible).
  Result<void> referrals(const GenCase& k, int count, const std::vector<std::int64_t>& supervisors,
                         ServiceGeneratorReport& report) {
    for (int i = 0; i < count; ++i) {
      // A service and a member eligible on a day of the case; a few tries.
      const int last = k.closed ? *k.closed : today_;
      for (int attempt = 0; attempt < 6; ++attempt) {
        GenService& s = services_list_[by_weight_[rng_.below(by_weight_.size())]];
        const Member& who = k.members[rng_.below(k.members.size())];
        const std::string state = state_for(k);
        const int requested = request_day(k, state, last);
        std::optional<std::string> group;
        if (!s.eligibility.target_groups.empty()) {
          group = s.eligibility.target_groups[rng_.below(s.eligibility.target_groups.size())];
        }
        if (!check_eligibility(s.eligibility, who.birth, registry::gen::date_of(requested), group))
          continue;
        const std::int64_t supervisor =
            supervisors.empty() ? k.lead : supervisors[rng_.below(supervisors.size())];
        ATB_TRY(write(k, s, who.person_id, group, state, requested, last, supervisor, report));
        break;
      }
    }
    return ok();
  }

  Result<void> flush() {
    ATB_TRY(referrals_.flush());
    return deliveries_.flush();
  }

  std::size_t longest_waiting_list() const {
    std::size_t n = 0;
    for (const GenService& s : services_list_)
      n = std::max<std::size_t>(n, static_cast<std::size_t>(s.waiting));
    return n;
  }

 private:
  /// The state a referral of `k` reaches: open cases in planning or later have every state,
  /// those just started only requests and refusals, closed cases only refused and ended ones.
  std::string state_for(const GenCase& k) {
    if (k.closed) return rng_.percent(30) ? "refused" : "ended";
    if (k.stage == "intake" || k.stage == "agreement" || k.stage == "initial_assessment") {
      return rng_.percent(75) ? "requested" : "refused";
    }
    static const char* kStates[] = {"requested", "refused", "waiting", "placed", "ended"};
    static const int kWeights[] = {10, 8, 40, 30, 12};
    int r = rng_.between(0, 99);
    for (std::size_t n = 0; n < 5; ++n) {
      if ((r -= kWeights[n]) < 0) return kStates[n];
    }
    return "waiting";
  }

  /// The day of the request: recent for one awaiting its decision (a share past the month),
  /// otherwise early enough in the case for the later steps.
  int request_day(const GenCase& k, const std::string& state, int last) {
    if (state == "requested")
      return std::max(k.opened, today_ - rng_.between(0, rng_.percent(35) ? 60 : 29));
    const int latest = std::max(k.opened, last - (state == "ended" ? 20 : 2));
    return rng_.between(k.opened, latest);
  }

  Result<void> write(const GenCase& k, GenService& s, std::int64_t person,
                     const std::optional<std::string>& group, std::string state, int requested,
                     int last, std::int64_t supervisor, ServiceGeneratorReport& report) {
    const KindSpec& spec = *s.spec;
    const int quantity = rng_.between(spec.quantity_lo, spec.quantity_hi);
    const Date requested_on = registry::gen::date_of(requested);
    const int decided = std::min(last, requested + rng_.between(1, 28));
    const int minute = 9 * 60 + rng_.between(0, 420);
    // Placed: into a free place, otherwise it waits; ended from placed, or withdrawn while waiting.
    bool was_placed = state == "placed" || (state == "ended" && rng_.percent(75));
    if (state == "placed" && s.occupied + quantity > s.capacity) {
      state = "waiting";
      was_placed = false;
    }
    std::int64_t version = 1;
    std::optional<std::string> decision, reason, decided_at, waiting_since, start_on, placed_at,
        end_on, end_reason, ended_at;
    std::optional<int> priority;
    std::optional<std::int64_t> decided_by, placed_by, ended_by;
    int start = 0, end = last;
    if (state != "requested") {
      ++version;
      decided_by = supervisor;
      decided_at = GeneratedMoment{decided, minute + 30}.at(0);
      if (state == "refused") {
        decision = "refused";
        reason = pick(rng_, kRefusals);
      } else {
        decision = "granted";
        const int p = rng_.between(0, 9);
        priority = p == 0 ? 1 : p < 4 ? 2 : 3;
        waiting_since = registry::gen::date_of(decided).iso();
      }
    }
    if (was_placed) {
      ++version;
      const int ceiling = state == "ended" ? std::max(decided, last - 14) : last;
      start = std::min(ceiling, decided + rng_.between(0, 120));
      start_on = registry::gen::date_of(start).iso();
      placed_by = supervisor;
      placed_at = GeneratedMoment{start, minute + 60}.at(0);
    }
    if (state == "ended") {
      ++version;
      const int from = was_placed ? start : decided;
      end = std::min(last, from + rng_.between(14, 365));
      end_on = registry::gen::date_of(end).iso();
      end_reason = was_placed ? pick(rng_, kEndings) : pick(rng_, kWithdrawals);
      ended_by = k.lead;
      ended_at = GeneratedMoment{end, minute + 90}.at(0);
    }
    ATB_TRY_ASSIGN(id, referral_ids_.next());
    ATB_TRY(referrals_.add(id, s.id, k.id, person, group, quantity, std::optional<std::string>{},
                           state, version, requested_on.iso(), k.lead,
                           GeneratedMoment{requested, minute}.at(0),
                           decision_due(requested_on).iso(), decision, reason, decided_by,
                           decided_at, priority, waiting_since, start_on, placed_by, placed_at,
                           std::optional<std::string>{}, end_on, end_reason, ended_by, ended_at));
    ++report.referrals;
    if (state == "requested") {
      ++report.requested;
      if (decision_due(requested_on) < registry::gen::date_of(today_)) ++report.overdue;
    } else if (state == "refused") {
      ++report.refused;
    } else if (state == "waiting") {
      ++report.waiting;
      ++s.waiting;
    } else if (state == "placed") {
      ++report.placed;
      s.occupied += quantity;
    } else {
      ++report.ended;
    }
    if (was_placed)
      ATB_TRY(deliver(id, spec, start, state == "ended" ? end : today_, k.lead, report));
    return ok();
  }

  /// A few delivery-log rows of a placement, a week apart from its start.
  Result<void> deliver(std::int64_t referral, const KindSpec& spec, int start, int until,
                       std::int64_t by, ServiceGeneratorReport& report) {
    const int rows = rng_.between(1, 4);
    const bool hours = std::string_view(spec.unit) == "hour";
    for (int n = 0; n < rows && start + 7 * n <= until; ++n) {
      const int day = start + 7 * n;
      const bool attended = rng_.percent(88);
      ATB_TRY_ASSIGN(id, delivery_ids_.next());
      ATB_TRY(deliveries_.add(id, referral, registry::gen::date_of(day).iso(),
                              attended ? (hours ? rng_.between(1, 4) : 1) : 0, attended ? 1 : 0,
                              attended ? std::nullopt : std::optional<std::string>("Neieradās"), by,
                              GeneratedMoment{day, 16 * 60 + rng_.between(0, 90)}.at(0)));
      ++report.deliveries;
    }
    return ok();
  }

  storage::Connection& c_;
  std::int64_t municipality_id_;
  int today_;
  Rng rng_;
  std::vector<GenService> services_list_;
  std::vector<std::size_t> by_weight_;  ///< indexes into services_list_, each `weight` times
  IdReserver partner_ids_{c_, "partner"}, service_ids_{c_, "service"},
      referral_ids_{c_, "referral"}, delivery_ids_{c_, "referral_delivery"};
  BulkInsert partners_{
      c_,
      "partner",
      {"id", "municipality_id", "kind", "name", "address", "email", "created_at", "updated_at"}};
  BulkInsert services_{c_,
                       "service",
                       {"id",
                        "municipality_id",
                        "name_lv",
                        "name_en",
                        "kind",
                        "provider_department_id",
                        "provider_partner_id",
                        "contract_from",
                        "contract_to",
                        "age_min",
                        "age_max",
                        "capacity",
                        "capacity_unit",
                        "unit",
                        "price_cents",
                        "funding",
                        "project_number",
                        "active",
                        "version",
                        "created_at",
                        "updated_at"}};
  BulkInsert groups_{c_, "service_target_group", {"service_id", "target_group"}};
  BulkInsert referrals_{
      c_,
      "referral",
      {"id",           "service_id",   "case_id",         "person_id",     "target_group",
       "quantity",     "note",         "state",           "version",       "requested_on",
       "requested_by", "requested_at", "decision_due_on", "decision",      "decision_reason",
       "decided_by",   "decided_at",   "priority",        "waiting_since", "start_on",
       "placed_by",    "placed_at",    "override_reason", "end_on",        "end_reason",
       "ended_by",     "ended_at"}};
  BulkInsert deliveries_{c_,
                         "referral_delivery",
                         {"id", "referral_id", "delivered_on", "quantity", "attended", "note",
                          "recorded_by", "recorded_at"}};
};

Result<void> generate_in(storage::Connection& c, std::int64_t m, const ServiceGeneratorOptions& o,
                         ServiceGeneratorReport& report) {
  ATB_TRY_ASSIGN(marker, c.query("SELECT 1 FROM service WHERE municipality_id = ? AND name_lv = ?",
                                 params(m, first_generated_service_name())));
  if (!marker.empty()) {
    report.already_generated = true;
    return ok();
  }
  ATB_TRY_ASSIGN(
      department,
      c.query("SELECT id FROM department WHERE municipality_id = ? AND code = 'services'",
              params(m)));
  if (department.empty()) {
    return Error{Errc::conflict,
                 {"Nav sociālo pakalpojumu daļas: vispirms atbalsts demo.",
                  "No social services department: run atbalsts demo first."},
                 {},
                 {}};
  }
  ATB_TRY_ASSIGN(cases, load_cases(c, m));
  if (cases.empty()) {
    return Error{Errc::conflict,
                 {"Nav gadījumu: vispirms atbalsts demo --cases N.",
                  "No cases: run atbalsts demo --cases N first."},
                 {},
                 {}};
  }
  ATB_TRY_ASSIGN(supervisors, load_supervisors(c));
  const int today = registry::gen::day_number(o.today.value_or(today_riga()));
  registry::BulkLoadSettings settings(c);
  ATB_TRY(settings.apply());
  ServiceWriter writer(c, m, today, o.seed);
  ATB_TRY(writer.catalogue(department[0].integer(0), report));

  // Referrals per case (in thousandths): open cases about 1.2 each (at most 70 % of the total),
  // closed ones the rest.
  const std::size_t wanted = o.referrals ? o.referrals : cases.size() / 2;
  std::size_t open = 0;
  for (const GenCase& k : cases) open += k.closed ? 0 : 1;
  const std::size_t closed = cases.size() - open;
  const std::size_t open_permille = open ? std::min<std::size_t>(1200, wanted * 700 / open) : 0;
  const std::size_t for_open = open * open_permille / 1000;
  const std::size_t closed_permille =
      closed && wanted > for_open ? std::min<std::size_t>(1000, (wanted - for_open) * 1000 / closed)
                                  : 0;
  Rng rng(o.seed ^ 0x4EF3ull);
  const std::vector<std::int64_t> none;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const GenCase& k = cases[i];
    const std::size_t permille = k.closed ? closed_permille : open_permille;
    const int count =
        static_cast<int>(permille / 1000 + (rng.below(1000) < permille % 1000 ? 1 : 0));
    if (count == 0 || k.members.empty()) continue;
    const auto team = supervisors.find(k.team_id);
    ATB_TRY(writer.referrals(k, count, team == supervisors.end() ? none : team->second, report));
    if (o.progress && (i % 10'000 == 0 || i + 1 == cases.size()))
      o.progress("referrals", i + 1, cases.size());
  }
  if (o.progress) o.progress("referrals", cases.size(), cases.size());
  ATB_TRY(writer.flush());
  ATB_TRY(fill_referral_scopes(c));
  report.longest_waiting_list = writer.longest_waiting_list();
  if (c.engine() == storage::Engine::postgresql) {
    for (const char* t :
         {"partner", "service", "service_target_group", "referral", "referral_delivery"}) {
      ATB_TRY(c.execute_script(std::string("ANALYZE ") + t));
    }
  }
  return settings.restore();
}

}  // namespace

std::string first_generated_service_name() {
  return service_name(kinds().front(), 1);
}

Result<ServiceGeneratorReport> generate_services(storage::Database& db,
                                                 std::int64_t municipality_id,
                                                 const ServiceGeneratorOptions& o) {
  return registry::bulk_write(db, [&](storage::Connection& c) -> Result<ServiceGeneratorReport> {
    ServiceGeneratorReport report;
    ATB_TRY(generate_in(c, municipality_id, o, report));
    return report;
  });
}

}  // namespace atb::services
