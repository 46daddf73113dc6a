// Checkpoints of a SQLite database in WAL mode, mostly off the path of the commits.
//
// By default SQLite checkpoints inside the commit that takes the WAL past 1,000 pages: that
// commit (and every request waiting on it, such as the reads waiting for their audit entry)
// then waits while pages are copied into the database file and synced. Instead one
// background thread per database file runs a PASSIVE checkpoint (it waits for no reader or
// writer) every few milliseconds, and the connections checkpoint in a commit only past 8,192
// pages (engine.cpp): by then the background has copied nearly everything, so that
// checkpoint is short, and it is what lets the next write start the WAL over (a passive
// checkpoint alone never does while reads go on), which journal_size_limit then cuts back.
// When the last connection to the file closes, SQLite checkpoints what is left itself.
#pragma once

#include <memory>
#include <string>

namespace atb::storage::sqlite {

class Checkpointer;

/// The background checkpointer of the database file at `path`, started with the first
/// connection that asks and stopped when the last holder lets it go. nullptr for databases
/// that are not files (":memory:"), or if its own connection cannot be opened.
std::shared_ptr<Checkpointer> checkpointer_for(const std::string& path);

}  // namespace atb::storage::sqlite
