#include "app/key_commands.h"

#include <fmt/format.h>

#include "core/sealed_text.h"

namespace atb::app {
namespace {

/// A column of sealed values.
struct SealedColumn {
  const char* table;
  const char* column;
  const char* what;  ///< for progress lines
  std::size_t batch;
};

std::string prefix_of(std::uint32_t id) { return "k" + std::to_string(id) + ":"; }

/// What re-sealing a column did.
struct Tally {
  std::int64_t resealed = 0, failed = 0;
};

/// How many values of `col` are not under key `current` (a full scan: for progress only).
Result<std::int64_t> count_pending(storage::Database& db, const SealedColumn& col, std::uint32_t current) {
  const std::string prefix = prefix_of(current);
  return db.read([&](storage::Connection& c) -> Result<std::int64_t> {
    ATB_TRY_ASSIGN(rows, c.query(fmt::format("SELECT COUNT(*) FROM {} WHERE substr({}, 1, {}) <> ?", col.table,
                                             col.column, prefix.size()),
                                 storage::params(prefix)));
    return rows[0].integer(0);
  });
}

/// Re-seals every value of `col` not under the current key, in batches of col.batch rows (by
/// id), one transaction each. Values that do not open are counted and skipped.
Result<Tally> reseal_column(storage::Database& db, const Keyring& ring, const SealedColumn& col, std::ostream& out,
                            std::ostream& err) {
  const std::string prefix = prefix_of(ring.current_id());
  ATB_TRY_ASSIGN(pending, count_pending(db, col, ring.current_id()));
  out << fmt::format("{}: {} to re-seal under key {}\n", col.what, pending, ring.current_id()) << std::flush;
  Tally tally;
  std::int64_t after = 0;
  for (bool more = pending > 0; more;) {
    ATB_TRY(db.write([&](storage::Connection& c) -> Result<void> {
      ATB_TRY_ASSIGN(rows, c.query(fmt::format("SELECT id, {1} FROM {0} WHERE id > ? AND substr({1}, 1, {2}) <> ?"
                                               " ORDER BY id LIMIT ?", col.table, col.column, prefix.size()),
                                   storage::params(after, prefix, static_cast<std::int64_t>(col.batch))));
      more = rows.size() == col.batch;
      for (const storage::Row& r : rows) {
        after = r.integer(0);
        auto resealed = ring.reseal(r.text(1));
        if (!resealed) {
          ++tally.failed;
          err << fmt::format("{} {}: cannot be opened ({}); left as it is\n", col.table, after, resealed.error().detail);
          continue;
        }
        ATB_TRY(c.execute(fmt::format("UPDATE {} SET {} = ? WHERE id = ?", col.table, col.column),
                          storage::params(*resealed, after)));
        ++tally.resealed;
      }
      return ok();
    }));
    out << fmt::format("{}: {} of {} re-sealed\n", col.what, tally.resealed, pending) << std::flush;
  }
  return tally;
}

/// Whether any value of `col` is still sealed under key `id`.
Result<bool> still_used(storage::Database& db, const SealedColumn& col, std::uint32_t id) {
  const std::string prefix = prefix_of(id);
  return db.read([&](storage::Connection& c) -> Result<bool> {
    ATB_TRY_ASSIGN(rows, c.query(fmt::format("SELECT 1 FROM {} WHERE substr({}, 1, {}) = ? LIMIT 1", col.table,
                                             col.column, prefix.size()),
                                 storage::params(prefix)));
    return !rows.empty();
  });
}

Result<bool> rotate(storage::Database& db, const std::string& key_file, std::ostream& out, std::ostream& err,
                    const RotateOptions& options) {
  const SealedColumn columns[] = {{"case_note", "text_sealed", "notes", options.note_batch},
                                  {"case_document", "content_sealed", "documents", options.document_batch},
                                  {"mentor_meeting", "note_sealed", "mentor meeting notes", options.note_batch}};
  ATB_TRY_ASSIGN(before, Keyring::load(key_file));
  if (before.ids().size() == 1) {
    ATB_TRY_ASSIGN(added, Keyring::add_key(key_file));
    out << fmt::format("Key {} added to {}. Copy the key file to every server and restart them.\n", added, key_file);
  } else {
    out << fmt::format("Continuing the unfinished rotation to key {}.\n", before.current_id());
  }
  ATB_TRY_ASSIGN(ring, Keyring::load(key_file));
  bool failed = false;
  for (const SealedColumn& col : columns) {
    ATB_TRY_ASSIGN(tally, reseal_column(db, ring, col, out, err));
    failed = failed || tally.failed > 0;
  }
  bool left = false;
  for (std::uint32_t id : ring.ids()) {
    if (id == ring.current_id()) continue;
    bool used = false;
    for (const SealedColumn& col : columns) {
      ATB_TRY_ASSIGN(u, still_used(db, col, id));
      used = used || u;
    }
    if (used) {
      left = true;
      out << fmt::format("Key {} is still used (values written by a server with the old key file, or that do not "
                         "open); not retired. Restart the servers with the new key file and run again.\n", id);
      continue;
    }
    ATB_TRY(Keyring::retire_key(key_file, id));
    out << fmt::format("Key {} retired.\n", id);
  }
  if (!left && !failed) {
    out << fmt::format("Done: every note and document is sealed under key {}. Copy the key file to every server.\n",
                       ring.current_id());
  }
  return !left && !failed;
}

}  // namespace

int key_rotate_command(storage::Database& db, const std::string& key_file, std::ostream& out, std::ostream& err,
                       const RotateOptions& options) {
  auto done = rotate(db, key_file, out, err, options);
  if (!done) {
    const Error& e = done.error();
    err << "key rotate failed: " << e.message.en << (e.message.en.empty() ? "" : " ") << e.detail << "\n";
    return 2;
  }
  return *done ? 0 : 1;
}

}  // namespace atb::app
