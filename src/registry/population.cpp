#include "registry/population.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "registry/name_lists.h"
#include "registry/names.h"
#include "registry/personal_code.h"

namespace atb::registry::gen {

// ---------------------------------------------------------------- random numbers

namespace {

std::uint64_t splitmix(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(std::uint64_t seed) {
  for (std::uint64_t& s : s_) s = splitmix(seed);
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

// Lemire's multiply-shift: uniform enough for test data, and no division.
__extension__ typedef unsigned __int128 Wide;
std::uint64_t Rng::below(std::uint64_t n) { return static_cast<std::uint64_t>((static_cast<Wide>(next()) * n) >> 64); }
int Rng::between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
bool Rng::percent(int p) { return below(100) < static_cast<std::uint64_t>(p); }

// ---------------------------------------------------------------- helpers

namespace {

/// Picks an index with probability proportional to its weight.
class WeightedPick {
 public:
  template <class Range, class Weight>
  WeightedPick(const Range& items, Weight weight) {
    std::uint64_t sum = 0;
    for (const auto& item : items) cumulative_.push_back(sum += static_cast<std::uint64_t>(weight(item)));
  }
  std::size_t operator()(Rng& rng) const {
    const std::uint64_t r = rng.below(cumulative_.back());
    return static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), r) - cumulative_.begin());
  }

 private:
  std::vector<std::uint64_t> cumulative_;
};

}  // namespace

// Days since 1970-01-01 and back (H. Hinnant's civil calendar algorithms).
int day_number(const Date& d) {
  const int y = d.year - (d.month <= 2);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date date_of(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int day = doy - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  return Date{yoe + era * 400 + (month <= 2), month, day};
}

namespace {

const int kNewCodesFrom = day_number(Date{2017, 7, 1});

/// A family name: where it comes from and its two forms.
struct Family {
  lists::Origin origin = lists::Origin::latvian;
  const lists::Surname* surname = nullptr;
  const std::string& form(char sex) const { return sex == 'M' ? surname->masculine : surname->feminine; }
};

// The ways a household is made, with how often each occurs (tuned so that 2,000,000 persons
// live in about 700,000 households).
enum class Kind { alone, couple, couple_children, single_parent, three_generations, with_parent, siblings, grandchild };
constexpr std::array<std::pair<Kind, int>, 8> kKinds = {{{Kind::alone, 18}, {Kind::couple, 18},
                                                         {Kind::couple_children, 36}, {Kind::single_parent, 12},
                                                         {Kind::three_generations, 9}, {Kind::with_parent, 4},
                                                         {Kind::siblings, 2}, {Kind::grandchild, 2}}};
// Ages of heads of households, by decade from 20 (relative).
constexpr std::array<int, 8> kAdultDecades = {14, 17, 17, 18, 17, 11, 5, 1};

// Palatalises the last consonant of a stem before a genitive plural ending (Balod → Balož).
std::string palatalised(std::string stem) {
  static const std::pair<const char*, const char*> clusters[] = {{"sn", "šņ"}, {"zn", "žņ"}, {"sl", "šļ"}, {"zl", "žļ"}, {"ll", "ļļ"}};
  for (const auto& [from, to] : clusters) {
    if (stem.ends_with(from)) return stem.substr(0, stem.size() - 2) + to;
  }
  static const std::pair<char, const char*> singles[] = {{'d', "ž"}, {'t', "š"}, {'s', "š"}, {'z', "ž"}, {'c', "č"},
                                                         {'l', "ļ"}, {'n', "ņ"}, {'b', "bj"}, {'p', "pj"}, {'m', "mj"},
                                                         {'v', "vj"}, {'f', "fj"}};
  if (stem.size() >= 2 && (stem.ends_with("sk") || stem.ends_with("ck"))) return stem;
  for (const auto& [from, to] : singles) {
    if (!stem.empty() && stem.back() == from) return stem.substr(0, stem.size() - 1) + to;
  }
  return stem;
}

std::string genitive_of_part(std::string_view part) {
  std::string s(part);
  if (s.ends_with("š")) return s.substr(0, s.size() - std::string_view("š").size()) + "u";
  if (s.ends_with("is")) return palatalised(s.substr(0, s.size() - 2)) + "u";
  if (s.ends_with("e")) return palatalised(s.substr(0, s.size() - 1)) + "u";
  if (s.ends_with("s") || s.ends_with("a")) return s.substr(0, s.size() - 1) + "u";
  return s;  // indeclinable (Ševčenko)
}

}  // namespace

std::string family_genitive(std::string_view masculine_surname) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dash = masculine_surname.find('-', start);
    out += genitive_of_part(masculine_surname.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
    if (dash == std::string_view::npos) return out;
    out += '-';
    start = dash + 1;
  }
}

// ---------------------------------------------------------------- the population

struct Population::Impl {
  Rng rng;
  int today;
  std::unordered_set<std::uint64_t> codes;
  WeightedPick municipality_pick{lists::municipalities(), [](const lists::Municipality& m) { return m.inhabitants; }};
  std::vector<WeightedPick> town_picks;
  WeightedPick latvian_pick{lists::latvian_surnames(), [](const lists::Surname& s) { return s.weight; }};
  WeightedPick slavic_pick{lists::slavic_surnames(), [](const lists::Surname& s) { return s.weight; }};
  std::vector<WeightedPick> given_picks;
  std::vector<WeightedPick> rare_picks;
  WeightedPick kind_pick{kKinds, [](const auto& k) { return k.second; }};
  WeightedPick decade_pick{kAdultDecades, [](int w) { return w; }};

  Impl(std::uint64_t seed, const Date& d) : rng(seed), today(day_number(d)) {
    for (const lists::Municipality& m : lists::municipalities()) {
      town_picks.emplace_back(m.towns, [](const lists::Town& t) { return t.weight; });
    }
    for (const lists::GivenNames& g : lists::given_names()) {
      given_picks.emplace_back(g.names, [](const lists::WeightedName& n) { return n.weight; });
    }
    for (const lists::GivenNames& g : lists::rare_given_names()) {
      rare_picks.emplace_back(g.names, [](const lists::WeightedName& n) { return n.weight; });
    }
  }

  std::string iso(int day) const { return date_of(day).iso(); }
  int year_of(int day) const { return date_of(day).year; }

  Family family(lists::Origin origin) {
    const bool latvian = origin == lists::Origin::latvian;
    return Family{origin, latvian ? &lists::latvian_surnames()[latvian_pick(rng)] : &lists::slavic_surnames()[slavic_pick(rng)]};
  }

  /// A given name: two in five from the rare names, the rest from the names of the birth year's era.
  const char* one_given(char sex, lists::Origin origin, int year) {
    const bool rare = rng.percent(40);
    const auto& all = rare ? lists::rare_given_names() : lists::given_names();
    for (std::size_t i = 0; i < all.size(); ++i) {
      const lists::GivenNames& g = all[i];
      if (g.sex == sex && g.origin == origin && year >= g.born_from && year <= g.born_until) {
        return g.names[(rare ? rare_picks : given_picks)[i](rng)].name;
      }
    }
    return sex == 'M' ? "Jānis" : "Anna";
  }

  std::string given(char sex, lists::Origin origin, int year) {
    std::string first = one_given(sex, origin, year);
    if (!rng.percent(6)) return first;
    const std::string second = one_given(sex, origin, year);
    return second == first ? first : first + " " + second;
  }

  int birth_day_for_age(int age) { return today - (age * 36525) / 100 - static_cast<int>(rng.below(365)); }

  int adult_age() { return 20 + 10 * static_cast<int>(decade_pick(rng)) + rng.between(0, 9); }

  /// The day someone born on `birth_day` was about `years` old (never after today).
  int day_at_age(int birth_day, int years) { return std::min(today, birth_day + years * 365 + static_cast<int>(rng.below(365))); }
  /// A day when someone born on `birth_day` was between `from` and `to` years old.
  int day_aged(int birth_day, int from, int to) { return day_at_age(birth_day, rng.between(from, std::max(from, to))); }

  std::string code_for(int birth_day) {
    for (;;) {
      std::string first10;
      if (birth_day < kNewCodesFrom) {
        const Date b = date_of(birth_day);
        first10 = fmt::format("{:02}{:02}{:02}{}{:03}", b.day, b.month, b.year % 100, b.year / 100 - 18, rng.below(1000));
      } else {
        first10 = fmt::format("32{}{:07}", rng.below(9), rng.below(10000000));  // never 329…: see the header
      }
      const std::string code = first10 + static_cast<char>('0' + personal_code_check_digit(first10));
      if (codes.insert(std::stoull(code)).second) return code;
    }
  }

  std::string phone() { return fmt::format("+371 2{:07}", rng.below(10000000)); }

  std::string email(const Person& p) {
    static const char* domains[] = {"inbox.lv", "gmail.com", "inbox.lv", "apollo.lv", "gmail.com", "outlook.com"};
    const auto given_tokens = fold_tokens(p.given_names);
    std::string local = (given_tokens.empty() ? "x" : given_tokens[0]) + "." + fold(p.surname);
    std::replace(local.begin(), local.end(), ' ', '-');
    if (rng.percent(40)) local += std::to_string(rng.between(1, 99));
    return local + "@" + domains[rng.below(std::size(domains))];
  }

  Address address() { return address_in(municipality_pick(rng)); }

  Address address_in(std::size_t mi) {
    const lists::Municipality& m = lists::municipalities()[mi];
    const lists::Town& t = m.towns[town_picks[mi](rng)];
    Address a;
    a.municipality = m.name;
    a.locality = t.name;
    a.postal_code = fmt::format("LV-{:04}", t.postal_first + static_cast<int>(rng.below(static_cast<std::uint64_t>(t.postal_count))));
    if (!m.city && rng.percent(22)) {  // a homestead in the countryside: "Kalnāji", no street
      a.street = lists::homesteads()[rng.below(lists::homesteads().size())];
      return a;
    }
    const auto& streets = t.streets.empty() ? lists::common_streets() : t.streets;
    a.street = streets[rng.below(streets.size())];
    a.house = std::to_string(rng.between(1, m.city ? 140 : 60));
    if (rng.percent(4)) a.house += rng.percent(50) ? "A" : " k-2";
    if (rng.percent(m.city ? 85 : 40)) a.flat = std::to_string(rng.between(1, m.city ? 90 : 40));
    return a;
  }

  /// A person of the family (in the gendered form of its surname) born on `birth_day`.
  Person person(const Family& f, char sex, int birth_day, std::string relationship) {
    Person p;
    p.sex = sex;
    p.birth = date_of(birth_day);
    p.given_names = given(sex, f.origin, p.birth.year);
    p.surname = f.form(sex);
    p.code = code_for(birth_day);
    p.relationship = std::move(relationship);
    const int age = (today - birth_day) / 365;
    if (birth_day < kNewCodesFrom && age >= 18 && rng.below(1000) < 4) {  // took a new-format code
      p.old_code = p.code;
      p.code_changed_on = iso(kNewCodesFrom + static_cast<int>(rng.below(static_cast<std::uint64_t>(today - kNewCodesFrom + 1))));
      p.code = code_for(today);
    }
    if (age >= 18 ? rng.percent(55) : age >= 14 && rng.percent(30)) p.phone = phone();
    if (age >= 18 && age < 75 && rng.percent(18)) p.email = email(p);
    if (rng.percent(age >= 60 ? 6 : age >= 18 ? 2 : 1)) {
      const int g = static_cast<int>(rng.below(10));
      p.disability = g == 0 ? "I grupa" : g < 6 ? "II grupa" : "III grupa";
    }
    if (age >= 18 && rng.percent(3)) p.actual_address = address();
    return p;
  }

  /// She took `husband`'s surname on `on`: her own becomes her maiden name.
  void marry(Person& wife, const Family& own, const Family& husband, int on) {
    wife.maiden_surname = own.form('F');
    wife.surname = husband.form('F');
    wife.name_changed_on = iso(std::min(on, today));
    if (*wife.maiden_surname == wife.surname) wife.maiden_surname.reset();
  }

  lists::Origin origin_in(const lists::Municipality& m) {
    return rng.percent(m.slavic_percent) ? lists::Origin::slavic : lists::Origin::latvian;
  }

  /// Children of a mother aged `mother_age`, born when she was 18–42, none older than 25.
  void children(Household& h, const Family& f, int mother_age, int count) {
    const int lo = std::max(18, mother_age - 25), hi = std::min(42, mother_age);
    for (int i = 0; i < count && lo <= hi; ++i) {
      h.members.push_back(person(f, rng.percent(51) ? 'M' : 'F', birth_day_for_age(mother_age - rng.between(lo, hi)), "child"));
    }
  }

  int child_count() {
    const int r = static_cast<int>(rng.below(100));
    return r < 36 ? 1 : r < 76 ? 2 : r < 94 ? 3 : 4;
  }

  Household make() {
    Household h;
    const std::size_t mi = municipality_pick(rng);
    const lists::Municipality* m = &lists::municipalities()[mi];
    h.address = address_in(mi);
    const lists::Origin origin = origin_in(*m);
    const Family fam = family(origin);
    const Kind kind = kKinds[kind_pick(rng)].first;
    int head_age = adult_age();
    switch (kind) {
      case Kind::alone: {
        const char sex = rng.percent(head_age >= 65 ? 70 : 45) ? 'F' : 'M';
        head_age = std::max(head_age, 19);
        h.members.push_back(person(fam, sex, birth_day_for_age(head_age), "head"));
        Person& p = h.members.back();
        if (sex == 'F' && head_age > 28 && rng.percent(55)) {
          marry(p, family(origin), fam, day_aged(day_number(p.birth), 20, std::min(head_age - 1, 35)));
        }
        break;
      }
      case Kind::couple:
      case Kind::couple_children:
      case Kind::three_generations: {
        const int husband_age = kind == Kind::couple ? std::max(head_age, 23) : std::clamp(head_age, 24, 58);
        const int wife_age = std::max(19, husband_age + rng.between(-6, 3));
        const bool married = rng.percent(82);
        const bool husband_heads = rng.percent(60);
        const Family wife_family = family(rng.percent(10) ? origin_in(*m) : origin);
        Person husband = person(fam, 'M', birth_day_for_age(husband_age), husband_heads ? "head" : (married ? "spouse" : "partner"));
        Person wife = person(wife_family, 'F', birth_day_for_age(wife_age), husband_heads ? (married ? "spouse" : "partner") : "head");
        const Date& younger = husband_age < wife_age ? husband.birth : wife.birth;
        const int formed = day_aged(day_number(younger), 19, std::min(husband_age, wife_age));
        if (married && rng.percent(88)) marry(wife, wife_family, fam, formed);
        h.members.push_back(husband_heads ? std::move(husband) : std::move(wife));
        h.members.push_back(husband_heads ? std::move(wife) : std::move(husband));
        if (kind != Kind::couple) children(h, fam, wife_age, child_count());
        if (kind == Kind::three_generations) {
          const int parent_age = std::min(98, std::max(husband_age, wife_age) + rng.between(20, 34));
          const bool of_head = h.members[0].sex == 'M';
          Family parent_family = of_head ? fam : wife_family;
          h.members.push_back(person(parent_family, rng.percent(70) ? 'F' : 'M', birth_day_for_age(parent_age), "parent"));
          Person& gp = h.members.back();
          if (gp.sex == 'F') marry(gp, family(origin), parent_family, day_aged(day_number(gp.birth), 20, 30));
        }
        break;
      }
      case Kind::single_parent: {
        const char sex = rng.percent(85) ? 'F' : 'M';
        const int age = std::clamp(head_age, 20, 55);
        // Often a divorced mother who kept her married name; the children have it too.
        const bool divorced = sex == 'F' && rng.percent(40);
        const Family own = divorced ? family(origin) : fam;
        h.members.push_back(person(own, sex, birth_day_for_age(age), "head"));
        if (divorced) marry(h.members.back(), own, fam, day_aged(day_number(h.members.back().birth), 19, age - 1));
        children(h, fam, age, child_count());
        if (h.members.size() == 1) h.members.push_back(person(fam, rng.percent(50) ? 'M' : 'F', birth_day_for_age(rng.between(0, std::max(0, age - 20))), "child"));
        break;
      }
      case Kind::with_parent: {
        const int age = std::clamp(head_age, 30, 65);
        h.members.push_back(person(fam, rng.percent(50) ? 'F' : 'M', birth_day_for_age(age), "head"));
        h.members.push_back(person(fam, rng.percent(75) ? 'F' : 'M', birth_day_for_age(std::min(98, age + rng.between(20, 34))), "parent"));
        if (h.members.back().sex == 'F') marry(h.members.back(), family(origin), fam, day_aged(day_number(h.members.back().birth), 20, 30));
        break;
      }
      case Kind::siblings: {
        const int age = std::max(head_age, 20);
        h.members.push_back(person(fam, rng.percent(50) ? 'F' : 'M', birth_day_for_age(age), "head"));
        h.members.push_back(person(fam, rng.percent(50) ? 'F' : 'M', birth_day_for_age(std::max(18, age + rng.between(-8, 8))), "sibling"));
        break;
      }
      case Kind::grandchild: {
        const int age = rng.between(55, 80);
        h.members.push_back(person(fam, rng.percent(85) ? 'F' : 'M', birth_day_for_age(age), "head"));
        h.members.push_back(person(rng.percent(60) ? fam : family(origin), rng.percent(50) ? 'F' : 'M',
                                   birth_day_for_age(rng.between(2, 17)), "grandchild"));
        break;
      }
    }
    finish(h, fam);
    return h;
  }

  // Name, languages and membership dates.
  void finish(Household& h, const Family& fam) {
    const Person& head = h.members.front();
    h.name = h.members.size() == 1 ? head.given_names + " " + head.surname
                                   : family_genitive(fam.surname->masculine) + " ģimene";
    const int head_birth = day_number(head.birth);
    const int formed = std::min(today, std::max(head_birth + 365 * rng.between(19, 30), day_number(Date{1995, 1, 1})));
    const bool russian = fam.origin == lists::Origin::slavic && rng.percent(80);
    for (Person& p : h.members) {
      p.language = russian ? "ru" : "lv";
      const int birth = day_number(p.birth);
      p.member_since = iso(std::max(formed, birth));
    }
  }
};

Population::Population(std::uint64_t seed, const Date& today) : impl_(std::make_unique<Impl>(seed, today)) {}
Population::~Population() = default;

void Population::reserve_code(std::string_view digits) {
  if (digits.size() == 11 && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    impl_->codes.insert(std::stoull(std::string(digits)));
  }
}

Household Population::next() { return impl_->make(); }
Address Population::address() { return impl_->address(); }

}  // namespace atb::registry::gen
