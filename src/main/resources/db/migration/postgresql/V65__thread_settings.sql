-- Per-article settings (issue 16): hold every comment on this thread, a notice shown above it, and a time after which
-- it takes no new comments. Written with a version bump in the same UPDATE, so cached pages see the notice at once.
ALTER TABLE threads ADD COLUMN premoderate BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE threads ADD COLUMN notice TEXT;
ALTER TABLE threads ADD COLUMN closes_at BIGINT;
