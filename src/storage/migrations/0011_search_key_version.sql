-- The version of the rules (registry/names: fold, stem) that made the stored person_key rows.
-- The code raises its version when those rules change and then rebuilds every key once at
-- start (registry/search_key_upgrade.h). Version 1: the rules before "-iece" and "-ais".
CREATE TABLE search_key_version (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL
);
INSERT INTO search_key_version (id, version) VALUES (1, 1);
