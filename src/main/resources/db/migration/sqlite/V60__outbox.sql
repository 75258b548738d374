-- The outbox: emails and webhook calls committed with the change that causes them, sent later by OutboxWorker.
-- Times are epoch milliseconds (UTC). A 'sending' row is leased to lease_owner until lease_until.
CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  kind             TEXT NOT NULL,
  payload          TEXT NOT NULL,
  dedupe_key       TEXT UNIQUE,
  state            TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts         INTEGER NOT NULL,
  next_attempt_at  INTEGER NOT NULL,
  lease_owner      TEXT,
  lease_until      INTEGER,
  last_error       TEXT,
  created_at       INTEGER NOT NULL,
  sent_at          INTEGER
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
