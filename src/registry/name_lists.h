// Data for the demonstration registry generator (generator.h): Latvian given names by sex and
// birth era, surnames with their masculine and feminine forms, and the municipalities of Latvia
// with towns, streets and postal codes. Weights are rough relative frequencies (not statistics).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace atb::registry::lists {

/// A name and how often it occurs, relative to the others of its list.
struct WeightedName {
  const char* name;
  int weight;
};

/// A surname in its masculine and feminine form (Bērziņš / Bērziņa, Jansons / Jansone, Liepa /
/// Liepa), with a relative frequency.
struct Surname {
  std::string masculine;
  std::string feminine;
  int weight;
};

/// The feminine form of a masculine surname by the usual Latvian rules: Bērziņš → Bērziņa,
/// Balodis → Balode, Jansons → Jansone, Upenieks → Upeniece, Latkovskis → Latkovska,
/// Kalējs → Kalēja, Ozols → Ozola, Ivanovs → Ivanova; Liepa and Ševčenko stay as they are.
std::string feminine_of(std::string_view masculine);

/// Where a family's names come from: Latvian, or Slavic (Russian, Belarusian, Ukrainian, Polish)
/// names in their Latvian spelling (Ivanovs / Ivanova, Jeļena, Sergejs).
enum class Origin { latvian, slavic };

/// The given names of persons of one sex and origin born in [born_from, born_until].
struct GivenNames {
  char sex;  ///< 'F' or 'M'
  Origin origin;
  int born_from;
  int born_until;
  std::vector<WeightedName> names;
};

/// Every list of given names; for each sex and origin the eras cover all years.
const std::vector<GivenNames>& given_names();
/// Less common given names of any era, one list per sex and origin (weights all 1): about two
/// names in five are drawn from these, so that no name is far more common than in Latvia.
const std::vector<GivenNames>& rare_given_names();
/// Surnames of Latvian origin: the common ones with their weights, and a long tail of others
/// (three quarters of all bearers) so that the most common surname is borne by under 1 % of
/// the people, as in Latvia.
const std::vector<Surname>& latvian_surnames();
/// Slavic surnames in Latvian spelling, likewise (the tail has two thirds of the bearers).
const std::vector<Surname>& slavic_surnames();
/// The tails: masculine forms only (feminine_of gives the other).
const std::vector<const char*>& latvian_surname_tail();
const std::vector<const char*>& slavic_surname_tail();

/// A town, city or parish centre with its postal codes LV-<first> … LV-<first + count − 1>.
struct Town {
  const char* name;
  int postal_first;  ///< e.g. 3401 for LV-3401
  int postal_count;
  int weight;        ///< share of the municipality's inhabitants, relative
  std::vector<const char*> streets;  ///< its own streets; empty: the common street names
};

/// A municipality (valstspilsēta or novads) with its towns.
struct Municipality {
  const char* name;        ///< "Liepājas valstspilsēta", "Ogres novads"
  int inhabitants;         ///< in thousands, about (2021)
  int slavic_percent;      ///< share of families with Slavic names, about
  bool city;               ///< a state city: mostly flats, no homesteads
  std::vector<Town> towns;
};

/// The 43 municipalities of Latvia since the 2021 reform.
const std::vector<Municipality>& municipalities();
/// Street names found in almost every Latvian town.
const std::vector<const char*>& common_streets();
/// Names of rural homesteads (mājas), used instead of a street in the countryside.
const std::vector<const char*>& homesteads();

}  // namespace atb::registry::lists
