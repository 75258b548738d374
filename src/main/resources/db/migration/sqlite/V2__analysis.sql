-- Perspective-compatible analysis API: API keys, usage counters, moderators' feedback. Times are epoch ms (UTC).
CREATE TABLE analysis_keys (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL,
  key_prefix  TEXT NOT NULL,
  key_hash    TEXT NOT NULL UNIQUE,
  qps         INTEGER NOT NULL CHECK (qps > 0),
  created_at  INTEGER NOT NULL,
  revoked_at  INTEGER
);

-- One row per key and metric: 'requests', 'suggestions', 'throttled', or an attribute name such as 'TOXICITY'.
CREATE TABLE analysis_usage (
  key_id      INTEGER NOT NULL REFERENCES analysis_keys(id),
  metric      TEXT NOT NULL,
  count       INTEGER NOT NULL DEFAULT 0,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (key_id, metric)
);

-- comments:suggestscore: one row per suggested attribute. text is NULL when the client asked doNotStore.
CREATE TABLE analysis_feedback (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  key_id        INTEGER NOT NULL REFERENCES analysis_keys(id),
  community_id  TEXT,
  client_token  TEXT,
  text          TEXT,
  language      TEXT,
  attribute     TEXT NOT NULL,
  value         REAL NOT NULL,
  created_at    INTEGER NOT NULL
);
CREATE INDEX analysis_feedback_key ON analysis_feedback (key_id, community_id, client_token);
