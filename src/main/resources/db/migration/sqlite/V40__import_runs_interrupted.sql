-- Import runs killed outright (kill -9, power cut) are marked 'interrupted' at the next start: each run records the
-- process that owns it and when it last wrote a batch. SQLite cannot alter a CHECK constraint: the table is rebuilt.
CREATE TABLE import_runs_new (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id      TEXT NOT NULL,
  format       TEXT NOT NULL,
  file_name    TEXT,
  started_at   INTEGER NOT NULL,
  finished_at  INTEGER,
  status       TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
  threads      INTEGER NOT NULL DEFAULT 0,
  comments     INTEGER NOT NULL DEFAULT 0,
  warnings     INTEGER NOT NULL DEFAULT 0,
  error        TEXT,
  owner        TEXT,
  heartbeat_at INTEGER
);
INSERT INTO import_runs_new (id, site_id, format, file_name, started_at, finished_at, status, threads, comments,
  warnings, error)
  SELECT id, site_id, format, file_name, started_at, finished_at, status, threads, comments, warnings, error
  FROM import_runs;
DROP TABLE import_runs;
ALTER TABLE import_runs_new RENAME TO import_runs;

-- One-time repairs run by the next start of any Parley command; a row is deleted once its repair is done.
CREATE TABLE pending_repairs (name TEXT PRIMARY KEY);
-- imported HTML was once stored unsanitized (Parley JSON restores): pass every stored body through the allow-list
INSERT INTO pending_repairs (name) VALUES ('sanitize-comment-html');
