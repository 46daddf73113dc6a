// `atbalsts key rotate`: a new text key for case notes and documents, every sealed value
// re-sealed with it, and the old keys retired (core/sealed_text.h, docs/notes-encryption.md).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "storage/database.h"

namespace atb::app {

/// How many values one transaction re-seals.
struct RotateOptions {
  std::size_t note_batch = 500;     ///< notes are small
  std::size_t document_batch = 4;   ///< documents are up to 20 MiB each
};

/// Rotates the text keys of the key file at `key_file` over the database `db`:
///  1. adds a key to the key file, unless a rotation is unfinished (an older key is not yet
///     retired: then it goes on with the current key, so running it again finishes the job);
///  2. re-seals every note text and document whose value is not under the current key, in
///     batches, one transaction per batch, printing progress to `out`;
///  3. retires every older key that no stored value uses any more.
/// A value that does not open (altered, or under a key the file does not have) is reported on
/// `err` and left as it is; its key is then not retired. Exit code 0 when every older key is
/// retired, 1 when something is left (run it again once the servers have restarted with the new
/// key file), 2 when the key file or the database fails.
int key_rotate_command(storage::Database& db, const std::string& key_file, std::ostream& out, std::ostream& err,
                       const RotateOptions& options = {});

}  // namespace atb::app
