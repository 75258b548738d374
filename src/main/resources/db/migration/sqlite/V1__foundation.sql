-- Sites, threads, comments and votes. Times are epoch milliseconds (UTC) in both dialects.
CREATE TABLE sites (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  origins     TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL
);

CREATE TABLE threads (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id     TEXT NOT NULL REFERENCES sites(id),
  page_key    TEXT NOT NULL,
  url         TEXT,
  title       TEXT,
  closed      INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  UNIQUE (site_id, page_key)
);

CREATE TABLE comments (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  thread_id        INTEGER NOT NULL REFERENCES threads(id),
  parent_id        INTEGER REFERENCES comments(id),
  root_id          INTEGER REFERENCES comments(id),
  depth            INTEGER NOT NULL DEFAULT 0,
  author_name      TEXT NOT NULL,
  author_email     TEXT,
  client_hash      TEXT,
  edit_token_hash  TEXT,
  body_markdown    TEXT NOT NULL,
  body_html        TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  edited_at        INTEGER,
  score            INTEGER NOT NULL DEFAULT 0,
  upvotes          INTEGER NOT NULL DEFAULT 0,
  downvotes        INTEGER NOT NULL DEFAULT 0,
  state            TEXT NOT NULL CHECK (state IN ('published', 'pending', 'rejected', 'deleted')),
  scores           TEXT,
  moderation       TEXT,
  source           TEXT,
  source_id        TEXT
);
CREATE INDEX comments_thread_top ON comments (thread_id, parent_id, created_at, id);
CREATE INDEX comments_thread_root ON comments (thread_id, root_id);
CREATE INDEX comments_state ON comments (state, created_at);
CREATE UNIQUE INDEX comments_source ON comments (source, source_id) WHERE source IS NOT NULL;

CREATE TABLE votes (
  comment_id  INTEGER NOT NULL REFERENCES comments(id),
  voter_hash  TEXT NOT NULL,
  value       INTEGER NOT NULL CHECK (value IN (-1, 1)),
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (comment_id, voter_hash)
);
