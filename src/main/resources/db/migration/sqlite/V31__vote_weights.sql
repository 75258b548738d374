-- Votes remember the voter's address (hashed) and account, and how much each counts: anonymous votes from one
-- address on one comment count only up to a cap; signed-in votes always count fully.
ALTER TABLE votes ADD COLUMN ip_hash TEXT;
ALTER TABLE votes ADD COLUMN account_id INTEGER;
ALTER TABLE votes ADD COLUMN weight INTEGER NOT NULL DEFAULT 1;
CREATE INDEX votes_ip ON votes (ip_hash, comment_id);
CREATE INDEX votes_account ON votes (account_id, comment_id);
