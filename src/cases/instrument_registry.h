// All assessment instruments of a folder (config/instruments by default, config key
// [cases] instruments_dir), by id and version. Loaded once at start; read-only afterwards.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "cases/instrument.h"
#include "core/result.h"

namespace atb::cases {

/// Every version of every instrument in a folder.
class InstrumentRegistry {
 public:
  /// Loads every "*.json" file of `dir` (not recursively) with load_instrument_file. The first
  /// invalid file's error is returned (its message names the file); so is a repeated
  /// (id, version) and a missing folder.
  static Result<InstrumentRegistry> load_dir(const std::filesystem::path& dir);

  /// A registry of already parsed instruments; a repeated (id, version) is an error.
  static Result<InstrumentRegistry> make(std::vector<Instrument> instruments);

  /// The instrument `id` at `version` (what an assessment stored), or nullptr.
  const Instrument* find(std::string_view id, int version) const;
  /// The highest version of `id` (for a new assessment), or nullptr.
  const Instrument* latest(std::string_view id) const;
  /// Like find, but a not_found error naming the instrument when there is none.
  Result<const Instrument*> require(std::string_view id, int version) const;
  /// The latest version of each instrument, sorted by id.
  std::vector<const Instrument*> latest_all() const;
  /// Every instrument, sorted by id then version.
  const std::vector<Instrument>& all() const { return instruments_; }

 private:
  std::vector<Instrument> instruments_;  ///< sorted by (id, version)
};

}  // namespace atb::cases
