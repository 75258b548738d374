-- Importing: author usernames from other systems, the parent a post named in its source (for out-of-order and
-- missing parents), erasures, which source threads map to which Parley thread, and a log of import runs.
ALTER TABLE comments ADD COLUMN author_username TEXT;
ALTER TABLE comments ADD COLUMN parent_source_id TEXT;
-- set when the author's data was erased (GDPR): the row stays as a "[deleted]" placeholder and imports skip it
ALTER TABLE comments ADD COLUMN erased_at BIGINT;

CREATE TABLE thread_sources (
  site_id    TEXT NOT NULL REFERENCES sites(id),
  source     TEXT NOT NULL,
  source_id  TEXT NOT NULL,
  thread_id  INTEGER NOT NULL REFERENCES threads(id),
  PRIMARY KEY (site_id, source, source_id)
);

CREATE TABLE import_runs (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id      TEXT NOT NULL,
  format       TEXT NOT NULL,
  file_name    TEXT,
  started_at   INTEGER NOT NULL,
  finished_at  INTEGER,
  status       TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  threads      INTEGER NOT NULL DEFAULT 0,
  comments     INTEGER NOT NULL DEFAULT 0,
  warnings     INTEGER NOT NULL DEFAULT 0,
  error        TEXT
);
