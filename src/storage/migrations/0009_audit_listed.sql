-- A list or search read is one audit entry whose entity_id names every row shown, in the
-- order shown ("12,45,78"); the chain's hash covers that text. This table indexes the ids of
-- such entries, so that "who looked at this record" finds them from any one of their ids. It
-- is derived from the chain and written in the same transaction as the entry.
CREATE TABLE audit_listed (
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  seq BIGINT NOT NULL REFERENCES audit_log (seq),
  PRIMARY KEY (entity_type, entity_id, seq)
){{sqlite}} WITHOUT ROWID{{end}};
