-- Import runs killed outright (kill -9, power cut) are marked 'interrupted' at the next start: each run records the
-- process that owns it and when it last wrote a batch.
ALTER TABLE import_runs DROP CONSTRAINT import_runs_status_check;
ALTER TABLE import_runs ADD CONSTRAINT import_runs_status_check
  CHECK (status IN ('running', 'done', 'failed', 'interrupted'));
ALTER TABLE import_runs ADD COLUMN owner TEXT;
ALTER TABLE import_runs ADD COLUMN heartbeat_at BIGINT;

-- One-time repairs run by the next start of any Parley command; a row is deleted once its repair is done.
CREATE TABLE pending_repairs (name TEXT PRIMARY KEY);
-- imported HTML was once stored unsanitized (Parley JSON restores): pass every stored body through the allow-list
INSERT INTO pending_repairs (name) VALUES ('sanitize-comment-html');
