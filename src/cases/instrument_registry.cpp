#include "cases/instrument_registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

namespace atb::cases {

namespace {

bool before(const Instrument& a, const Instrument& b) {
  return a.id != b.id ? a.id < b.id : a.version < b.version;
}

}  // namespace

Result<InstrumentRegistry> InstrumentRegistry::make(std::vector<Instrument> instruments) {
  std::sort(instruments.begin(), instruments.end(), before);
  for (std::size_t i = 1; i < instruments.size(); ++i) {
    const Instrument& a = instruments[i - 1];
    const Instrument& b = instruments[i];
    if (a.id == b.id && a.version == b.version) {
      Error e = Error::invalid_field(
          "version",
          {fmt::format("Instruments \"{}\" versija {} ir divreiz.", a.id, a.version),
           fmt::format("Instrument \"{}\" version {} is there twice.", a.id, a.version)});
      e.code = Errc::conflict;
      return e;
    }
  }
  InstrumentRegistry r;
  r.instruments_ = std::move(instruments);
  return r;
}

Result<InstrumentRegistry> InstrumentRegistry::load_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    const Text missing{fmt::format("Instrumentu mape {} nav atrasta.", dir.string()),
                       fmt::format("The instruments folder {} was not found.", dir.string())};
    Error e = Error::invalid_field("instruments_dir", missing);
    e.message = missing;  // said at start, so the headline names the folder too
    return e;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path());
  }
  if (ec) return Error::internal("cannot list " + dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<Instrument> instruments;
  for (const auto& f : files) {
    ATB_TRY_ASSIGN(ins, load_instrument_file(f));
    instruments.push_back(std::move(ins));
  }
  return make(std::move(instruments));
}

const Instrument* InstrumentRegistry::find(std::string_view id, int version) const {
  for (const Instrument& i : instruments_) {
    if (i.id == id && i.version == version) return &i;
  }
  return nullptr;
}

const Instrument* InstrumentRegistry::latest(std::string_view id) const {
  const Instrument* best = nullptr;
  for (const Instrument& i : instruments_) {
    if (i.id == id) best = &i;  // sorted by version within an id
  }
  return best;
}

Result<const Instrument*> InstrumentRegistry::require(std::string_view id, int version) const {
  if (const Instrument* i = find(id, version)) return i;
  Error e = Error::invalid_field(
      "instrument", {fmt::format("Nav instrumenta \"{}\" versijas {}.", id, version),
                     fmt::format("There is no instrument \"{}\" version {}.", id, version)});
  e.code = Errc::not_found;
  return e;
}

std::vector<const Instrument*> InstrumentRegistry::latest_all() const {
  std::vector<const Instrument*> out;
  for (std::size_t i = 0; i < instruments_.size(); ++i) {
    const bool last_of_id =
        i + 1 == instruments_.size() || instruments_[i + 1].id != instruments_[i].id;
    if (last_of_id) out.push_back(&instruments_[i]);
  }
  return out;
}

}  // namespace atb::cases
