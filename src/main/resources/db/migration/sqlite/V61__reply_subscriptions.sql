-- Readers who asked to be emailed replies to their comments: in one thread, or (thread_id NULL) anywhere on the
-- site. A row is pending until the reader follows the confirmation link (double opt-in); unsubscribing deletes it.
-- signing_keys holds the server's secrets for signed links, shared by every instance. Times are epoch milliseconds.
CREATE TABLE reply_subscriptions (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id       TEXT NOT NULL REFERENCES sites(id),
  email         TEXT NOT NULL,
  thread_id     INTEGER REFERENCES threads(id),
  confirmed_at  INTEGER,
  created_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX reply_subscriptions_scope ON reply_subscriptions (site_id, email, COALESCE(thread_id, 0));

CREATE TABLE signing_keys (
  name        TEXT PRIMARY KEY,
  secret      TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
