-- A moderator's claim on a queue item: while it lasts, nobody else may act on the comment (409 CLAIMED_BY_OTHER).
-- expires_at (ms) is renewed while the moderator's card stays open; an expired claim is as good as none.
CREATE TABLE claims (
  comment_id  BIGINT PRIMARY KEY REFERENCES comments(id),
  site_id     TEXT NOT NULL,
  account_id  BIGINT NOT NULL REFERENCES accounts(id),
  moderator   TEXT NOT NULL,
  expires_at  BIGINT NOT NULL
);
CREATE INDEX claims_site ON claims (site_id, expires_at);
