-- "Who looked at this record" for list reads, indexed once per user and day instead of once per
-- list (0009 indexed every list entry's every id, so a worker re-opening her case list wrote 20
-- index rows spread over the whole index each time). A row says: this user's list entries of
-- this day named this record, the first of them at first_seq. The entries themselves, with every
-- id they named, stay in the hash-chained audit_log; the viewer finds them from here by the
-- audit_log_user index (user_id, at) and the ids in their entity_id. Derived from the chain and
-- written in the same transaction as the entry. user_id 0 stands for an entry without a user.
CREATE TABLE audit_listed_day (
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  first_seq BIGINT NOT NULL,
  PRIMARY KEY (entity_type, entity_id, user_id, day)
){{sqlite}} WITHOUT ROWID{{end}};

INSERT INTO audit_listed_day (entity_type, entity_id, user_id, day, first_seq)
SELECT l.entity_type, l.entity_id, COALESCE(a.user_id, 0), substr(a.at, 1, 10), MIN(l.seq)
FROM audit_listed l JOIN audit_log a ON a.seq = l.seq
GROUP BY l.entity_type, l.entity_id, COALESCE(a.user_id, 0), substr(a.at, 1, 10);

DROP TABLE audit_listed;
