-- An institution of the partner register counts its changes (optimistic concurrency, as every
-- other record that is changed through a form): PATCH /api/v1/partners/{id} names the version it
-- read, and a change made meanwhile by someone else answers 409 instead of being overwritten.
ALTER TABLE partner ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
