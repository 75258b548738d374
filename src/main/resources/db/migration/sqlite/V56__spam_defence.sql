-- Spam defence per site (honeypot, proof of work) as JSON; the proof-of-work signing secret shared by all
-- instances; spent proof-of-work solutions until their challenge expires, so none can be used twice.
CREATE TABLE site_defence (
  site_id     TEXT PRIMARY KEY REFERENCES sites(id),
  settings    TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE TABLE defence_secret (
  id          INTEGER PRIMARY KEY,
  secret      TEXT NOT NULL
);
CREATE TABLE pow_spent (
  signature   TEXT PRIMARY KEY,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX pow_spent_expiry ON pow_spent (expires_at);
