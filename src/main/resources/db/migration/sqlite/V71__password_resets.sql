-- Password-reset tokens: only the SHA-256 of the emailed token is kept; a token works once, before expires_at.
CREATE TABLE password_resets (
  token_hash  TEXT PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts(id),
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER
);
CREATE INDEX password_resets_account ON password_resets (account_id);
