-- POST /api/v1/comments retried with the same Idempotency-Key answers with the comment first created (24 h).
-- key_hash: SHA-256 of the reader's identity + site + key; edit_token: the comment's edit token, sealed with the key.
CREATE TABLE idempotency_keys (
  key_hash      TEXT PRIMARY KEY,
  request_hash  TEXT NOT NULL,
  comment_id    INTEGER NOT NULL,
  edit_token    TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
