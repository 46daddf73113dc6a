-- How far the hash chain has taken each read journal (audit/journal.h, audit/drain.h): the
-- id of the last journal entry appended, by the journal file's identity. It is set in the same
-- transaction that appends the entries, so an entry the chain holds is never appended twice,
-- even if the server stopped before it removed the entries from the journal.
CREATE TABLE audit_journal_mark (
  journal_uid TEXT PRIMARY KEY,
  mark BIGINT NOT NULL
);
