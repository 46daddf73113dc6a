-- The process record of a case: notes (piezīmes), documents (attachments) and the opinions
-- (atzinumi) given to the orphan's court or a court. Note texts and document bytes are stored
-- only sealed (core/sealed_text.h: "k<id>:<base64>", the key in the key file outside the
-- database; docs/notes-encryption.md). Notes and documents are a record: never changed, except
-- by `atbalsts key rotate`, which re-seals them.

-- A dated note by kind. text_sealed: the sealed text. Listed newest first on the case page.
CREATE TABLE case_note (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'meeting', 'case_conference', 'other')),
  occurred_on TEXT NOT NULL,
  author_id BIGINT NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  text_sealed TEXT NOT NULL
);
CREATE INDEX case_note_case ON case_note (case_id, created_at, id);

-- An attachment: its kind, the (safe) file name, the media type found in its bytes, its size in
-- bytes, and the sealed bytes (base64 inside the sealed form; last, so that lists skip it).
CREATE TABLE case_document (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  kind TEXT NOT NULL CHECK (kind IN ('agreement', 'assessment', 'court', 'letter', 'opinion', 'other')),
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES app_user (id),
  uploaded_at TEXT NOT NULL,
  content_sealed TEXT NOT NULL
);
CREATE INDEX case_document_case ON case_document (case_id, id);

-- The signed agreement to cooperate: a document of the case (kind "agreement").
ALTER TABLE case_agreement ADD COLUMN document_id BIGINT REFERENCES case_document (id);

-- The last opinion number given per municipality and year (numbers are drawn under the row's
-- lock: INSERT … ON CONFLICT DO UPDATE … RETURNING).
CREATE TABLE case_opinion_counter (
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  year INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (municipality_id, year)
);

-- An opinion: its reference ("SD/ATZ/2026/17", unique per municipality and year), the PDF as a
-- document of kind "opinion", whom it is addressed to, who made it and when.
CREATE TABLE case_opinion (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  year INTEGER NOT NULL,
  number INTEGER NOT NULL,
  reference TEXT NOT NULL,
  document_id BIGINT NOT NULL REFERENCES case_document (id),
  addressee TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  UNIQUE (municipality_id, year, number)
);
CREATE INDEX case_opinion_case ON case_opinion (case_id, id);
