-- The seal of the audit chain's end (see src/audit/seal.h): HMAC of last_seq and last_hash
-- under a key kept outside the database. '' for a log written before sealing existed.
ALTER TABLE audit_head ADD COLUMN seal TEXT NOT NULL DEFAULT '';
