-- Outgoing webhooks: a site's URLs that get a signed JSON POST when a comment is published, held or reported.
-- events is a comma-separated subset of published,held,reported. Times are epoch milliseconds.
CREATE TABLE webhooks (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id     TEXT NOT NULL REFERENCES sites(id),
  url         TEXT NOT NULL,
  secret      TEXT NOT NULL,
  format      TEXT NOT NULL CHECK (format IN ('json', 'slack', 'discord')),
  events      TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX webhooks_site ON webhooks (site_id);
