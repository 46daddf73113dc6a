// A synthetic Latvian population for demonstrations and benchmarks: households of believable
// families (couples sharing the husband's surname in its gendered form, children, grandparents,
// single parents, persons living alone) with valid, unique personal codes of both formats,
// addresses in real municipalities, phones and a few earlier names. No I/O: generator.h writes
// what this makes to the database or to a CSV file.
//
// Deterministic: the same seed and the same "today" give the same households on every platform
// (the random numbers and every distribution are our own, not the standard library's).
// New-format codes never start with 329: that range is left free for load tests and scripts
// that create persons next to generated data (bench/, tests/crash/).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/date.h"
#include "registry/model.h"

namespace atb::registry::gen {

/// xoshiro256** seeded with splitmix64: fast, portable, good enough for test data.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  std::uint64_t next();
  /// Uniform in [0, n) (n > 0).
  std::uint64_t below(std::uint64_t n);
  /// Uniform in [lo, hi].
  int between(int lo, int hi);
  /// True with probability `percent` / 100.
  bool percent(int percent);

 private:
  std::uint64_t s_[4];
};

/// One generated person.
struct Person {
  std::string given_names;
  std::string surname;
  std::optional<std::string> maiden_surname;  ///< her surname before marriage (name history)
  std::string name_changed_on;                ///< when she took the current surname
  Date birth;
  char sex = 'F';                             ///< 'F' or 'M'
  std::string code;                           ///< current personal code, 11 digits
  std::optional<std::string> old_code;        ///< an old-format code replaced by a new one
  std::string code_changed_on;
  std::string language;                       ///< "lv" or "ru"
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> disability;      ///< special-category: "II grupa"
  std::optional<Address> actual_address;      ///< where she lives if not at the declared one
  std::string relationship;                   ///< to the household's head (the first member)
  std::string member_since;                   ///< YYYY-MM-DD
};

/// One generated household; members[0] is its head.
struct Household {
  std::string name;  ///< "Bērziņu ģimene", or the name of a person living alone
  Address address;
  std::vector<Person> members;
};

/// Makes households one after another.
class Population {
 public:
  /// `today`: the reference date (ages, new-format codes, no date after it).
  Population(std::uint64_t seed, const Date& today);
  ~Population();
  Population(const Population&) = delete;
  Population& operator=(const Population&) = delete;

  /// Marks a personal code (11 digits) as taken, e.g. because it is in the database already.
  void reserve_code(std::string_view digits);
  /// The next household.
  Household next();
  /// A random address in a random municipality (weighted by inhabitants).
  Address address();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Days since 1970-01-01 of a date, and the date of such a day number.
int day_number(const Date& d);
Date date_of(int day);

/// The genitive plural that names a family after its (masculine) surname, as in "Bērziņu ģimene":
/// Bērziņš → Bērziņu, Ozols → Ozolu, Balodis → Baložu, Eglītis → Eglīšu, Liepa → Liepu.
std::string family_genitive(std::string_view masculine_surname);

}  // namespace atb::registry::gen
