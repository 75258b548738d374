-- Site-wide defaults for per-article settings (issue 16): an article inherits each one unless it sets its own.
-- close_after_days counts from the thread's creation (its first comment); NULL means no default closing.
CREATE TABLE article_defaults (
  site_id          TEXT PRIMARY KEY REFERENCES sites(id),
  premoderate      INTEGER NOT NULL DEFAULT 0,
  close_after_days INTEGER,
  notice           TEXT
);
